package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/app/docview"
)

// textCell is one line of user text — a source's name, a span's text, a
// document title — in a table cell or list row. Text Fyne lays out right is
// shown by a Label, so English cells look as they always did; text that
// docview.NeedsLayout (Arabic, Hebrew, Indic scripts, direction controls) is
// shown by a docview.Line, which orders it by the bidi algorithm, shapes it
// and right-aligns it when it reads right to left. Callers style both halves
// (size, bold, colour) through the exported fields before the first SetText.
type textCell struct {
	widget.BaseWidget
	Label *widget.Label
	Line  *docview.Line
}

func newTextCell() *textCell {
	c := &textCell{Label: widget.NewLabel(""), Line: docview.NewLine("")}
	c.Line.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// SetText shows text in whichever half lays it out right.
func (c *textCell) SetText(text string) {
	if docview.NeedsLayout(text) {
		c.Label.Hide()
		c.Line.SetText(text)
		c.Line.Show()
		return
	}
	c.Line.Hide()
	if c.Label.Text != text {
		c.Label.SetText(text)
	}
	c.Label.Show()
}

// Text is the text shown.
func (c *textCell) Text() string {
	if c.Line.Visible() {
		return c.Line.Text()
	}
	return c.Label.Text
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (c *textCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.Label, c.Line))
}
