package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// spanJSON is how a span is written into the history. Field names are part of the
// file format: older databases hold them, so rename none.
type spanJSON struct {
	ID        int64     `json:"id"`
	DocID     int64     `json:"doc_id"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Label     string    `json:"label"`
	Text      string    `json:"text"`
	Annotator string    `json:"annotator,omitempty"`
	Note      string    `json:"note,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func encodeHistorySpan(s *annotate.Span) (any, error) {
	if s == nil {
		return nil, nil
	}
	data, err := json.Marshal(spanJSON{s.ID, s.DocID, s.Start, s.End, s.Label, s.Text, s.Annotator, s.Note, s.CreatedAt.UTC(), s.UpdatedAt.UTC()})
	if err != nil {
		return nil, err
	}
	return string(data), nil
}

func decodeHistorySpan(text sql.NullString) (*annotate.Span, error) {
	if !text.Valid {
		return nil, nil
	}
	var j spanJSON
	if err := json.Unmarshal([]byte(text.String), &j); err != nil {
		return nil, err
	}
	return &annotate.Span{ID: j.ID, DocID: j.DocID, Start: j.Start, End: j.End, Label: j.Label, Text: j.Text,
		Annotator: j.Annotator, Note: j.Note, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt}, nil
}

// appendHistory records one change; before is nil for a create or restore, after
// is nil for a delete.
func appendHistory(ctx context.Context, tx *sql.Tx, action annotate.Action, before, after *annotate.Span, annotator string, at time.Time) error {
	subject := after
	if subject == nil {
		subject = before
	}
	beforeJSON, err := encodeHistorySpan(before)
	if err != nil {
		return err
	}
	afterJSON, err := encodeHistorySpan(after)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO span_history (span_id, document_id, action, before, after, annotator, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, subject.ID, subject.DocID, string(action), beforeJSON, afterJSON, annotator, formatTime(at))
	return err
}

// History lists a document's annotation changes, oldest first.
func (db *DB) History(ctx context.Context, docID int64) ([]annotate.Change, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, span_id, document_id, action, before, after, annotator, at
		FROM span_history WHERE document_id = ? ORDER BY id`, docID)
	if err != nil {
		return nil, db.fail("read history", err)
	}
	defer rows.Close()
	changes := []annotate.Change{}
	for rows.Next() {
		var c annotate.Change
		var before, after sql.NullString
		var at string
		if err := rows.Scan(&c.ID, &c.SpanID, &c.DocID, &c.Action, &before, &after, &c.Annotator, &at); err != nil {
			return nil, db.fail("read history", err)
		}
		if c.Before, err = decodeHistorySpan(before); err != nil {
			return nil, db.fail("read history", fmt.Errorf("entry %d: %w", c.ID, err))
		}
		if c.After, err = decodeHistorySpan(after); err != nil {
			return nil, db.fail("read history", fmt.Errorf("entry %d: %w", c.ID, err))
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, db.fail("read history", fmt.Errorf("entry %d: %w", c.ID, err))
		}
		changes = append(changes, c)
	}
	return changes, db.fail("read history", rows.Err())
}
