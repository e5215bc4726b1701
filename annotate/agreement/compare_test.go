package agreement

import (
	"fmt"
	"math"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// handCase is worked out by hand in TestCompareHandComputedCase.
func handCase() []Document {
	return []Document{{ID: 7, Length: 100,
		A: []annotate.Span{span("QUOTE", 0, 10), span("QUOTE", 20, 30), span("CLAIM", 40, 50), span("CLAIM", 60, 70)},
		B: []annotate.Span{span("QUOTE", 0, 10), span("QUOTE", 22, 30), span("CLAIM", 40, 50), span("QUOTE", 60, 70), span("DEMAND", 80, 90)},
	}}
}

func TestCompareHandComputedCase(t *testing.T) {
	r := Compare(handCase(), Options{})
	type want struct {
		a, b, exact, overlap int
		exactF1, overlapF1   float64
		kappa                float64
	}
	// QUOTE: A 2, B 3; [0,10) exact; [20,30)~[22,30) overlaps. F1 2/5, 4/5.
	// CLAIM: A 2, B 1; [40,50) exact. F1 2/3 both.
	// DEMAND: only B. F1 0.
	// κ items (same range in both): [0,10) Q/Q, [40,50) C/C, [60,70) C/Q.
	// p_o = 2/3; A gave Q 1, C 2; B gave Q 2, C 1; p_e = 2/9 + 2/9 = 4/9;
	// κ = (2/3 − 4/9) / (5/9) = 0.4. QUOTE vs rest and CLAIM vs rest: same table, 0.4.
	// DEMAND vs rest: no item has it, p_e = 1, undefined.
	cases := map[string]want{
		"QUOTE":  {2, 3, 1, 2, 0.4, 0.8, 0.4},
		"CLAIM":  {2, 1, 1, 1, 2.0 / 3, 2.0 / 3, 0.4},
		"DEMAND": {0, 1, 0, 0, 0, 0, math.NaN()},
	}
	if len(r.Labels) != len(cases) {
		t.Fatalf("labels %v, want %d", r.LabelNames(), len(cases))
	}
	for name, w := range cases {
		m := r.Labels[name]
		if m.ASpans != w.a || m.BSpans != w.b || m.ExactMatches != w.exact || m.OverlapMatches != w.overlap {
			t.Errorf("%s: counts %+v, want a=%d b=%d exact=%d overlap=%d", name, m, w.a, w.b, w.exact, w.overlap)
		}
		near(t, name+" exact F1", m.ExactF1(), w.exactF1, 1e-12)
		near(t, name+" overlap F1", m.OverlapF1(), w.overlapF1, 1e-12)
		if math.IsNaN(w.kappa) {
			if !math.IsNaN(m.Kappa) {
				t.Errorf("%s κ = %v, want undefined", name, m.Kappa)
			}
		} else {
			near(t, name+" κ", m.Kappa, w.kappa, 1e-12)
		}
	}
	m := r.Micro
	if m.ASpans != 4 || m.BSpans != 5 || m.ExactMatches != 2 || m.OverlapMatches != 3 || m.KappaItems != 3 {
		t.Errorf("micro counts %+v", m)
	}
	near(t, "micro exact F1", m.ExactF1(), 4.0/9, 1e-12)
	near(t, "micro overlap F1", m.OverlapF1(), 6.0/9, 1e-12)
	near(t, "micro exact precision", m.ExactPrecision(), 2.0/4, 1e-12)
	near(t, "micro exact recall", m.ExactRecall(), 2.0/5, 1e-12)
	near(t, "micro overlap precision", m.OverlapPrecision(), 3.0/4, 1e-12)
	near(t, "micro overlap recall", m.OverlapRecall(), 3.0/5, 1e-12)
	near(t, "micro κ", m.Kappa, 0.4, 1e-12)
	if d := r.PerDocument[0]; d.ID != 7 || d.Disagreements() != 5 {
		t.Errorf("document breakdown %+v, want id 7 with 5 disagreements", d)
	}
}

func TestCompareIsSymmetricInF1AndSwapsPrecisionAndRecall(t *testing.T) {
	docs := handCase()
	swapped := []Document{{ID: docs[0].ID, Length: docs[0].Length, A: docs[0].B, B: docs[0].A}}
	r, s := Compare(docs, Options{}).Micro, Compare(swapped, Options{}).Micro
	near(t, "swapped exact F1", s.ExactF1(), r.ExactF1(), 1e-12)
	near(t, "swapped overlap F1", s.OverlapF1(), r.OverlapF1(), 1e-12)
	near(t, "swapped precision", s.ExactPrecision(), r.ExactRecall(), 1e-12)
	near(t, "swapped κ", s.Kappa, r.Kappa, 1e-12)
	near(t, "swapped α_u", s.AlphaU, r.AlphaU, 1e-12)
}

func TestCompareWithLabelFilterIgnoresOtherLabels(t *testing.T) {
	r := Compare(handCase(), Options{Labels: []string{"CLAIM", "CASUALTY"}})
	if len(r.Labels) != 2 {
		t.Fatalf("labels %v, want CLAIM and CASUALTY", r.LabelNames())
	}
	if m := r.Micro; m.ASpans != 2 || m.BSpans != 1 || m.ExactMatches != 1 {
		t.Errorf("micro %+v, want CLAIM's counts only", m)
	}
	// Only [40,50) is an item once QUOTE is ignored: one label, κ undefined.
	if r.Micro.KappaItems != 1 || !math.IsNaN(r.Micro.Kappa) {
		t.Errorf("κ %v over %d items, want undefined over 1", r.Micro.Kappa, r.Micro.KappaItems)
	}
	if m := r.Labels["CASUALTY"]; m.ASpans != 0 || !math.IsNaN(m.ExactF1()) {
		t.Errorf("unused CASUALTY: %+v, F1 %v; want zeros and undefined F1", m, m.ExactF1())
	}
}

func TestIdenticalLayersAgreeFully(t *testing.T) {
	spans := []annotate.Span{span("QUOTE", 3, 17), span("CLAIM", 20, 31), span("QUOTE", 40, 52)}
	m := Compare([]Document{{Length: 60, A: spans, B: spans}}, Options{}).Micro
	for what, got := range map[string]float64{"exact F1": m.ExactF1(), "overlap F1": m.OverlapF1(), "α_u": m.AlphaU, "κ": m.Kappa} {
		near(t, what, got, 1, 1e-12)
	}
}

func TestOverlapMatchingIsMaximumAndPrefersExactPartners(t *testing.T) {
	t.Run("a wide span gives way so that two pairs form", func(t *testing.T) {
		// Pairing the identical [0,10) first would leave [0,2) and [8,10) apart.
		a := []annotate.Span{span("X", 0, 10), span("X", 0, 2)}
		b := []annotate.Span{span("X", 0, 10), span("X", 8, 10)}
		if got := MatchOverlapping(a, b); len(got) != 2 {
			t.Errorf("pairs %v, want 2", got)
		}
	})
	t.Run("the partner with the same start is taken among equals", func(t *testing.T) {
		a := []annotate.Span{span("X", 0, 10)}
		b := []annotate.Span{span("X", 5, 10), span("X", 0, 10)}
		got := MatchOverlapping(a, b)
		if len(got) != 1 || got[0] != (Pair{0, 1}) {
			t.Errorf("pairs %v, want [{0 1}]", got)
		}
	})
	t.Run("spans that only touch do not overlap", func(t *testing.T) {
		if got := MatchOverlapping([]annotate.Span{span("X", 0, 5)}, []annotate.Span{span("X", 5, 9)}); len(got) != 0 {
			t.Errorf("pairs %v, want none", got)
		}
	})
	t.Run("labels must be equal", func(t *testing.T) {
		if got := MatchOverlapping([]annotate.Span{span("X", 0, 5)}, []annotate.Span{span("Y", 0, 5)}); len(got) != 0 {
			t.Errorf("pairs %v, want none", got)
		}
	})
}

func TestKappaPairsSeveralLabelsOnOneRange(t *testing.T) {
	// A gave [0,5) QUOTE and CLAIM, B gave it CLAIM and DEMAND: CLAIM/CLAIM
	// agrees, QUOTE/DEMAND is the second item.
	docs := []Document{{Length: 10,
		A: []annotate.Span{span("QUOTE", 0, 5), span("CLAIM", 0, 5)},
		B: []annotate.Span{span("DEMAND", 0, 5), span("CLAIM", 0, 5)},
	}}
	m := Compare(docs, Options{}).Micro
	// p_o = 1/2; A: CLAIM 1, QUOTE 1; B: CLAIM 1, DEMAND 1; p_e = 1/4; κ = (1/4)/(3/4).
	if m.KappaItems != 2 {
		t.Fatalf("κ items %d, want 2", m.KappaItems)
	}
	near(t, "κ", m.Kappa, 1.0/3, 1e-12)
}

func TestSortByDisagreementPutsWorstFirst(t *testing.T) {
	docs := []DocumentAgreement{
		{ID: 1, ASpans: 2, BSpans: 2, ExactMatches: 2},
		{ID: 2, ASpans: 3, BSpans: 1, ExactMatches: 0},
		{ID: 3, ASpans: 2, BSpans: 2, ExactMatches: 1},
	}
	SortByDisagreement(docs)
	if docs[0].ID != 2 || docs[1].ID != 3 || docs[2].ID != 1 {
		t.Errorf("order %d %d %d, want 2 3 1", docs[0].ID, docs[1].ID, docs[2].ID)
	}
}

func TestSourceAgreementOnMatchedStatements(t *testing.T) {
	by := func(who string, spans ...annotate.Span) []annotate.Span {
		for i := range spans {
			spans[i].Annotator = who
		}
		return spans
	}
	a := by("alice", span("QUOTE", 0, 10), span("QUOTE", 20, 30), span("QUOTE", 40, 50), span("QUOTE", 60, 70))
	b := by("bob", span("QUOTE", 1, 10), span("QUOTE", 20, 30), span("QUOTE", 40, 50), span("QUOTE", 80, 90))
	sources := map[string]string{
		"alice 0": "Mayor  Pavić", "bob 1": "mayor pavić", // agreed after folding
		"alice 20": "the ministry", "bob 20": "a spokesman", // disagreed
		// [40,50): neither names a source, not counted; [60,70) and [80,90) unmatched.
		"alice 60": "police",
	}
	docs := []Document{{Length: 100, A: a, B: b}}
	got := Compare(docs, Options{Source: func(s annotate.Span) string {
		return sources[fmt.Sprintf("%s %d", s.Annotator, s.Start)]
	}}).Micro
	if got.SourcePairs != 2 || got.SourceAgreed != 1 {
		t.Errorf("source agreement %d of %d, want 1 of 2", got.SourceAgreed, got.SourcePairs)
	}
	near(t, "rate", got.SourceAgreement(), 0.5, 1e-12)
}

func TestAgreedKeepsWhatEnoughLayersShare(t *testing.T) {
	alice := []annotate.Span{span("QUOTE", 0, 10), span("CLAIM", 20, 30), span("QUOTE", 40, 50)}
	bob := []annotate.Span{span("QUOTE", 0, 10), span("CLAIM", 20, 31), span("QUOTE", 40, 50), span("QUOTE", 40, 50)}
	carol := []annotate.Span{span("QUOTE", 0, 10), span("CLAIM", 20, 30)}
	all := Agreed([][]annotate.Span{alice, bob, carol}, 0)
	if len(all) != 1 || all[0].Start != 0 || all[0].Label != "QUOTE" {
		t.Errorf("agreed by all: %v, want QUOTE 0-10", all)
	}
	two := Agreed([][]annotate.Span{alice, bob, carol}, 2)
	if len(two) != 3 || two[1].Start != 20 || two[1].End != 30 || two[2].Start != 40 {
		t.Errorf("agreed by two: %v, want 0-10, 20-30, 40-50", two)
	}
}
