package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// onLibraryOpen opens a document clicked in the library.
func (w *Workbench) onLibraryOpen(id int64) {
	w.openDocument(id)
}

// onNextDocument and onPreviousDocument step through the library in its order.
func (w *Workbench) onNextDocument()     { w.stepDocument(+1) }
func (w *Workbench) onPreviousDocument() { w.stepDocument(-1) }

func (w *Workbench) stepDocument(delta int) {
	if len(w.docs) == 0 {
		return
	}
	i := w.docIndex(w.currentDocID())
	next := i + delta
	if i < 0 {
		next = 0
	}
	if next < 0 || next >= len(w.docs) {
		if delta > 0 {
			w.status.flash("This is the last document")
		} else {
			w.status.flash("This is the first document")
		}
		return
	}
	w.openDocument(w.docs[next].ID)
}

// onMarkDone marks the open document done and moves on to the next one not done
// (after it in the library, then from the top), so a session is a run of
// read–tag–Ctrl+Enter. Ctrl+Z takes it back.
func (w *Workbench) onMarkDone() {
	if w.doc == nil {
		return
	}
	id, before := w.doc.ID, w.doc.Status
	if before != annotate.StatusDone {
		if err := w.setDocumentStatus(id, annotate.StatusDone); err != nil {
			w.showError(err)
			return
		}
		w.history.record(editStep{Status: &statusChange{DocID: id, Before: before, After: annotate.StatusDone}})
	}
	i := w.docIndex(id)
	for step := 1; step < len(w.docs); step++ {
		candidate := w.docs[(i+step)%len(w.docs)]
		if candidate.Status != annotate.StatusDone {
			w.openDocument(candidate.ID)
			w.status.flash(fmt.Sprintf("Marked done. %s to go.", plural(w.countNotDone(), "document")))
			return
		}
	}
	w.status.flash("Marked done. Every document is done.")
}

// onReopen marks the open document, done by mistake or for a second pass, in
// progress again.
func (w *Workbench) onReopen() {
	if w.doc == nil {
		return
	}
	if w.doc.Status != annotate.StatusDone {
		w.status.flash("This document is not marked done")
		return
	}
	id := w.doc.ID
	if err := w.setDocumentStatus(id, annotate.StatusInProgress); err != nil {
		w.showError(err)
		return
	}
	w.history.record(editStep{Status: &statusChange{DocID: id, Before: annotate.StatusDone, After: annotate.StatusInProgress}})
	w.status.flash("Reopened: in progress")
}

// setDocumentStatus stores a document's status and shows it everywhere: the
// library, the status bar and the search index.
func (w *Workbench) setDocumentStatus(id int64, status annotate.Status) error {
	i := w.docIndex(id)
	if i < 0 {
		return fmt.Errorf("document %d is not in the library", id)
	}
	title := w.docs[i].Title
	if err := w.store.SetDocumentStatus(w.ctx, id, status); err != nil {
		return fmt.Errorf("mark %q %s: %w", title, status.Display(), err)
	}
	w.docs[i].Status = status
	w.library.updateDocument(w.docs[i])
	if w.doc != nil && w.doc.ID == id {
		w.doc.Status = status
	}
	w.indexed(func(e *search.Engine) { e.SetDocument(id, title, status) })
	w.updateStatus()
	return nil
}

func (w *Workbench) countNotDone() int {
	n := 0
	for _, d := range w.docs {
		if d.Status != annotate.StatusDone {
			n++
		}
	}
	return n
}

// onDeleteDocument asks, then deletes the open document with its annotations.
func (w *Workbench) onDeleteDocument() {
	if w.doc == nil {
		return
	}
	doc := *w.doc
	message := deleteDocumentQuestion(doc.Title, len(w.spans))
	confirm := dialog.NewConfirm("Delete document", message, func(ok bool) {
		if ok {
			w.deleteDocument(doc.ID)
		}
	}, w.win)
	confirm.SetConfirmText("Delete")
	confirm.SetDismissText("Cancel")
	confirm.SetConfirmImportance(widget.DangerImportance)
	w.showDialog(confirm)
}

// deleteDocumentQuestion asks about one document, naming it briefly (a title can
// be a whole first paragraph, which would stretch the dialog across the screen)
// and counting what goes with it only when there is something.
func deleteDocumentQuestion(title string, spans int) string {
	const maxTitle = 60
	if r := []rune(title); len(r) > maxTitle {
		title = strings.TrimSpace(string(r[:maxTitle-1])) + "…"
	}
	if spans == 0 {
		return fmt.Sprintf("Delete “%s”?\nThis cannot be undone.", title)
	}
	return fmt.Sprintf("Delete “%s” and its %s?\nThis cannot be undone.", title, plural(spans, "annotation"))
}

// deleteDocument removes a document and opens its neighbour.
func (w *Workbench) deleteDocument(id int64) {
	i := w.docIndex(id)
	if err := w.store.DeleteDocument(w.ctx, id); err != nil {
		w.showError(fmt.Errorf("delete document %d: %w", id, err))
		return
	}
	// Say what happened: the previous message ("3 documents to go") is now wrong.
	if i >= 0 && i < len(w.docs) {
		w.status.flash(fmt.Sprintf("Deleted “%s”", w.docs[i].Title))
	}
	w.indexed(func(e *search.Engine) { e.RemoveDocument(id) })
	w.history.forget(func(s editStep) bool { return s.docID() == id })
	if w.currentDocID() == id {
		w.doc, w.spans = nil, nil
	}
	w.reloadDocuments()
	if w.doc != nil {
		return
	}
	if len(w.docs) == 0 {
		w.closeDocument()
		return
	}
	w.openDocument(w.docs[min(max(i, 0), len(w.docs)-1)].ID)
}

// showError reports a failed action in a dialog. Errors carry what was being done
// (file, line, document) from where they were wrapped.
func (w *Workbench) showError(err error) {
	if err == nil {
		return
	}
	w.showDialog(dialog.NewError(err, w.win))
}
