package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
)

// linkSourceKey starts "link source" on the selected statement.
const linkSourceKey = 'l'

// onStartLinkSource begins "link source" (L) on the selected annotation: the
// next selection, confirmed with Enter, names its source (an existing SOURCE
// highlight clicked or reached with Tab counts as a selection). Esc cancels.
func (w *Workbench) onStartLinkSource() {
	id := w.view.SelectedHighlight()
	span, ok := w.ed.Span(id)
	if !ok {
		w.status.flash("Link source: select a statement first (click it or Tab to it), then press L")
		return
	}
	w.linkHead = id
	w.status.flash(fmt.Sprintf("Link source of %s “%s”: select the words naming the source, then Enter (Esc cancels)", span.Label, snippet(span.Text)))
	w.view.Select(span.End, span.End) // the next selection starts after the statement
}

// onViewKey sees the document's keys first: while linking, Enter completes and
// Esc cancels.
func (w *Workbench) onViewKey(name fyne.KeyName) bool {
	if w.linkHead == 0 {
		return false
	}
	switch name {
	case fyne.KeyEscape:
		w.linkHead = 0
		w.status.flash("Link source cancelled")
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		w.completeLinkSource()
		return true
	}
	return false
}

// completeLinkSource links the statement to the selected words.
func (w *Workbench) completeLinkSource() {
	head := w.linkHead
	start, end := w.view.Selection()
	start, end = annotate.TrimToContent(w.view.Slice(start, end), start, end)
	if start == end {
		if s, ok := w.ed.Span(w.view.SelectedHighlight()); ok && s.ID != head {
			start, end = s.Start, s.End
		}
	}
	if start == end {
		w.status.flash("Link source: select the words naming the source first (Esc cancels)")
		return
	}
	w.linkHead = 0
	if _, err := w.ed.LinkSource(head, start, end); err != nil {
		w.status.flash("Not linked: " + err.Error())
		return
	}
	statement, _ := w.ed.Span(head)
	w.status.flash(fmt.Sprintf("Linked “%s” as the source of %s (Ctrl+Z undoes)", snippet(w.view.Slice(start, end)), statement.Label))
	w.selectSpan(statement)
}

// viewLinks are the links between the open document's spans, as the view draws
// them.
func viewLinks(spans []annotate.Span) []docview.Link {
	var out []docview.Link
	seen := map[int64]bool{}
	for _, s := range spans {
		for _, l := range s.Links {
			if !seen[l.ID] {
				seen[l.ID] = true
				out = append(out, docview.Link{From: l.Head, To: l.Child})
			}
		}
	}
	return out
}

// onSourcesLedger opens the Sources ledger window.
func (w *Workbench) onSourcesLedger() {
	w.annotations.flushNotes()
	if _, err := showSourcesLedger(w.app, w.ed.Store(), w.jumpTo); err != nil {
		w.showError(err)
	}
}

// onCasualties opens the Casualties table window.
func (w *Workbench) onCasualties() {
	w.annotations.flushNotes()
	if _, err := showCasualties(w.app, w.ed.Store(), w.jumpTo); err != nil {
		w.showError(err)
	}
}

// jumpTo opens a document with one of its spans selected and in view, and
// brings the main window forward.
func (w *Workbench) jumpTo(docID, spanID int64) {
	if w.ed.DocID() != docID && !w.openDocument(docID) {
		return
	}
	span, ok := w.ed.Span(spanID)
	if !ok {
		w.status.flash("That annotation is gone")
		return
	}
	w.selectSpan(span)
	w.view.ScrollToOffset(span.Start)
	w.win.RequestFocus()
}
