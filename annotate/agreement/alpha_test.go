package agreement

import (
	"math"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func span(label string, start, end int) annotate.Span {
	return annotate.Span{Label: label, Start: start, End: end}
}

func near(t *testing.T, what string, got, want, tolerance float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tolerance {
		t.Errorf("%s = %.5f, want %.5f ± %g", what, got, want, tolerance)
	}
}

// krippendorff2004 is the worked example of Krippendorff, K. (2004), Content
// Analysis: An Introduction to Its Methodology, 2nd ed., Sage, p. 254: two
// observers unitize the continuum 150–450 into categories c and k. Here it is
// shifted to start at 0 (α_u depends on differences only). The published
// figures are D_o = .0144, D_e = .0532, α_c = .7286 for c, α_k = 1 for k
// (D_e = .0490), and α_u = .8591 over both; DKPro Agreement's
// Krippendorff2004Test checks its implementation against the same numbers.
func krippendorff2004() Document {
	const shift = 150
	at := func(label string, offset, length int) annotate.Span {
		return span(label, offset-shift, offset-shift+length)
	}
	return Document{ID: 1, Length: 300,
		A: []annotate.Span{at("c", 225, 70), at("c", 370, 30), at("k", 180, 60), at("k", 300, 50)},
		B: []annotate.Span{at("c", 220, 80), at("c", 355, 20), at("c", 400, 20), at("k", 180, 60), at("k", 300, 50)},
	}
}

func TestAlphaMatchesKrippendorff2004WorkedExample(t *testing.T) {
	doc := krippendorff2004()
	c := newContinuum()
	a := filterSorted(nil, doc.A, labelFilter(nil))
	b := filterSorted(nil, doc.B, labelFilter(nil))
	c.add(a, b, doc.Length)

	do, de := c.disagreement("c")
	near(t, "D_o(c)", do, 0.0144, 0.0001)
	near(t, "D_e(c)", de, 0.0532, 0.0001)
	do, de = c.disagreement("k")
	near(t, "D_o(k)", do, 0, 1e-12)
	near(t, "D_e(k)", de, 0.0490, 0.0001)

	result := Compare([]Document{doc}, Options{})
	near(t, "α_u(c)", result.Labels["c"].AlphaU, 0.7286, 0.0001)
	near(t, "α_u(k)", result.Labels["k"].AlphaU, 1, 1e-12)
	near(t, "α_u over both", result.Micro.AlphaU, 0.8591, 0.0005)
}

// krippendorff1995 is the example of Krippendorff, K. (1995), On the reliability
// of unitizing continuous data, Sociological Methodology 25, p. 57: four pairs
// of coders (A–D) unitize 24 positions, each pair as one label here. stretch
// multiplies every position, as DKPro Agreement's Krippendorff1995Test does to
// approach the paper's continuous data.
func krippendorff1995(stretch int) Document {
	at := func(label string, offset, length int) annotate.Span {
		return span(label, offset*stretch, (offset+length)*stretch)
	}
	return Document{ID: 1, Length: 24 * stretch,
		A: []annotate.Span{
			at("A", 2, 8), at("A", 14, 6),
			at("B", 0, 18),
			at("C", 2, 6), at("C", 10, 2), at("C", 14, 4), at("C", 20, 2),
			at("D", 0, 2), at("D", 2, 8), at("D", 10, 4), at("D", 14, 6), at("D", 20, 4),
		},
		B: []annotate.Span{
			at("A", 4, 4), at("A", 15, 2),
			at("B", 0, 2), at("B", 2, 1), at("B", 3, 1), at("B", 4, 1), at("B", 5, 1), at("B", 6, 3), at("B", 9, 1),
			at("C", 0, 2), at("C", 4, 4), at("C", 10, 4), at("C", 16, 2), at("C", 20, 2),
			at("D", 0, 4), at("D", 4, 4), at("D", 8, 7), at("D", 15, 2), at("D", 17, 7),
		},
	}
}

func TestAlphaMatchesKrippendorff1995Example(t *testing.T) {
	observed := map[string]float64{"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}
	doc := krippendorff1995(1)
	c := newContinuum()
	c.add(filterSorted(nil, doc.A, labelFilter(nil)), filterSorted(nil, doc.B, labelFilter(nil)), doc.Length)
	for label, want := range observed {
		do, _ := c.disagreement(label)
		near(t, "D_o("+label+")", do, want, 0.00001)
	}

	// At 50,000 points per position the data are close to continuous; the
	// paper's D_e and α (as DKPro reproduces them, within its tolerances).
	expected := map[string]float64{"A": 0.06990, "B": 1.17731, "C": 0.08642, "D": 0.41445}
	alpha := map[string]float64{"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}
	result := Compare([]Document{krippendorff1995(50_000)}, Options{})
	doc = krippendorff1995(50_000)
	c = newContinuum()
	c.add(filterSorted(nil, doc.A, labelFilter(nil)), filterSorted(nil, doc.B, labelFilter(nil)), doc.Length)
	for label, want := range expected {
		_, de := c.disagreement(label)
		near(t, "D_e("+label+")", de, want, 0.005)
		near(t, "α_u("+label+")", result.Labels[label].AlphaU, alpha[label], 0.02)
	}
}

func TestAlphaHandComputedSmallCase(t *testing.T) {
	// Continuum of 10. A: X at [2,6). B: X at [3,6).
	// D_o: one overlapping pair, δ = (2−3)² + (6−6)² = 1, so D_o = 1/100.
	// Units: N = 2, lengths 4 and 3. Gaps: A has 2 and 4, B has 3 and 4.
	// Unit 4: (N−1)(2·64 − 3·16 + 4)/3 = 28; gaps ≥ 4: the two 4s, (4−4+1)·2 = 2, times 16 = 32.
	// Unit 3: (2·27 − 27 + 3)/3 = 10; gaps ≥ 3: 3, 4, 4 → 1 + 2 + 2 = 5, times 9 = 45.
	// Sum 115; D_e = 2/10 · 115 / (2·10·19 − (4·3 + 3·2)) = 23 / 362.
	doc := Document{Length: 10, A: []annotate.Span{span("X", 2, 6)}, B: []annotate.Span{span("X", 3, 6)}}
	c := newContinuum()
	c.add(doc.A, doc.B, doc.Length)
	do, de := c.disagreement("X")
	near(t, "D_o", do, 0.01, 1e-12)
	near(t, "D_e", de, 23.0/362, 1e-12)
	near(t, "α_u", Compare([]Document{doc}, Options{}).Labels["X"].AlphaU, 1-0.01/(23.0/362), 1e-12)
}

func TestAlphaLaysDocumentsEndToEnd(t *testing.T) {
	first := Document{ID: 1, Length: 40, A: []annotate.Span{span("X", 2, 9)}, B: []annotate.Span{span("X", 3, 9)}}
	second := Document{ID: 2, Length: 30, A: []annotate.Span{span("X", 10, 20)}, B: []annotate.Span{span("X", 12, 20), span("X", 25, 28)}}
	joined := Document{ID: 3, Length: 70,
		A: []annotate.Span{span("X", 2, 9), span("X", 50, 60)},
		B: []annotate.Span{span("X", 3, 9), span("X", 52, 60), span("X", 65, 68)},
	}
	got := Compare([]Document{first, second}, Options{}).Labels["X"].AlphaU
	want := Compare([]Document{joined}, Options{}).Labels["X"].AlphaU
	near(t, "α_u of two documents", got, want, 1e-12)
}

func TestAlphaLeavesOutARatersOverlappingUnitsOfOneLabel(t *testing.T) {
	// B's [4,8) overlaps its own longer [2,10) and is left out, as INCEpTION does.
	withNested := Document{Length: 20, A: []annotate.Span{span("X", 2, 10)}, B: []annotate.Span{span("X", 2, 10), span("X", 4, 8)}}
	near(t, "α_u", Compare([]Document{withNested}, Options{}).Labels["X"].AlphaU, 1, 1e-12)
}

func TestAlphaIsUndefinedWithoutUnits(t *testing.T) {
	result := Compare([]Document{{Length: 10}}, Options{Labels: []string{"X"}})
	if got := result.Labels["X"].AlphaU; !math.IsNaN(got) {
		t.Errorf("α_u with no units = %v, want NaN", got)
	}
	if got := result.Micro.AlphaU; !math.IsNaN(got) {
		t.Errorf("micro α_u with no units = %v, want NaN", got)
	}
}
