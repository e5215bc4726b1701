package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// Documents lists document summaries in import order.
func (db *DB) Documents(ctx context.Context, filter annotate.DocumentFilter) ([]annotate.DocumentSummary, error) {
	if filter.Status != "" && !filter.Status.Valid() {
		return nil, annotate.Errorf(annotate.EINVALID, "unknown status %q", filter.Status)
	}
	rows, err := db.read.QueryContext(ctx, `
		SELECT d.id, d.title, d.source, d.status, d.sample, d.length,
		       (SELECT count(*) FROM spans s WHERE s.document_id = d.id),
		       d.outlet, d.authors, d.published, d.url, d.language
		FROM documents d
		WHERE ? = '' OR d.status = ?
		ORDER BY d.id`, string(filter.Status), string(filter.Status))
	if err != nil {
		return nil, db.fail("list documents", err)
	}
	defer rows.Close()
	docs := []annotate.DocumentSummary{}
	for rows.Next() {
		var d annotate.DocumentSummary
		var authors string
		if err := rows.Scan(&d.ID, &d.Title, &d.Source, &d.Status, &d.Sample, &d.Length, &d.SpanCount,
			&d.Outlet, &authors, &d.Published, &d.URL, &d.Language); err != nil {
			return nil, db.fail("list documents", err)
		}
		d.Authors = splitAuthors(authors)
		docs = append(docs, d)
	}
	return docs, db.fail("list documents", rows.Err())
}

const documentColumns = `id, title, source, text, hash, status, sample, meta, imported_at, ` + metadataColumns

// scanDocument reads a row selected with documentColumns.
func scanDocument(row interface{ Scan(...any) error }) (annotate.Document, error) {
	var d annotate.Document
	var meta sql.NullString
	var importedAt string
	metaDest, metaDone := metadataDest(&d)
	if err := row.Scan(append([]any{&d.ID, &d.Title, &d.Source, &d.Text, &d.Hash, &d.Status, &d.Sample, &meta, &importedAt}, metaDest...)...); err != nil {
		return d, err
	}
	metaDone()
	var err error
	if d.ImportedAt, err = parseTime(importedAt); err != nil {
		return d, fmt.Errorf("document %d: %w", d.ID, err)
	}
	if meta.Valid && meta.String != "" {
		if d.Meta, err = decodeMeta(meta.String); err != nil {
			return d, fmt.Errorf("document %d: meta: %w", d.ID, err)
		}
	}
	return d, nil
}

// Document returns one document with its text.
func (db *DB) Document(ctx context.Context, id int64) (annotate.Document, error) {
	d, err := scanDocument(db.read.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, annotate.Errorf(annotate.ENOTFOUND, "document %d not found", id)
	}
	if err != nil {
		return d, db.fail("read document", err)
	}
	return d, nil
}

// Surroundings returns up to width code points of a document's text before
// start and after end: a span shown in its context. SQLite's substr counts the
// characters of a TEXT value, so the offsets are code points, as everywhere, and
// only those few bytes leave the database rather than the whole article.
func (db *DB) Surroundings(ctx context.Context, docID int64, start, end, width int) (before, after string, err error) {
	if start < 0 || end < start || width < 0 {
		return "", "", annotate.Errorf(annotate.EINVALID, "surroundings of %d-%d (width %d): offsets out of order", start, end, width)
	}
	from := max(0, start-width) // 0-based
	err = db.read.QueryRowContext(ctx,
		`SELECT substr(text, ?, ?), substr(text, ?, ?) FROM documents WHERE id = ?`,
		from+1, start-from, end+1, width, docID).Scan(&before, &after)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", annotate.Errorf(annotate.ENOTFOUND, "document %d not found", docID)
	}
	if err != nil {
		return "", "", db.fail("read surroundings", err)
	}
	return before, after, nil
}

// SetDocumentStatus marks a document new, in progress or done.
func (db *DB) SetDocumentStatus(ctx context.Context, id int64, status annotate.Status) error {
	if !status.Valid() {
		return annotate.Errorf(annotate.EINVALID, "unknown status %q (want new, in_progress or done)", status)
	}
	return db.withTx(ctx, "set document status", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE documents SET status = ? WHERE id = ?`, string(status), id)
		if err != nil {
			return err
		}
		return requireOneRow(res, "document %d not found", id)
	})
}

// DeleteDocument removes a document and, through the foreign key, its spans. The
// history stays: it is an audit trail.
func (db *DB) DeleteDocument(ctx context.Context, id int64) error {
	return db.withTx(ctx, "delete document", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return requireOneRow(res, "document %d not found", id)
	})
}

// encodeMeta stores metadata as a JSON object; no metadata is NULL.
func encodeMeta(meta map[string]any) (any, error) {
	if len(meta) == 0 {
		return nil, nil
	}
	data, err := json.Marshal(meta)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "metadata cannot be stored as JSON: %v", err)
	}
	return string(data), nil
}

// decodeMeta keeps numbers as json.Number so that 12345678901234567890 or 0.1
// leave exactly as they came in.
func decodeMeta(text string) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.UseNumber()
	var meta map[string]any
	if err := dec.Decode(&meta); err != nil {
		return nil, err
	}
	return meta, nil
}

// documentLength is a document's length in code points.
func documentLength(ctx context.Context, q queryer, id int64) (int, error) {
	var length int
	err := q.QueryRowContext(ctx, `SELECT length FROM documents WHERE id = ?`, id).Scan(&length)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "document %d not found", id)
	}
	return length, err
}
