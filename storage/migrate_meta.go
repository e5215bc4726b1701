package storage

import (
	"context"
	"database/sql"
	"fmt"
	"maps"

	"github.com/newsmark/newsmark/annotate"
)

// migrationStep returns the part of a migration SQL cannot express, run after the
// migration's SQL in its transaction; nil for most.
func migrationStep(version int) func(ctx context.Context, tx *sql.Tx) error {
	switch version {
	case 6:
		return metadataFromMeta
	}
	return nil
}

// metadataFromMeta (migration 0006) gives documents imported before migration 0003
// the metadata fields that a JSONL import takes from a record's meta object today
// (annotate.Document.ApplyMeta: outlet/publisher, author/authors/byline, date/published,
// url/link, lang/language, with the same parsing of names and dates). Those
// documents kept such keys in their free meta JSON; the keys that map move to the
// fields, the rest stay.
//
// Only documents whose five fields are all empty are read: a document whose fields
// were set on import or by hand is left as it is, and so is one whose meta maps to
// nothing (its keys did not fit their fields on import either, so looking again
// changes nothing). The title and source columns are never changed: an old import
// already took them from meta. A document whose mapped fields would not pass
// annotate.Metadata.Validate (an outlet over the length limit) keeps its meta as it
// is rather than failing the migration.
func metadataFromMeta(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, meta FROM documents
		WHERE meta IS NOT NULL AND outlet = '' AND authors = '' AND published = '' AND url = '' AND language = ''`)
	if err != nil {
		return err
	}
	type update struct {
		id   int64
		doc  annotate.Document
		meta any
	}
	var updates []update
	for rows.Next() {
		var id int64
		var title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			rows.Close()
			return err
		}
		meta, err := decodeMeta(text)
		if err != nil || len(meta) == 0 {
			continue // not an object: left for the integrity check to report
		}
		doc, rest, ok := mappedMeta(title, meta)
		if !ok {
			continue
		}
		encoded, err := encodeMeta(rest)
		if err != nil {
			continue
		}
		updates = append(updates, update{id: id, doc: doc, meta: encoded})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE documents SET `+metadataAssignments+`, meta = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range updates {
		if _, err := stmt.ExecContext(ctx, append(metadataValues(u.doc), u.meta, u.id)...); err != nil {
			return fmt.Errorf("document %d: %w", u.id, err)
		}
	}
	return nil
}

// heldKeys are meta keys migration 0006 leaves alone: an old import took the title
// and source into their columns and dropped doc_id, so a document holding one put
// it there itself.
var heldKeys = []string{"title", "source", "doc_id"}

// mappedMeta returns the fields meta maps to and the keys left over; false if
// nothing maps or the fields would not validate.
func mappedMeta(title string, meta map[string]any) (annotate.Document, map[string]any, bool) {
	mappable := maps.Clone(meta)
	for _, k := range heldKeys {
		delete(mappable, k)
	}
	var doc annotate.Document
	doc.ApplyMeta(mappable)
	if doc.Outlet == "" && len(doc.Authors) == 0 && doc.Published == "" && doc.URL == "" && doc.Language == "" {
		return doc, nil, false
	}
	m := annotate.Metadata{Title: title, Outlet: doc.Outlet, Authors: doc.Authors, Published: doc.Published,
		URL: doc.URL, Language: doc.Language}
	if m.Validate() != nil {
		return doc, nil, false
	}
	rest := doc.Meta
	for _, k := range heldKeys {
		if v, ok := meta[k]; ok {
			if rest == nil {
				rest = map[string]any{}
			}
			rest[k] = v
		}
	}
	return doc, rest, true
}
