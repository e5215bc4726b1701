// Package testdb gives the app's tests a real database: a SQLite file in the
// test's temporary folder holding the default labels and the test's documents.
package testdb

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/assets"
	"github.com/newsmark/newsmark/storage"
)

// Open creates the database, closed when the test ends, seeds the default labels
// and imports texts as documents (by annotator "importer"), returning their IDs
// in order.
func Open(t testing.TB, texts ...string) (*storage.DB, []int64) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	labels, err := assets.DefaultLabels()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Seed(ctx, labels, nil); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if len(texts) == 0 {
		return db, nil
	}
	records := func(yield func(annotate.ImportRecord, error) bool) {
		for i, text := range texts {
			doc := annotate.Document{Title: annotate.TitleFromText(text), Source: "test", Text: text}
			if !yield(annotate.ImportRecord{Origin: "test:" + string(rune('1'+i)), Document: doc}, nil) {
				return
			}
		}
	}
	result, err := db.Import(ctx, records, annotate.ImportOptions{Annotator: "importer"})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return db, result.DocIDs
}
