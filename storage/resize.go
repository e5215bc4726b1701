package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/newsmark/newsmark/annotate"
)

// ResizeSpan moves a span's start and end, keeping its ID, label, annotator and
// note; its text is read afresh from the document. The history row is a
// "restore" carrying the span before and after: the schema's CHECK on
// span_history.action allows no "resize" yet, and changing it needs a migration.
func (db *DB) ResizeSpan(ctx context.Context, id int64, start, end int, annotator string) (annotate.Span, error) {
	var result annotate.Span
	err := db.withTx(ctx, "resize span", func(tx *sql.Tx) error {
		before, err := getSpan(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Start == start && before.End == end {
			result = before
			return nil
		}
		after := before
		after.Start, after.End = start, end
		var length int
		var covered string
		err = tx.QueryRowContext(ctx, `SELECT length, substr(text, ?, ?) FROM documents WHERE id = ?`,
			start+1, max(end-start, 0), before.DocID).Scan(&length, &covered)
		if errors.Is(err, sql.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "document %d not found", before.DocID)
		} else if err != nil {
			return err
		}
		if err := after.Validate(length); err != nil {
			return err
		}
		labelID, err := labelID(ctx, tx, after.Label)
		if err != nil {
			return err
		}
		if err := checkDuplicateSpan(ctx, tx, after, labelID, id); err != nil {
			return err
		}
		now := db.now()
		after.Text, after.UpdatedAt = covered, truncateTime(now)
		if _, err := tx.ExecContext(ctx, `UPDATE spans SET start_offset = ?, end_offset = ?, text = ?, updated_at = ? WHERE id = ?`,
			after.Start, after.End, after.Text, formatTime(after.UpdatedAt), id); err != nil {
			return err
		}
		result = after
		return appendHistory(ctx, tx, annotate.ActionRestore, &before, &after, annotator, now)
	})
	if err != nil {
		return annotate.Span{}, err
	}
	return result, nil
}
