package storage

import (
	"context"
	"database/sql"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// OverviewFacts reads the counts the overview charts are drawn from, in one read
// transaction so they agree with each other. Everything is aggregated by SQLite:
// the result has a row per label, annotator, status and day, not per span.
func (db *DB) OverviewFacts(ctx context.Context) (annotate.OverviewFacts, error) {
	facts := annotate.OverviewFacts{
		Documents: map[annotate.Status]int{
			annotate.StatusNew: 0, annotate.StatusInProgress: 0, annotate.StatusDone: 0,
		},
		DocumentDates: map[int64]time.Time{},
	}
	tx, err := db.readTx(ctx)
	if err != nil {
		return facts, db.fail("read the overview", err)
	}
	defer tx.Rollback()
	steps := []struct {
		what string
		read func(*sql.Tx) error
	}{
		{"count documents", func(tx *sql.Tx) error { return readDocumentsByStatus(ctx, tx, facts.Documents) }},
		{"count documents per annotator", func(tx *sql.Tx) error {
			facts.AnnotatorDocuments, err = readAnnotatorDocuments(ctx, tx)
			return err
		}},
		{"count spans per day", func(tx *sql.Tx) error {
			facts.Spans, err = readSpanCounts(ctx, tx)
			return err
		}},
		{"read document dates", func(tx *sql.Tx) error { return readDocumentDates(ctx, tx, facts.DocumentDates) }},
	}
	for _, step := range steps {
		if err := step.read(tx); err != nil {
			return facts, db.fail(step.what, err)
		}
	}
	return facts, nil
}

func readDocumentsByStatus(ctx context.Context, tx *sql.Tx, counts map[annotate.Status]int) error {
	rows, err := tx.QueryContext(ctx, `SELECT status, count(*) FROM documents GROUP BY status`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var status annotate.Status
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return err
		}
		counts[status] = n
	}
	return rows.Err()
}

func readAnnotatorDocuments(ctx context.Context, tx *sql.Tx) ([]annotate.AnnotatorDocumentCount, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT s.annotator, d.status, count(DISTINCT s.document_id)
		FROM spans s JOIN documents d ON d.id = s.document_id
		GROUP BY s.annotator, d.status
		ORDER BY s.annotator, d.status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var counts []annotate.AnnotatorDocumentCount
	for rows.Next() {
		var c annotate.AnnotatorDocumentCount
		if err := rows.Scan(&c.Annotator, &c.Status, &c.Documents); err != nil {
			return nil, err
		}
		counts = append(counts, c)
	}
	return counts, rows.Err()
}

func readSpanCounts(ctx context.Context, tx *sql.Tx) ([]annotate.SpanCount, error) {
	// created_at is fixed-width UTC text, so its first ten characters are the day.
	rows, err := tx.QueryContext(ctx, `
		SELECT l.name, s.annotator, d.status, substr(s.created_at, 1, 10) AS day, count(*)
		FROM spans s
		JOIN documents d ON d.id = s.document_id
		JOIN labels l ON l.id = s.label_id
		GROUP BY l.name, s.annotator, d.status, day
		ORDER BY day, l.name, s.annotator, d.status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var counts []annotate.SpanCount
	for rows.Next() {
		var c annotate.SpanCount
		var day string
		if err := rows.Scan(&c.Label, &c.Annotator, &c.Status, &day, &c.Spans); err != nil {
			return nil, err
		}
		if c.Day, err = time.Parse(time.DateOnly, day); err != nil {
			return nil, err
		}
		counts = append(counts, c)
	}
	return counts, rows.Err()
}

// readDocumentDates gives each document the date it reports: a published date in
// its metadata (meta.published or meta.date, ISO 8601) when there is one, else the
// day it was imported.
func readDocumentDates(ctx context.Context, tx *sql.Tx, dates map[int64]time.Time) error {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, imported_at,
		       coalesce(json_extract(meta, '$.published'), json_extract(meta, '$.date'), '')
		FROM documents WHERE meta IS NULL OR json_valid(meta)`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var importedAt string
		var published any
		if err := rows.Scan(&id, &importedAt, &published); err != nil {
			return err
		}
		if day, ok := annotate.ParseDocumentDate(published); ok {
			dates[id] = day
			continue
		}
		imported, err := parseTime(importedAt)
		if err != nil {
			return err
		}
		dates[id] = imported.Truncate(24 * time.Hour)
	}
	return rows.Err()
}
