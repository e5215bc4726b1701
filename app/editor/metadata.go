package editor

import (
	"fmt"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// MetadataChange is a document's metadata before and after an edit in the
// document-info panel: one undoable step however many fields changed.
type MetadataChange struct {
	DocID         int64
	Before, After annotate.Metadata
}

// SetMetadata replaces the open document's title, outlet, authors, date, URL,
// language and free key/values (an undoable step). The title is trimmed; an
// empty one, or fields annotate.Metadata.Validate refuses, are an error and
// nothing changes.
func (e *Editor) SetMetadata(meta annotate.Metadata) error {
	if e.doc == nil {
		return fmt.Errorf("no document is open")
	}
	meta.Title = strings.TrimSpace(meta.Title)
	before := e.doc.Metadata()
	if err := e.storeMetadata(e.doc.ID, meta); err != nil {
		return err
	}
	e.history.record(Step{Metadata: &MetadataChange{DocID: e.doc.ID, Before: before, After: meta}})
	return nil
}

// storeMetadata commits metadata and keeps the open document, the library row and
// the search index's titles in step.
func (e *Editor) storeMetadata(id int64, meta annotate.Metadata) error {
	if err := e.store.SetDocumentMetadata(e.ctx, id, meta); err != nil {
		return fmt.Errorf("save document information: %w", err)
	}
	if e.doc != nil && e.doc.ID == id {
		e.doc.SetMetadata(meta)
	}
	status := annotate.StatusNew
	if i := e.DocIndex(id); i >= 0 {
		row := &e.docs[i]
		row.Title, row.Outlet, row.Authors = meta.Title, meta.Outlet, append([]string(nil), meta.Authors...)
		row.Published, row.URL, row.Language = meta.Published, meta.URL, meta.Language
		status = row.Status
	}
	e.indexed(func(s *search.Engine) { s.SetDocument(id, meta.Title, status) })
	e.publish(Event{Kind: DocumentChanged, DocID: id})
	e.publish(Event{Kind: MetadataChanged, DocID: id})
	return nil
}

// applyMetadata undoes or redoes a metadata step.
func (e *Editor) applyMetadata(change *MetadataChange, undo bool) error {
	meta := change.After
	if undo {
		meta = change.Before
	}
	return e.storeMetadata(change.DocID, meta)
}
