package storage

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
)

// fillLedger writes, straight in SQL and in one transaction, docs documents with
// spans spans spread over them (three statement labels, CASUALTY and SOURCE)
// and sources sources, every statement attributed to one of them.
func fillLedger(b *testing.B, db *DB, docs, spans, sources int) {
	b.Helper()
	ctx := context.Background()
	if err := db.Seed(ctx, testLabels(), nil); err != nil {
		b.Fatal(err)
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO labels (name, color, hotkey, sort_order) VALUES ('SOURCE', '#56B4E9', '5', 4)`)
	now := formatTime(db.now())
	text := "Officials said that “the talks will resume” — residents disagreed.\n"
	for d := 1; d <= docs; d++ {
		exec(`INSERT INTO documents (id, title, text, length, hash, imported_at) VALUES (?, ?, ?, ?, ?, ?)`,
			d, fmt.Sprintf("Article %d", d), text, len([]rune(text)), fmt.Sprintf("h%d", d), now)
	}
	for s := 1; s <= sources; s++ {
		name := fmt.Sprintf("Source number %d", s)
		exec(`INSERT INTO sources (id, name, kind, created_at) VALUES (?, ?, 'person', ?)`, s, name, now)
		exec(`INSERT INTO source_names (source_id, name, folded, position) VALUES (?, ?, ?, 0)`, s, name, foldName(name))
		exec(`INSERT INTO source_names (source_id, name, folded, position) VALUES (?, ?, ?, 1)`, s, fmt.Sprint("Alias ", s), foldName(fmt.Sprint("Alias ", s)))
	}
	rng := rand.New(rand.NewSource(7))
	insertSpan, err := tx.Prepare(`INSERT INTO spans (id, document_id, start_offset, end_offset, label_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	insertAttr, err := tx.Prepare(`INSERT INTO span_attributes (span_id, name, label_id, type, value, source_id) VALUES (?, 'source', ?, 'source', NULL, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for s := 1; s <= spans; s++ {
		label := int64(1 + rng.Intn(5)) // CLAIM, QUOTE, DEMAND, CASUALTY, SOURCE
		doc := 1 + (s-1)%docs
		start := (s - 1) / docs
		if _, err := insertSpan.Exec(s, doc, start, start+1, label, now, now); err != nil {
			b.Fatal(err)
		}
		if label <= 3 {
			if _, err := insertAttr.Exec(s, label, 1+rng.Intn(sources)); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSourceLedger100k opens the sources ledger over 100,000 spans (about
// 60,000 of them attributed statements) and 2,000 sources with an alias each.
// Target: under 200 ms.
func BenchmarkSourceLedger100k(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "ledger.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fillLedger(b, db, 10_000, 100_000, 2_000)
	ctx := context.Background()
	for b.Loop() {
		entries, err := db.SourceLedger(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(entries) != 2_000 || entries[0].Total == 0 {
			b.Fatalf("ledger has %d entries, first %+v", len(entries), entries[0])
		}
	}
}
