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
	// Attributes and links came with schema version 2; older rows have neither.
	Attrs map[string]attrJSON `json:"attrs,omitempty"`
	Links []linkJSON          `json:"links,omitempty"`
}

type attrJSON struct {
	Type   annotate.AttrType `json:"type"`
	Value  any               `json:"value"`
	Parsed bool              `json:"parsed,omitempty"`
}

type linkJSON struct {
	ID    int64  `json:"id"`
	Head  int64  `json:"head"`
	Child int64  `json:"child"`
	Label string `json:"label"`
}

func encodeHistorySpan(s *annotate.Span) (any, error) {
	if s == nil {
		return nil, nil
	}
	j := spanJSON{ID: s.ID, DocID: s.DocID, Start: s.Start, End: s.End, Label: s.Label, Text: s.Text,
		Annotator: s.Annotator, Note: s.Note, CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()}
	for name, v := range s.Attrs {
		if j.Attrs == nil {
			j.Attrs = map[string]attrJSON{}
		}
		j.Attrs[name] = attrJSON{Type: v.Type, Value: v.JSON(), Parsed: v.Parsed}
	}
	for _, l := range s.Links {
		j.Links = append(j.Links, linkJSON{ID: l.ID, Head: l.Head, Child: l.Child, Label: l.Label})
	}
	data, err := json.Marshal(j)
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
	span := &annotate.Span{ID: j.ID, DocID: j.DocID, Start: j.Start, End: j.End, Label: j.Label, Text: j.Text,
		Annotator: j.Annotator, Note: j.Note, CreatedAt: j.CreatedAt, UpdatedAt: j.UpdatedAt}
	for name, a := range j.Attrs {
		v, err := annotate.ValueFromJSON(name, a.Value)
		if err != nil {
			return nil, err
		}
		if a.Type == annotate.AttrChoice || a.Type == annotate.AttrSource {
			v.Type = a.Type
		}
		v.Parsed = a.Parsed
		if span.Attrs == nil {
			span.Attrs = annotate.Attrs{}
		}
		span.Attrs[name] = v
	}
	for _, l := range j.Links {
		span.Links = append(span.Links, annotate.Link{ID: l.ID, DocID: j.DocID, Head: l.Head, Child: l.Child, Label: l.Label})
	}
	return span, nil
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
