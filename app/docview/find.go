package docview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/newsmark/newsmark/annotate"
)

// findState holds the find-in-document matches the view marks.
type findState struct {
	matches []annotate.Range // in text order, not overlapping
	current int              // index into matches, -1 for none
}

const (
	findAlpha        = 0x55 // every match
	findCurrentAlpha = 0xb0 // the current match
)

// SetFindMatches marks matches (code-point ranges in text order, as
// annotate.FindAll returns them) in the find colour, the current one stronger,
// and scrolls the current one into view; current < 0 marks none as current. Nil
// clears the marks. It does not change the selection or fire callbacks.
func (v *View) SetFindMatches(matches []annotate.Range, current int) {
	n := len(v.text)
	kept := make([]annotate.Range, 0, len(matches))
	for _, m := range matches {
		m.Start, m.End = clamp(m.Start, 0, n), clamp(m.End, 0, n)
		if m.Start < m.End {
			kept = append(kept, m)
		}
	}
	if current >= len(kept) {
		current = -1
	}
	v.find = findState{matches: kept, current: current}
	if current >= 0 {
		v.requestReveal(revealRequest{offset: kept[current].Start, center: true})
	}
	v.Refresh()
}

// FindMatches returns the marked matches and the current one's index.
func (v *View) FindMatches() ([]annotate.Range, int) {
	if len(v.find.matches) == 0 {
		return nil, -1
	}
	return v.find.matches, v.find.current
}

// appendFindMarks adds a rectangle for each match on the row [rowStart, rowEnd).
func (v *View) appendFindMarks(objects []fyne.CanvasObject, rowStart, rowEnd int, segments func(start, end int) [][2]float32, rect func() *canvas.Rectangle, top, textHeight float32) []fyne.CanvasObject {
	ms := v.find.matches
	if len(ms) == 0 {
		return objects
	}
	warning := v.Theme().Color(theme.ColorNameWarning, fyne.CurrentApp().Settings().ThemeVariant())
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].End > rowStart }); i < len(ms) && ms[i].Start < rowEnd; i++ {
		alpha := uint8(findAlpha)
		if i == v.find.current {
			alpha = findCurrentAlpha
		}
		for _, seg := range segments(ms[i].Start, ms[i].End) {
			mark := rect()
			mark.FillColor = fillColor(warning, alpha)
			mark.Move(fyne.NewPos(seg[0], top))
			mark.Resize(fyne.NewSize(seg[1]-seg[0], textHeight))
			objects = append(objects, mark)
		}
	}
	return objects
}
