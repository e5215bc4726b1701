package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// hoverTip is a small tooltip: a bubble with a bold title and a wrapped text,
// shown below a widget a moment after the pointer comes to rest on it and hidden
// when the pointer leaves or clicks. Fyne 2.7 has no tooltips, and a
// widget.PopUp would not do: it is an overlay that takes the pointer, so the
// widget underneath would lose its hover at once (the tip would flicker) and a
// click on it would only close the tip. The bubble lives instead in a layer laid
// over the window's content that holds nothing tappable or hoverable, so the
// pointer goes through it to what lies beneath.
type hoverTip struct {
	delay time.Duration // how long the pointer rests before the tip shows

	layer   *fyne.Container // over the window content, without a layout
	bubble  *fyne.Container
	content *fyne.Container // the title over the text
	bg      *canvas.Rectangle
	title   *widget.Label
	text    *widget.Label

	anchor fyne.CanvasObject // the widget the tip is for; nil when hidden
	gen    int               // counts show and hide calls, so a late timer does nothing
}

// tipDelay is how long the pointer rests on a chip before its guideline shows:
// long enough not to flash tips while the pointer crosses the palette.
const tipDelay = 450 * time.Millisecond

// tipMaxWidth is the widest a tip gets; its text wraps within it.
const tipMaxWidth = 380

func newHoverTip() *hoverTip {
	t := &hoverTip{delay: tipDelay}
	t.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.text = widget.NewLabel("")
	t.text.Wrapping = fyne.TextWrapWord
	// The labels' own padding spaces the title and the text enough.
	t.content = container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()), t.title, t.text)
	t.bubble = container.NewStack(t.bg, t.content)
	t.bubble.Hide()
	t.layer = container.NewWithoutLayout(t.bubble)
	return t
}

// over lays the tip's layer over content.
func (t *hoverTip) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, t.layer)
}

// showSoon shows title and text below anchor once the pointer has rested for
// the delay (at once when the delay is 0).
func (t *hoverTip) showSoon(anchor fyne.CanvasObject, title, text string) {
	t.gen++
	gen := t.gen
	t.anchor = anchor
	if t.delay <= 0 {
		t.show(anchor, title, text)
		return
	}
	time.AfterFunc(t.delay, func() {
		fyne.Do(func() {
			if gen == t.gen {
				t.show(anchor, title, text)
			}
		})
	})
}

// hide takes the tip away, and cancels one about to show.
func (t *hoverTip) hide() {
	t.gen++
	t.anchor = nil
	if t.bubble.Visible() {
		t.bubble.Hide()
	}
}

// visible says whether a tip is on screen, and for which widget.
func (t *hoverTip) visible() (fyne.CanvasObject, bool) {
	return t.anchor, t.bubble.Visible()
}

func (t *hoverTip) show(anchor fyne.CanvasObject, title, text string) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(anchor) == nil || d.CanvasForObject(t.layer) == nil {
		return // the anchor left the window (the palette was rebuilt)
	}
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	t.bg.Refresh()
	t.title.SetText(title)
	t.text.SetText(text)

	room := t.layer.Size()
	width := min(float32(tipMaxWidth), room.Width-2*theme.Padding())
	width = max(width, t.title.MinSize().Width)
	t.text.Resize(fyne.NewSize(width, t.text.MinSize().Height))
	size := fyne.NewSize(width, t.content.MinSize().Height)

	// Below the anchor, its left edges aligned, kept inside the window; above it
	// when there is no room below.
	at := d.AbsolutePositionForObject(anchor).Subtract(d.AbsolutePositionForObject(t.layer))
	pos := fyne.NewPos(at.X, at.Y+anchor.Size().Height+theme.Padding())
	if pos.X+size.Width > room.Width {
		pos.X = max(0, room.Width-size.Width)
	}
	if pos.Y+size.Height > room.Height {
		pos.Y = max(0, at.Y-size.Height-theme.Padding())
	}
	t.bubble.Move(pos)
	t.bubble.Resize(size)
	t.bubble.Show()
	// Through the layer: a widget hidden since the window was built is unknown
	// to the canvas, so refreshing the bubble alone would not repaint.
	t.layer.Refresh()
}
