package editor

import (
	"sync"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// indexJournal remembers index edits made while a full reload of the search index
// is streaming from the database. Load swaps in a fresh index built from what the
// database held when the stream was read, so an edit made meanwhile would vanish
// from search; replaying the journal (in order, on the editor's goroutine where
// edits happen) after the swap keeps it. Replayed edits are idempotent
// upserts/removes.
type indexJournal struct {
	mu      sync.Mutex
	loading int
	ops     []func(*search.Engine)
}

// indexed applies an edit to the search index and journals it during a reload.
func (e *Editor) indexed(op func(*search.Engine)) {
	op(e.engine)
	e.journal.mu.Lock()
	if e.journal.loading > 0 {
		e.journal.ops = append(e.journal.ops, op)
	}
	e.journal.mu.Unlock()
}

// indexUpsert makes a span's current state searchable.
func (e *Editor) indexUpsert(span annotate.Span) {
	rec := e.spanRecord(span)
	e.indexed(func(s *search.Engine) { s.Upsert(rec) })
}

// spanRecord is what the search index keeps of a span of the open document.
func (e *Editor) spanRecord(span annotate.Span) annotate.SpanRecord {
	rec := annotate.SpanRecord{Span: span}
	if e.doc != nil && e.doc.ID == span.DocID {
		rec.DocTitle = e.doc.Title
		rec.DocStatus = e.DocStatus()
	}
	return rec
}

// LoadIndex (re)fills the search index from the database in the background; a
// failure is published as an IndexFailed event.
func (e *Editor) LoadIndex() {
	e.journal.mu.Lock()
	e.journal.loading++
	e.journal.mu.Unlock()
	e.tasks.Add(1)
	go func() {
		defer e.tasks.Done()
		err := e.engine.Load(e.ctx, e.store.AllSpans(e.ctx))
		e.do(func() {
			e.journal.mu.Lock()
			ops := e.journal.ops
			e.journal.loading--
			if e.journal.loading == 0 {
				e.journal.ops = nil
			}
			e.journal.mu.Unlock()
			if err != nil {
				e.publish(Event{Kind: IndexFailed, Err: err})
				return
			}
			for _, op := range ops {
				op(e.engine)
			}
		})
	}()
}

// RefreshIndexFor reindexes the spans of documents just imported. It may run on
// any goroutine (an import's): the engine is safe for concurrent use, and the
// change is journalled like any other so a reload in flight keeps it.
func (e *Editor) RefreshIndexFor(docIDs []int64) {
	summaries, err := e.store.Documents(e.ctx, annotate.DocumentFilter{})
	if err != nil {
		return // the document list will show the problem when it reloads
	}
	byID := make(map[int64]annotate.DocumentSummary, len(summaries))
	for _, d := range summaries {
		byID[d.ID] = d
	}
	seen := make(map[int64]bool, len(docIDs))
	for _, id := range docIDs {
		doc, ok := byID[id]
		if seen[id] || !ok || doc.SpanCount == 0 {
			continue // a document without spans has nothing to index
		}
		seen[id] = true
		spans, err := e.store.Spans(e.ctx, id)
		if err != nil {
			continue
		}
		e.indexed(func(s *search.Engine) {
			s.RemoveDocument(id)
			for _, sp := range spans {
				s.Upsert(annotate.SpanRecord{Span: sp, DocTitle: doc.Title, DocStatus: doc.Status})
			}
		})
	}
}
