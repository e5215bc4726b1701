package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// oldDatabase writes a database at the given schema version, as a Newsmark of that
// version left it: the migration files up to it applied by hand and recorded, then
// the statements given.
func oldDatabase(t *testing.T, version int, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	all := []string{`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`}
	for _, m := range list {
		if m.version > version {
			break
		}
		text, err := os.ReadFile(filepath.Join("migration", m.name))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, string(text),
			`INSERT INTO schema_migrations VALUES (`+strconv.Itoa(m.version)+`, '`+m.name+`', '2026-01-01T00:00:00.000000Z')`)
	}
	for _, stmt := range append(all, stmts...) {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("building a version %d database: %v\n%s", version, err, stmt)
		}
	}
	return path
}

// oldDocument inserts a document as a version 1 or 2 import stored it: title and
// source in their columns, every other meta key in the meta JSON.
func oldDocument(id int, title, meta string) string {
	m := "NULL"
	if meta != "" {
		m = "'" + strings.ReplaceAll(meta, "'", "''") + "'"
	}
	return `INSERT INTO documents (id, title, source, text, length, hash, imported_at, meta) VALUES (` + strconv.Itoa(id) + `, '` + title +
		`', 'old.jsonl:` + strconv.Itoa(id) + `', 'text ` + strconv.Itoa(id) + `', 6, 'h` + strconv.Itoa(id) + `', '2026-01-01T00:00:00.000000Z', ` + m + `)`
}

func TestMigration6GivesDocumentsFromVersion2TheirMetadataFields(t *testing.T) {
	path := oldDatabase(t, 2,
		oldDocument(1, "Talks stall", `{"outlet":"Küstenbote","author":"By Zoë Ünal and Tom “Tommy” Hale","published":"5 March 2024",`+
			`"url":"https://kuestenbote.example/a?x=1","lang":"de-CH","section":"Welt — Nahost","rank":12345678901234567890}`),
		oldDocument(2, "JSON-LD style", `{"publisher":{"@type":"Organization","name":"Coastal\u00a0Wire"},"byline":[{"name":"Ilse Marrow"},"Ana Pavić"],`+
			`"date":"2024-03-05T17:00:00+01:00","link":"http://coastal.example/b","language":"en-GB","doc_id":7}`),
		oldDocument(3, "Nothing fits", `{"date":"sometime soon","link":"/relative/only","lang":"English (UK)","note":"😀"}`),
		oldDocument(4, "No meta", ``),
		oldDocument(5, "Outlet too long", `{"outlet":"`+strings.Repeat("x", annotate.MaxMetadataField+1)+`","lang":"fr"}`),
		oldDocument(6, "Two bylines", `{"authors":["A. Writer"],"byline":"B. Other"}`),
	)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	get := func(id int64) annotate.Document {
		t.Helper()
		doc, err := db.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	cases := []struct {
		id                   int64
		outlet               string
		authors              []string
		published, url, lang string
		meta                 map[string]any
		title, source        string
	}{
		{1, "Küstenbote", []string{"Zoë Ünal", "Tom “Tommy” Hale"}, "2024-03-05", "https://kuestenbote.example/a?x=1", "de-CH",
			map[string]any{"section": "Welt — Nahost", "rank": "12345678901234567890"}, "Talks stall", "old.jsonl:1"},
		// One-line fields collapse white space, NBSP included, as a JSONL import does.
		{2, "Coastal Wire", []string{"Ilse Marrow", "Ana Pavić"}, "2024-03-05T17:00:00+01:00", "http://coastal.example/b", "en-GB",
			map[string]any{"doc_id": "7"}, "JSON-LD style", "old.jsonl:2"},
		{3, "", nil, "", "", "",
			map[string]any{"date": "sometime soon", "link": "/relative/only", "lang": "English (UK)", "note": "😀"}, "Nothing fits", "old.jsonl:3"},
		{4, "", nil, "", "", "", nil, "No meta", "old.jsonl:4"},
		{6, "", []string{"A. Writer"}, "", "", "", map[string]any{"byline": "B. Other"}, "Two bylines", "old.jsonl:6"},
	}
	for _, c := range cases {
		doc := get(c.id)
		if doc.Outlet != c.outlet || !slices.Equal(doc.Authors, c.authors) || doc.Published != c.published ||
			doc.URL != c.url || doc.Language != c.lang || doc.Title != c.title || doc.Source != c.source {
			t.Errorf("document %d: outlet %q authors %q date %q url %q lang %q title %q source %q\nwant %q %q %q %q %q %q %q",
				c.id, doc.Outlet, doc.Authors, doc.Published, doc.URL, doc.Language, doc.Title, doc.Source,
				c.outlet, c.authors, c.published, c.url, c.lang, c.title, c.source)
		}
		if len(doc.Meta) != len(c.meta) {
			t.Errorf("document %d: meta %v, want %v", c.id, doc.Meta, c.meta)
		}
		for k, want := range c.meta {
			if got := doc.Meta[k]; got == nil || stringOf(got) != want {
				t.Errorf("document %d: meta[%q] = %v, want %v", c.id, k, got, want)
			}
		}
	}
	// Fields that would not validate leave the document as it was.
	if doc := get(5); doc.Outlet != "" || doc.Language != "" || len(doc.Meta) != 2 {
		t.Errorf("document 5 changed: outlet %d runes, lang %q, meta keys %d", len([]rune(doc.Outlet)), doc.Language, len(doc.Meta))
	}
	// The library's summaries (which its filter and date sort read) carry them.
	list, err := db.Documents(ctx, annotate.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 6 || list[0].Outlet != "Küstenbote" || list[0].Published != "2024-03-05" {
		t.Fatalf("summaries after migrating: %+v", list)
	}
	versions := recordedVersions(t, db)
	if !slices.Contains(versions, 6) {
		t.Errorf("migrations recorded: %v, want 6 among them", versions)
	}
}

func stringOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return ""
}

// A document whose fields are set (imported at version 3 or later, or edited)
// keeps them, even when its meta still holds a key that maps.
func TestMigration6LeavesDocumentsWithMetadataFieldsAlone(t *testing.T) {
	path := oldDatabase(t, 3,
		oldDocument(1, "Edited", `{"byline":"Someone Else","publisher":"Other Outlet"}`),
		`UPDATE documents SET outlet = 'Chosen Outlet' WHERE id = 1`,
	)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc, err := db.Document(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Outlet != "Chosen Outlet" || doc.Authors != nil || doc.Meta["byline"] != "Someone Else" || doc.Meta["publisher"] != "Other Outlet" {
		t.Errorf("document changed: outlet %q authors %q meta %v", doc.Outlet, doc.Authors, doc.Meta)
	}
}

// The migration runs in one transaction: a database it fails on is left at the
// version before it (5), its documents untouched.
func TestAFailingMigration6LeavesTheDatabaseAtVersion5(t *testing.T) {
	path := oldDatabase(t, 5,
		oldDocument(1, "Old", `{"outlet":"Küstenbote"}`),
		// A trigger that refuses the update makes the Go step fail half-way.
		`CREATE TRIGGER refuse_metadata BEFORE UPDATE OF outlet ON documents BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
	)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "0006") || !strings.Contains(err.Error(), "refused by test") {
		t.Fatalf("open: %v; want the migration's failure named", err)
	}
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var outlet, meta string
	var maxVersion, encodingColumns int
	if err := raw.QueryRow(`SELECT outlet, meta FROM documents WHERE id = 1`).Scan(&outlet, &meta); err != nil {
		t.Fatal(err)
	}
	raw.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&maxVersion)
	raw.QueryRow(`SELECT count(*) FROM pragma_table_info('document_originals') WHERE name = 'content_encoding'`).Scan(&encodingColumns)
	if outlet != "" || meta != `{"outlet":"Küstenbote"}` || maxVersion != 5 || encodingColumns != 0 {
		t.Errorf("after a failed migration: outlet %q meta %s version %d content_encoding columns %d; want all as before",
			outlet, meta, maxVersion, encodingColumns)
	}
}
