package storage

import (
	"context"
	"database/sql"
	"errors"

	"github.com/newsmark/newsmark/annotate"
)

// docLinks lists a document's links in id order.
func docLinks(ctx context.Context, q queryer, docID int64) ([]annotate.Link, error) {
	return queryLinks(ctx, q, `WHERE h.document_id = ? ORDER BY l.id`, docID)
}

// queryLinks lists the links the clause picks (it sees span_links as l and the
// head span as h).
func queryLinks(ctx context.Context, q queryer, clause string, args ...any) ([]annotate.Link, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.id, h.document_id, l.head_id, l.child_id, l.label
		FROM span_links l JOIN spans h ON h.id = l.head_id `+clause, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	links := []annotate.Link{}
	for rows.Next() {
		var l annotate.Link
		if err := rows.Scan(&l.ID, &l.DocID, &l.Head, &l.Child, &l.Label); err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	return links, rows.Err()
}

// Links lists the links between a document's spans, in the order they were made.
func (db *DB) Links(ctx context.Context, docID int64) ([]annotate.Link, error) {
	links, err := docLinks(ctx, db.read, docID)
	return links, db.fail("list links", err)
}

// insertLink checks both ends (they exist, in one document) and stores the link,
// under link.ID if that is set and free. An identical link is a conflict.
func insertLink(ctx context.Context, tx *sql.Tx, link annotate.Link, annotator, at string) (annotate.Link, error) {
	if err := link.Validate(); err != nil {
		return link, err
	}
	head, err := getSpan(ctx, tx, link.Head)
	if err != nil {
		return link, annotate.Errorf(annotate.ENOTFOUND, "cannot link: span %d does not exist", link.Head)
	}
	child, err := getSpan(ctx, tx, link.Child)
	if err != nil {
		return link, annotate.Errorf(annotate.ENOTFOUND, "cannot link: span %d does not exist", link.Child)
	}
	if head.DocID != child.DocID {
		return link, annotate.Errorf(annotate.EINVALID, "cannot link span %d of document %d to span %d of document %d: links stay within a document",
			head.ID, head.DocID, child.ID, child.DocID)
	}
	link.DocID = head.DocID
	if exists, err := linkExists(ctx, tx, link.Head, link.Child, link.Label); err != nil {
		return link, err
	} else if exists {
		return link, annotate.Errorf(annotate.ECONFLICT, "%q is already linked to %q as %s", head.Text, child.Text, link.Label)
	}
	var id any
	if link.ID > 0 {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM span_links WHERE id = ?`, link.ID).Scan(&taken); err != nil {
			return link, err
		}
		if taken == 0 {
			id = link.ID
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO span_links (id, head_id, child_id, label, annotator, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, link.Head, link.Child, link.Label, annotator, at)
	if err != nil {
		return link, err
	}
	link.ID, err = res.LastInsertId()
	return link, err
}

// linkExists reports whether head is linked to child under label.
func linkExists(ctx context.Context, q queryer, head, child int64, label string) (bool, error) {
	var exists bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM span_links WHERE head_id = ? AND child_id = ? AND label = ?)`, head, child, label).Scan(&exists)
	return exists, err
}

// LinkSpans links two spans of one document (a statement as head, its SOURCE
// mention as child under SOURCE_OF) and records it in the head's history. A
// link.ID that is free is kept, so redo restores the same link.
func (db *DB) LinkSpans(ctx context.Context, link annotate.Link, annotator string) (annotate.Link, error) {
	err := db.withTx(ctx, "link spans", func(tx *sql.Tx) error {
		before, err := getSpan(ctx, tx, link.Head)
		if err != nil {
			return annotate.Errorf(annotate.ENOTFOUND, "cannot link: span %d does not exist", link.Head)
		}
		now := db.now()
		if link, err = insertLink(ctx, tx, link, annotator, formatTime(now)); err != nil {
			return err
		}
		after, err := getSpan(ctx, tx, link.Head)
		if err != nil {
			return err
		}
		return appendHistory(ctx, tx, annotate.ActionLink, &before, &after, annotator, now)
	})
	if err != nil {
		return annotate.Link{}, err
	}
	return link, nil
}

// UnlinkSpans removes a link and records it in the head's history.
func (db *DB) UnlinkSpans(ctx context.Context, linkID int64, annotator string) error {
	return db.withTx(ctx, "unlink spans", func(tx *sql.Tx) error {
		var head int64
		err := tx.QueryRowContext(ctx, `SELECT head_id FROM span_links WHERE id = ?`, linkID).Scan(&head)
		if errors.Is(err, sql.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "link %d not found", linkID)
		} else if err != nil {
			return err
		}
		before, err := getSpan(ctx, tx, head)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM span_links WHERE id = ?`, linkID); err != nil {
			return err
		}
		after, err := getSpan(ctx, tx, head)
		if err != nil {
			return err
		}
		return appendHistory(ctx, tx, annotate.ActionUnlink, &before, &after, annotator, db.now())
	})
}

// restoreLinks puts back the links a restored span had, those whose other end
// exists (the others come back with that span).
func restoreLinks(ctx context.Context, tx *sql.Tx, span annotate.Span, at string) error {
	for _, l := range span.Links {
		other := l.Other(span.ID)
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM spans WHERE id = ? AND document_id = ?`, other, span.DocID).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			continue
		}
		if dup, err := linkExists(ctx, tx, l.Head, l.Child, l.Label); err != nil {
			return err
		} else if dup {
			continue
		}
		if _, err := insertLink(ctx, tx, l, "", at); err != nil {
			return err
		}
	}
	return nil
}
