package docview

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Suggestions (issue 12) are proposed spans, drawn apart from the highlights:
// no fill, only a dashed underline in the label colour, so an accepted span
// (filled) and a proposal never look alike. They are not selectable, take no
// clicks and no Tab stops: the workbench moves between them itself.

const (
	dashLength     = 4
	dashGap        = 3
	suggestedAlpha = 0xff
)

// SetSuggestions replaces the suggestions drawn (ID is unused). Ranges outside
// the text are clipped and empty ones ignored.
func (v *View) SetSuggestions(hs []Highlight) {
	v.suggestions, _ = arrangeHighlights(hs, len(v.text))
	v.suggestionsEndBy = v.suggestionsEndBy[:0]
	end := 0
	for _, h := range v.suggestions {
		end = max(end, h.End)
		v.suggestionsEndBy = append(v.suggestionsEndBy, end)
	}
	v.Refresh()
}

// firstSuggestionEndingAfter is the index of the first suggestion, in text
// order, that ends after offset, or none before it does: suggestionsEndBy[i] is
// the furthest end of suggestions[0..i], so a binary search finds it. A row then
// looks at its own suggestions only, not at the thousands before it.
func (v *View) firstSuggestionEndingAfter(offset int) int {
	i, _ := slices.BinarySearchFunc(v.suggestionsEndBy, offset+1, func(end, target int) int { return end - target })
	return i
}

// Suggestions are the suggestions drawn, in text order.
func (v *View) Suggestions() []Highlight { return slices.Clone(v.suggestions) }

// appendSuggestionDashes adds the dashed underlines of the suggestions on one
// row, in the deepest band (rows have no room below it; only a third level of
// nesting shares it).
func (v *View) appendSuggestionDashes(objects []fyne.CanvasObject, rowStart, rowEnd int, segments func(start, end int) [][2]float32, rect func() *canvas.Rectangle, top, textHeight float32) []fyne.CanvasObject {
	y := top + textHeight + float32((maxBands-1)*bandHeight)
	for _, h := range v.suggestions[v.firstSuggestionEndingAfter(rowStart):] {
		if h.Start >= rowEnd {
			break
		}
		if h.End <= rowStart {
			continue
		}
		for _, seg := range segments(h.Start, h.End) {
			for x := seg[0]; x < seg[1]; x += dashLength + dashGap {
				dash := rect()
				dash.FillColor = fillColor(h.Color, suggestedAlpha)
				dash.Move(fyne.NewPos(x, y))
				dash.Resize(fyne.NewSize(min(dashLength, seg[1]-x), bandHeight))
				objects = append(objects, dash)
			}
		}
	}
	return objects
}
