package agreement

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// confusion counts, over items both annotators marked with the same
// boundaries, which label A gave and which B gave.
type confusion struct {
	cells map[[2]string]int
	items int
}

func newConfusion() *confusion { return &confusion{cells: map[[2]string]int{}} }

// addDocument adds one document's items. a and b are sorted by label and range.
func (c *confusion) addDocument(a, b []annotate.Span) {
	if len(a) == 0 || len(b) == 0 {
		return
	}
	ra, rb := byRange(a), byRange(b)
	i, j := 0, 0
	for i < len(ra) && j < len(rb) {
		switch k := cmpRange(ra[i], rb[j]); {
		case k < 0:
			i++
		case k > 0:
			j++
		default:
			i0, j0 := i, j
			for i < len(ra) && cmpRange(ra[i], ra[i0]) == 0 {
				i++
			}
			for j < len(rb) && cmpRange(rb[j], rb[j0]) == 0 {
				j++
			}
			c.addItems(labelsOf(ra[i0:i]), labelsOf(rb[j0:j]))
		}
	}
}

// addItems pairs the labels two annotators gave one range: equal labels first,
// then the rest in name order; labels left over on one side are not items.
func (c *confusion) addItems(la, lb []string) {
	var restA, restB []string
	j := 0
	for _, l := range la {
		for j < len(lb) && lb[j] < l {
			restB = append(restB, lb[j])
			j++
		}
		if j < len(lb) && lb[j] == l {
			c.cells[[2]string{l, l}]++
			c.items++
			j++
			continue
		}
		restA = append(restA, l)
	}
	restB = append(restB, lb[j:]...)
	for k := range min(len(restA), len(restB)) {
		c.cells[[2]string{restA[k], restB[k]}]++
		c.items++
	}
}

// byRange copies spans sorted by range, then label.
func byRange(spans []annotate.Span) []annotate.Span {
	out := slices.Clone(spans)
	slices.SortFunc(out, func(x, y annotate.Span) int {
		if c := cmpRange(x, y); c != 0 {
			return c
		}
		return cmp.Compare(x.Label, y.Label)
	})
	return out
}

func labelsOf(spans []annotate.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.Label
	}
	return out
}

// kappa is Cohen's κ over all items, with its item count.
func (c *confusion) kappa() (float64, int) {
	if c.items == 0 {
		return math.NaN(), 0
	}
	rowA, colB := map[string]int{}, map[string]int{}
	agreed := 0
	for cell, n := range c.cells {
		rowA[cell[0]] += n
		colB[cell[1]] += n
		if cell[0] == cell[1] {
			agreed += n
		}
	}
	total := float64(c.items)
	var expected float64
	for label, n := range rowA {
		expected += float64(n) / total * float64(colB[label]) / total
	}
	return kappaFrom(float64(agreed)/total, expected), c.items
}

// labelKappa is the 2×2 κ of label against every other label on the same items.
func (c *confusion) labelKappa(label string) (float64, int) {
	if c.items == 0 {
		return math.NaN(), 0
	}
	var both, onlyA, onlyB int
	for cell, n := range c.cells {
		inA, inB := cell[0] == label, cell[1] == label
		switch {
		case inA && inB:
			both += n
		case inA:
			onlyA += n
		case inB:
			onlyB += n
		}
	}
	total := float64(c.items)
	neither := total - float64(both+onlyA+onlyB)
	observed := (float64(both) + neither) / total
	pa, pb := float64(both+onlyA)/total, float64(both+onlyB)/total
	expected := pa*pb + (1-pa)*(1-pb)
	return kappaFrom(observed, expected), c.items
}

func kappaFrom(observed, expected float64) float64 {
	if expected >= 1 {
		return math.NaN()
	}
	return (observed - expected) / (1 - expected)
}
