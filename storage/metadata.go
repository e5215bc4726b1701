package storage

import (
	"context"
	"database/sql"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// Document metadata (migration 0003): outlet, authors, published date, URL and
// language are columns of documents; the original file of an HTML import is a row
// of document_originals (originals.go).

// metadataColumns are the metadata columns, in the order metadataValues gives them
// and scanDocument reads them.
const metadataColumns = `outlet, authors, published, url, language`

// metadataAssignments sets metadataColumns from metadataValues.
const metadataAssignments = `outlet = ?, authors = ?, published = ?, url = ?, language = ?`

// metadataValues are a document's metadata column values.
func metadataValues(doc annotate.Document) []any {
	return []any{doc.Outlet, joinAuthors(doc.Authors), doc.Published, doc.URL, doc.Language}
}

// metadataDest returns scan destinations for metadataColumns and a function that
// moves what was scanned into d.
func metadataDest(d *annotate.Document) ([]any, func()) {
	var authors string
	dest := []any{&d.Outlet, &authors, &d.Published, &d.URL, &d.Language}
	return dest, func() { d.Authors = splitAuthors(authors) }
}

// joinAuthors stores names one a line; annotate.Metadata.Validate refuses a name
// with a line break.
func joinAuthors(names []string) string { return strings.Join(names, "\n") }

func splitAuthors(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// SetDocumentMetadata replaces a document's title, outlet, authors, date, URL,
// language and free key/values in one transaction. The text is untouched.
func (db *DB) SetDocumentMetadata(ctx context.Context, id int64, meta annotate.Metadata) error {
	meta.Title = strings.TrimSpace(meta.Title)
	if meta.Title == "" {
		return annotate.Errorf(annotate.EINVALID, "a document needs a title")
	}
	if err := meta.Validate(); err != nil {
		return err
	}
	extra, err := encodeMeta(meta.Extra)
	if err != nil {
		return err
	}
	var doc annotate.Document
	doc.SetMetadata(meta)
	return db.withTx(ctx, "set document metadata", func(tx *sql.Tx) error {
		args := append([]any{doc.Title, extra}, metadataValues(doc)...)
		args = append(args, id)
		res, err := tx.ExecContext(ctx, `UPDATE documents SET title = ?, meta = ?, `+metadataAssignments+` WHERE id = ?`, args...)
		if err != nil {
			return err
		}
		return requireOneRow(res, "document %d not found", id)
	})
}
