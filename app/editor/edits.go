package editor

import (
	"fmt"
	"slices"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// Tag stores a new span over start–end (code points) of the open document with
// the label, by the editor's annotator. Tagging the same range with the same label
// again fails with the store's annotate.ECONFLICT error, unwrapped, which callers
// may show as a quiet slip.
func (e *Editor) Tag(start, end int, label string) (annotate.Span, error) {
	return e.tag(start, end, label, e.parsedAttrs(label, start, end))
}

// tag is Tag with the attributes given: one undoable step.
func (e *Editor) tag(start, end int, label string, attrs annotate.Attrs) (annotate.Span, error) {
	span, err := e.createSpan(start, end, label, attrs)
	if err != nil {
		return span, err
	}
	e.history.record(Step{Action: annotate.ActionCreate, After: span})
	e.spanAdded(span)
	return span, nil
}

// createSpan stores a new span of the open document by the tagging annotator;
// the caller records the step and updates the editor (spanAdded).
func (e *Editor) createSpan(start, end int, label string, attrs annotate.Attrs) (annotate.Span, error) {
	if e.doc == nil {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "no document is open")
	}
	span, err := e.store.CreateSpan(e.ctx, annotate.Span{
		DocID:     e.doc.ID,
		Start:     start,
		End:       end,
		Label:     label,
		Annotator: e.TagAnnotator(),
		Attrs:     attrs,
	})
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		return annotate.Span{}, err // its message alone says it: "already tagged"
	}
	if err != nil {
		return annotate.Span{}, fmt.Errorf("tag %d–%d as %s: %w", start, end, label, err)
	}
	return span, nil
}

// Relabel gives a span of the open document another label. It returns the span as
// it was and as it now stands; relabelling to the same label changes nothing and
// returns changed false.
func (e *Editor) Relabel(id int64, label string) (before, after annotate.Span, changed bool, err error) {
	before, ok := e.Span(id)
	if !ok || before.Label == label {
		return before, before, false, nil
	}
	after, err = e.store.RelabelSpan(e.ctx, id, label, e.annotator)
	if err != nil {
		return before, before, false, fmt.Errorf("relabel span %d–%d as %s: %w", before.Start, before.End, label, err)
	}
	e.history.record(Step{Action: annotate.ActionRelabel, Before: before, After: after})
	e.spanChanged(after)
	return before, after, true, nil
}

// Delete removes a span of the open document and returns it as it was; ok is
// false when the open document has no such span.
func (e *Editor) Delete(id int64) (removed annotate.Span, ok bool, err error) {
	removed, ok = e.Span(id)
	if !ok {
		return removed, false, nil
	}
	if err := e.store.DeleteSpan(e.ctx, id, e.annotator); err != nil {
		return removed, false, fmt.Errorf("delete span %d–%d: %w", removed.Start, removed.End, err)
	}
	e.history.record(Step{Action: annotate.ActionDelete, Before: removed})
	e.spanRemoved(removed)
	return removed, true, nil
}

// SetNote stores a span's note; an unchanged note is not written (changed false).
func (e *Editor) SetNote(id int64, note string) (changed bool, err error) {
	before, ok := e.Span(id)
	if !ok || before.Note == note {
		return false, nil
	}
	after, err := e.store.SetSpanNote(e.ctx, id, note, e.annotator)
	if err != nil {
		return false, fmt.Errorf("save note of span %d–%d: %w", before.Start, before.End, err)
	}
	e.history.record(Step{Action: annotate.ActionNote, Before: before, After: after})
	e.replaceSpan(after)
	e.indexUpsert(after)
	e.publish(Event{Kind: NoteChanged, DocID: after.DocID, Span: after})
	return true, nil
}

// Applied says what an Undo or Redo did.
type Applied struct {
	Step Step
	// Span is the step's span as it now stands; zero when the step removed it
	// (then Gone is where it was) or the step changed a document's status.
	Span annotate.Span
	Gone annotate.Span
}

// Undo reverts the last edit, opening its document first if another one is open
// (so the user sees what changed). ok is false when there is nothing to undo.
func (e *Editor) Undo() (applied Applied, ok bool, err error) {
	step, ok := e.history.nextUndo()
	if !ok {
		return Applied{}, false, nil
	}
	return e.apply(step, true)
}

// Redo applies the last undone edit again. ok is false when there is nothing to
// redo.
func (e *Editor) Redo() (applied Applied, ok bool, err error) {
	step, ok := e.history.nextRedo()
	if !ok {
		return Applied{}, false, nil
	}
	return e.apply(step, false)
}

// apply commits the inverse of step (undo) or step again (redo), moves it to the
// other stack and updates the open document.
func (e *Editor) apply(step Step, undo bool) (Applied, bool, error) {
	if e.DocID() != step.DocID() {
		if err := e.Open(step.DocID()); err != nil {
			return Applied{}, true, err
		}
	}
	move := e.history.markRedone
	if undo {
		move = e.history.markUndone
	}
	if len(step.Group) > 0 || step.Reject != nil {
		applied, err := e.applyGroup(step, undo)
		if err != nil {
			return applied, true, err
		}
		move()
		return applied, true, nil
	}
	if r := step.SuggestionRejection; r != nil {
		if err := e.setSuggestionRejected(r.DocID, r.Suggestion, !undo); err != nil {
			return Applied{}, true, err
		}
		move()
		return Applied{Step: step}, true, nil
	}
	if step.Metadata != nil {
		if err := e.applyMetadata(step.Metadata, undo); err != nil {
			return Applied{}, true, err
		}
		move()
		return Applied{Step: step}, true, nil
	}
	if step.Status != nil {
		status := step.Status.After
		if undo {
			status = step.Status.Before
		}
		if err := e.setDocumentStatus(step.Status.DocID, status); err != nil {
			return Applied{}, true, err
		}
		move()
		return Applied{Step: step}, true, nil
	}
	applied, err := e.applySpanStep(step, undo)
	if err != nil {
		return Applied{}, true, err
	}
	move()
	return applied, true, nil
}

// applyGroup undoes (in reverse order) or redoes the parts of a grouped step
// (curation's accept-all, a reject), and a lone rejection.
func (e *Editor) applyGroup(step Step, undo bool) (Applied, error) {
	parts := step.Group
	if len(parts) == 0 {
		parts = []Step{step}
	}
	if undo {
		parts = slices.Clone(parts)
		slices.Reverse(parts)
	}
	applied := Applied{Step: step}
	for _, part := range parts {
		if part.Reject != nil {
			rejected := !undo
			if part.Reject.TakenBack {
				rejected = undo
			}
			if err := e.setRejected(part.Reject.DocID, part.Reject.Span, rejected); err != nil {
				return applied, err
			}
			e.publish(Event{Kind: SpansChanged, DocID: part.Reject.DocID})
			continue
		}
		a, err := e.applySpanStep(part, undo)
		if err != nil {
			return applied, err
		}
		if a.Span.ID != 0 {
			applied.Span = a.Span
		} else if applied.Gone.ID == 0 {
			applied.Gone = a.Gone
		}
	}
	return applied, nil
}

// applySpanStep commits the inverse of a span step (undo) or the step again
// (redo) and updates the open document's list.
func (e *Editor) applySpanStep(step Step, undo bool) (Applied, error) {
	commit := replayStep
	if undo {
		commit = revertStep
	}
	span, err := commit(e.ctx, e.store, step, e.annotator)
	if err != nil {
		return Applied{}, err
	}
	if step.Action == annotate.ActionLink || step.Action == annotate.ActionUnlink {
		// The link's other end changed too.
		var others []int64
		for _, l := range append(append([]annotate.Link(nil), step.Before.Links...), step.After.Links...) {
			others = append(others, l.Other(step.SpanID()))
		}
		if _, err := e.refreshLinked(others...); err != nil {
			return Applied{}, err
		}
	}
	applied := Applied{Step: step, Span: span}
	if span.ID == 0 {
		gone, ok := e.Span(step.SpanID())
		if ok {
			e.spanRemoved(gone)
		} else if gone = step.After; gone.ID == 0 {
			gone = step.Before
		}
		if !ok && gone.DocID != e.DocID() {
			e.spanRemoved(gone) // a part of a group in another document: its count and index entry
		}
		applied.Gone = gone
		return applied, nil
	}
	if span.DocID != e.DocID() {
		e.spanStored(span) // a part of a group in another document (tag all occurrences everywhere)
		return applied, nil
	}
	if _, exists := e.Span(span.ID); exists {
		e.spanChanged(span)
	} else {
		e.spanAdded(span)
	}
	return applied, nil
}

// spanAdded puts a new span into the open document's list and keeps the library
// row and the search index in step with the store.
func (e *Editor) spanAdded(span annotate.Span) {
	e.spans = append(e.spans, span)
	annotate.SortSpans(e.spans)
	e.publish(Event{Kind: SpansChanged, DocID: span.DocID, Span: span})
	e.adjustSummary(span.DocID, +1)
	e.indexUpsert(span)
	e.refreshOthers(span)
}

// spanChanged replaces a span after a relabel, restore or other change.
func (e *Editor) spanChanged(span annotate.Span) {
	e.replaceSpan(span)
	e.publish(Event{Kind: SpansChanged, DocID: span.DocID, Span: span})
	e.indexUpsert(span)
}

// spanRemoved takes a deleted span out of the list and the search index.
func (e *Editor) spanRemoved(span annotate.Span) {
	for i, s := range e.spans {
		if s.ID == span.ID {
			e.spans = append(e.spans[:i], e.spans[i+1:]...)
			break
		}
	}
	e.publish(Event{Kind: SpansChanged, DocID: span.DocID})
	e.adjustSummary(span.DocID, -1)
	e.indexed(func(s *search.Engine) { s.Remove(span.ID) })
	e.refreshOthers(span)
}

// replaceSpan swaps in a span's new state.
func (e *Editor) replaceSpan(span annotate.Span) {
	for i, s := range e.spans {
		if s.ID == span.ID {
			e.spans[i] = span
			annotate.SortSpans(e.spans)
			return
		}
	}
}
