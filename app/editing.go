package app

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/app/docview"
)

// onSelectionChanged follows the caret and selection in the status bar.
func (w *Workbench) onSelectionChanged(start, end int) {
	w.status.setSelection(start, end, w.doc != nil)
}

// onHighlightSelected mirrors the view's selected annotation in the list.
func (w *Workbench) onHighlightSelected(id int64) {
	w.annotations.setSelected(id)
}

// onAnnotationChosen is a click on a row of the annotation list: the highlight is
// selected and scrolled into view, and the focus goes back to the text so a digit
// relabels it.
func (w *Workbench) onAnnotationChosen(id int64) {
	span, ok := w.spanByID(id)
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
	label, ok := w.labelForHotkey(string(r))
	if !ok {
		return
	}
	w.tag(label.Name)
}

// onPaletteTag is a click on a palette swatch: the same as pressing its digit.
func (w *Workbench) onPaletteTag(name string) {
	w.tag(name)
	w.focusView()
}

// tag applies a label to the selected annotation or to the selected text.
func (w *Workbench) tag(labelName string) {
	if w.doc == nil {
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
	w.createSpan(start, end, labelName)
}

// createSpan stores a new annotation and, to keep labelling fast, leaves no selection
// behind: the caret sits at the new span's end so the next selection (by keyboard or
// mouse) starts right there, and a second digit press cannot tag the same text twice.
func (w *Workbench) createSpan(start, end int, labelName string) {
	span, err := w.store.CreateSpan(w.ctx, annotate.Span{
		DocID:     w.doc.ID,
		Start:     start,
		End:       end,
		Label:     labelName,
		Annotator: w.annotator,
	})
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		// Tagging the same text twice is a slip, not a failure: say so quietly
		// instead of stopping the flow with a dialog.
		w.status.flash("Not tagged: " + err.Error())
		return
	}
	if err != nil {
		w.showError(fmt.Errorf("tag %d–%d as %s: %w", start, end, labelName, err))
		return
	}
	w.history.record(editStep{Action: annotate.ActionCreate, After: span})
	w.status.flash(fmt.Sprintf("Tagged %s %d–%d", span.Label, span.Start, span.End))
	w.spanAdded(span)
	w.view.Select(span.End, span.End)
	w.onSelectionChanged(span.End, span.End)
	w.focusView()
}

// selectedAnnotation is the annotation a digit or Delete acts on: the outlined
// highlight, unless the user has since selected other text (then a digit tags that
// text instead of relabelling the old annotation).
func (w *Workbench) selectedAnnotation() int64 {
	id := w.view.SelectedHighlight()
	if id == 0 || w.doc == nil {
		return 0
	}
	span, ok := w.spanByID(id)
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
	before, ok := w.spanByID(id)
	if !ok || before.Label == labelName {
		return
	}
	after, err := w.store.RelabelSpan(w.ctx, id, labelName, w.annotator)
	if err != nil {
		w.showError(fmt.Errorf("relabel span %d–%d as %s: %w", before.Start, before.End, labelName, err))
		return
	}
	w.history.record(editStep{Action: annotate.ActionRelabel, Before: before, After: after})
	w.status.flash(fmt.Sprintf("Relabelled %s → %s", before.Label, after.Label))
	w.spanChanged(after)
	w.view.SelectHighlight(id)
	w.annotations.setSelected(id)
	w.focusView()
}

// onDeleteAnnotation removes the selected annotation (Delete/Backspace, Edit ▸ Delete).
func (w *Workbench) onDeleteAnnotation() {
	id := w.selectedAnnotation()
	if id == 0 {
		return
	}
	before, ok := w.spanByID(id)
	if !ok {
		return
	}
	if err := w.store.DeleteSpan(w.ctx, id, w.annotator); err != nil {
		w.showError(fmt.Errorf("delete span %d–%d: %w", before.Start, before.End, err))
		return
	}
	w.history.record(editStep{Action: annotate.ActionDelete, Before: before})
	w.status.flash(fmt.Sprintf("Deleted %s %d–%d (Ctrl+Z brings it back)", before.Label, before.Start, before.End))
	w.spanRemoved(before)
	w.view.Select(before.Start, before.Start)
	w.onSelectionChanged(before.Start, before.Start)
	w.focusView()
}

// onNoteEdited saves an annotation's note; the list calls it debounced, on Enter and
// when the field loses focus.
func (w *Workbench) onNoteEdited(id int64, note string) {
	before, ok := w.spanByID(id)
	if !ok || before.Note == note {
		return
	}
	after, err := w.store.SetSpanNote(w.ctx, id, note, w.annotator)
	if err != nil {
		w.showError(fmt.Errorf("save note of span %d–%d: %w", before.Start, before.End, err))
		return
	}
	w.history.record(editStep{Action: annotate.ActionNote, Before: before, After: after})
	w.status.flash("Note saved")
	w.replaceSpan(after)
	w.indexUpsert(after)
}

// onUndo reverts the last edit, opening its document first if another one is shown.
func (w *Workbench) onUndo() {
	w.annotations.flushNotes()
	step, ok := w.history.nextUndo()
	if !ok {
		w.status.flash("Nothing to undo")
		return
	}
	if !w.showStepDocument(step) {
		return
	}
	if step.Status != nil {
		w.applyStatusStep(step, true)
		return
	}
	span, err := revertStep(w.ctx, w.store, step, w.annotator)
	if err != nil {
		w.showError(err)
		return
	}
	w.history.markUndone()
	w.applyStepResult(step, span)
	w.status.flash("Undid " + describeStep(step))
}

// onRedo applies the last undone edit again.
func (w *Workbench) onRedo() {
	w.annotations.flushNotes()
	step, ok := w.history.nextRedo()
	if !ok {
		w.status.flash("Nothing to redo")
		return
	}
	if !w.showStepDocument(step) {
		return
	}
	if step.Status != nil {
		w.applyStatusStep(step, false)
		return
	}
	span, err := replayStep(w.ctx, w.store, step, w.annotator)
	if err != nil {
		w.showError(err)
		return
	}
	w.history.markRedone()
	w.applyStepResult(step, span)
	w.status.flash("Redid " + describeStep(step))
}

// applyStatusStep undoes (or redoes) a status step: it sets the status from
// before (or after) the step, then moves the step to the other stack.
func (w *Workbench) applyStatusStep(step editStep, undo bool) {
	status, verb, move := step.Status.After, "Redid ", w.history.markRedone
	if undo {
		status, verb, move = step.Status.Before, "Undid ", w.history.markUndone
	}
	if err := w.setDocumentStatus(step.Status.DocID, status); err != nil {
		w.showError(err)
		return
	}
	move()
	w.focusView()
	w.status.flash(verb + describeStep(step))
}

// showStepDocument makes sure the document an undo/redo step touches is the one on
// screen, so the user sees what changed.
func (w *Workbench) showStepDocument(step editStep) bool {
	if w.currentDocID() == step.docID() {
		return true
	}
	return w.openDocument(step.docID())
}

// applyStepResult updates the screen after undo/redo: span is the span as it now
// stands, or zero if the step's span no longer exists.
func (w *Workbench) applyStepResult(step editStep, span annotate.Span) {
	id := step.spanID()
	if span.ID == 0 {
		gone, ok := w.spanByID(id)
		if ok {
			w.spanRemoved(gone)
		} else {
			gone = step.After
			if gone.ID == 0 {
				gone = step.Before
			}
		}
		w.view.Select(gone.Start, gone.Start)
		w.onSelectionChanged(gone.Start, gone.Start)
		w.focusView()
		return
	}
	if _, exists := w.spanByID(span.ID); exists {
		w.spanChanged(span)
	} else {
		w.spanAdded(span)
	}
	w.view.SelectHighlight(span.ID)
	w.annotations.setSelected(span.ID)
	w.onSelectionChanged(span.Start, span.End)
	w.focusView()
}

// describeStep names a step for the status bar ("Undid relabel QUOTE → CLAIM").
func describeStep(step editStep) string {
	if step.Status != nil {
		if step.Status.After == annotate.StatusDone {
			return "marking done"
		}
		return "reopening"
	}
	switch step.Action {
	case annotate.ActionCreate:
		return "tagging " + step.After.Label
	case annotate.ActionDelete:
		return "deleting " + step.Before.Label
	case annotate.ActionRelabel:
		return "relabel " + step.Before.Label + " → " + step.After.Label
	case annotate.ActionNote:
		return "note edit"
	}
	return string(step.Action)
}

// spanAdded puts a new span into the open document's list and keeps the library
// count, the document status and the search index in step with the store.
func (w *Workbench) spanAdded(span annotate.Span) {
	w.spans = append(w.spans, span)
	sortSpans(w.spans)
	w.refreshSpans()
	// The store moves a document from new to in progress with its first span.
	w.adjustSummary(span.DocID, +1)
	w.indexUpsert(span)
}

// spanChanged replaces a span after a relabel, restore or note change.
func (w *Workbench) spanChanged(span annotate.Span) {
	w.replaceSpan(span)
	w.refreshSpans()
	w.indexUpsert(span)
}

// spanRemoved takes a deleted span off the screen and out of the search index.
func (w *Workbench) spanRemoved(span annotate.Span) {
	for i, s := range w.spans {
		if s.ID == span.ID {
			w.spans = append(w.spans[:i], w.spans[i+1:]...)
			break
		}
	}
	w.refreshSpans()
	w.adjustSummary(span.DocID, -1)
	w.indexed(func(e *search.Engine) { e.Remove(span.ID) })
}

// replaceSpan swaps in a span's new state without redrawing.
func (w *Workbench) replaceSpan(span annotate.Span) {
	for i, s := range w.spans {
		if s.ID == span.ID {
			w.spans[i] = span
			sortSpans(w.spans)
			return
		}
	}
}

// adjustSummary updates the library row of a document after its span count changed.
func (w *Workbench) adjustSummary(docID int64, delta int) {
	i := w.docIndex(docID)
	if i < 0 {
		return
	}
	w.docs[i].SpanCount = max(0, w.docs[i].SpanCount+delta)
	if delta > 0 && w.docs[i].Status == annotate.StatusNew {
		w.docs[i].Status = annotate.StatusInProgress
	}
	w.library.updateDocument(w.docs[i])
	w.updateStatus()
}

// refreshSpans redraws the highlights and the annotation list from w.spans.
func (w *Workbench) refreshSpans() {
	colors := make(map[string]color.Color, len(w.labels))
	for _, l := range w.labels {
		colors[l.Name] = parseHexColor(l.Color)
	}
	highlights := make([]docview.Highlight, 0, len(w.spans))
	for _, s := range w.spans {
		c, ok := colors[s.Label]
		if !ok {
			c = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
		}
		highlights = append(highlights, docview.Highlight{ID: s.ID, Start: s.Start, End: s.End, Color: c, Label: s.Label})
	}
	w.view.SetHighlights(highlights)
	w.annotations.setSpans(w.spans, w.view.SelectedHighlight())
	w.updateStatus()
}

// updateStatus shows document progress and counts.
func (w *Workbench) updateStatus() {
	w.annotations.setDocumentOpen(w.doc != nil)
	if w.doc == nil {
		w.status.setDocument(0, len(w.docs), "", 0)
		w.status.setSelection(0, 0, false) // no "Caret 0" with nothing open
		return
	}
	status := w.doc.Status
	if i := w.docIndex(w.doc.ID); i >= 0 {
		status = w.docs[i].Status
	}
	w.status.setDocument(w.docIndex(w.doc.ID)+1, len(w.docs), status, len(w.spans))
}

// spanByID finds a span of the open document.
func (w *Workbench) spanByID(id int64) (annotate.Span, bool) {
	for _, s := range w.spans {
		if s.ID == id {
			return s, true
		}
	}
	return annotate.Span{}, false
}

// indexUpsert makes a span's current state searchable.
func (w *Workbench) indexUpsert(span annotate.Span) {
	rec := w.spanRecord(span)
	w.indexed(func(e *search.Engine) { e.Upsert(rec) })
}

// spanRecord is what the search index keeps of a span of the open document.
func (w *Workbench) spanRecord(span annotate.Span) annotate.SpanRecord {
	rec := annotate.SpanRecord{Span: span}
	if w.doc != nil && w.doc.ID == span.DocID {
		rec.DocTitle = w.doc.Title
		rec.DocStatus = w.doc.Status
		if i := w.docIndex(span.DocID); i >= 0 {
			rec.DocStatus = w.docs[i].Status
		}
	}
	return rec
}

// labelForHotkey finds the label a digit tags with.
func (w *Workbench) labelForHotkey(key string) (annotate.Label, bool) {
	for _, l := range w.labels {
		if l.Hotkey != "" && l.Hotkey == key {
			return l, true
		}
	}
	return annotate.Label{}, false
}

// currentLabels is the label set, for panels that show label colours.
func (w *Workbench) currentLabels() []annotate.Label {
	return append([]annotate.Label(nil), w.labels...)
}

// sortSpans orders spans as the store does: by start, the longer (outer) span first,
// then by ID.
func sortSpans(spans []annotate.Span) {
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return a.ID < b.ID
	})
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
