package editor

import (
	"context"
	"errors"

	"github.com/newsmark/newsmark/annotate"
)

// VersionedStore is a store that can tell when another process changed the
// database (storage.DB does, through SQLite's data_version).
type VersionedStore interface {
	DataVersion(ctx context.Context) (int64, error)
}

// ExternalChangeWatcher remembers the database's data version and says when it
// moved, that is when another process committed. Its Check may run on any
// goroutine (it reads only the store); one watcher serves one poller.
type ExternalChangeWatcher struct {
	store VersionedStore
	last  int64
	known bool
}

// WatchExternalChanges returns a watcher, or nil when the store cannot tell.
func (e *Editor) WatchExternalChanges() *ExternalChangeWatcher {
	store, ok := e.store.(VersionedStore)
	if !ok {
		return nil
	}
	return &ExternalChangeWatcher{store: store}
}

// Check reports whether the database changed since the last Check (the first
// only records where it stands).
func (w *ExternalChangeWatcher) Check(ctx context.Context) (bool, error) {
	version, err := w.store.DataVersion(ctx)
	if err != nil {
		return false, err
	}
	changed := w.known && version != w.last
	w.last, w.known = version, true
	return changed, nil
}

// ReloadAll rereads everything the editor holds from the store after another
// process changed it: labels, the library, the open document (closed if it was
// deleted) and its spans, and the search index. The undo history stays; a step
// that no longer applies fails when undone, as after any conflicting change.
func (e *Editor) ReloadAll() error {
	var errs []error
	errs = append(errs, e.ReloadLabels(), e.ReloadDocuments())
	if e.doc != nil {
		if e.DocIndex(e.doc.ID) < 0 {
			e.Close()
		} else {
			doc, err := e.store.Document(e.ctx, e.doc.ID)
			if err == nil {
				e.doc = &doc
			} else if annotate.ErrorCode(err) == annotate.ENOTFOUND {
				e.Close()
			}
			errs = append(errs, e.ReloadSpans())
		}
	}
	e.LoadIndex()
	return errors.Join(errs...)
}
