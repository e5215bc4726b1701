package storage

import (
	"context"
	"iter"
	"path/filepath"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// openTemp opens a new database file in a fresh temporary folder and closes it
// when the test ends.
func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "sub", "newsmark.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// recordedVersions lists the migrations recorded in schema_migrations, in order.
func recordedVersions(t *testing.T, db *DB) []int {
	t.Helper()
	var versions []int
	rows, err := db.read.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v int
		rows.Scan(&v)
		versions = append(versions, v)
	}
	rows.Close()
	return versions
}

// testLabels is a small label set like the default one.
func testLabels() []annotate.Label {
	return []annotate.Label{
		{Name: "CLAIM", Color: "#0072B2", Hotkey: "1", Order: 0},
		{Name: "QUOTE", Color: "#E69F00", Hotkey: "2", Order: 1},
		{Name: "DEMAND", Color: "#009E73", Hotkey: "3", Order: 2},
		{Name: "CASUALTY", Color: "#D55E00", Hotkey: "4", Order: 3},
	}
}

func openSeeded(t *testing.T) *DB {
	t.Helper()
	db := openTemp(t)
	if err := db.Seed(context.Background(), testLabels(), nil); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return db
}

// records turns a list into the iterator Import takes; a non-nil error in errs at
// the same index is yielded instead of the record.
func records(recs []annotate.ImportRecord, errs ...error) iter.Seq2[annotate.ImportRecord, error] {
	return func(yield func(annotate.ImportRecord, error) bool) {
		for i, rec := range recs {
			var err error
			if i < len(errs) {
				err = errs[i]
			}
			if err != nil {
				rec = annotate.ImportRecord{}
			}
			if !yield(rec, err) {
				return
			}
		}
	}
}

func textRecord(origin, text string, spans ...annotate.Span) annotate.ImportRecord {
	return annotate.ImportRecord{Origin: origin, Document: annotate.Document{Title: origin, Source: origin, Text: text}, Spans: spans}
}

// importOne stores one document and returns its id.
func importOne(t *testing.T, db *DB, text string, spans ...annotate.Span) int64 {
	t.Helper()
	res, err := db.Import(context.Background(), records([]annotate.ImportRecord{textRecord("doc.txt", text, spans...)}), annotate.ImportOptions{})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if len(res.DocIDs) != 1 {
		t.Fatalf("Import gave %d doc ids, want 1", len(res.DocIDs))
	}
	return res.DocIDs[0]
}

// rowCount counts rows of a table straight from SQL, bypassing the methods under test.
func rowCount(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one with code %s", code)
	}
	if got := annotate.ErrorCode(err); got != code {
		t.Fatalf("error %q has code %s, want %s", err, got, code)
	}
}
