package storage

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

func TestOpenMigratesAnEmptyFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "folder", "newsmark.db")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	if !db.Created() {
		t.Error("Created() = false for a new file")
	}
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
	versions := recordedVersions(t, db)
	// Every embedded migration is recorded (numbers may have gaps: helpers are
	// given numbers ahead of the merge).
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != len(list) || versions[len(versions)-1] != latestVersion() {
		t.Errorf("recorded versions %v, want the %d embedded ones up to %d", versions, len(list), latestVersion())
	}
	for _, table := range []string{"labels", "documents", "spans", "span_history"} {
		if n := rowCount(t, db, table); n != 0 {
			t.Errorf("new database has %d rows in %s", n, table)
		}
	}
	var mode string
	if err := db.sql.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	var page int
	if err := db.sql.QueryRow(`PRAGMA page_size`).Scan(&page); err != nil || page != pageSize {
		t.Errorf("page_size = %d (%v), want %d", page, err, pageSize)
	}
	var sync, fk int
	db.sql.QueryRow(`PRAGMA synchronous`).Scan(&sync)
	db.sql.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if sync != 2 || fk != 1 {
		t.Errorf("synchronous = %d, foreign_keys = %d; want 2 (FULL) and 1", sync, fk)
	}
}

func TestReopenIsANoOp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newsmark.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Seed(ctx, testLabels(), &annotate.Document{Title: "Sample", Text: "A sample — text."}); err != nil {
		t.Fatal(err)
	}
	migrationsBefore := dumpRows(t, db.read, `SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	db.Close()

	db, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if db.Created() {
		t.Error("Created() = true on reopening an existing database")
	}
	if after := dumpRows(t, db.read, `SELECT version, name, applied_at FROM schema_migrations ORDER BY version`); after != migrationsBefore {
		t.Errorf("schema_migrations changed on reopen:\nbefore %s\nafter  %s", migrationsBefore, after)
	}
	docs, err := db.Documents(ctx, annotate.DocumentFilter{})
	if err != nil || len(docs) != 1 || !docs[0].Sample || docs[0].Title != "Sample" {
		t.Errorf("documents after reopen = %+v, %v; want the sample", docs, err)
	}
	labels, _ := db.Labels(ctx)
	if len(labels) != 4 {
		t.Errorf("labels after reopen = %d, want 4", len(labels))
	}
}

// dumpRows renders every row of a query as text, to compare table contents.
func dumpRows(t *testing.T, conn *sql.DB, query string) string {
	t.Helper()
	rows, err := conn.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		values := make([]any, len(cols))
		pointers := make([]any, len(cols))
		for i := range values {
			pointers[i] = &values[i]
		}
		if err := rows.Scan(pointers...); err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			if raw, ok := v.([]byte); ok {
				v = string(raw)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		b.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// rawOpen opens the file with no Newsmark logic, as another program would.
func rawOpen(t *testing.T, path, params string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite3", fileURI(path)+params)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	t.Cleanup(func() { conn.Close() })
	return conn
}

func TestOpenRefusesANewerDatabaseUntouched(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "newsmark.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Seed(ctx, testLabels(), nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	future := latestVersion() + 7
	raw := rawOpen(t, path, "")
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future.sql', 'x')`, future); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	infoBefore, _ := os.Stat(path)

	_, err = Open(path)
	wantCode(t, err, annotate.ENEWER)
	for _, want := range []string{path, "newer version of Newsmark", fmt.Sprintf("schema %d", future), fmt.Sprintf("up to %d", latestVersion()), "upgrade"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer database changed its bytes")
	}
	if infoAfter, _ := os.Stat(path); !infoAfter.ModTime().Equal(infoBefore.ModTime()) {
		t.Error("refusing a newer database changed its modification time")
	}
}

func TestOpenExplainsFilesThatAreNotDatabases(t *testing.T) {
	random := make([]byte, 8192)
	rand.New(rand.NewSource(1)).Read(random)
	cases := []struct {
		name    string
		content []byte
	}{
		{"random bytes", random},
		{"a text file", []byte(strings.Repeat("Just some notes, not a database.\n", 200))},
	}
	for _, c := range cases {
		t.Run(c.name+" is refused with the path named", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, c.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			if err == nil {
				t.Fatal("Open succeeded")
			}
			want := "open " + path + ": " + path + " is not a Newsmark database or is corrupt"
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error = %q, want it to start with %q", err, want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, c.content) {
				t.Error("the file was changed")
			}
		})
	}
}

func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	raw := rawOpen(t, path, "")
	if _, err := raw.Exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "not a Newsmark database") || !strings.Contains(err.Error(), path) {
		t.Fatalf("error = %v, want one saying %s is not a Newsmark database", err, path)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the foreign database was changed")
	}
}

func TestOpenRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	wantCode(t, err, annotate.EINVALID)
	if !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("error = %q", err)
	}
}

func TestEmptyFileBecomesADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	defer db.Close()
	if !db.Created() {
		t.Error("Created() = false for an empty file")
	}
}

func TestALockedDatabaseGivesAClearError(t *testing.T) {
	ctx := context.Background()
	shortWait := options{busyTimeout: 150 * time.Millisecond}

	t.Run("an edit waits, then names the lock", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "newsmark.db")
		db, err := openWith(path, shortWait)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Seed(ctx, testLabels(), nil); err != nil {
			t.Fatal(err)
		}
		docID := importOne(t, db, "A short article.")

		other := rawOpen(t, path, "?_busy_timeout=0")
		holder, err := other.Begin()
		if err != nil {
			t.Fatal(err)
		}
		// An uncommitted write holds the write lock until rollback.
		if _, err := holder.Exec(`INSERT INTO labels (name, color) VALUES ('LOCKER', '#000000')`); err != nil {
			t.Fatal(err)
		}
		defer holder.Rollback()

		_, err = db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 7, Label: "CLAIM"})
		wantCode(t, err, annotate.ECONFLICT)
		if !strings.Contains(err.Error(), "locked by another program") || !strings.Contains(err.Error(), path) {
			t.Errorf("error = %q, want it to name the lock and the file", err)
		}
		// Reading still works while another program writes.
		if _, err := db.Spans(ctx, docID); err != nil {
			t.Errorf("reading during the lock: %v", err)
		}
		holder.Rollback()
		if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 7, Label: "CLAIM"}); err != nil {
			t.Errorf("edit after the lock was released: %v", err)
		}
	})

	t.Run("opening a file another program holds exclusively names the lock", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "newsmark.db")
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		other := rawOpen(t, path, "?_busy_timeout=0")
		if _, err := other.Exec(`PRAGMA journal_mode=DELETE`); err != nil {
			t.Fatal(err)
		}
		conn, err := other.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
			t.Fatal(err)
		}
		defer conn.ExecContext(ctx, `ROLLBACK`)

		_, err = openWith(path, shortWait)
		wantCode(t, err, annotate.ECONFLICT)
		if !strings.Contains(err.Error(), "locked by another program") || !strings.Contains(err.Error(), path) {
			t.Errorf("error = %q, want it to name the lock and the file", err)
		}
	})
}

func TestOpenHandlesUnusualFileNames(t *testing.T) {
	for _, name := range []string{"with space.db", "what?.db", "hash#tag.db", "100%.db", "café — 😀.db"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			db, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			importOne(t, db, "Stored where asked.")
			db.Close()
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if len(names) != 1 || names[0] != name {
				t.Errorf("folder holds %q, want just %q", names, name)
			}
			db, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if db.Created() || rowCount(t, db, "documents") != 1 {
				t.Error("reopening did not find the stored document")
			}
		})
	}
}

func TestEachMigrationIsItsOwnTransaction(t *testing.T) {
	db := openTemp(t)
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	next := latestVersion() + 1
	list = append(list,
		migration{version: next, name: fmt.Sprintf("%04d_notes.sql", next), sql: `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);`},
		migration{version: next + 1, name: fmt.Sprintf("%04d_broken.sql", next+1), sql: `CREATE TABLE half (id INTEGER); THIS IS NOT SQL;`},
	)
	err = db.applyMigrations(list, latestVersion())
	if err == nil || !strings.Contains(err.Error(), "_broken.sql") {
		t.Fatalf("error = %v, want one naming the broken migration", err)
	}
	versions := dumpRows(t, db.read, `SELECT version FROM schema_migrations ORDER BY version`)
	if want := fmt.Sprintf("%d|\n%d|\n", latestVersion(), next); !strings.HasSuffix(versions, want) || strings.Contains(versions, fmt.Sprint(next+1)) {
		t.Errorf("recorded versions:\n%s\nwant the good migration recorded and not the broken one", versions)
	}
	tables := dumpRows(t, db.read, `SELECT name FROM sqlite_master WHERE name IN ('notes', 'half') ORDER BY name`)
	if tables != "notes|\n" {
		t.Errorf("tables = %q, want notes only (half rolled back)", tables)
	}
	// Applying again skips what is recorded.
	if err := db.applyMigrations(list[:len(list)-1], 0); err != nil {
		t.Errorf("re-applying recorded migrations: %v", err)
	}
}

func TestEmbeddedMigrationsAreNumberedInOrder(t *testing.T) {
	list, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range list {
		// Gaps are allowed (numbers are handed out ahead of merges); order is not.
		if i == 0 && m.version != 1 || i > 0 && m.version <= list[i-1].version {
			t.Errorf("migration %s has version %d, out of order", m.name, m.version)
		}
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
}
