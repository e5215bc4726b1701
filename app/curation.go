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

// layerView is what the document view and the annotation list show of the
// layer on screen: the spans (list) and their highlights (view).
func (w *Workbench) layerView() ([]annotate.Span, []docview.Highlight) {
	colors := labelcolor.Of(w.ed.Labels())
	if w.ed.Layer().Mode != editor.LayerCuration {
		spans := w.ed.VisibleSpans()
		highlights := make([]docview.Highlight, 0, len(spans))
		for _, s := range spans {
			highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: colors.Get(s.Label), Label: s.Label})
		}
		return spans, highlights
	}
	candidates := w.ed.Candidates()
	spans := make([]annotate.Span, 0, len(candidates))
	highlights := make([]docview.Highlight, 0, len(candidates))
	for _, c := range candidates {
		s := c.Shown()
		var fill color.Color
		switch c.State {
		case editor.Agreed:
			fill = agreedColor
		case editor.Disputed:
			fill = disputedColor
		case editor.Rejected:
			fill = rejectedColor
			s.Annotator += " · rejected"
		default:
			fill = colors.Get(s.Label)
			s.Annotator = "accepted · " + c.Shown().Annotator
		}
		spans = append(spans, s)
		highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: fill, Label: s.Label})
	}
	return spans, highlights
}

// layerChoices are the status bar's layer switch entries for the open document.
func (w *Workbench) layerChoices() ([]string, []editor.Layer) {
	labels := []string{"All layers"}
	layers := []editor.Layer{{Mode: editor.LayerAll}}
	names := w.ed.DocumentAnnotators()
	if l := w.ed.Layer(); l.Mode == editor.LayerAnnotator && !slices.Contains(names, l.Annotator) {
		names = append(names, l.Annotator) // the layer on screen, empty in this document
	}
	own := w.ed.Annotator()
	seenOwn := false
	for _, name := range names {
		if name == w.ed.Curator() {
			continue
		}
		seenOwn = seenOwn || name == own
		labels = append(labels, name+"'s layer")
		layers = append(layers, editor.Layer{Mode: editor.LayerAnnotator, Annotator: name})
	}
	if !seenOwn && own != w.ed.Curator() {
		labels = append(labels, own+"'s layer")
		layers = append(layers, editor.Layer{Mode: editor.LayerAnnotator, Annotator: own})
	}
	labels = append(labels, "Curated layer", "Curation view")
	layers = append(layers, editor.Layer{Mode: editor.LayerCurated}, editor.Layer{Mode: editor.LayerCuration})
	return labels, layers
}

// refreshLayerSwitch puts the open document's layers in the status bar's switch.
func (w *Workbench) refreshLayerSwitch() {
	labels, layers := w.layerChoices()
	current := w.ed.Layer()
	selected := ""
	for i, l := range layers {
		if l == current {
			selected = labels[i]
		}
	}
	w.status.setLayers(labels, selected)
}

// onLayerChosen is a choice in the status bar's layer switch.
func (w *Workbench) onLayerChosen(choice string) {
	labels, layers := w.layerChoices()
	for i, l := range labels {
		if l == choice {
			w.setLayer(layers[i])
			return
		}
	}
}

// setLayer shows another layer (View menu, status bar, Agreement window).
func (w *Workbench) setLayer(l editor.Layer) {
	w.ed.SetLayer(l)
	w.refreshLayerSwitch()
	switch l.Mode {
	case editor.LayerCuration:
		counts := w.ed.CandidateCounts()
		w.status.flash(fmt.Sprintf("Curation: %d agreed, %d disputed, %d accepted — A accepts, R rejects, Shift+A accepts all agreed, N goes to the next undecided",
			counts[editor.Agreed], counts[editor.Disputed], counts[editor.Accepted]))
	case editor.LayerCurated:
		w.status.flash("Curated layer (" + w.ed.Curator() + "): new annotations go here")
	case editor.LayerAnnotator:
		w.status.flash(l.Annotator + "'s layer")
	default:
		w.status.flash("All layers")
	}
	w.focusView()
}

// onCurationKey handles the curation view's letter keys; false when r is not one.
func (w *Workbench) onCurationKey(r rune) bool {
	if w.ed.Layer().Mode != editor.LayerCuration {
		return false
	}
	switch r {
	case 'a':
		w.onAccept()
	case 'r':
		w.onReject()
	case 'A':
		w.onAcceptAgreed()
	case 'n', 'N':
		w.onNextUndecided()
	default:
		return false
	}
	return true
}

// onAccept copies the selected candidate into the curated layer.
func (w *Workbench) onAccept() {
	id := w.view.SelectedHighlight()
	if id == 0 {
		w.status.flash("Select a span first (click it, or N for the next undecided)")
		return
	}
	span, changed, err := w.ed.Accept(id)
	if err != nil {
		w.showError(err)
		return
	}
	if !changed {
		w.status.flash("Already accepted")
		return
	}
	w.status.flash(fmt.Sprintf("Accepted %s %d–%d into %s (Ctrl+Z takes it back)", span.Label, span.Start, span.End, w.ed.Curator()))
	w.selectSpan(span)
}

// onReject turns the selected candidate down.
func (w *Workbench) onReject() {
	id := w.view.SelectedHighlight()
	if id == 0 {
		w.status.flash("Select a span first (click it, or N for the next undecided)")
		return
	}
	span, _ := w.ed.Span(id)
	changed, err := w.ed.Reject(id)
	if err != nil {
		w.showError(err)
		return
	}
	if !changed {
		w.status.flash("Already rejected")
		return
	}
	w.status.flash(fmt.Sprintf("Rejected %s %d–%d (Ctrl+Z takes it back)", span.Label, span.Start, span.End))
	w.onNextUndecided()
}

// onAcceptAgreed fills the curated layer with what every annotator agrees on.
func (w *Workbench) onAcceptAgreed() {
	if w.ed.Doc() == nil {
		return
	}
	if w.ed.Layer().Mode != editor.LayerCuration {
		w.setLayer(editor.Layer{Mode: editor.LayerCuration})
	}
	n, err := w.ed.AcceptAgreed(0)
	if err != nil {
		w.showError(err)
	}
	w.status.flash(fmt.Sprintf("Accepted %s every annotator agrees on (Ctrl+Z takes them back)", plural(n, "span")))
}

// onNextUndecided selects the next candidate neither accepted nor rejected.
func (w *Workbench) onNextUndecided() {
	start, _ := w.view.Selection()
	if id := w.view.SelectedHighlight(); id != 0 {
		if s, ok := w.ed.Span(id); ok {
			start = s.Start + 1
		}
	}
	c, ok := w.ed.NextUndecided(start)
	if !ok {
		w.status.flash("Every span of this document is decided")
		return
	}
	w.view.ScrollToOffset(c.Span.Start)
	w.selectSpan(c.Span)
}

// layerMenuItems are the View menu's layer entries.
func (w *Workbench) layerMenuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("All layers", func() { w.setLayer(editor.Layer{Mode: editor.LayerAll}) }),
		fyne.NewMenuItem("My layer", func() {
			w.setLayer(editor.Layer{Mode: editor.LayerAnnotator, Annotator: w.ed.Annotator()})
		}),
		fyne.NewMenuItem("Curated layer", func() { w.setLayer(editor.Layer{Mode: editor.LayerCurated}) }),
		fyne.NewMenuItem("Curation view", func() { w.setLayer(editor.Layer{Mode: editor.LayerCuration}) }),
	}
}

// newLayerSwitch is the status bar's layer switch.
func newLayerSwitch(onChoose func(string)) *widget.Select {
	s := widget.NewSelect(nil, onChoose)
	s.PlaceHolder = "Layer"
	return s
}
