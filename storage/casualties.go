package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/newsmark/newsmark/annotate"
)

// Casualties lists every CASUALTY span with its figure, by document and text
// order, from one snapshot: one pass over the spans and one over their
// attributes. A database without a CASUALTY label has none.
func (db *DB) Casualties(ctx context.Context) ([]annotate.Casualty, error) {
	rows, err := func() ([]annotate.Casualty, error) {
		tx, err := db.readTx(ctx)
		if err != nil {
			return nil, err
		}
		defer tx.Rollback()
		var labelID int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM labels WHERE name = ?`, annotate.LabelCasualty).Scan(&labelID)
		if errors.Is(err, sql.ErrNoRows) {
			return []annotate.Casualty{}, nil
		} else if err != nil {
			return nil, err
		}
		attrs, err := queryAttrs(ctx, tx, `JOIN spans s ON s.id = a.span_id WHERE s.label_id = ?`, labelID)
		if err != nil {
			return nil, err
		}
		spanRows, err := tx.QueryContext(ctx, `SELECT s.id, s.document_id, s.start_offset, s.end_offset, s.text, d.title, s.annotator, d.status
			FROM spans s JOIN documents d ON d.id = s.document_id WHERE s.label_id = ?
			ORDER BY s.document_id, s.start_offset, s.end_offset DESC, s.id`, labelID)
		if err != nil {
			return nil, err
		}
		defer spanRows.Close()
		out := []annotate.Casualty{}
		for spanRows.Next() {
			var s annotate.Span
			var title string
			var status annotate.Status
			if err := spanRows.Scan(&s.ID, &s.DocID, &s.Start, &s.End, &s.Text, &title, &s.Annotator, &status); err != nil {
				return nil, err
			}
			s.Attrs = attrs[s.ID]
			c := annotate.CasualtyFromSpan(title, s)
			c.Annotator, c.Status = s.Annotator, status
			out = append(out, c)
		}
		return out, spanRows.Err()
	}()
	if err != nil {
		return nil, db.fail("list casualties", err)
	}
	return rows, nil
}
