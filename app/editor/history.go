package editor

import (
	"context"
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// Step is one undoable edit. Before is the span as it was (zero for a create) and
// After the span as the edit left it (zero for a delete); both keep the span's ID,
// which RestoreSpan preserves, so steps stay valid across undo and redo.
type Step struct {
	Action annotate.Action
	Before annotate.Span
	After  annotate.Span
	// Status, if set, makes the step a change of a document's status (Mark done,
	// Reopen) instead of a span edit; Action and the spans are then unused.
	Status *StatusChange
	// Group, if set, makes the step several steps done in order and undone in
	// reverse, as one: tag all occurrences, link source (tag the mention, link it,
	// set the source), curation's accept all agreed, a reject that deletes.
	Group []Step
	// Reject, if set, is a curator's rejection of a candidate (stored), or its
	// taking back (Rejection.TakenBack).
	Reject *Rejection
	// Metadata, if set, makes the step an edit of a document's metadata (the
	// document-info panel); Action and the spans are then unused.
	Metadata *MetadataChange
	// SuggestionRejection, if set, makes the step the rejection of a suggestion
	// (stored; undo takes it back).
	SuggestionRejection *SuggestionRejection
}

// StatusChange is a document's status before and after Mark done or Reopen.
type StatusChange struct {
	DocID         int64
	Before, After annotate.Status
}

// DocID is the document the step belongs to.
func (s Step) DocID() int64 {
	if s.Status != nil {
		return s.Status.DocID
	}
	if len(s.Group) > 0 {
		return s.Group[0].DocID()
	}
	if s.Reject != nil {
		return s.Reject.DocID
	}
	if s.Metadata != nil {
		return s.Metadata.DocID
	}
	if s.SuggestionRejection != nil {
		return s.SuggestionRejection.DocID
	}
	if s.After.ID != 0 {
		return s.After.DocID
	}
	return s.Before.DocID
}

// SpanID is the span the step changes.
func (s Step) SpanID() int64 {
	if s.After.ID != 0 {
		return s.After.ID
	}
	if len(s.Group) > 0 {
		return s.Group[len(s.Group)-1].SpanID()
	}
	return s.Before.ID
}

// history is the session's undo/redo stack. It holds no store: every step was
// committed when it was made, and undo/redo commit their own inverse at once, so a
// crash loses nothing and the database never lags behind the screen.
type history struct {
	done   []Step
	undone []Step
}

// record adds a step that was just committed; a new edit ends the redo chain.
func (h *history) record(step Step) {
	h.done = append(h.done, step)
	h.undone = nil
}

func (h *history) canUndo() bool { return len(h.done) > 0 }
func (h *history) canRedo() bool { return len(h.undone) > 0 }

// nextUndo and nextRedo peek at the step the next undo or redo would apply.
func (h *history) nextUndo() (Step, bool) {
	if len(h.done) == 0 {
		return Step{}, false
	}
	return h.done[len(h.done)-1], true
}

func (h *history) nextRedo() (Step, bool) {
	if len(h.undone) == 0 {
		return Step{}, false
	}
	return h.undone[len(h.undone)-1], true
}

// markUndone moves the top step to the redo stack once its inverse has been committed.
func (h *history) markUndone() {
	step := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, step)
}

// markRedone moves the top redo step back once it has been committed again.
func (h *history) markRedone() {
	step := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, step)
}

// forget drops every step for which drop returns true. It is used when something
// outside the history removes what the steps refer to (a deleted document or label),
// so undo never tries to resurrect a span into a document that is gone.
func (h *history) forget(drop func(Step) bool) {
	keep := func(steps []Step) []Step {
		kept := steps[:0]
		for _, s := range steps {
			if !drop(s) {
				kept = append(kept, s)
			}
		}
		return kept
	}
	h.done = keep(h.done)
	h.undone = keep(h.undone)
}

// usesLabel reports whether the step, or any part of a grouped step, involves
// the label.
func (s Step) usesLabel(name string) bool {
	if s.Before.Label == name || s.After.Label == name || (s.Reject != nil && s.Reject.Span.Label == name) {
		return true
	}
	for _, part := range s.Group {
		if part.usesLabel(name) {
			return true
		}
	}
	return false
}

// renameLabel keeps steps valid after a label is renamed, so undoing a relabel sets
// the label's new name rather than one the store no longer knows.
func (h *history) renameLabel(oldName, newName string) {
	var rename func(steps []Step)
	rename = func(steps []Step) {
		for i := range steps {
			if steps[i].Before.Label == oldName {
				steps[i].Before.Label = newName
			}
			if steps[i].After.Label == oldName {
				steps[i].After.Label = newName
			}
			if r := steps[i].Reject; r != nil && r.Span.Label == oldName {
				renamed := *r
				renamed.Span.Label = newName
				steps[i].Reject = &renamed
			}
			rename(steps[i].Group)
		}
	}
	rename(h.done)
	rename(h.undone)
}

// rollback undoes the parts of a step that failed half-way and returns cause.
func (e *Editor) rollback(steps []Step, cause error) error {
	for i := len(steps) - 1; i >= 0; i-- {
		if _, err := revertStep(e.ctx, e.store, steps[i], e.annotator); err != nil {
			return fmt.Errorf("%w (and undoing the part done failed: %v)", cause, err)
		}
	}
	_ = e.ReloadSpans()
	return cause
}

// revertStep commits the inverse of step and returns the span as it now stands (the
// zero Span if the inverse removed it).
func revertStep(ctx context.Context, store annotate.Store, step Step, annotator string) (annotate.Span, error) {
	span, err := makeSpan(ctx, store, step, step.After, step.Before, annotator)
	if err != nil {
		return annotate.Span{}, fmt.Errorf("undo %s of span %d: %w", step.Action, step.SpanID(), err)
	}
	return span, nil
}

// replayStep commits step again after it was undone. A create comes back under its
// old ID (RestoreSpan), so later steps that name that ID still apply.
func replayStep(ctx context.Context, store annotate.Store, step Step, annotator string) (annotate.Span, error) {
	span, err := makeSpan(ctx, store, step, step.Before, step.After, annotator)
	if err != nil {
		return annotate.Span{}, fmt.Errorf("redo %s of span %d: %w", step.Action, step.SpanID(), err)
	}
	return span, nil
}

// makeSpan turns a span stored as from into to, committing through the store: a
// zero to deletes it, a zero from restores to under its old ID, otherwise the
// step's action says which part changes. Undo passes (After, Before), redo
// (Before, After). A new kind of span edit adds its case here.
func makeSpan(ctx context.Context, store annotate.Store, step Step, from, to annotate.Span, annotator string) (annotate.Span, error) {
	switch {
	case to.ID == 0:
		return annotate.Span{}, store.DeleteSpan(ctx, from.ID, annotator)
	case from.ID == 0:
		return store.RestoreSpan(ctx, to, annotator)
	}
	switch step.Action {
	case annotate.ActionRelabel:
		return store.RelabelSpan(ctx, to.ID, to.Label, annotator)
	case annotate.ActionNote:
		return store.SetSpanNote(ctx, to.ID, to.Note, annotator)
	case annotate.ActionResize:
		return store.ResizeSpan(ctx, to.ID, to.Start, to.End, annotator)
	case annotate.ActionAttr:
		return store.SetSpanAttrs(ctx, to.ID, to.Attrs, annotator)
	case annotate.ActionLink, annotate.ActionUnlink:
		return relink(ctx, store, from, to, annotator)
	}
	return annotate.Span{}, fmt.Errorf("unknown action %q", step.Action)
}

// relink turns the links a span heads from from's into to's: links only to has
// come back under their old IDs, links only from has are removed.
func relink(ctx context.Context, store annotate.Store, from, to annotate.Span, annotator string) (annotate.Span, error) {
	heads := func(s annotate.Span) map[int64]annotate.Link {
		out := map[int64]annotate.Link{}
		for _, l := range s.Links {
			if l.Head == s.ID {
				out[l.ID] = l
			}
		}
		return out
	}
	was, will := heads(from), heads(to)
	for id := range was {
		if _, keep := will[id]; !keep {
			if err := store.UnlinkSpans(ctx, id, annotator); err != nil && annotate.ErrorCode(err) != annotate.ENOTFOUND {
				return annotate.Span{}, err
			}
		}
	}
	for id, l := range will {
		if _, had := was[id]; !had {
			if _, err := store.LinkSpans(ctx, l, annotator); err != nil && annotate.ErrorCode(err) != annotate.ECONFLICT {
				return annotate.Span{}, err
			}
		}
	}
	return store.Span(ctx, to.ID)
}

// Describe names a step for a status message ("relabel QUOTE → CLAIM"), as in
// "Undid relabel QUOTE → CLAIM".
func (s Step) Describe() string {
	if s.Status != nil {
		if s.Status.After == annotate.StatusDone {
			return "marking done"
		}
		return "reopening"
	}
	if s.SuggestionRejection != nil {
		return "rejecting suggestion " + s.SuggestionRejection.Suggestion.Label
	}
	if s.Action == ActionAcceptSuggestions {
		return fmt.Sprintf("accepting %d suggestions", len(s.Group))
	}
	if s.Action == ActionLinkSource {
		return string(ActionLinkSource)
	}
	if s.Action == ActionAccept {
		return "accepting " + s.After.Label
	}
	if s.Action == ActionAcceptAgreed {
		n := 0
		for _, part := range s.Group {
			if part.Action == annotate.ActionCreate {
				n++
			}
		}
		return fmt.Sprintf("accepting %d agreed spans", n)
	}
	if len(s.Group) > 0 && s.Action == annotate.ActionCreate && s.After.ID != 0 {
		return fmt.Sprintf("tagging %d occurrences as %s", len(s.Group), s.After.Label)
	}
	if s.Reject != nil {
		return "rejecting " + s.Reject.Span.Label
	}
	if len(s.Group) > 0 {
		if last := s.Group[len(s.Group)-1]; last.Reject != nil {
			return "rejecting " + last.Reject.Span.Label
		}
		if len(s.Group) == 1 {
			return "accepting " + s.Group[0].After.Label
		}
		return fmt.Sprintf("accepting %d agreed spans", len(s.Group))
	}
	if s.Metadata != nil {
		return "document information edit"
	}
	switch s.Action {
	case annotate.ActionCreate:
		return "tagging " + s.After.Label
	case annotate.ActionDelete:
		return "deleting " + s.Before.Label
	case annotate.ActionRelabel:
		return "relabel " + s.Before.Label + " → " + s.After.Label
	case annotate.ActionNote:
		return "note edit"
	case annotate.ActionResize:
		return "resizing " + s.After.Label
	case annotate.ActionAttr:
		return "attribute edit"
	case annotate.ActionLink:
		return "link"
	case annotate.ActionUnlink:
		return "unlink"
	}
	return string(s.Action)
}
