// Package docview is the document widget of the workbench: it shows an article's
// text wrapped in the theme's proportional font, draws annotations as coloured
// backgrounds and lets the user select code-point ranges with mouse and keyboard.
package docview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Highlight is one annotation as the view draws it.
type Highlight struct {
	ID         int64
	Start, End int         // code points, end exclusive
	Color      color.Color // the label colour; the view derives a translucent fill from it
	Label      string      // shown in tooltips/legend if you like; may be ignored
}

// View is the document widget.
type View struct {
	widget.BaseWidget
	OnSelectionChanged  func(start, end int) // caret moved or selection changed; start==end means just a caret
	OnHighlightSelected func(id int64)       // a highlight was clicked or reached by Tab/Shift+Tab; 0 when deselected
	OnTypedRune         func(r rune)         // runes the view doesn't use (digits tag/relabel)
	OnDelete            func()               // Delete or Backspace pressed
	OnScrolled          func(offset float32) // user scrolled (for remembering the position)

	text       []rune
	highlights []Highlight
	anchor     int
	caret      int
	selected   int64
	scrollY    float32
}

// New returns an empty view.
func New() *View {
	v := &View{}
	v.ExtendBaseWidget(v)
	return v
}

// SetText shows a new document: caret 0, no selection, scrolled to the top.
func (v *View) SetText(text string) {
	v.text = []rune(text)
	v.anchor, v.caret, v.selected, v.scrollY = 0, 0, 0, 0
	v.Refresh()
}

// Text returns the document text.
func (v *View) Text() string { return string(v.text) }

// SetHighlights replaces all highlights; the selection is kept if still valid.
func (v *View) SetHighlights(hs []Highlight) {
	v.highlights = append([]Highlight(nil), hs...)
	v.Refresh()
}

// SelectHighlight outlines a highlight, selects its range and scrolls it into view; 0 clears.
func (v *View) SelectHighlight(id int64) {
	v.selected = 0
	for _, h := range v.highlights {
		if h.ID == id {
			v.selected = id
			v.anchor, v.caret = h.Start, h.End
		}
	}
	v.Refresh()
}

// SelectedHighlight returns the id of the outlined highlight, 0 if none.
func (v *View) SelectedHighlight() int64 { return v.selected }

// Select selects the code-point range [start, end), clamped to the text.
func (v *View) Select(start, end int) {
	v.anchor, v.caret = clamp(start, 0, len(v.text)), clamp(end, 0, len(v.text))
	v.Refresh()
}

// Selection returns the selected range ordered start <= end.
func (v *View) Selection() (start, end int) {
	if v.anchor <= v.caret {
		return v.anchor, v.caret
	}
	return v.caret, v.anchor
}

// Caret returns the caret offset in code points.
func (v *View) Caret() int { return v.caret }

// ScrollToOffset brings the row holding the code point offset into view.
func (v *View) ScrollToOffset(offset int) {}

// ScrollPosition returns the vertical scroll offset.
func (v *View) ScrollPosition() float32 { return v.scrollY }

// SetScrollPosition scrolls to y.
func (v *View) SetScrollPosition(y float32) { v.scrollY = y; v.Refresh() }

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(widget.NewLabel(""))
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
