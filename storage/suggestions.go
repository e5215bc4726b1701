package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// ReplacePendingSuggestions replaces a document's pending suggestions in one
// transaction. Suggestions rejected before, and those an annotation of the same
// label and range already holds, are left out; a bad one aborts the whole call.
func (db *DB) ReplacePendingSuggestions(ctx context.Context, docID int64, suggestions []annotate.StoredSuggestion) (int, error) {
	stored := 0
	err := db.withTx(ctx, "store suggestions", func(tx *sql.Tx) error {
		length, err := documentLength(ctx, tx, docID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM pending_suggestions WHERE document_id = ?`, docID); err != nil {
			return err
		}
		skip, err := suggestionKeysToSkip(ctx, tx, docID)
		if err != nil {
			return err
		}
		insert, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO pending_suggestions
			(document_id, start_offset, end_offset, label, text, rule, confidence, source,
			 mention_start, mention_end, mention_rule, attrs, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		now := formatTime(db.now())
		for _, s := range suggestions {
			if err := s.Validate(length); err != nil {
				return fmt.Errorf("document %d: %w", docID, err)
			}
			if skip[suggestionKey{s.Label, s.Start, s.End}] {
				continue
			}
			var mentionStart, mentionEnd any
			if s.MentionStart >= 0 {
				mentionStart, mentionEnd = s.MentionStart, s.MentionEnd
			}
			var attrs any
			if len(s.Attrs) > 0 {
				raw, err := json.Marshal(s.Attrs)
				if err != nil {
					return fmt.Errorf("document %d: suggestion %s %d-%d: attributes: %w", docID, s.Label, s.Start, s.End, err)
				}
				attrs = string(raw)
			}
			res, err := insert.ExecContext(ctx, docID, s.Start, s.End, s.Label, s.Text, s.Rule, s.Confidence, s.Source,
				mentionStart, mentionEnd, s.MentionRule, attrs, now)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				stored++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return stored, nil
}

type suggestionKey struct {
	label      string
	start, end int
}

// suggestionKeysToSkip are a document's rejected suggestions and its annotations.
func suggestionKeysToSkip(ctx context.Context, tx *sql.Tx, docID int64) (map[suggestionKey]bool, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT label, start_offset, end_offset FROM rejected_suggestions WHERE document_id = ?
		UNION ALL
		SELECT l.name, s.start_offset, s.end_offset FROM spans s JOIN labels l ON l.id = s.label_id WHERE s.document_id = ?`, docID, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	skip := map[suggestionKey]bool{}
	for rows.Next() {
		var k suggestionKey
		if err := rows.Scan(&k.label, &k.start, &k.end); err != nil {
			return nil, err
		}
		skip[k] = true
	}
	return skip, rows.Err()
}

// PendingSuggestions lists a document's pending suggestions in text order.
func (db *DB) PendingSuggestions(ctx context.Context, docID int64) ([]annotate.StoredSuggestion, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, document_id, start_offset, end_offset, label, text, rule,
		confidence, source, mention_start, mention_end, mention_rule, attrs
		FROM pending_suggestions WHERE document_id = ? ORDER BY start_offset, end_offset DESC, id`, docID)
	if err != nil {
		return nil, db.fail("read suggestions", err)
	}
	defer rows.Close()
	list := []annotate.StoredSuggestion{}
	for rows.Next() {
		var s annotate.StoredSuggestion
		var mentionStart, mentionEnd sql.NullInt64
		var attrs sql.NullString
		if err := rows.Scan(&s.ID, &s.DocID, &s.Start, &s.End, &s.Label, &s.Text, &s.Rule, &s.Confidence, &s.Source,
			&mentionStart, &mentionEnd, &s.MentionRule, &attrs); err != nil {
			return nil, db.fail("read suggestions", err)
		}
		s.MentionStart, s.MentionEnd = -1, -1
		if mentionStart.Valid && mentionEnd.Valid {
			s.MentionStart, s.MentionEnd = int(mentionStart.Int64), int(mentionEnd.Int64)
		}
		if attrs.Valid {
			var err error
			if s.Attrs, err = decodeMeta(attrs.String); err != nil {
				return nil, db.fail("read suggestions", fmt.Errorf("suggestion %d: attributes: %w", s.ID, err))
			}
			for k, v := range s.Attrs {
				if n, ok := v.(json.Number); ok {
					if i, err := n.Int64(); err == nil {
						s.Attrs[k] = i
					} else if f, err := n.Float64(); err == nil {
						s.Attrs[k] = f
					}
				}
			}
		}
		list = append(list, s)
	}
	return list, db.fail("read suggestions", rows.Err())
}

// RejectSuggestion remembers that a suggestion of this label and range was
// rejected in the document and drops it from the pending ones.
func (db *DB) RejectSuggestion(ctx context.Context, docID int64, label string, start, end int, annotator string) error {
	if label == "" || start < 0 || start >= end {
		return annotate.Errorf(annotate.EINVALID, "cannot reject suggestion %q %d-%d: no label or an empty range", label, start, end)
	}
	return db.withTx(ctx, "reject suggestion", func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, docID).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			return annotate.Errorf(annotate.ENOTFOUND, "document %d not found", docID)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO rejected_suggestions
			(document_id, start_offset, end_offset, label, annotator, rejected_at) VALUES (?, ?, ?, ?, ?, ?)`,
			docID, start, end, label, annotator, formatTime(db.now())); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM pending_suggestions WHERE document_id = ? AND label = ? AND start_offset = ? AND end_offset = ?`,
			docID, label, start, end)
		return err
	})
}

// UnrejectSuggestion takes a rejection back (undo); the suggestion is proposed
// again from then on.
func (db *DB) UnrejectSuggestion(ctx context.Context, docID int64, label string, start, end int) error {
	return db.withTx(ctx, "undo rejection", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM rejected_suggestions WHERE document_id = ? AND label = ? AND start_offset = ? AND end_offset = ?`,
			docID, label, start, end)
		return err
	})
}

// RejectedSuggestions lists a document's rejected suggestions (label and range).
func (db *DB) RejectedSuggestions(ctx context.Context, docID int64) ([]annotate.StoredSuggestion, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT label, start_offset, end_offset FROM rejected_suggestions
		WHERE document_id = ? ORDER BY start_offset, end_offset DESC, label`, docID)
	if err != nil {
		return nil, db.fail("read rejections", err)
	}
	defer rows.Close()
	list := []annotate.StoredSuggestion{}
	for rows.Next() {
		s := annotate.StoredSuggestion{DocID: docID, MentionStart: -1, MentionEnd: -1}
		if err := rows.Scan(&s.Label, &s.Start, &s.End); err != nil {
			return nil, db.fail("read rejections", err)
		}
		list = append(list, s)
	}
	return list, db.fail("read rejections", rows.Err())
}
