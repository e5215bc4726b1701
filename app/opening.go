package app

import (
	"github.com/newsmark/newsmark/app/searchpanel"
)

// onExport opens the export dialog.
func (w *Workbench) onExport() {
	w.annotations.flushNotes()
	w.dialogs.track(showExportDialog(w.win, w.ed.Store()))
}

// onFind opens the annotation search panel (Ctrl+K / Ctrl+Shift+F).
func (w *Workbench) onFind() {
	w.annotations.flushNotes()
	if w.search == nil {
		w.search = searchpanel.New(w.ed.Engine(), w.ed.Labels, w.onSearchOpen)
		w.search.OnHidden = w.refocusView
		w.search.CurrentDoc = w.ed.DocID
		w.search.Surroundings = searchpanel.StoreSurroundings(w.ed.Store())
	}
	w.search.Show(w.win)
}

// onSearchOpen opens a search result: its document, with the span selected.
func (w *Workbench) onSearchOpen(docID, spanID int64) {
	if w.ed.DocID() != docID && !w.openDocument(docID) {
		return
	}
	if s, ok := w.ed.Span(spanID); ok {
		w.selectSpan(s)
		return
	}
	w.focusView()
}
