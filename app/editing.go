package app

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/editor"
)

// onAnnotationChosen is a click on a row of the annotation list: the highlight is
// selected and scrolled into view, and the focus goes back to the text so a digit
// relabels it.
func (w *Workbench) onAnnotationChosen(id int64) {
	span, ok := w.ed.Span(id)
	if !ok {
		return
	}
	w.view.SelectHighlight(id)
	w.attrs.show(id)
	w.view.ScrollToOffset(span.Start)
	w.status.showSelection(span.Start, span.End)
	w.focusView()
}

// onTypedRune tags with the label whose hotkey is r: the selected annotation is
// relabelled, otherwise the selected text becomes a new annotation.
func (w *Workbench) onTypedRune(r rune) {
	if w.cur.onCurationKey(r) || w.prec.onRune(r) || w.sugs.onRune(r) {
		return
	}
	if r == linkSourceKey || r == 'L' {
		w.links.onStartLinkSource()
		return
	}
	label, ok := w.ed.LabelForHotkey(string(r))
	if !ok {
		return
	}
	w.tag(label.Name)
}

// tag applies a label to the selected annotation or to the selected text.
func (w *Workbench) tag(labelName string) {
	if w.ed.Doc() == nil {
		return
	}
	if why := w.ed.ReadOnly(); why != "" {
		w.status.flash("Not tagged: " + why)
		return
	}
	if id := w.selectedAnnotation(); id != 0 {
		if why := w.ed.CanEdit(id); why != "" {
			w.status.flash("Not relabelled: " + why)
			return
		}
		// A relabelled annotation stays selected, so a wrong digit is corrected
		// with the right one at once.
		before, after, changed, err := w.ed.Relabel(id, labelName)
		if err != nil {
			w.showError(err)
		} else if changed {
			w.status.flash(fmt.Sprintf("Relabelled %s → %s", before.Label, after.Label))
			w.selectSpan(after)
		}
		return
	}
	start, end := w.view.Selection()
	// Spans never start or end in white space (word-wise selection keys and quick
	// drags often take the space before a word along), and stray punctuation goes
	// by the label's rule: see annotate.TrimForLabel.
	start, end = w.prec.trimForLabel(start, end, labelName)
	if start == end {
		w.status.flash("Select some text first, then press a label's digit")
		return
	}
	if w.prec.offerResize(start, end, labelName) {
		return
	}
	span, err := w.ed.Tag(start, end, labelName)
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		// Tagging the same text twice is a slip, not a failure: say so quietly
		// instead of stopping the flow with a dialog.
		w.status.flash("Not tagged: " + err.Error())
		return
	}
	if err != nil {
		w.showError(err)
		return
	}
	// To keep labelling fast, no selection is left behind: the caret sits at the
	// new span's end so the next selection (by keyboard or mouse) starts right
	// there, and a second digit press cannot tag the same text twice.
	w.status.flash(fmt.Sprintf("Tagged %s %d–%d", span.Label, span.Start, span.End))
	w.placeCaret(span.End)
}

// selectedAnnotation is the annotation a digit or Delete acts on: the outlined
// highlight, unless the user has since selected other text (then a digit tags that
// text instead of relabelling the old annotation).
func (w *Workbench) selectedAnnotation() int64 {
	id := w.view.SelectedHighlight()
	if id == 0 {
		return 0
	}
	span, ok := w.ed.Span(id)
	if !ok {
		return 0
	}
	start, end := w.view.Selection()
	if start != end && (start != span.Start || end != span.End) {
		return 0
	}
	return id
}

// onDeleteAnnotation removes the selected annotation (Delete/Backspace, Edit ▸ Delete).
func (w *Workbench) onDeleteAnnotation() {
	id := w.selectedAnnotation()
	if id == 0 {
		return
	}
	if w.ed.Layer().Mode == editor.LayerCuration {
		w.cur.onReject() // in curation, Delete turns the span down
		return
	}
	if why := w.ed.CanEdit(id); why != "" {
		w.status.flash("Not deleted: " + why)
		return
	}
	before, ok, err := w.ed.Delete(id)
	if err != nil {
		w.showError(err)
		return
	}
	if !ok {
		return
	}
	w.status.flash(fmt.Sprintf("Deleted %s %d–%d (Ctrl+Z brings it back)", before.Label, before.Start, before.End))
	w.placeCaret(before.Start)
}

// onNoteEdited saves an annotation's note; the list calls it debounced, on Enter and
// when the field loses focus.
func (w *Workbench) onNoteEdited(id int64, note string) {
	if why := w.ed.CanEdit(id); why != "" {
		w.status.flash("Note not saved: " + why)
		return
	}
	changed, err := w.ed.SetNote(id, note)
	if err != nil {
		w.showError(err)
		return
	}
	if changed {
		w.status.flash("Note saved")
	}
}

// onUndo reverts the last edit, opening its document first if another one is shown.
func (w *Workbench) onUndo() { w.undoOrRedo(true) }

// onRedo applies the last undone edit again.
func (w *Workbench) onRedo() { w.undoOrRedo(false) }

func (w *Workbench) undoOrRedo(undo bool) {
	w.annotations.flushNotes()
	apply, verb, nothing := w.ed.Redo, "Redid ", "Nothing to redo"
	if undo {
		apply, verb, nothing = w.ed.Undo, "Undid ", "Nothing to undo"
	}
	applied, ok, err := apply()
	if !ok {
		w.status.flash(nothing)
		return
	}
	if err != nil {
		w.showError(err)
		return
	}
	switch {
	case applied.Step.Status != nil || applied.Step.Metadata != nil:
		w.focusView()
	case applied.Step.SuggestionRejection != nil:
		sug := applied.Step.SuggestionRejection.Suggestion
		if _, known := w.ed.Label(sug.Label); undo && !known {
			w.focusView()
			w.status.flash(fmt.Sprintf("%s%s; it is not shown while no label is named %s", verb, applied.Step.Describe(), sug.Label))
			return
		}
		if undo { // the suggestion is back: select it, ready for A or X
			w.view.Select(sug.Start, sug.End)
			w.view.ScrollToOffset(sug.Start)
			w.status.showSelection(sug.Start, sug.End)
			w.sugs.onCaret(sug.Start, sug.End) // marks its row in the panel
		}
		w.focusView()
	case applied.Span.ID == 0:
		w.placeCaret(applied.Gone.Start)
	default:
		w.selectSpan(applied.Span)
	}
	w.status.flash(verb + applied.Step.Describe())
}

// placeCaret clears the selection, puts the caret at offset and gives the view
// the keyboard.
func (w *Workbench) placeCaret(offset int) {
	w.view.Select(offset, offset)
	w.status.showSelection(offset, offset)
	w.focusView()
}

// selectSpan outlines a span of the open document in the view and the list and
// gives the view the keyboard, so a digit relabels it.
func (w *Workbench) selectSpan(span annotate.Span) {
	w.view.SelectHighlight(span.ID)
	w.annotations.setSelected(span.ID)
	w.attrs.show(span.ID)
	w.status.showSelection(span.Start, span.End)
	w.focusView()
}

// refreshSpans redraws the highlights and the annotation list from the editor's
// spans of the layer on screen.
func (w *Workbench) refreshSpans() {
	spans, highlights := w.cur.layerView()
	w.view.SetHighlights(highlights)
	w.view.SetLinks(viewLinks(spans))
	w.attrs.show(w.view.SelectedHighlight())
	w.annotations.setSpans(spans, w.view.SelectedHighlight())
	w.annotations.setDocumentOpen(w.ed.Doc() != nil)
	w.status.showDocument()
	w.sugs.refresh()
}
