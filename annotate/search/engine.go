package search

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/newsmark/newsmark/annotate"
)

// Engine is an in-memory fuzzy index over every annotation. It is safe for
// concurrent use: searches share a read lock, changes take the write lock briefly.
type Engine struct {
	mu     sync.RWMutex
	rows   []row           // dense; a removed row is replaced by the last one
	byID   map[int64]int32 // span ID -> index in rows
	docs   map[int64]*docInfo
	labels map[string]*labelInfo // interned, so 100,000 spans share a few label strings
	people map[string]string     // interned annotator names
}

// row is one span as the index holds it. The folded copies are what matching reads;
// the span itself is what results return.
type row struct {
	span       annotate.Span
	doc        *docInfo
	label      *labelInfo
	folded     string // fold(span.Text): same code points, lower case, no accents
	foldedNote string
	textMask   uint64
	bigrams    bigramSet // of folded
	noteMask   uint64
	recency    int64 // UpdatedAt, or CreatedAt if never updated, in Unix nanoseconds
}

// docInfo is shared by all rows of a document, so a title is stored once and a
// status change touches one place.
type docInfo struct {
	title       string
	foldedTitle string
	titleMask   uint64
	status      annotate.Status
	spans       int // rows pointing here; the entry is dropped at zero
}

type labelInfo struct {
	name   string
	folded string
	mask   uint64
}

// New returns an empty engine.
func New() *Engine {
	return &Engine{
		byID:   make(map[int64]int32),
		docs:   make(map[int64]*docInfo),
		labels: make(map[string]*labelInfo),
		people: make(map[string]string),
	}
}

// Load replaces the whole index with the given rows. The new index is built aside
// and swapped in, so searches keep working on the old one until it is ready; on
// error the old index stays.
//
// Reading rows (from SQLite: cgo calls, time parsing) and indexing them (folding,
// masks, bigrams) take about as long each, so they run on two goroutines: the
// caller's reads and hands batches to a builder.
func (e *Engine) Load(ctx context.Context, rows iter.Seq2[annotate.SpanRecord, error]) error {
	fresh := New()
	batches := make(chan []annotate.SpanRecord, 4)
	built := make(chan struct{})
	go func() {
		defer close(built)
		for batch := range batches {
			for _, rec := range batch {
				fresh.putLocked(rec, fresh.prepare(rec))
			}
		}
	}()
	n, err := readBatches(ctx, rows, batches, loadBatch)
	close(batches)
	<-built // the builder must be done with fresh before anything else happens
	if err != nil {
		return fmt.Errorf("load search index (after %d spans): %w", n, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.rows, e.byID, e.docs, e.labels, e.people = fresh.rows, fresh.byID, fresh.docs, fresh.labels, fresh.people
	return nil
}

// loadBatch is how many rows travel to the builder at once: enough to make the
// hand-over cheap, few enough to start building early.
const loadBatch = 2048

// readBatches drains rows into batches and returns how many it read.
func readBatches(ctx context.Context, rows iter.Seq2[annotate.SpanRecord, error], batches chan<- []annotate.SpanRecord, size int) (int, error) {
	n := 0
	batch := make([]annotate.SpanRecord, 0, size)
	for rec, err := range rows {
		if err != nil {
			return n, err
		}
		batch = append(batch, rec)
		n++
		if len(batch) == size {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			batches <- batch
			batch = make([]annotate.SpanRecord, 0, size)
		}
	}
	if err := ctx.Err(); err != nil {
		return n, err
	}
	if len(batch) > 0 {
		batches <- batch
	}
	return n, nil
}

// Len is the number of spans in the index.
func (e *Engine) Len() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return len(e.rows)
}

// Upsert adds a new span or replaces the stored one with the same ID (after an
// edit, relabel or note change). It is searchable as soon as Upsert returns.
func (e *Engine) Upsert(rec annotate.SpanRecord) {
	r := e.prepare(rec) // folding happens outside the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	e.putLocked(rec, r)
}

// Remove drops a span; unknown IDs are ignored.
func (e *Engine) Remove(spanID int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.removeLocked(spanID)
}

// RemoveDocument drops every span of a document, after the document was deleted.
func (e *Engine) RemoveDocument(docID int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := 0; i < len(e.rows); {
		if e.rows[i].span.DocID == docID {
			e.removeLocked(e.rows[i].span.ID) // moves the last row to i: look at i again
			continue
		}
		i++
	}
	delete(e.docs, docID)
}

// SetDocument updates the title and status that results show for every span of a
// document, for example after its status changed in the workbench. Unknown
// documents are ignored.
func (e *Engine) SetDocument(docID int64, title string, status annotate.Status) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if d := e.docs[docID]; d != nil {
		d.set(title, status)
	}
}

// prepared is the part of a row that can be computed without the lock.
type prepared struct {
	folded, foldedNote string
	textMask, noteMask uint64
	bigrams            bigramSet
}

func (e *Engine) prepare(rec annotate.SpanRecord) prepared {
	p := prepared{folded: fold(rec.Text), foldedNote: fold(rec.Note)}
	p.textMask, p.noteMask = charMask(p.folded), charMask(p.foldedNote)
	p.bigrams = bigramsOf(p.folded)
	return p
}

func (e *Engine) putLocked(rec annotate.SpanRecord, p prepared) {
	r := row{
		span:       rec.Span,
		folded:     p.folded,
		foldedNote: p.foldedNote,
		textMask:   p.textMask,
		bigrams:    p.bigrams,
		noteMask:   p.noteMask,
		recency:    recencyOf(rec.Span),
	}
	r.span.Annotator = e.internPerson(rec.Annotator)
	r.label = e.internLabel(rec.Label)
	r.span.Label = r.label.name
	if at, ok := e.byID[rec.ID]; ok {
		old := &e.rows[at]
		if old.span.DocID == rec.DocID {
			r.doc = old.doc
			e.refreshDoc(r.doc, rec)
			e.rows[at] = r
			return
		}
		e.removeLocked(rec.ID) // moved to another document: rare, treat as remove + add
	}
	r.doc = e.docFor(rec)
	r.doc.spans++
	e.byID[rec.ID] = int32(len(e.rows))
	e.rows = append(e.rows, r)
}

func (e *Engine) removeLocked(spanID int64) {
	at, ok := e.byID[spanID]
	if !ok {
		return
	}
	if d := e.rows[at].doc; d != nil {
		d.spans--
		if d.spans <= 0 {
			delete(e.docs, e.rows[at].span.DocID)
		}
	}
	last := int32(len(e.rows) - 1)
	if at != last {
		e.rows[at] = e.rows[last]
		e.byID[e.rows[at].span.ID] = at
	}
	e.rows[last] = row{} // let the strings go
	e.rows = e.rows[:last]
	delete(e.byID, spanID)
}

// docFor returns the shared document entry for rec, creating it on first sight.
func (e *Engine) docFor(rec annotate.SpanRecord) *docInfo {
	if d := e.docs[rec.DocID]; d != nil {
		e.refreshDoc(d, rec)
		return d
	}
	ft := fold(rec.DocTitle)
	d := &docInfo{title: rec.DocTitle, foldedTitle: ft, titleMask: charMask(ft), status: rec.DocStatus}
	e.docs[rec.DocID] = d
	return d
}

// refreshDoc lets a record that carries a title or status update its document.
// Mutating in place is safe: it happens under the write lock, and searches hold the
// read lock for as long as they look at documents.
func (e *Engine) refreshDoc(d *docInfo, rec annotate.SpanRecord) {
	title, status := d.title, d.status
	if rec.DocTitle != "" {
		title = rec.DocTitle
	}
	if rec.DocStatus != "" {
		status = rec.DocStatus
	}
	d.set(title, status)
}

func (d *docInfo) set(title string, status annotate.Status) {
	if title != d.title {
		d.title = title
		d.foldedTitle = fold(title)
		d.titleMask = charMask(d.foldedTitle)
	}
	d.status = status
}

func (e *Engine) internLabel(name string) *labelInfo {
	if l := e.labels[name]; l != nil {
		return l
	}
	f := fold(name)
	l := &labelInfo{name: name, folded: f, mask: charMask(f)}
	e.labels[name] = l
	return l
}

// Annotators lists, sorted, the names that the indexed spans carry: the choices
// of a filter by annotator.
func (e *Engine) Annotators() []string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	seen := make(map[string]bool, len(e.people))
	for i := range e.rows {
		seen[e.rows[i].span.Annotator] = true
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		if name != "" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func (e *Engine) internPerson(name string) string {
	if s, ok := e.people[name]; ok {
		return s
	}
	e.people[name] = name
	return name
}

func recencyOf(s annotate.Span) int64 {
	if !s.UpdatedAt.IsZero() {
		return s.UpdatedAt.UnixNano()
	}
	if !s.CreatedAt.IsZero() {
		return s.CreatedAt.UnixNano()
	}
	return 0
}
