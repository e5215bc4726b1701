package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate/agreement"
	"github.com/newsmark/newsmark/app/docview"
)

// stripLayer is what one annotator's strip shows: their spans of the open
// document, coloured by how curation of each stands.
type stripLayer struct {
	annotator  string
	header     string
	highlights []docview.Highlight
}

// layerStrips is the curation view's stacked layers: one read-only view of the
// open document per annotator, each under a header naming them, above the
// curated layer's view, which stays the editable one. The views are as wide as
// each other and share the text size, so they wrap alike; scrolling any of them
// scrolls the others to the same lines (docview.ScrollAnchor).
//
// Stacked views rather than the layers interleaved paragraph by paragraph:
// each strip is a plain docview (selection, keys, bidi, long documents drawn a
// screen at a time), and a curator compares one annotator's reading of a
// passage with another's by looking straight down, which interleaving would
// break up with headers every few lines.
type layerStrips struct {
	area    *fyne.Container // the curated view alone, or the strips above it
	main    *docview.View   // the curated layer's view
	curated fyne.CanvasObject
	header  *widget.Label // over the curated view
	top     *fyne.Container
	split   *container.Split
	strips  []*layerStrip
	shown   bool
	text    string // the text the strips hold

	onPick func(annotator string, id int64) // a span clicked in an annotator's strip
	onRune func(r rune)                     // a key typed in a strip: the curation keys
}

// layerStrip is one annotator's read-only view.
type layerStrip struct {
	annotator string
	header    *widget.Label
	view      *docview.View
	box       fyne.CanvasObject
	ids       map[agreement.Key]int64 // the annotator's span of a range and label
	drawn     []docview.Highlight
}

// newLayerStrips wraps the curated layer's view; actions is the row of
// curation buttons shown over it in the curation view.
func newLayerStrips(main *docview.View, actions fyne.CanvasObject, onPick func(string, int64), onRune func(rune)) *layerStrips {
	l := &layerStrips{main: main, onPick: onPick, onRune: onRune}
	l.header = stripHeader()
	l.curated = container.NewBorder(container.NewBorder(nil, nil, nil, actions, l.header), nil, nil, nil, main)
	l.top = container.NewGridWithRows(1)
	// In a scroll: with many annotators each strip keeps the height of its header
	// and two lines and the strips scroll, where the window would otherwise grow
	// past the screen to fit them all. The scroll bar lies over the strips, so
	// they stay as wide as the curated view and wrap alike.
	l.split = container.NewVSplit(container.NewVScroll(l.top), l.curated)
	l.area = container.NewStack(main)
	main.OnScrolled = func(float32) { l.follow(main) }
	return l
}

// setDirection lays the strips out in the document's direction, as the
// curated view is (View ▸ Text direction), so they wrap alike.
func (l *layerStrips) setDirection(d docview.Direction) {
	for _, s := range l.strips {
		s.view.SetDirection(d)
	}
}

// show stacks the layers above the curated view, with text as their text.
func (l *layerStrips) show(layers []stripLayer, text, curatedHeader string) {
	for len(l.strips) < len(layers) {
		l.strips = append(l.strips, l.newStrip())
	}
	if text != l.text {
		for _, s := range l.strips {
			s.view.SetText(text)
		}
		l.text = text
	}
	l.setDirection(l.main.Direction())
	objects := make([]fyne.CanvasObject, 0, len(layers))
	for i, layer := range layers {
		s := l.strips[i]
		s.annotator = layer.annotator
		s.header.SetText(layer.header)
		s.view.SetHighlights(layer.highlights)
		s.drawn = layer.highlights
		clear(s.ids)
		for _, h := range layer.highlights {
			s.ids[agreement.Key{Start: h.Start, End: h.End, Label: h.Label}] = h.ID
		}
		objects = append(objects, s.box)
	}
	l.header.SetText(curatedHeader)
	if !l.shown || len(l.top.Objects) != len(objects) {
		l.top.Objects = objects
		l.top.Layout = layoutRows(len(objects))
		l.top.Refresh()
	}
	if !l.shown {
		l.shown = true
		l.area.Objects = []fyne.CanvasObject{l.split}
		l.area.Refresh()
		l.follow(l.main)
	}
}

// hide shows the curated view alone (any layer but the curation view).
func (l *layerStrips) hide() {
	if !l.shown {
		return
	}
	l.shown = false
	l.area.Objects = []fyne.CanvasObject{l.main}
	l.area.Refresh()
}

// follow scrolls every view but from to the lines from shows.
func (l *layerStrips) follow(from *docview.View) {
	if !l.shown {
		return
	}
	offset, within := from.ScrollAnchor()
	for _, v := range l.views() {
		if v != from {
			v.SetScrollAnchor(offset, within)
		}
	}
}

// views are the strips on screen and the curated view.
func (l *layerStrips) views() []*docview.View {
	out := []*docview.View{l.main}
	for _, s := range l.strips[:len(l.top.Objects)] {
		out = append(out, s.view)
	}
	return out
}

// outline outlines, in every strip, the annotator's span of that range and label
// (and nothing in a strip that has none).
func (l *layerStrips) outline(start, end int, label string) {
	if !l.shown {
		return
	}
	for _, s := range l.strips[:len(l.top.Objects)] {
		s.view.SelectHighlight(s.ids[agreement.Key{Start: start, End: end, Label: label}])
	}
	l.follow(l.main)
}

func (l *layerStrips) newStrip() *layerStrip {
	s := &layerStrip{header: stripHeader(), view: docview.New(), ids: map[agreement.Key]int64{}}
	s.view.OnScrolled = func(float32) { l.follow(s.view) }
	s.view.OnHighlightSelected = func(id int64) {
		if id != 0 {
			l.onPick(s.annotator, id)
		}
	}
	s.view.OnTypedRune = l.onRune
	s.box = container.NewBorder(s.header, nil, nil, nil, s.view)
	return s
}

// stripHeader is a bold one-line header that gives way (an ellipsis) rather
// than widen the document column.
func stripHeader() *widget.Label {
	h := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Truncation = fyne.TextTruncateEllipsis
	return h
}

// layoutRows lays the strips out one above the other, equally tall.
func layoutRows(n int) fyne.Layout {
	return container.NewGridWithRows(max(n, 1)).Layout
}

// highlights are what the strip draws (for tests and the header's counts).
func (s *layerStrip) highlights() []docview.Highlight { return s.drawn }
