package editor

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// Resize moves a span of the open document to start–end as one undoable step.
// Moving it nowhere returns changed false; a range that repeats another span of
// the same label and annotator fails with the store's annotate.ECONFLICT error.
func (e *Editor) Resize(id int64, start, end int) (before, after annotate.Span, changed bool, err error) {
	before, ok := e.Span(id)
	if !ok {
		return before, before, false, annotate.Errorf(annotate.ENOTFOUND, "span %d is not in the open document", id)
	}
	if before.Start == start && before.End == end {
		return before, before, false, nil
	}
	after, err = e.store.ResizeSpan(e.ctx, id, start, end, e.annotator)
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		return before, before, false, err
	}
	if err != nil {
		return before, before, false, fmt.Errorf("resize span %d–%d to %d–%d: %w", before.Start, before.End, start, end, err)
	}
	e.history.record(Step{Action: annotate.ActionResize, Before: before, After: after})
	e.spanChanged(after)
	return before, after, true, nil
}

// TagOccurrences tags every other whole-word, exact occurrence of the text of span
// id in the open document with the span's label (annotate.OtherOccurrences), as one
// undoable step; occurrences that already carry that label are left alone. It
// returns the spans it made. If the store fails part-way, the spans made so far
// stay and form the undo step, and the error is returned.
func (e *Editor) TagOccurrences(id int64) ([]annotate.Span, error) {
	source, ok := e.Span(id)
	if !ok || e.doc == nil {
		return nil, annotate.Errorf(annotate.ENOTFOUND, "span %d is not in the open document", id)
	}
	tagged := map[annotate.Range]bool{}
	for _, s := range e.spans {
		if s.Label == source.Label {
			tagged[annotate.Range{Start: s.Start, End: s.End}] = true
		}
	}
	var made []annotate.Span
	var batch []Step
	var failure error
	for _, r := range annotate.OtherOccurrences([]rune(e.doc.Text), source.Start, source.End) {
		if tagged[r] {
			continue
		}
		span, err := e.store.CreateSpan(e.ctx, annotate.Span{DocID: e.doc.ID, Start: r.Start, End: r.End, Label: source.Label, Annotator: e.annotator})
		if err != nil {
			failure = fmt.Errorf("tag %d–%d as %s: %w", r.Start, r.End, source.Label, err)
			break
		}
		made = append(made, span)
		batch = append(batch, Step{Action: annotate.ActionCreate, After: span})
		e.spanAdded(span)
	}
	if len(batch) > 0 {
		e.history.record(Step{Action: annotate.ActionCreate, After: batch[0].After, Group: batch})
	}
	return made, failure
}
