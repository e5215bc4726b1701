package agreement

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// unit is a span on the continuum of all compared documents laid end to end.
type unit struct{ start, end int64 }

func (u unit) length() int64 { return u.end - u.start }

// continuum collects both raters' units per label, in continuum order.
type continuum struct {
	length int64
	a, b   map[string][]unit
}

func newContinuum() *continuum {
	return &continuum{a: map[string][]unit{}, b: map[string][]unit{}}
}

// add appends one document (its spans sorted by label and range) to the
// continuum.
func (c *continuum) add(a, b []annotate.Span, docLength int) {
	appendUnits(c.a, a, c.length)
	appendUnits(c.b, b, c.length)
	c.length += int64(docLength)
}

// appendUnits adds spans shifted by offset.
func appendUnits(dst map[string][]unit, spans []annotate.Span, offset int64) {
	for _, s := range spans {
		dst[s.Label] = append(dst[s.Label], unit{offset + int64(s.Start), offset + int64(s.End)})
	}
}

// disagreement returns the observed and expected disagreement of one label,
// D_o and D_e of Krippendorff's α_u for two raters.
func (c *continuum) disagreement(label string) (observed, expected float64) {
	a, b := prepare(c.a[label]), prepare(c.b[label])
	if c.length == 0 {
		return math.NaN(), math.NaN()
	}
	return observedDisagreement(a, b, c.length), expectedDisagreement(a, b, c.length)
}

// prepare sorts units by start, longest first at equal starts, and leaves out a
// unit that overlaps an earlier one (kept or left out), as INCEpTION does: α_u
// needs one rater's units of a category not to overlap.
func prepare(units []unit) []unit {
	slices.SortFunc(units, func(x, y unit) int {
		if c := cmp.Compare(x.start, y.start); c != 0 {
			return c
		}
		return cmp.Compare(y.end, x.end)
	})
	out := units[:0]
	var reach int64 = math.MinInt64
	for _, u := range units {
		if u.start < reach {
			reach = max(reach, u.end)
			continue
		}
		reach = u.end
		out = append(out, u)
	}
	return out
}

// observedDisagreement is D_o for two raters: Σδ / L², where δ of two
// overlapping units is (start difference)² + (end difference)², δ of a unit lying
// in a gap of the other rater is its length², and δ is 0 otherwise
// (Krippendorff 2004, p. 252; DKPro's measureDistance). Each rater's units are
// sorted and do not overlap.
func observedDisagreement(a, b []unit, length int64) float64 {
	var sum float64
	j := 0
	overlapped := make([]bool, len(b))
	for _, u := range a {
		for j < len(b) && b[j].end <= u.start {
			j++
		}
		hit := false
		for k := j; k < len(b) && b[k].start < u.end; k++ {
			ds := float64(u.start - b[k].start)
			de := float64(u.end - b[k].end)
			sum += ds*ds + de*de
			hit = true
			overlapped[k] = true
		}
		if !hit {
			l := float64(u.length())
			sum += l * l
		}
	}
	for k, u := range b {
		if !overlapped[k] {
			l := float64(u.length())
			sum += l * l
		}
	}
	l := float64(length)
	return sum / (l * l)
}

// expectedDisagreement is D_e for two raters (Krippendorff 2004, p. 253, as DKPro
// Agreement computes it):
//
//	D_e = 2/L · Σ_u [ (N−1)(2l³−3l²+l)/3 + l²·Σ_{gaps g ≥ l} (g−l+1) ] / (2L(2L−1) − Σ_u l(l−1))
//
// over all N units u of the label by either rater (l their lengths) and all gaps
// (stretches of the continuum without a unit of the label) of either rater.
func expectedDisagreement(a, b []unit, length int64) float64 {
	n := len(a) + len(b)
	if n == 0 {
		return 0
	}
	gaps := append(gapLengths(a, length), gapLengths(b, length)...)
	slices.Sort(gaps)
	// suffix[i] is the sum of gaps[i:].
	suffix := make([]float64, len(gaps)+1)
	for i := len(gaps) - 1; i >= 0; i-- {
		suffix[i] = suffix[i+1] + float64(gaps[i])
	}
	var sum, squared float64
	for _, units := range [][]unit{a, b} {
		for _, u := range units {
			l := float64(u.length())
			squared += l * (l - 1)
			sum += float64(n-1) * (2*l*l*l - 3*l*l + l) / 3
			i, _ := slices.BinarySearch(gaps, u.length())
			longer := float64(len(gaps) - i)
			sum += l * l * (suffix[i] - (l-1)*longer)
		}
	}
	L := float64(length)
	return 2 / L * sum / (2*L*(2*L-1) - squared)
}

// gapLengths lists the lengths of the stretches of [0, length) that no unit
// covers.
func gapLengths(units []unit, length int64) []int64 {
	var gaps []int64
	var pos int64
	for _, u := range units {
		if u.start > pos {
			gaps = append(gaps, u.start-pos)
		}
		pos = max(pos, u.end)
	}
	if length > pos {
		gaps = append(gaps, length-pos)
	}
	return gaps
}
