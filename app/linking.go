package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// linker links a statement to its source (L, then a selection and Enter) and
// opens the windows that list links and casualty figures across documents
// (Sources ledger, Casualties), whose rows jump back to a span. It gets the
// narrow things it needs from the workbench.
type linker struct {
	app          fyne.App
	win          fyne.Window // brought forward when a ledger row jumps to a span
	ed           *editor.Editor
	view         *docview.View
	flash        func(string)
	selectSpan   func(annotate.Span)
	showError    func(error)
	flushNotes   func() // saves a note being typed before another window reads the store
	openDocument func(id int64) bool
	// head is the statement "link source" (L) is naming a source for; 0 when not linking.
	head int64
}

// linkSourceKey starts "link source" on the selected statement.
const linkSourceKey = 'l'

// onStartLinkSource begins "link source" (L) on the selected annotation: the
// next selection, confirmed with Enter, names its source (an existing SOURCE
// highlight clicked or reached with Tab counts as a selection). Esc cancels.
func (l *linker) onStartLinkSource() {
	id := l.view.SelectedHighlight()
	span, ok := l.ed.Span(id)
	if !ok {
		l.flash("Link source: select a statement first (click it or Tab to it), then press L")
		return
	}
	l.head = id
	l.flash(fmt.Sprintf("Link source of %s “%s”: select the words naming the source, then Enter (Esc cancels)", span.Label, snippet(span.Text)))
	l.view.Select(span.End, span.End) // the next selection starts after the statement
}

// onViewKey sees the document's keys first: while linking, Enter completes and
// Esc cancels.
func (l *linker) onViewKey(name fyne.KeyName) bool {
	if l.head == 0 {
		return false
	}
	switch name {
	case fyne.KeyEscape:
		l.head = 0
		l.flash("Link source cancelled")
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		l.completeLinkSource()
		return true
	}
	return false
}

// completeLinkSource links the statement to the selected words.
func (l *linker) completeLinkSource() {
	head := l.head
	start, end := l.view.Selection()
	start, end = annotate.TrimToContent(l.view.Slice(start, end), start, end)
	if start == end {
		if s, ok := l.ed.Span(l.view.SelectedHighlight()); ok && s.ID != head {
			start, end = s.Start, s.End
		}
	}
	if start == end {
		l.flash("Link source: select the words naming the source first (Esc cancels)")
		return
	}
	l.head = 0
	if _, err := l.ed.LinkSource(head, start, end); err != nil {
		l.flash("Not linked: " + err.Error())
		return
	}
	statement, _ := l.ed.Span(head)
	l.flash(fmt.Sprintf("Linked “%s” as the source of %s (Ctrl+Z undoes)", snippet(l.view.Slice(start, end)), statement.Label))
	l.selectSpan(statement)
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
func (l *linker) onSourcesLedger() {
	l.flushNotes()
	if _, err := showSourcesLedger(l.app, l.ed.Store(), l.jumpTo); err != nil {
		l.showError(err)
	}
}

// onCasualties opens the Casualties table window.
func (l *linker) onCasualties() {
	l.flushNotes()
	if _, err := showCasualties(l.app, l.ed.Store(), l.jumpTo); err != nil {
		l.showError(err)
	}
}

// jumpTo opens a document with one of its spans selected and in view, and
// brings the main window forward.
func (l *linker) jumpTo(docID, spanID int64) {
	if l.ed.DocID() != docID && !l.openDocument(docID) {
		return
	}
	span, ok := l.ed.Span(spanID)
	if !ok {
		l.flash("That annotation is gone")
		return
	}
	l.selectSpan(span)
	l.view.ScrollToOffset(span.Start)
	l.win.RequestFocus()
}
