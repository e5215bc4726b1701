package app

import (
	"fmt"
	"image/color"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
)

// onSelectionChanged follows the caret and selection in the status bar.
func (w *Workbench) onSelectionChanged(start, end int) {
	w.status.setSelection(start, end, w.ed.Doc() != nil)
}

// onAnnotationChosen is a click on a row of the annotation list: the highlight is
// selected and scrolled into view, and the focus goes back to the text so a digit
// relabels it.
func (w *Workbench) onAnnotationChosen(id int64) {
	span, ok := w.ed.Span(id)
	if !ok {
		return
	}
	w.view.SelectHighlight(id)
	w.view.ScrollToOffset(span.Start)
	w.onSelectionChanged(span.Start, span.End)
	w.focusView()
}

// onTypedRune tags with the label whose hotkey is r: the selected annotation is
// relabelled, otherwise the selected text becomes a new annotation.
func (w *Workbench) onTypedRune(r rune) {
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
	if id := w.selectedAnnotation(); id != 0 {
		w.relabel(id, labelName)
		return
	}
	start, end := w.view.Selection()
	// Spans never start or end in white space: word-wise selection keys and
	// quick drags often take the space before a word along.
	start, end = annotate.TrimToContent(w.view.Slice(start, end), start, end)
	if start == end {
		w.status.flash("Select some text first, then press a label's digit")
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
	w.view.Select(span.End, span.End)
	w.onSelectionChanged(span.End, span.End)
	w.focusView()
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

// relabel changes the label of an annotation, keeping it selected so a wrong digit
// can be corrected with the right one at once.
func (w *Workbench) relabel(id int64, labelName string) {
	before, after, changed, err := w.ed.Relabel(id, labelName)
	if err != nil {
		w.showError(err)
		return
	}
	if !changed {
		return
	}
	w.status.flash(fmt.Sprintf("Relabelled %s → %s", before.Label, after.Label))
	w.selectSpan(after)
}

// onDeleteAnnotation removes the selected annotation (Delete/Backspace, Edit ▸ Delete).
func (w *Workbench) onDeleteAnnotation() {
	id := w.selectedAnnotation()
	if id == 0 {
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
	case applied.Step.Status != nil:
		w.focusView()
	case applied.Span.ID == 0:
		w.placeCaret(applied.Gone.Start)
	default:
		w.selectSpan(applied.Span)
	}
	w.status.flash(verb + applied.Step.Describe())
}

// selectSpan outlines a span of the open document in the view and the list and
// gives the view the keyboard, so a digit relabels it.
func (w *Workbench) selectSpan(span annotate.Span) {
	w.view.SelectHighlight(span.ID)
	w.annotations.setSelected(span.ID)
	w.onSelectionChanged(span.Start, span.End)
	w.focusView()
}

// placeCaret clears the selection, puts the caret at offset and gives the view
// the keyboard.
func (w *Workbench) placeCaret(offset int) {
	w.view.Select(offset, offset)
	w.onSelectionChanged(offset, offset)
	w.focusView()
}

// refreshSpans redraws the highlights and the annotation list from the editor's spans.
func (w *Workbench) refreshSpans() {
	labels := w.ed.Labels()
	colors := make(map[string]color.Color, len(labels))
	for _, l := range labels {
		colors[l.Name] = parseHexColor(l.Color)
	}
	spans := w.ed.Spans()
	highlights := make([]docview.Highlight, 0, len(spans))
	for _, s := range spans {
		c, ok := colors[s.Label]
		if !ok {
			c = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
		}
		highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: c, Label: s.Label})
	}
	w.view.SetHighlights(highlights)
	w.annotations.setSpans(spans, w.view.SelectedHighlight())
	w.updateStatus()
}

// updateStatus shows document progress and counts.
func (w *Workbench) updateStatus() {
	doc := w.ed.Doc()
	docs := w.ed.Documents()
	w.annotations.setDocumentOpen(doc != nil)
	if doc == nil {
		w.status.setDocument(0, len(docs), "", 0)
		w.status.setSelection(0, 0, false) // no "Caret 0" with nothing open
		return
	}
	w.status.setDocument(w.ed.DocIndex(doc.ID)+1, len(docs), w.ed.DocStatus(), len(w.ed.Spans()))
}

// parseHexColor reads "#RRGGBB"; a malformed value (labels are validated, so only a
// hand-edited database) shows as grey rather than failing.
func parseHexColor(hex string) color.Color {
	grey := color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	if len(hex) != 7 || hex[0] != '#' {
		return grey
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}
