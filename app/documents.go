package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// stepDocument opens the next (+1) or previous (-1) document in the library.
func (w *Workbench) stepDocument(delta int) {
	docs := w.ed.Documents()
	if len(docs) == 0 {
		return
	}
	i := w.ed.DocIndex(w.ed.DocID())
	next := i + delta
	if i < 0 {
		next = 0
	}
	if next < 0 || next >= len(docs) {
		if delta > 0 {
			w.status.flash("This is the last document")
		} else {
			w.status.flash("This is the first document")
		}
		return
	}
	w.openDocument(docs[next].ID)
}

// onMarkDone marks the open document done and moves on to the next one not done
// (after it in the library, then from the top), so a session is a run of
// read–tag–Ctrl+Enter. Ctrl+Z takes it back.
func (w *Workbench) onMarkDone() {
	if w.ed.Doc() == nil {
		return
	}
	next, err := w.ed.MarkDone()
	if err != nil {
		w.showError(err)
		return
	}
	if next == 0 {
		w.status.flash("Marked done. Every document is done.")
		return
	}
	w.openDocument(next)
	w.status.flash(fmt.Sprintf("Marked done. %s to go.", plural(w.ed.CountNotDone(), "document")))
}

// onReopen marks the open document, done by mistake or for a second pass, in
// progress again.
func (w *Workbench) onReopen() {
	if w.ed.Doc() == nil {
		return
	}
	reopened, err := w.ed.Reopen()
	if err != nil {
		w.showError(err)
		return
	}
	if !reopened {
		w.status.flash("This document is not marked done")
		return
	}
	w.status.flash("Reopened: in progress")
}

// onDeleteDocument asks, then deletes the open document with its annotations.
func (w *Workbench) onDeleteDocument() {
	doc := w.ed.Doc()
	if doc == nil {
		return
	}
	id := doc.ID
	message := deleteDocumentQuestion(doc.Title, len(w.ed.Spans()))
	confirm := dialog.NewConfirm("Delete document", message, func(ok bool) {
		if ok {
			w.deleteDocument(id)
		}
	}, w.win)
	confirm.SetConfirmText("Delete")
	confirm.SetDismissText("Cancel")
	confirm.SetConfirmImportance(widget.DangerImportance)
	w.dialogs.show(confirm)
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

// deleteDocument removes a document; the editor opens its neighbour.
func (w *Workbench) deleteDocument(id int64) {
	title, err := w.ed.DeleteDocument(id)
	if err != nil {
		w.showError(err)
		return
	}
	// Say what happened: the previous message ("3 documents to go") is now wrong.
	if title != "" {
		w.status.flash(fmt.Sprintf("Deleted “%s”", title))
	}
}

// showError reports a failed action in a dialog. Errors carry what was being done
// (file, line, document) from where they were wrapped.
func (w *Workbench) showError(err error) {
	if err == nil {
		return
	}
	w.dialogs.show(dialog.NewError(err, w.win))
}
