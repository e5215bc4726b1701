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

// renameLabel keeps steps valid after a label is renamed, so undoing a relabel sets
// the label's new name rather than one the store no longer knows.
func (h *history) renameLabel(oldName, newName string) {
	rename := func(steps []Step) {
		for i := range steps {
			if steps[i].Before.Label == oldName {
				steps[i].Before.Label = newName
			}
			if steps[i].After.Label == oldName {
				steps[i].After.Label = newName
			}
		}
	}
	rename(h.done)
	rename(h.undone)
}

// revertStep commits the inverse of step and returns the span as it now stands (the
// zero Span if the inverse removed it).
func revertStep(ctx context.Context, store annotate.Store, step Step, annotator string) (annotate.Span, error) {
	switch step.Action {
	case annotate.ActionCreate:
		if err := store.DeleteSpan(ctx, step.After.ID, annotator); err != nil {
			return annotate.Span{}, fmt.Errorf("undo create of span %d: %w", step.After.ID, err)
		}
		return annotate.Span{}, nil
	case annotate.ActionDelete:
		span, err := store.RestoreSpan(ctx, step.Before, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("undo delete of span %d: %w", step.Before.ID, err)
		}
		return span, nil
	case annotate.ActionRelabel:
		span, err := store.RelabelSpan(ctx, step.Before.ID, step.Before.Label, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("undo relabel of span %d to %s: %w", step.Before.ID, step.Before.Label, err)
		}
		return span, nil
	case annotate.ActionNote:
		span, err := store.SetSpanNote(ctx, step.Before.ID, step.Before.Note, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("undo note edit of span %d: %w", step.Before.ID, err)
		}
		return span, nil
	}
	return annotate.Span{}, fmt.Errorf("undo: unknown action %q", step.Action)
}

// replayStep commits step again after it was undone. A create comes back under its
// old ID (RestoreSpan), so later steps that name that ID still apply.
func replayStep(ctx context.Context, store annotate.Store, step Step, annotator string) (annotate.Span, error) {
	switch step.Action {
	case annotate.ActionCreate:
		span, err := store.RestoreSpan(ctx, step.After, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("redo create of span %d: %w", step.After.ID, err)
		}
		return span, nil
	case annotate.ActionDelete:
		if err := store.DeleteSpan(ctx, step.Before.ID, annotator); err != nil {
			return annotate.Span{}, fmt.Errorf("redo delete of span %d: %w", step.Before.ID, err)
		}
		return annotate.Span{}, nil
	case annotate.ActionRelabel:
		span, err := store.RelabelSpan(ctx, step.After.ID, step.After.Label, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("redo relabel of span %d to %s: %w", step.After.ID, step.After.Label, err)
		}
		return span, nil
	case annotate.ActionNote:
		span, err := store.SetSpanNote(ctx, step.After.ID, step.After.Note, annotator)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("redo note edit of span %d: %w", step.After.ID, err)
		}
		return span, nil
	}
	return annotate.Span{}, fmt.Errorf("redo: unknown action %q", step.Action)
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
	switch s.Action {
	case annotate.ActionCreate:
		return "tagging " + s.After.Label
	case annotate.ActionDelete:
		return "deleting " + s.Before.Label
	case annotate.ActionRelabel:
		return "relabel " + s.Before.Label + " → " + s.After.Label
	case annotate.ActionNote:
		return "note edit"
	}
	return string(s.Action)
}
