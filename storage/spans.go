package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// queryer is what *sql.DB and *sql.Tx share for reading.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const spanSelect = `SELECT s.id, s.document_id, s.start_offset, s.end_offset, l.name, s.text,
	s.annotator, s.note, s.created_at, s.updated_at
	FROM spans s JOIN labels l ON l.id = s.label_id `

// spanOrder is text order (annotate.CompareTextOrder) in SQL: by start, a container
// before the spans nested in it, then by id.
const spanOrder = ` ORDER BY s.start_offset, s.end_offset DESC, s.id`

func scanSpan(row interface{ Scan(...any) error }, extra ...any) (annotate.Span, error) {
	var s annotate.Span
	var createdAt, updatedAt string
	dest := append([]any{&s.ID, &s.DocID, &s.Start, &s.End, &s.Label, &s.Text, &s.Annotator, &s.Note, &createdAt, &updatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return s, err
	}
	var err error
	if s.CreatedAt, err = parseTime(createdAt); err != nil {
		return s, fmt.Errorf("span %d: %w", s.ID, err)
	}
	if s.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return s, fmt.Errorf("span %d: %w", s.ID, err)
	}
	return s, nil
}

// querySpans runs spanSelect with the given WHERE/ORDER clause.
func querySpans(ctx context.Context, q queryer, clause string, args ...any) ([]annotate.Span, error) {
	rows, err := q.QueryContext(ctx, spanSelect+clause, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	spans := []annotate.Span{}
	for rows.Next() {
		s, err := scanSpan(rows)
		if err != nil {
			return nil, err
		}
		spans = append(spans, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return spans, attachAttrs(ctx, q, spans)
}

func getSpan(ctx context.Context, q queryer, id int64) (annotate.Span, error) {
	s, err := scanSpan(q.QueryRowContext(ctx, spanSelect+`WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, annotate.Errorf(annotate.ENOTFOUND, "span %d not found", id)
	} else if err != nil {
		return s, err
	}
	one := []annotate.Span{s}
	err = attachAttrs(ctx, q, one)
	return one[0], err
}

// Spans lists a document's spans in text order: by start, and a container before
// the spans nested inside it.
func (db *DB) Spans(ctx context.Context, docID int64) ([]annotate.Span, error) {
	spans, err := querySpans(ctx, db.read, `WHERE s.document_id = ?`+spanOrder, docID)
	if err != nil {
		return nil, db.fail("list spans", err)
	}
	return spans, nil
}

// Span returns one span.
func (db *DB) Span(ctx context.Context, id int64) (annotate.Span, error) {
	s, err := getSpan(ctx, db.read, id)
	return s, db.fail("read span", err)
}

// CreateSpan stores a new annotation and commits at once. The span's text is taken
// from the document; a document still marked new becomes in progress. Its Attrs
// (a parsed casualty figure, say) are checked against the label and stored with
// it, in the same edit; Links are ignored (LinkSpans makes links).
func (db *DB) CreateSpan(ctx context.Context, span annotate.Span) (annotate.Span, error) {
	span.ID = 0
	span.Label = annotate.NormalizeLabelName(span.Label)
	span.Links = nil
	err := db.withTx(ctx, "create span", func(tx *sql.Tx) error {
		now := db.now()
		span.CreatedAt, span.UpdatedAt = now, now
		stored, err := addSpan(ctx, tx, span, true)
		if err != nil {
			return err
		}
		span = stored
		return appendHistory(ctx, tx, annotate.ActionCreate, nil, &span, span.Annotator, now)
	})
	if err != nil {
		return annotate.Span{}, err
	}
	return span, nil
}

// RestoreSpan puts back a deleted span under its old id (undo of a delete, redo of
// a create). Its annotator, note, times and attributes are kept, and its links to
// spans that exist are put back; annotator is who restored it.
func (db *DB) RestoreSpan(ctx context.Context, span annotate.Span, annotator string) (annotate.Span, error) {
	if span.ID <= 0 {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "cannot restore a span without an id")
	}
	span.Label = annotate.NormalizeLabelName(span.Label)
	err := db.withTx(ctx, "restore span", func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM spans WHERE id = ?`, span.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return annotate.Errorf(annotate.ECONFLICT, "span %d already exists", span.ID)
		}
		now := db.now()
		if span.CreatedAt.IsZero() {
			span.CreatedAt = now
		}
		if span.UpdatedAt.IsZero() {
			span.UpdatedAt = span.CreatedAt
		}
		// Its attributes come back as they were, checked when they were set: a
		// relabelled span may hold some its label does not declare.
		stored, err := addSpan(ctx, tx, span, false)
		if err != nil {
			return err
		}
		if err := restoreLinks(ctx, tx, span, formatTime(now)); err != nil {
			return err
		}
		if span, err = getSpan(ctx, tx, stored.ID); err != nil {
			return err
		}
		return appendHistory(ctx, tx, annotate.ActionRestore, nil, &span, annotator, now)
	})
	if err != nil {
		return annotate.Span{}, err
	}
	return span, nil
}

// addSpan validates span against its document and label and inserts it (under
// span.ID if set), with its attributes (checked against the label if
// checkAttrs). It fills in Text and moves a new document to in progress.
func addSpan(ctx context.Context, tx *sql.Tx, span annotate.Span, checkAttrs bool) (annotate.Span, error) {
	// The length column is in code points, and SQLite's substr() counts
	// characters (code points) in TEXT, so the covered text comes back without
	// copying a long document into Go. Documents never hold NUL
	// (annotate.Document.Validate), which would end SQLite's count early.
	var covered string
	var length int
	var status annotate.Status
	err := tx.QueryRowContext(ctx, `SELECT length, substr(text, ?, ?), status FROM documents WHERE id = ?`,
		span.Start+1, span.End-span.Start, span.DocID).Scan(&length, &covered, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return span, annotate.Errorf(annotate.ENOTFOUND, "document %d not found", span.DocID)
	} else if err != nil {
		return span, err
	}
	if err := span.Validate(length); err != nil {
		return span, err
	}
	labelID, err := labelID(ctx, tx, span.Label)
	if err != nil {
		return span, err
	}
	if checkAttrs {
		attrs, err := checkSpanAttrs(ctx, tx, span.Label, span.Attrs)
		if err != nil {
			return span, err
		}
		span.Attrs = attrs
	}
	span.Text = covered
	span.CreatedAt, span.UpdatedAt = truncateTime(span.CreatedAt), truncateTime(span.UpdatedAt)
	if err := checkDuplicateSpan(ctx, tx, span, labelID, 0); err != nil {
		return span, err
	}
	var id any
	if span.ID > 0 {
		id = span.ID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO spans
		(id, document_id, start_offset, end_offset, label_id, text, annotator, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, span.DocID, span.Start, span.End, labelID, span.Text, span.Annotator, span.Note,
		formatTime(span.CreatedAt), formatTime(span.UpdatedAt))
	if err != nil {
		return span, err
	}
	if span.ID, err = res.LastInsertId(); err != nil {
		return span, err
	}
	if len(span.Attrs) > 0 {
		if err := writeSpanAttrs(ctx, tx, span.ID, span.Attrs, &sourceResolver{create: true}); err != nil {
			return span, err
		}
		if span.Attrs, err = readSpanAttrs(ctx, tx, span.ID); err != nil {
			return span, err
		}
	}
	if status == annotate.StatusNew {
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = ? WHERE id = ?`, string(annotate.StatusInProgress), span.DocID); err != nil {
			return span, err
		}
	}
	return span, nil
}

func labelID(ctx context.Context, q queryer, name string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM labels WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "unknown label %q", annotate.Clip(name))
	}
	return id, err
}

// checkDuplicateSpan refuses a second span with the same range, label and
// annotator, other than the span exceptID itself.
func checkDuplicateSpan(ctx context.Context, tx *sql.Tx, span annotate.Span, labelID, exceptID int64) error {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM spans
		WHERE document_id = ? AND start_offset = ? AND end_offset = ? AND label_id = ? AND annotator = ? AND id <> ?`,
		span.DocID, span.Start, span.End, labelID, span.Annotator, exceptID).Scan(&other)
	if err == nil {
		who := span.Annotator
		if who == "" {
			who = "no annotator"
		}
		return annotate.Errorf(annotate.ECONFLICT, "%d-%d is already annotated as %s (span %d, %s)", span.Start, span.End, span.Label, other, who)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// DeleteSpan removes a span, its attributes and its links, and commits at once.
// The history row holds all three, so RestoreSpan brings them back.
func (db *DB) DeleteSpan(ctx context.Context, id int64, annotator string) error {
	return db.withTx(ctx, "delete span", func(tx *sql.Tx) error {
		span, err := getSpan(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM spans WHERE id = ?`, id); err != nil {
			return err
		}
		return appendHistory(ctx, tx, annotate.ActionDelete, &span, nil, annotator, db.now())
	})
}

// RelabelSpan gives a span another label and commits at once. The span keeps its
// annotator; annotator is who made the change.
func (db *DB) RelabelSpan(ctx context.Context, id int64, label, annotator string) (annotate.Span, error) {
	label = annotate.NormalizeLabelName(label)
	return db.changeSpan(ctx, "relabel span", id, annotator, annotate.ActionRelabel, func(tx *sql.Tx, span *annotate.Span) (bool, error) {
		if span.Label == label {
			return false, nil
		}
		newLabelID, err := labelID(ctx, tx, label)
		if err != nil {
			return false, err
		}
		span.Label = label
		if err := checkDuplicateSpan(ctx, tx, *span, newLabelID, span.ID); err != nil {
			return false, err
		}
		_, err = tx.ExecContext(ctx, `UPDATE spans SET label_id = ?, updated_at = ? WHERE id = ?`,
			newLabelID, formatTime(span.UpdatedAt), span.ID)
		return true, err
	})
}

// SetSpanNote replaces a span's note and commits at once.
func (db *DB) SetSpanNote(ctx context.Context, id int64, note, annotator string) (annotate.Span, error) {
	return db.changeSpan(ctx, "set span note", id, annotator, annotate.ActionNote, func(tx *sql.Tx, span *annotate.Span) (bool, error) {
		if span.Note == note {
			return false, nil
		}
		span.Note = note
		_, err := tx.ExecContext(ctx, `UPDATE spans SET note = ?, updated_at = ? WHERE id = ?`,
			note, formatTime(span.UpdatedAt), span.ID)
		return true, err
	})
}

// changeSpan loads a span, lets change edit it (reporting whether anything
// changed) and records the change in the history.
func (db *DB) changeSpan(ctx context.Context, op string, id int64, annotator string, action annotate.Action,
	change func(tx *sql.Tx, span *annotate.Span) (bool, error)) (annotate.Span, error) {
	var result annotate.Span
	err := db.withTx(ctx, op, func(tx *sql.Tx) error {
		before, err := getSpan(ctx, tx, id)
		if err != nil {
			return err
		}
		after := before
		now := db.now()
		after.UpdatedAt = now
		changed, err := change(tx, &after)
		if err != nil {
			return err
		}
		if !changed {
			result = before
			return nil
		}
		result = after
		return appendHistory(ctx, tx, action, &before, &after, annotator, now)
	})
	if err != nil {
		return annotate.Span{}, err
	}
	return result, nil
}

// truncateTime is what a time looks like after a round trip through the database.
func truncateTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
