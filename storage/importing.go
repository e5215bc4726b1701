package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// Import stores records in one transaction, so that 10,000 files cost one commit;
// with opts.SkipInvalid each record has a savepoint, so that a bad one can be
// undone alone.
//
// Without opts.SkipInvalid the first bad record stops storing, but reading goes on
// so that the returned *annotate.ImportError names every bad record; then nothing
// is kept. With it, bad records are rolled back to their savepoint and listed in
// the result's Invalid. Failures of the database itself (disk full, a lock held
// too long) always abort the whole import.
func (db *DB) Import(ctx context.Context, records iter.Seq2[annotate.ImportRecord, error], opts annotate.ImportOptions) (annotate.ImportResult, error) {
	var result annotate.ImportResult
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return result, db.fail("import", err)
	}
	defer tx.Rollback()
	im, err := newImporter(ctx, tx, opts)
	if err != nil {
		return result, db.fail("import", err)
	}
	defer im.close()

	// Reading and checking the records (file I/O, UTF-8 validation, hashing) runs
	// on another goroutine, ahead of the inserts: the two overlap on a machine
	// with more than one core.
	reader := prefetch(records, opts.Annotator)
	defer reader.stop()

	var problems annotate.ImportError
	now := db.now()
	done := 0
	for rec := range reader.records {
		reader.done(rec)
		if err := ctx.Err(); err != nil {
			return annotate.ImportResult{}, fmt.Errorf("import cancelled, nothing was stored: %w", err)
		}
		done++
		bad := rec.err
		if bad == nil {
			bad = im.resolveLabels(&rec.checked)
		}
		if bad == nil && problems.Total == 0 { // once aborting, only look for further problems
			docID, err := im.store(rec.checked, now, &result)
			if err != nil && annotate.ErrorCode(err) == annotate.EINTERNAL {
				return annotate.ImportResult{}, db.fail("import "+origin(rec.origin, done), err)
			}
			if err != nil {
				bad = err
			} else {
				result.DocIDs = append(result.DocIDs, docID)
			}
		}
		if bad != nil {
			problem := recordError(origin(rec.origin, done), bad)
			if opts.SkipInvalid {
				result.Invalid = append(result.Invalid, problem)
			} else {
				problems.Add(problem)
			}
		}
		if opts.Progress != nil {
			opts.Progress(done)
		}
	}
	if err := ctx.Err(); err != nil {
		return annotate.ImportResult{}, fmt.Errorf("import cancelled, nothing was stored: %w", err)
	}
	if problems.Total > 0 {
		return annotate.ImportResult{}, &problems
	}
	if err := tx.Commit(); err != nil {
		return annotate.ImportResult{}, db.fail("import", err)
	}
	return result, nil
}

func origin(name string, index int) string {
	if name != "" {
		return name
	}
	return fmt.Sprintf("record %d", index)
}

// recordError keeps the origin a decoder already put on its error.
func recordError(name string, err error) annotate.RecordError {
	var re annotate.RecordError
	if errors.As(err, &re) {
		if re.Origin == "" {
			re.Origin = name
		}
		return re
	}
	return annotate.RecordError{Origin: name, Err: err}
}

// importer holds one import's prepared statements and the labels known so far.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	opts   annotate.ImportOptions
	labels map[string]int64

	insertDoc, findDoc, insertSpan, insertHistory, markInProgress *sql.Stmt
	savepoint, release, rollbackTo                                *sql.Stmt

	history   historyEncoder
	lastTime  time.Time // the instant lastStamp formats
	lastStamp string
}

// stamp is formatTime with the last result kept: an import stamps its documents,
// spans and history entries alike, three or four times per span.
func (im *importer) stamp(t time.Time) string {
	if im.lastStamp == "" || !t.Equal(im.lastTime) {
		im.lastTime, im.lastStamp = t, formatTime(t)
	}
	return im.lastStamp
}

func newImporter(ctx context.Context, tx *sql.Tx, opts annotate.ImportOptions) (*importer, error) {
	im := &importer{ctx: ctx, tx: tx, opts: opts, labels: map[string]int64{}}
	statements := []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&im.insertDoc, `INSERT INTO documents (title, source, text, length, hash, status, sample, meta, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`},
		{&im.findDoc, `SELECT id, status FROM documents WHERE hash = ?`},
		{&im.insertSpan, `INSERT INTO spans (document_id, start_offset, end_offset, label_id, text, annotator, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, start_offset, end_offset, label_id, annotator) DO NOTHING`},
		{&im.insertHistory, `INSERT INTO span_history (span_id, document_id, action, before, after, annotator, at)
			VALUES (?, ?, 'create', NULL, ?, ?, ?)`},
		{&im.markInProgress, `UPDATE documents SET status = 'in_progress' WHERE id = ? AND status = 'new'`},
		{&im.savepoint, `SAVEPOINT import_record`},
		{&im.release, `RELEASE import_record`},
		{&im.rollbackTo, `ROLLBACK TO import_record`},
	}
	for _, s := range statements {
		stmt, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			im.close()
			return nil, err
		}
		*s.stmt = stmt
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM labels`)
	if err != nil {
		im.close()
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			im.close()
			return nil, err
		}
		im.labels[name] = id
	}
	if err := rows.Err(); err != nil {
		im.close()
		return nil, err
	}
	return im, nil
}

func (im *importer) close() {
	for _, stmt := range []*sql.Stmt{im.insertDoc, im.findDoc, im.insertSpan, im.insertHistory, im.markInProgress, im.savepoint, im.release, im.rollbackTo} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// checkedRecord is a record that passed validation and is ready to store.
type checkedRecord struct {
	doc       annotate.Document
	length    int // code points
	meta      any // JSON text or nil
	spans     []annotate.Span
	newLabels []string // labels the spans use that are not stored yet
}

// checkRecord validates a record (annotate.ImportRecord.Prepare: defaults,
// document and spans) and encodes its meta for the row.
func checkRecord(rec annotate.ImportRecord, annotator string) (checkedRecord, error) {
	prepared, err := rec.Prepare(annotator)
	if err != nil {
		return checkedRecord{}, err
	}
	meta, err := encodeMeta(prepared.Document.Meta)
	if err != nil {
		return checkedRecord{}, err
	}
	return checkedRecord{doc: prepared.Document, length: prepared.Length, meta: meta, spans: prepared.Spans}, nil
}

// resolveLabels finds the labels a record's spans use that the database lacks:
// an error if unknown labels are refused or a name is not a valid label name,
// otherwise they are listed in rec.newLabels to be created when it is stored.
func (im *importer) resolveLabels(rec *checkedRecord) error {
	rec.newLabels = nil
	for i, span := range rec.spans {
		if _, known := im.labels[span.Label]; known || slices.Contains(rec.newLabels, span.Label) {
			continue
		}
		if im.opts.RefuseUnknownLabels {
			return annotate.Errorf(annotate.ENOTFOUND,
				"span %d: unknown label %q (add it first, or allow unknown labels to be created)", i+1, span.Label)
		}
		if err := (annotate.Label{Name: span.Label, Color: annotate.FallbackColor(0)}).Validate(); err != nil {
			return fmt.Errorf("span %d: %w", i+1, err)
		}
		rec.newLabels = append(rec.newLabels, span.Label)
	}
	return nil
}

// prefetched is one record as the reading goroutine hands it over.
type prefetched struct {
	origin  string
	checked checkedRecord
	err     error // from the decoder or from checkRecord
	units   int   // of the read-ahead budget this record holds until stored
}

// Read-ahead is bounded by count and by size: at most prefetchDepth records and
// about prefetchBudget bytes of text are held ahead of the inserts, so a folder of
// 20 MB transcripts does not pile up in memory.
const (
	prefetchDepth  = 64
	prefetchUnit   = 1 << 20
	prefetchBudget = 64 // units of prefetchUnit
)

// prefetcher reads and checks records on its own goroutine.
type prefetcher struct {
	records  chan prefetched
	budget   chan struct{} // one token per unit of text held
	quit     chan struct{}
	finished chan struct{}
	stopOnce sync.Once
}

func prefetch(records iter.Seq2[annotate.ImportRecord, error], annotator string) *prefetcher {
	p := &prefetcher{
		records:  make(chan prefetched, prefetchDepth),
		budget:   make(chan struct{}, prefetchBudget),
		quit:     make(chan struct{}),
		finished: make(chan struct{}),
	}
	go p.run(records, annotator)
	return p
}

func (p *prefetcher) run(records iter.Seq2[annotate.ImportRecord, error], annotator string) {
	defer close(p.finished)
	defer close(p.records)
	defer func() {
		// A decoder bug must not take the program down with it.
		if r := recover(); r != nil {
			select {
			case p.records <- prefetched{err: fmt.Errorf("internal error while reading records: %v", r)}:
			case <-p.quit:
			}
		}
	}()
	for rec, err := range records {
		item := prefetched{origin: rec.Origin, err: err}
		if err == nil {
			item.checked, item.err = checkRecord(rec, annotator)
		}
		item.units = min(len(rec.Document.Text)/prefetchUnit+1, prefetchBudget)
		for range item.units {
			select {
			case p.budget <- struct{}{}:
			case <-p.quit:
				return
			}
		}
		select {
		case p.records <- item:
		case <-p.quit:
			return
		}
	}
}

// done gives back the budget a record held, as the inserting side takes it.
func (p *prefetcher) done(item prefetched) {
	for range item.units {
		<-p.budget
	}
}

// stop tells the reader to quit and waits until it has: after stop the decoder is
// never called again. It may be called more than once.
func (p *prefetcher) stop() {
	p.stopOnce.Do(func() { close(p.quit) })
	<-p.finished
}

// store writes a checked record and adds its counts to result once it is stored.
//
// With SkipInvalid each record goes in its own savepoint, so that a bad one can be
// undone alone. Without, the first bad record fails the whole import and the
// transaction is rolled back, so the savepoint would buy nothing; and it costs:
// inside a savepoint SQLite copies every page a record changes (the last leaf of
// each table and index, 16 KiB apiece) to the statement journal before changing
// it, which made up about a third of a large import.
func (im *importer) store(rec checkedRecord, now time.Time, result *annotate.ImportResult) (int64, error) {
	var delta annotate.ImportResult
	if !im.opts.SkipInvalid {
		docID, err := im.storeRecord(rec, now, &delta)
		if err != nil {
			return 0, err
		}
		addCounts(result, delta)
		return docID, nil
	}
	if _, err := im.savepoint.ExecContext(im.ctx); err != nil {
		return 0, err
	}
	docID, err := im.storeRecord(rec, now, &delta)
	if err != nil {
		for _, name := range delta.LabelsCreated {
			delete(im.labels, name)
		}
		if _, rbErr := im.rollbackTo.ExecContext(im.ctx); rbErr != nil {
			return 0, errors.Join(err, rbErr)
		}
		if _, rbErr := im.release.ExecContext(im.ctx); rbErr != nil {
			return 0, errors.Join(err, rbErr)
		}
		return 0, err
	}
	if _, err := im.release.ExecContext(im.ctx); err != nil {
		return 0, err
	}
	addCounts(result, delta)
	return docID, nil
}

func addCounts(result *annotate.ImportResult, delta annotate.ImportResult) {
	result.Documents += delta.Documents
	result.Duplicates += delta.Duplicates
	result.Spans += delta.Spans
	result.SpansExisting += delta.SpansExisting
	result.LabelsCreated = append(result.LabelsCreated, delta.LabelsCreated...)
}

func (im *importer) storeRecord(rec checkedRecord, now time.Time, delta *annotate.ImportResult) (int64, error) {
	doc, err := im.storeDocumentRow(rec, now)
	if err != nil {
		return 0, err
	}
	if doc.added {
		delta.Documents++
	} else {
		delta.Duplicates++
	}
	for _, name := range rec.newLabels {
		if _, known := im.labels[name]; known {
			continue // created by an earlier record
		}
		label, err := insertLabel(im.ctx, im.tx, annotate.Label{Name: name}, true)
		if err != nil {
			return 0, err
		}
		im.labels[name] = label.ID
		delta.LabelsCreated = append(delta.LabelsCreated, name)
	}
	for _, span := range rec.spans {
		span.DocID = doc.id
		if span.CreatedAt.IsZero() {
			span.CreatedAt = now
		}
		if span.UpdatedAt.IsZero() {
			span.UpdatedAt = span.CreatedAt
		}
		span.CreatedAt, span.UpdatedAt = truncateTime(span.CreatedAt), truncateTime(span.UpdatedAt)
		res, err := im.insertSpan.ExecContext(im.ctx, doc.id, span.Start, span.End, im.labels[span.Label], span.Text,
			span.Annotator, span.Note, im.stamp(span.CreatedAt), im.stamp(span.UpdatedAt))
		if err != nil {
			return 0, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, err
		} else if n == 0 {
			delta.SpansExisting++
			continue
		}
		if span.ID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		after, err := im.history.encode(&span)
		if err != nil {
			return 0, err
		}
		if _, err := im.insertHistory.ExecContext(im.ctx, span.ID, doc.id, after, span.Annotator, im.stamp(now)); err != nil {
			return 0, err
		}
		delta.Spans++
	}
	if delta.Spans > 0 {
		if _, err := im.markInProgress.ExecContext(im.ctx, doc.id); err != nil {
			return 0, err
		}
	}
	return doc.id, nil
}

type storedDocument struct {
	id    int64
	added bool
}

// storeDocument validates and stores one document outside an import (the sample).
func (im *importer) storeDocument(doc annotate.Document, length int, now time.Time) (storedDocument, error) {
	meta, err := encodeMeta(doc.Meta)
	if err != nil {
		return storedDocument{}, err
	}
	if doc.Status == "" {
		doc.Status = annotate.StatusNew
	}
	doc.Hash = annotate.ContentHash(doc.Text)
	return im.storeDocumentRow(checkedRecord{doc: doc, length: length, meta: meta}, now)
}

// storeDocumentRow inserts the document unless its text is already stored, and
// returns the id either way.
func (im *importer) storeDocumentRow(rec checkedRecord, now time.Time) (storedDocument, error) {
	doc := rec.doc
	importedAt := now
	if !doc.ImportedAt.IsZero() {
		importedAt = doc.ImportedAt
	}
	res, err := im.insertDoc.ExecContext(im.ctx, doc.Title, doc.Source, doc.Text, rec.length, doc.Hash,
		string(doc.Status), doc.Sample, rec.meta, im.stamp(importedAt))
	if err != nil {
		return storedDocument{}, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return storedDocument{}, err
	} else if n == 1 {
		id, err := res.LastInsertId()
		return storedDocument{id: id, added: true}, err
	}
	var id int64
	var status string
	if err := im.findDoc.QueryRowContext(im.ctx, doc.Hash).Scan(&id, &status); err != nil {
		return storedDocument{}, fmt.Errorf("find document with the same text: %w", err)
	}
	return storedDocument{id: id}, nil
}
