package app

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// Colours of the curation view (Okabe–Ito, safe for colour-blind readers): what
// every annotator marked in bluish green, what only some marked in vermillion,
// what the curator accepted in blue, what they turned down in grey. In the
// curation view every highlight is coloured by its state, not its label: a
// label colour (DEMAND's is that same bluish green) would make an accepted span
// look undecided. The annotation list and the status bar name the labels.
var (
	agreedColor   = color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xff}
	disputedColor = color.NRGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xff}
	acceptedColor = color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xff}
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

	strips *layerStrips // the annotators' layers stacked over the curated view
	picked pickedCopy   // the annotator's span clicked in their layer, if any
}

// pickedCopy is one annotator's span the curator clicked in their layer:
// Accept then copies that span (its attributes and links) rather than what
// every annotator's copy agrees on.
type pickedCopy struct {
	id        int64
	annotator string
	key       agreement.Key
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
	states := make(map[agreement.Key]editor.CandidateState, len(candidates))
	for _, cand := range candidates {
		s := cand.Shown()
		states[agreement.KeyOf(s)] = cand.State
		fill := stateColor(cand.State)
		switch cand.State {
		case editor.Rejected:
			s.Annotator += " · rejected"
		case editor.Accepted:
			s.Annotator = "accepted · " + cand.Shown().Annotator
		}
		spans = append(spans, s)
		highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: fill, Label: s.Label})
	}
	c.showStrips(states)
	return spans, highlights
}

// stateColor is how a candidate is drawn in the curation view.
func stateColor(state editor.CandidateState) color.Color {
	switch state {
	case editor.Agreed:
		return agreedColor
	case editor.Disputed:
		return disputedColor
	case editor.Rejected:
		return rejectedColor
	}
	return acceptedColor
}

// showStrips stacks each annotator's layer above the curated view, their spans
// coloured as their candidates are.
func (c *curation) showStrips(states map[agreement.Key]editor.CandidateState) {
	if c.strips == nil {
		return
	}
	curator := c.ed.Curator()
	var layers []stripLayer
	for _, name := range c.ed.DocumentAnnotators() {
		if name == curator {
			continue
		}
		layer := stripLayer{annotator: name}
		counts := map[editor.CandidateState]int{}
		for _, s := range c.ed.Spans() {
			if s.Annotator != name {
				continue
			}
			state := states[agreement.KeyOf(s)]
			counts[state]++
			layer.highlights = append(layer.highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: stateColor(state), Label: s.Label})
		}
		layer.header = fmt.Sprintf("%s's layer · %s: %d agreed, %d disputed to decide; %d accepted, %d rejected · read only",
			name, plural(len(layer.highlights), "span"), counts[editor.Agreed], counts[editor.Disputed], counts[editor.Accepted], counts[editor.Rejected])
		layers = append(layers, layer)
	}
	if len(layers) == 0 {
		c.strips.hide() // nobody's work to compare: the curated view alone
		return
	}
	c.strips.show(layers, c.ed.Doc().Text, fmt.Sprintf("Curated layer (%s) · editable", curator))
}

// onPick is a click on a span in an annotator's layer: its candidate becomes
// the selected one, and A accepts that annotator's copy.
func (c *curation) onPick(annotator string, id int64) {
	cand, ok := c.ed.CandidateOf(id)
	if !ok {
		return
	}
	s, _ := c.ed.Span(id)
	shown := cand.Shown()
	c.selectSpan(shown)
	c.strips.outline(s.Start, s.End, s.Label)
	c.picked = pickedCopy{id: id, annotator: annotator, key: agreement.KeyOf(s)}
	what := "A accepts " + annotator + "'s copy (with its attributes and links), R rejects"
	switch cand.State {
	case editor.Accepted:
		what = "accepted already; R rejects"
	case editor.Rejected:
		what = "rejected; A accepts " + annotator + "'s copy after all"
	}
	c.flash(fmt.Sprintf("%s's %s %d–%d (%d of %d annotators): %s", annotator, s.Label, s.Start, s.End, len(cand.By), cand.Of, what))
}

// onHighlightSelected follows a selection in the curated view: the strips
// outline the annotators' copies of the same span.
func (c *curation) onHighlightSelected(id int64) {
	if c.ed.Layer().Mode != editor.LayerCuration || c.strips == nil {
		return
	}
	s, ok := c.ed.Span(id)
	if !ok {
		c.strips.outline(-1, -1, "")
		return
	}
	c.strips.outline(s.Start, s.End, s.Label)
}

// pickedFor is the annotator whose copy Accept takes for the selected
// candidate: the one picked in their layer, if it is that candidate's.
func (c *curation) pickedFor(id int64) string {
	s, ok := c.ed.Span(id)
	if !ok || c.picked.id == 0 || c.picked.key != (agreement.KeyOf(s)) {
		return ""
	}
	return c.picked.annotator
}

// actions are the curation buttons over the curated view.
func (c *curation) actions() fyne.CanvasObject {
	return container.NewHBox(
		widget.NewButton("Accept (A)", c.onAccept),
		widget.NewButton("Reject (R)", c.onReject),
		widget.NewButton("All agreed (⇧A)", c.onAcceptAgreed),
		widget.NewButton("Next (N)", c.onNextUndecided),
	)
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
	c.picked = pickedCopy{}
	if l.Mode != editor.LayerCuration && c.strips != nil {
		c.strips.hide()
	}
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
	from := c.pickedFor(id)
	if from != "" {
		id = c.picked.id
	}
	a, err := c.ed.AcceptFrom(id, from)
	if err != nil {
		c.showError(err)
		return
	}
	if !a.Changed {
		c.flash("Already accepted")
		return
	}
	c.picked = pickedCopy{}
	msg := fmt.Sprintf("Accepted %s %d–%d into %s", a.Span.Label, a.Span.Start, a.Span.End, c.ed.Curator())
	if from != "" {
		msg += " from " + from + "'s copy"
	}
	if a.Linked > 0 {
		msg += fmt.Sprintf(", with %s", plural(a.Linked, "link"))
	}
	if a.Pulled > 0 {
		msg += fmt.Sprintf(" (its %s accepted too)", plural(a.Pulled, "linked span"))
	}
	if len(a.Differing) > 0 {
		msg += "; left empty where the annotators differ: " + strings.Join(a.Differing, ", ")
	}
	c.flash(msg + " (Ctrl+Z takes it back)")
	c.selectSpan(a.Span)
	c.onHighlightSelected(a.Span.ID)
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
	c.onHighlightSelected(next.Span.ID)
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
