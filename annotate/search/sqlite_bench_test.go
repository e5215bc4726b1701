package search_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/annotate/search/searchtest"
	"github.com/newsmark/newsmark/storage"
)

// BenchmarkLoadFromSQLite100k times loading the index from a real database of
// 100,000 spans, as the workbench does at start (target: under 1 s), and
// BenchmarkFindFromSQLite100k the command line's one-shot search over it.
func BenchmarkLoadFromSQLite100k(b *testing.B) {
	db := sqliteCorpus(b, 100_000)
	for b.Loop() {
		e := search.New()
		if err := e.Load(b.Context(), db.AllSpans(b.Context())); err != nil {
			b.Fatal(err)
		}
		if e.Len() != 100_000 {
			b.Fatalf("loaded %d spans", e.Len())
		}
	}
}

func BenchmarkFindFromSQLite100k(b *testing.B) {
	db := sqliteCorpus(b, 100_000)
	for b.Loop() {
		results, err := search.Find(b.Context(), db.AllSpans(b.Context()), "zaporizhia", search.Options{})
		if err != nil || len(results) == 0 {
			b.Fatalf("Find: %d results, %v", len(results), err)
		}
	}
}

// sqliteCorpus imports the generated corpus into a database in a temp folder.
func sqliteCorpus(b *testing.B, spans int) *storage.DB {
	b.Helper()
	db, err := storage.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	docs := searchtest.Documents(spans, 20, 1)
	records := func(yield func(annotate.ImportRecord, error) bool) {
		for _, d := range docs {
			rec := annotate.ImportRecord{Origin: "bench", Document: annotate.Document{Title: d.Title, Text: d.Text}, Spans: d.Spans}
			if !yield(rec, nil) {
				return
			}
		}
	}
	if _, err := db.Import(context.Background(), records, annotate.ImportOptions{Annotator: "bench"}); err != nil {
		b.Fatal(err)
	}
	return db
}
