package docview

import (
	"image/color"
	"math/bits"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// arrangeHighlights clips hs to a text of n code points, drops empty ones, sorts
// them in text order (by start, the longer first, so an enclosing span precedes
// the spans nested in it) and assigns each a nesting depth: the lowest depth not
// used by an earlier highlight still open at its start. Drawing by increasing
// depth puts inner spans on top, and each depth gets its own underline band.
func arrangeHighlights(hs []Highlight, n int) ([]Highlight, []int) {
	out := make([]Highlight, 0, len(hs))
	for _, h := range hs {
		h.Start, h.End = clamp(h.Start, 0, n), clamp(h.End, 0, n)
		if h.Start < h.End {
			out = append(out, h)
		}
	}
	// Callers usually pass spans already in text order: check before sorting.
	if !slices.IsSortedFunc(out, compareHighlights) {
		slices.SortFunc(out, compareHighlights)
	}
	depths := make([]int, len(out))
	type open struct{ end, depth int }
	var active []open
	for i, h := range out {
		kept := active[:0]
		var used uint64 // depths below 64 in use by open highlights
		deep := false
		for _, o := range active {
			if o.end > h.Start {
				kept = append(kept, o)
				if o.depth < 64 {
					used |= 1 << o.depth
				} else {
					deep = true
				}
			}
		}
		active = kept
		depth := bits.TrailingZeros64(^used)
		if depth == 64 && deep {
			for slices.ContainsFunc(active, func(o open) bool { return o.depth == depth }) {
				depth++
			}
		}
		depths[i] = depth
		active = append(active, open{h.End, depth})
	}
	return out, depths
}

// compareHighlights orders highlights in text order (annotate.CompareTextOrder),
// as the spans they show are listed.
func compareHighlights(a, b Highlight) int {
	return annotate.CompareTextOrder(a.Start, a.End, a.ID, b.Start, b.End, b.ID)
}

// innermostAt returns the shortest highlight containing the code point at
// offset (the deepest one on a tie), or -1.
func (v *View) innermostAt(offset int) int {
	best := -1
	for i, h := range v.highlights {
		if h.Start > offset {
			break
		}
		if offset >= h.End {
			continue
		}
		if best < 0 || h.End-h.Start < v.highlights[best].End-v.highlights[best].Start ||
			(h.End-h.Start == v.highlights[best].End-v.highlights[best].Start && v.depths[i] > v.depths[best]) {
			best = i
		}
	}
	return best
}

// nextHighlight returns the index of the highlight Tab (forward) or Shift+Tab
// reaches from the selected highlight, or from the caret when none is
// selected; it wraps around. -1 if there are no highlights.
func (v *View) nextHighlight(forward bool) int {
	n := len(v.highlights)
	if n == 0 {
		return -1
	}
	if i := v.highlightIndex(v.selected); i >= 0 {
		if forward {
			return (i + 1) % n
		}
		return (i - 1 + n) % n
	}
	start, _ := v.Selection()
	if forward {
		for i, h := range v.highlights {
			if h.Start >= start {
				return i
			}
		}
		return 0
	}
	for i := n - 1; i >= 0; i-- {
		if v.highlights[i].Start < start {
			return i
		}
	}
	return n - 1
}

// fillColor derives the translucent background of a highlight from its label
// colour: light enough that nested fills and the text stay legible.
func fillColor(c color.Color, alpha uint8) color.NRGBA {
	if c == nil {
		c = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = alpha
	return n
}
