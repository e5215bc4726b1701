package app

import (
	"context"

	"github.com/newsmark/newsmark/annotate"
)

// onExport opens the export dialog.
func (w *Workbench) onExport() {
	w.annotations.flushNotes()
	w.dialogs.track(showExportDialog(w.win, w.ed.Store()))
}

// onFind opens the search panel (Ctrl+F / Ctrl+K).
func (w *Workbench) onFind() {
	w.annotations.flushNotes()
	if w.search == nil {
		w.search = newSearchPanel(w.ed.Engine(), w.ed.Labels, w.onSearchOpen)
		w.search.onHidden = w.refocusView
		w.search.currentDoc = w.ed.DocID
		w.search.surroundings = w.spanSurroundings
	}
	w.search.Show(w.win)
}

// onSearchOpen opens a search result: its document, with the span selected.
// spanSurroundings reads the document text around a search result. A failure
// only costs the result its context, so it is not reported.
func (w *Workbench) spanSurroundings(rec annotate.SpanRecord) (before, after string) {
	// One code point more than is shown tells whether the context was cut.
	before, after, err := w.ed.Store().Surroundings(context.Background(), rec.DocID, rec.Start, rec.End, searchContextWidth+1)
	if err != nil {
		return "", ""
	}
	return before, after
}

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
