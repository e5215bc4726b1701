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
	tx, err := db.beginWrite(ctx, "import")
	if err != nil {
		return result, err
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
	held, err := holdsDocuments(ctx, tx, opts.RequireMatch)
	if err != nil {
		return result, db.fail("import", err)
	}
	originals, err := newOriginalCompressor()
	if err != nil {
		return result, db.fail("import", err)
	}
	defer originals.close() // after reader.stop, the last user
	reader := prefetch(records, opts.Annotator, originals)
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
		if bad == nil {
			bad = im.resolveAttrs(&rec.checked)
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
	if held && result.Duplicates == 0 && result.Documents > 0 {
		return annotate.ImportResult{}, annotate.Errorf(annotate.EINVALID,
			"import aborted, nothing was stored: none of the %d documents matches a document in the database by its text (0 matched), so these annotations are not on the same documents; was the text changed (line ends, white space) after export?",
			result.Documents)
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
	ctx     context.Context
	tx      *sql.Tx
	opts    annotate.ImportOptions
	labels  map[string]int64
	decls   map[string][]annotate.AttrDecl // attribute declarations by label name
	sources *sourceResolver

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
	im := &importer{ctx: ctx, tx: tx, opts: opts, labels: map[string]int64{}, sources: &sourceResolver{create: true}}
	statements := []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&im.insertDoc, `INSERT INTO documents (title, source, text, length, hash, status, sample, meta, imported_at, ` + metadataColumns + `)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`},
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
	if err := im.loadDecls(); err != nil {
		im.close()
		return nil, err
	}
	return im, nil
}

// loadDecls reads the attribute declarations of every label (again after a
// record's savepoint is rolled back, which may take declarations with it).
func (im *importer) loadDecls() error {
	byID, err := labelAttrs(im.ctx, im.tx)
	if err != nil {
		return err
	}
	im.decls = map[string][]annotate.AttrDecl{}
	for name, id := range im.labels {
		im.decls[name] = byID[id]
	}
	return nil
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
	original  *storedOriginal
	spans     []annotate.Span
	newLabels []string // labels the spans use that are not stored yet
	links     []annotate.ImportLink
	naming    annotate.ImportRecord // SpanField and SpanWhere only: how the file names the spans
	newDecls  []labelAttrDecl       // attributes the spans use that their labels do not declare
}

type labelAttrDecl struct {
	label string
	decl  annotate.AttrDecl
}

// checkRecord validates a record (annotate.ImportRecord.Prepare: defaults,
// document and spans) and encodes its meta and original file for the rows.
func checkRecord(rec annotate.ImportRecord, annotator string, originals *originalCompressor) (checkedRecord, error) {
	prepared, err := rec.Prepare(annotator)
	if err != nil {
		return checkedRecord{}, err
	}
	meta, err := encodeMeta(prepared.Document.Meta)
	if err != nil {
		return checkedRecord{}, err
	}
	original, err := originals.compress(prepared.Document.Original)
	if err != nil {
		return checkedRecord{}, err
	}
	return checkedRecord{doc: prepared.Document, length: prepared.Length, meta: meta,
		original: original, spans: prepared.Spans, links: prepared.Links,
		naming: annotate.ImportRecord{SpanField: rec.SpanField, SpanWhere: rec.SpanWhere}}, nil
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
				"span %d: unknown label %q (add it first, or allow unknown labels to be created)", i+1, annotate.Clip(span.Label))
		}
		if err := (annotate.Label{Name: span.Label, Color: annotate.FallbackColor(0)}).Validate(); err != nil {
			return fmt.Errorf("span %d: %w", i+1, err)
		}
		rec.newLabels = append(rec.newLabels, span.Label)
	}
	return nil
}

// resolveAttrs checks every span's attribute values against its label's
// declarations and coerces them; an attribute the label does not declare is
// declared from its first value (listed in rec.newDecls, stored with the
// record). CASUALTY spans without attributes get the parse, if one is set.
func (im *importer) resolveAttrs(rec *checkedRecord) error {
	rec.newDecls = nil
	declsOf := func(label string) []annotate.AttrDecl {
		decls := im.decls[label]
		for _, nd := range rec.newDecls {
			if nd.label == label {
				decls = append(decls, nd.decl)
			}
		}
		return decls
	}
	for i := range rec.spans {
		span := &rec.spans[i]
		if len(span.Attrs) == 0 {
			if span.Label == annotate.LabelCasualty && im.opts.ParseCasualty != nil {
				span.Attrs = im.parsedCasualty(span.Text, declsOf(span.Label))
			}
			continue
		}
		where := rec.where0(i)
		label := annotate.Label{Name: span.Label}
		for _, name := range span.Attrs.Names() {
			label.Attrs = declsOf(span.Label)
			if _, ok := label.FindDecl(name); ok {
				continue
			}
			decl := annotate.InferDecl(name, span.Attrs[name])
			if err := decl.Validate(); err != nil {
				return fmt.Errorf("%s: label %s: %w", where, span.Label, err)
			}
			rec.newDecls = append(rec.newDecls, labelAttrDecl{label: span.Label, decl: decl})
		}
		label.Attrs = declsOf(span.Label)
		checked, err := label.CheckAttrs(span.Attrs)
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		span.Attrs = checked
	}
	return nil
}

// parsedCasualty is the parse of a casualty span's text as attribute values,
// marked as parsed; values the label's declarations refuse are left out.
func (im *importer) parsedCasualty(text string, decls []annotate.AttrDecl) annotate.Attrs {
	label := annotate.Label{Name: annotate.LabelCasualty, Attrs: decls}
	return annotate.MarkParsed(label.FitAttrs(im.opts.ParseCasualty(text)))
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

func prefetch(records iter.Seq2[annotate.ImportRecord, error], annotator string, originals *originalCompressor) *prefetcher {
	p := &prefetcher{
		records:  make(chan prefetched, prefetchDepth),
		budget:   make(chan struct{}, prefetchBudget),
		quit:     make(chan struct{}),
		finished: make(chan struct{}),
	}
	go p.run(records, annotator, originals)
	return p
}

func (p *prefetcher) run(records iter.Seq2[annotate.ImportRecord, error], annotator string, originals *originalCompressor) {
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
			item.checked, item.err = checkRecord(rec, annotator, originals)
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
		// Sources and declarations the record made went with the savepoint.
		im.sources = &sourceResolver{create: true, now: im.sources.now}
		if dErr := im.loadDecls(); dErr != nil {
			return 0, errors.Join(err, dErr)
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
	result.AttrsDeclared = append(result.AttrsDeclared, delta.AttrsDeclared...)
	result.SourcesAdded = append(result.SourcesAdded, delta.SourcesAdded...)
	result.SpansOtherAnnotators += delta.SpansOtherAnnotators
	for _, name := range delta.OtherAnnotators {
		if !slices.Contains(result.OtherAnnotators, name) {
			result.OtherAnnotators = append(result.OtherAnnotators, name)
		}
	}
}

// holdsDocuments reports, when asked, whether the database holds any document
// other than the sample (RequireMatch applies only then).
func holdsDocuments(ctx context.Context, tx *sql.Tx, asked bool) (bool, error) {
	if !asked {
		return false, nil
	}
	var held bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE sample = 0)`).Scan(&held)
	return held, err
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
	for _, nd := range rec.newDecls {
		if err := insertAttrDecl(im.ctx, im.tx, im.labels[nd.label], nd.decl); err != nil {
			return 0, err
		}
		im.decls[nd.label] = append(im.decls[nd.label], nd.decl)
		delta.AttrsDeclared = append(delta.AttrsDeclared, nd.label+"."+nd.decl.Name)
	}
	im.sources.now = now
	sourcesBefore := len(im.sources.created)
	defer func() { delta.SourcesAdded = append(delta.SourcesAdded, im.sources.created[sourcesBefore:]...) }()
	var spanIDs []int64 // by record index, for links; 0 where unknown
	if len(rec.links) > 0 {
		spanIDs = make([]int64, len(rec.spans))
	}
	for i, span := range rec.spans {
		if im.opts.OnlyAnnotator && span.Annotator != im.opts.Annotator {
			delta.SpansOtherAnnotators++
			if !slices.Contains(delta.OtherAnnotators, span.Annotator) {
				delta.OtherAnnotators = append(delta.OtherAnnotators, span.Annotator)
			}
			continue
		}
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
			if spanIDs != nil {
				if err := im.tx.QueryRowContext(im.ctx, `SELECT id FROM spans WHERE document_id = ? AND start_offset = ?
					AND end_offset = ? AND label_id = ? AND annotator = ?`, doc.id, span.Start, span.End, im.labels[span.Label], span.Annotator).Scan(&spanIDs[i]); err != nil {
					return 0, err
				}
			}
			continue
		}
		if span.ID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		if spanIDs != nil {
			spanIDs[i] = span.ID
		}
		if len(span.Attrs) > 0 {
			if err := writeSpanAttrs(im.ctx, im.tx, span.ID, span.Attrs, im.sources); err != nil {
				return 0, fmt.Errorf("%s: %w", rec.where0(i), err)
			}
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
	for _, l := range rec.links {
		if spanIDs[l.Head] == 0 || spanIDs[l.Child] == 0 {
			continue // an end was left out (another annotator's span)
		}
		if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO span_links (head_id, child_id, label, annotator, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (head_id, child_id, label) DO NOTHING`,
			spanIDs[l.Head], spanIDs[l.Child], l.Label, rec.spans[l.Head].Annotator, im.stamp(now)); err != nil {
			return 0, err
		}
	}
	if delta.Spans > 0 {
		if _, err := im.markInProgress.ExecContext(im.ctx, doc.id); err != nil {
			return 0, err
		}
	}
	return doc.id, nil
}

// where0 names span i as the file does.
func (rec checkedRecord) where0(i int) string { return rec.naming.Where(i) }

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
	res, err := im.insertDoc.ExecContext(im.ctx, append([]any{doc.Title, doc.Source, doc.Text, rec.length, doc.Hash,
		string(doc.Status), doc.Sample, rec.meta, im.stamp(importedAt)}, metadataValues(doc)...)...)
	if err != nil {
		return storedDocument{}, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return storedDocument{}, err
	} else if n == 1 {
		id, err := res.LastInsertId()
		if err == nil {
			err = insertOriginal(im.ctx, im.tx, id, rec.original)
		}
		return storedDocument{id: id, added: true}, err
	}
	var id int64
	var status string
	if err := im.findDoc.QueryRowContext(im.ctx, doc.Hash).Scan(&id, &status); err != nil {
		return storedDocument{}, fmt.Errorf("find document with the same text: %w", err)
	}
	return storedDocument{id: id}, nil
}
