package editor

import (
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// LayerMode says whose annotations the open document shows.
type LayerMode int

const (
	// LayerAll shows every annotator's spans, the curated layer's included.
	LayerAll LayerMode = iota
	// LayerAnnotator shows one annotator's spans (Layer.Annotator).
	LayerAnnotator
	// LayerCurated shows the curated layer, the gold set being built.
	LayerCurated
	// LayerCuration shows each span the annotators made once, marked agreed or
	// disputed, beside the curated layer: the curation view (see Candidates).
	LayerCuration
)

// Layer is what the document view shows.
type Layer struct {
	Mode      LayerMode
	Annotator string // for LayerAnnotator
}

// Layer is the layer on screen.
func (e *Editor) Layer() Layer { return e.layer }

// SetLayer changes the layer on screen and redraws (SpansChanged).
func (e *Editor) SetLayer(l Layer) {
	if l == e.layer {
		return
	}
	e.layer = l
	e.publish(Event{Kind: SpansChanged, DocID: e.DocID()})
}

// Curator is the annotator whose layer is the curated one.
func (e *Editor) Curator() string { return e.curator }

// SetCurator names the curated layer.
func (e *Editor) SetCurator(name string) {
	if name != "" {
		e.curator = name
	}
}

// TagAnnotator is who new spans belong to: the curated layer while it or the
// curation view is on screen, else the editor's annotator.
func (e *Editor) TagAnnotator() string {
	if e.layer.Mode == LayerCurated || e.layer.Mode == LayerCuration {
		return e.curator
	}
	return e.annotator
}

// ReadOnly says why the layer on screen cannot be edited ("" when it can):
// another person's layer is shown for reading; their work is theirs to change.
func (e *Editor) ReadOnly() string {
	if e.layer.Mode == LayerAnnotator && e.layer.Annotator != e.annotator {
		return "this is " + e.layer.Annotator + "'s layer, shown for reading; switch to your own, All or Curated to edit"
	}
	return ""
}

// DocumentAnnotators lists who has spans in the open document, in name order, the
// curated layer included.
func (e *Editor) DocumentAnnotators() []string {
	var names []string
	for _, s := range e.spans {
		if !slices.Contains(names, s.Annotator) {
			names = append(names, s.Annotator)
		}
	}
	slices.Sort(names)
	return names
}

// VisibleSpans are the open document's spans of the layer on screen, in text
// order. In the curation view they are the candidates' spans (Candidates) and
// the curated layer's. The slice is new; the spans are copies.
func (e *Editor) VisibleSpans() []annotate.Span {
	switch e.layer.Mode {
	case LayerAnnotator:
		return e.spansBy(func(who string) bool { return who == e.layer.Annotator })
	case LayerCurated:
		return e.spansBy(func(who string) bool { return who == e.curator })
	case LayerCuration:
		var out []annotate.Span
		for _, c := range e.Candidates() {
			out = append(out, c.Shown())
		}
		return out
	}
	return slices.Clone(e.spans)
}

func (e *Editor) spansBy(keep func(annotator string) bool) []annotate.Span {
	var out []annotate.Span
	for _, s := range e.spans {
		if keep(s.Annotator) {
			out = append(out, s)
		}
	}
	return out
}

// CanEdit says why the span with id may not be relabelled, deleted or given a
// note from the layer on screen ("" when it may): another person's layer is for
// reading, and in the curation view only the curated layer's spans are edited;
// an annotator's span is accepted (copied) or rejected instead.
func (e *Editor) CanEdit(id int64) string {
	if why := e.ReadOnly(); why != "" {
		return why
	}
	if e.layer.Mode != LayerCuration {
		return ""
	}
	if s, ok := e.Span(id); ok && s.Annotator != e.curator {
		return "in curation, an annotator's span is accepted (A) or rejected (R); it can be relabelled once accepted"
	}
	return ""
}
