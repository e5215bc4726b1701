package editor

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// ReloadLabels rereads the label set.
func (e *Editor) ReloadLabels() error {
	labels, err := e.store.Labels(e.ctx)
	if err != nil {
		return fmt.Errorf("read labels: %w", err)
	}
	e.labels = labels
	e.publish(Event{Kind: LabelsChanged})
	return nil
}

// ReloadDocuments rereads the library.
func (e *Editor) ReloadDocuments() error {
	docs, err := e.store.Documents(e.ctx, annotate.DocumentFilter{})
	if err != nil {
		return fmt.Errorf("read document list: %w", err)
	}
	e.docs = docs
	e.publish(Event{Kind: LibraryChanged})
	return nil
}

// Open makes a document the open one, with its spans.
func (e *Editor) Open(id int64) error {
	doc, err := e.store.Document(e.ctx, id)
	if err != nil {
		return fmt.Errorf("open document %d: %w", id, err)
	}
	spans, err := e.store.Spans(e.ctx, id)
	if err != nil {
		return fmt.Errorf("read annotations of %q: %w", doc.Title, err)
	}
	if err := e.loadRejected(id); err != nil {
		return fmt.Errorf("open %q: %w", doc.Title, err)
	}
	e.doc = &doc
	e.spans = spans
	sugErr := e.openSuggestions(doc)
	e.publish(Event{Kind: DocumentOpened, DocID: id})
	if sugErr != nil {
		// The document is open all the same; only its suggestions are missing.
		e.publish(Event{Kind: SuggestionsChanged, DocID: id, Err: sugErr})
	}
	return nil
}

// Close leaves no document open.
func (e *Editor) Close() {
	e.doc, e.spans = nil, nil
	e.sugGen++
	e.suggestions, e.sugRejected = nil, nil
	e.publish(Event{Kind: DocumentOpened})
}

// ReloadSpans rereads the open document's spans after a change made outside the
// span edits (a label renamed or deleted).
func (e *Editor) ReloadSpans() error {
	if e.doc == nil {
		return nil
	}
	spans, err := e.store.Spans(e.ctx, e.doc.ID)
	if err != nil {
		return fmt.Errorf("read annotations of %q: %w", e.doc.Title, err)
	}
	e.spans = spans
	e.publish(Event{Kind: SpansChanged, DocID: e.doc.ID})
	return nil
}

// MarkDone marks the open document done (an undoable step) and returns the next
// document not done, after it in the library and then from the top; 0 when every
// document is done.
func (e *Editor) MarkDone() (next int64, err error) {
	if e.doc == nil {
		return 0, nil
	}
	id := e.doc.ID
	if before := e.doc.Status; before != annotate.StatusDone {
		if err := e.setDocumentStatus(id, annotate.StatusDone); err != nil {
			return 0, err
		}
		e.history.record(Step{Status: &StatusChange{DocID: id, Before: before, After: annotate.StatusDone}})
	}
	i := e.DocIndex(id)
	for step := 1; step < len(e.docs); step++ {
		candidate := e.docs[(i+step)%len(e.docs)]
		if candidate.Status != annotate.StatusDone {
			return candidate.ID, nil
		}
	}
	return 0, nil
}

// Reopen marks the open document, done by mistake or for a second pass, in
// progress again (an undoable step). It reports false when the document was not
// marked done.
func (e *Editor) Reopen() (bool, error) {
	if e.doc == nil || e.doc.Status != annotate.StatusDone {
		return false, nil
	}
	id := e.doc.ID
	if err := e.setDocumentStatus(id, annotate.StatusInProgress); err != nil {
		return false, err
	}
	e.history.record(Step{Status: &StatusChange{DocID: id, Before: annotate.StatusDone, After: annotate.StatusInProgress}})
	return true, nil
}

// setDocumentStatus stores a document's status and keeps the library, the open
// document and the search index in step.
func (e *Editor) setDocumentStatus(id int64, status annotate.Status) error {
	i := e.DocIndex(id)
	if i < 0 {
		return fmt.Errorf("document %d is not in the library", id)
	}
	title := e.docs[i].Title
	if err := e.store.SetDocumentStatus(e.ctx, id, status); err != nil {
		return fmt.Errorf("mark %q %s: %w", title, status.Display(), err)
	}
	e.docs[i].Status = status
	if e.doc != nil && e.doc.ID == id {
		e.doc.Status = status
	}
	e.indexed(func(s *search.Engine) { s.SetDocument(id, title, status) })
	e.publish(Event{Kind: DocumentChanged, DocID: id})
	return nil
}

// DeleteDocument deletes a document with its spans, forgets the undo steps that
// refer to it, rereads the library and, if it was the open one, opens its
// neighbour (or closes it when the library is empty). It returns the deleted
// document's title.
func (e *Editor) DeleteDocument(id int64) (title string, err error) {
	i := e.DocIndex(id)
	if err := e.store.DeleteDocument(e.ctx, id); err != nil {
		return "", fmt.Errorf("delete document %d: %w", id, err)
	}
	if i >= 0 {
		title = e.docs[i].Title
	}
	e.indexed(func(s *search.Engine) { s.RemoveDocument(id) })
	e.history.forget(func(s Step) bool { return s.DocID() == id })
	wasOpen := e.DocID() == id
	if wasOpen {
		e.doc, e.spans = nil, nil
	}
	if err := e.ReloadDocuments(); err != nil {
		return title, err
	}
	if !wasOpen {
		return title, nil
	}
	if len(e.docs) == 0 {
		e.Close()
		return title, nil
	}
	return title, e.Open(e.docs[min(max(i, 0), len(e.docs)-1)].ID)
}

// adjustSummary updates the library row of a document after its span count
// changed; the store moves a document from new to in progress with its first span.
func (e *Editor) adjustSummary(docID int64, delta int) {
	i := e.DocIndex(docID)
	if i < 0 {
		return
	}
	e.docs[i].SpanCount = max(0, e.docs[i].SpanCount+delta)
	if delta > 0 && e.docs[i].Status == annotate.StatusNew {
		e.docs[i].Status = annotate.StatusInProgress
	}
	e.publish(Event{Kind: DocumentChanged, DocID: docID})
}
