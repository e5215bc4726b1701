package editor

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// LabelUsage counts the spans that carry a label, for the question asked before
// deleting it.
func (e *Editor) LabelUsage(name string) (int, error) {
	n, err := e.store.LabelUsage(e.ctx, name)
	if err != nil {
		return 0, fmt.Errorf("count annotations of label %s: %w", name, err)
	}
	return n, nil
}

// AddLabel stores a new label at the end of the palette. A hotkey another label
// holds moves to the new one.
func (e *Editor) AddLabel(label annotate.Label) error {
	if err := label.Validate(); err != nil {
		return err
	}
	if _, err := e.releaseHotkey(label.Hotkey, label.ID); err != nil {
		return err
	}
	label.Order = len(e.labels)
	if _, err := e.store.CreateLabel(e.ctx, label); err != nil {
		e.reloadLabelsAfterFailure()
		return fmt.Errorf("add label %s: %w", label.Name, err)
	}
	return e.ReloadLabels()
}

// UpdateLabel stores an edited label. Taking another label's hotkey swaps the two
// hotkeys, so no label silently loses its key. A rename keeps undo steps, the open
// document's spans and the search index in step.
func (e *Editor) UpdateLabel(original, edited annotate.Label) error {
	if err := edited.Validate(); err != nil {
		return err
	}
	previousHolder, err := e.releaseHotkey(edited.Hotkey, edited.ID)
	if err != nil {
		return err
	}
	if err := e.store.UpdateLabel(e.ctx, edited); err != nil {
		e.reloadLabelsAfterFailure()
		return fmt.Errorf("save label %s: %w", original.Name, err)
	}
	if previousHolder != nil && original.Hotkey != "" && original.Hotkey != edited.Hotkey {
		previousHolder.Hotkey = original.Hotkey
		if err := e.store.UpdateLabel(e.ctx, *previousHolder); err != nil {
			e.reloadLabelsAfterFailure()
			return fmt.Errorf("give hotkey %s to label %s: %w", original.Hotkey, previousHolder.Name, err)
		}
	}
	if edited.Name != original.Name {
		e.history.renameLabel(original.Name, edited.Name)
		e.renameRejected(original.Name, edited.Name)
		if err := e.ReloadSpans(); err != nil {
			return err
		}
		e.LoadIndex()
	}
	return e.ReloadLabels()
}

// releaseHotkey takes hotkey away from whichever other label holds it (the store
// keeps hotkeys unique) and returns that label, so the caller can hand it the
// hotkey its own label gives up once that is saved.
func (e *Editor) releaseHotkey(hotkey string, keeperID int64) (*annotate.Label, error) {
	if hotkey == "" {
		return nil, nil
	}
	for _, other := range e.labels {
		if other.Hotkey != hotkey || other.ID == keeperID {
			continue
		}
		other.Hotkey = ""
		if err := e.store.UpdateLabel(e.ctx, other); err != nil {
			return nil, fmt.Errorf("free hotkey %s from label %s: %w", hotkey, other.Name, err)
		}
		return &other, nil
	}
	return nil, nil
}

// MoveLabel moves a label up (-1) or down (+1) in the palette order.
func (e *Editor) MoveLabel(name string, delta int) error {
	names := make([]string, len(e.labels))
	at := -1
	for i, l := range e.labels {
		names[i] = l.Name
		if l.Name == name {
			at = i
		}
	}
	to := at + delta
	if at < 0 || to < 0 || to >= len(names) {
		return nil
	}
	names[at], names[to] = names[to], names[at]
	if err := e.store.ReorderLabels(e.ctx, names); err != nil {
		return fmt.Errorf("reorder labels: %w", err)
	}
	return e.ReloadLabels()
}

// DeleteLabel deletes a label with its spans and returns how many went. Undo
// steps that involve the label are dropped: the spans they refer to are gone.
func (e *Editor) DeleteLabel(name string) (int, error) {
	removed, err := e.store.DeleteLabel(e.ctx, name)
	if err != nil {
		return 0, fmt.Errorf("delete label %s: %w", name, err)
	}
	e.history.forget(func(s Step) bool { return s.usesLabel(name) })
	if err := e.ReloadLabels(); err != nil {
		return removed, err
	}
	if err := e.ReloadSpans(); err != nil {
		return removed, err
	}
	if err := e.ReloadDocuments(); err != nil {
		return removed, err
	}
	e.LoadIndex()
	return removed, nil
}

// reloadLabelsAfterFailure rereads the labels after a failed write, which may
// have freed a hotkey first; the write's error is the one worth reporting.
func (e *Editor) reloadLabelsAfterFailure() {
	_ = e.ReloadLabels()
}
