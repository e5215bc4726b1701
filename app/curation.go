package app

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// Colours of the curation view (Okabe–Ito, safe for colour-blind readers): what
// every annotator marked in bluish green, what only some marked in vermillion,
// what the curator turned down in grey; accepted spans show their label's colour,
// as the curated layer will look.
var (
	agreedColor   = color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xff}
	disputedColor = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xff}
	rejectedColor = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
)

// curation is the layers and the curation view: which layer the document view
// shows, the status bar's layer switch and the View menu's layer entries, the
// curation keys (accept, reject, next undecided) and the Agreement window, whose
// documents open in the curation view. It gets the narrow things it needs from
// the workbench.
type curation struct {
	app          fyne.App
	win          fyne.Window // brought forward when the Agreement window opens a document
	ed           *editor.Editor
	view         *docview.View
	flash        func(string)
	setLayers    func(labels []string, selected string) // the status bar's layer switch
	selectSpan   func(annotate.Span)
	showError    func(error)
	focusView    func()
	openDocument func(id int64) bool
}

// layerView is what the document view and the annotation list show of the
// layer on screen: the spans (list) and their highlights (view).
func (c *curation) layerView() ([]annotate.Span, []docview.Highlight) {
	colors := labelcolor.Of(c.ed.Labels())
	if c.ed.Layer().Mode != editor.LayerCuration {
		spans := c.ed.VisibleSpans()
		highlights := make([]docview.Highlight, 0, len(spans))
		for _, s := range spans {
			highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: colors.Get(s.Label), Label: s.Label})
		}
		return spans, highlights
	}
	candidates := c.ed.Candidates()
	spans := make([]annotate.Span, 0, len(candidates))
	highlights := make([]docview.Highlight, 0, len(candidates))
	for _, cand := range candidates {
		s := cand.Shown()
		var fill color.Color
		switch cand.State {
		case editor.Agreed:
			fill = agreedColor
		case editor.Disputed:
			fill = disputedColor
		case editor.Rejected:
			fill = rejectedColor
			s.Annotator += " · rejected"
		default:
			fill = colors.Get(s.Label)
			s.Annotator = "accepted · " + cand.Shown().Annotator
		}
		spans = append(spans, s)
		highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: fill, Label: s.Label})
	}
	return spans, highlights
}

// layerChoices are the status bar's layer switch entries for the open document.
func (c *curation) layerChoices() ([]string, []editor.Layer) {
	labels := []string{"All layers"}
	layers := []editor.Layer{{Mode: editor.LayerAll}}
	names := c.ed.DocumentAnnotators()
	if l := c.ed.Layer(); l.Mode == editor.LayerAnnotator && !slices.Contains(names, l.Annotator) {
		names = append(names, l.Annotator) // the layer on screen, empty in this document
	}
	own := c.ed.Annotator()
	seenOwn := false
	for _, name := range names {
		if name == c.ed.Curator() {
			continue
		}
		seenOwn = seenOwn || name == own
		labels = append(labels, name+"'s layer")
		layers = append(layers, editor.Layer{Mode: editor.LayerAnnotator, Annotator: name})
	}
	if !seenOwn && own != c.ed.Curator() {
		labels = append(labels, own+"'s layer")
		layers = append(layers, editor.Layer{Mode: editor.LayerAnnotator, Annotator: own})
	}
	labels = append(labels, "Curated layer", "Curation view")
	layers = append(layers, editor.Layer{Mode: editor.LayerCurated}, editor.Layer{Mode: editor.LayerCuration})
	return labels, layers
}

// refreshLayerSwitch puts the open document's layers in the status bar's switch.
func (c *curation) refreshLayerSwitch() {
	labels, layers := c.layerChoices()
	current := c.ed.Layer()
	selected := ""
	for i, l := range layers {
		if l == current {
			selected = labels[i]
		}
	}
	c.setLayers(labels, selected)
}

// onLayerChosen is a choice in the status bar's layer switch.
func (c *curation) onLayerChosen(choice string) {
	labels, layers := c.layerChoices()
	for i, l := range labels {
		if l == choice {
			c.setLayer(layers[i])
			return
		}
	}
}

// setLayer shows another layer (View menu, status bar, Agreement window).
func (c *curation) setLayer(l editor.Layer) {
	c.ed.SetLayer(l)
	c.refreshLayerSwitch()
	switch l.Mode {
	case editor.LayerCuration:
		counts := c.ed.CandidateCounts()
		c.flash(fmt.Sprintf("Curation: %d agreed, %d disputed, %d accepted — A accepts, R rejects, Shift+A accepts all agreed, N goes to the next undecided",
			counts[editor.Agreed], counts[editor.Disputed], counts[editor.Accepted]))
	case editor.LayerCurated:
		c.flash("Curated layer (" + c.ed.Curator() + "): new annotations go here")
	case editor.LayerAnnotator:
		c.flash(l.Annotator + "'s layer")
	default:
		c.flash("All layers")
	}
	c.focusView()
}

// onCurationKey handles the curation view's letter keys; false when r is not one.
func (c *curation) onCurationKey(r rune) bool {
	if c.ed.Layer().Mode != editor.LayerCuration {
		return false
	}
	switch r {
	case 'a':
		c.onAccept()
	case 'r':
		c.onReject()
	case 'A':
		c.onAcceptAgreed()
	case 'n', 'N':
		c.onNextUndecided()
	default:
		return false
	}
	return true
}

// onAccept copies the selected candidate into the curated layer.
func (c *curation) onAccept() {
	id := c.view.SelectedHighlight()
	if id == 0 {
		c.flash("Select a span first (click it, or N for the next undecided)")
		return
	}
	span, changed, err := c.ed.Accept(id)
	if err != nil {
		c.showError(err)
		return
	}
	if !changed {
		c.flash("Already accepted")
		return
	}
	c.flash(fmt.Sprintf("Accepted %s %d–%d into %s (Ctrl+Z takes it back)", span.Label, span.Start, span.End, c.ed.Curator()))
	c.selectSpan(span)
}

// onReject turns the selected candidate down.
func (c *curation) onReject() {
	id := c.view.SelectedHighlight()
	if id == 0 {
		c.flash("Select a span first (click it, or N for the next undecided)")
		return
	}
	span, _ := c.ed.Span(id)
	changed, err := c.ed.Reject(id)
	if err != nil {
		c.showError(err)
		return
	}
	if !changed {
		c.flash("Already rejected")
		return
	}
	c.flash(fmt.Sprintf("Rejected %s %d–%d (Ctrl+Z takes it back)", span.Label, span.Start, span.End))
	c.onNextUndecided()
}

// onAcceptAgreed fills the curated layer with what every annotator agrees on.
func (c *curation) onAcceptAgreed() {
	if c.ed.Doc() == nil {
		return
	}
	if c.ed.Layer().Mode != editor.LayerCuration {
		c.setLayer(editor.Layer{Mode: editor.LayerCuration})
	}
	n, err := c.ed.AcceptAgreed(0)
	if err != nil {
		c.showError(err)
	}
	c.flash(fmt.Sprintf("Accepted %s every annotator agrees on (Ctrl+Z takes them back)", plural(n, "span")))
}

// onNextUndecided selects the next candidate neither accepted nor rejected.
func (c *curation) onNextUndecided() {
	start, _ := c.view.Selection()
	if id := c.view.SelectedHighlight(); id != 0 {
		if s, ok := c.ed.Span(id); ok {
			start = s.Start + 1
		}
	}
	next, ok := c.ed.NextUndecided(start)
	if !ok {
		c.flash("Every span of this document is decided")
		return
	}
	c.view.ScrollToOffset(next.Span.Start)
	c.selectSpan(next.Span)
}

// layerMenuItems are the View menu's layer entries.
func (c *curation) layerMenuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("All layers", func() { c.setLayer(editor.Layer{Mode: editor.LayerAll}) }),
		fyne.NewMenuItem("My layer", func() {
			c.setLayer(editor.Layer{Mode: editor.LayerAnnotator, Annotator: c.ed.Annotator()})
		}),
		fyne.NewMenuItem("Curated layer", func() { c.setLayer(editor.Layer{Mode: editor.LayerCurated}) }),
		fyne.NewMenuItem("Curation view", func() { c.setLayer(editor.Layer{Mode: editor.LayerCuration}) }),
	}
}

// newLayerSwitch is the status bar's layer switch.
func newLayerSwitch(onChoose func(string)) *widget.Select {
	s := widget.NewSelect(nil, onChoose)
	s.PlaceHolder = "Layer"
	return s
}
