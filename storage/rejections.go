package storage

import (
	"context"
	"database/sql"

	"github.com/newsmark/newsmark/annotate"
)

// RejectCandidate remembers that the curated layer curator turned down the
// candidate span (label, start–end) of a document; rejecting it again changes
// nothing. by is who decided.
func (db *DB) RejectCandidate(ctx context.Context, docID int64, label string, start, end int, curator, by string) error {
	if start < 0 || start >= end {
		return annotate.Errorf(annotate.EINVALID, "cannot reject %s %d-%d: the range is empty or reversed", label, start, end)
	}
	return db.withTx(ctx, "reject "+label+" in curation", func(tx *sql.Tx) error {
		length, err := documentLength(ctx, tx, docID)
		if err != nil {
			return err
		}
		if end > length {
			return annotate.Errorf(annotate.EINVALID, "cannot reject %s %d-%d: outside the document (length %d)", label, start, end, length)
		}
		id, err := labelID(ctx, tx, annotate.NormalizeLabelName(label))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO curation_rejections
			(document_id, start_offset, end_offset, label_id, curator, rejected_by, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, docID, start, end, id, curator, by, formatTime(db.now()))
		return err
	})
}

// UnrejectCandidate takes a curation rejection back (undo, or an accept after
// all); a rejection that is not stored is no error.
func (db *DB) UnrejectCandidate(ctx context.Context, docID int64, label string, start, end int, curator string) error {
	return db.withTx(ctx, "take back the rejection of "+label, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM curation_rejections
			WHERE document_id = ? AND curator = ? AND start_offset = ? AND end_offset = ?
			AND label_id = (SELECT id FROM labels WHERE name = ?)`,
			docID, curator, start, end, annotate.NormalizeLabelName(label))
		return err
	})
}

// RejectedCandidates lists what the curated layer curator turned down in a
// document (DocID, Start, End and Label set), in text order.
func (db *DB) RejectedCandidates(ctx context.Context, docID int64, curator string) ([]annotate.Span, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT r.start_offset, r.end_offset, l.name
		FROM curation_rejections r JOIN labels l ON l.id = r.label_id
		WHERE r.document_id = ? AND r.curator = ?
		ORDER BY r.start_offset, r.end_offset DESC, l.name`, docID, curator)
	if err != nil {
		return nil, db.fail("read curation rejections", err)
	}
	defer rows.Close()
	var out []annotate.Span
	for rows.Next() {
		s := annotate.Span{DocID: docID}
		if err := rows.Scan(&s.Start, &s.End, &s.Label); err != nil {
			return nil, db.fail("read curation rejections", err)
		}
		out = append(out, s)
	}
	return out, db.fail("read curation rejections", rows.Err())
}
