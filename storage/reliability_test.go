package storage

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"database/sql"

	"github.com/mattn/go-sqlite3"

	"github.com/newsmark/newsmark/annotate"
)

// TestMain keeps the clean-close markers of test databases out of the user's
// cache folder.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "newsmark-storage-cache-*")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// fillDB makes a closed database at path with n documents of a few pages each.
func fillDB(t *testing.T, path string, n int) {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Seed(context.Background(), testLabels(), nil); err != nil {
		t.Fatal(err)
	}
	var recs []annotate.ImportRecord
	for i := range n {
		text := fmt.Sprintf("Article %d: “Talks resumed,” the mayor’s office said — 14\u00a0civilians 😀.\r\n", i) + strings.Repeat(fmt.Sprintf("Paragraph of article %d. ", i), 200)
		recs = append(recs, textRecord(fmt.Sprintf("a%d.txt", i), text, annotate.Span{Start: 0, End: 7, Label: "CLAIM"}))
	}
	if _, err := db.Import(context.Background(), records(recs), annotate.ImportOptions{Annotator: "ana"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// damagePages overwrites three pages in the middle of the file with garbage.
func damagePages(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pages := info.Size() / pageSize
	if pages < 8 {
		t.Fatalf("database of %d pages is too small to damage in the middle", pages)
	}
	garbage := bytes.Repeat([]byte{0xA5, 0x17, 0xFF, 0x00}, 3*pageSize/4)
	if _, err := f.WriteAt(garbage, (pages/2)*pageSize); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesADamagedDatabaseWithoutWritingToIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	fillDB(t, path, 60)
	damagePages(t, path)
	before, _ := os.ReadFile(path)
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("a database with three garbage pages was opened for writing")
	}
	wantCode(t, err, annotate.ECORRUPT)
	if !strings.Contains(err.Error(), "newsmark restore") || !strings.Contains(err.Error(), "backups") {
		t.Errorf("the message does not say how to restore: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the damaged file was changed")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s was created beside a refused database", suffix)
		}
	}
}

func TestCleanCloseSkipsTheCheckButAnyChangeBringsItBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	fillDB(t, path, 20)
	abs, _ := filepath.Abs(path)
	if !closedCleanly(abs) {
		t.Fatal("a database just closed does not count as closed cleanly")
	}
	damagePages(t, path)
	if closedCleanly(abs) {
		t.Error("a file changed after the close still counts as closed cleanly")
	}
}

func TestCorruptionSeenAtRunTimeStopsEveryWrite(t *testing.T) {
	db := openSeeded(t)
	importOne(t, db, "First article — “quoted”.")
	err := db.fail("create span", fmt.Errorf("step: %w", sqliteCorrupt()))
	wantCode(t, err, annotate.ECORRUPT)
	_, err = db.CreateSpan(context.Background(), annotate.Span{DocID: 1, Start: 0, End: 5, Label: "CLAIM"})
	wantCode(t, err, annotate.ECORRUPT)
	_, err = db.Import(context.Background(), records([]annotate.ImportRecord{textRecord("b.txt", "Second")}), annotate.ImportOptions{})
	wantCode(t, err, annotate.ECORRUPT)
	if n := rowCount(t, db, "documents"); n != 1 {
		t.Errorf("%d documents after the writes were stopped, want 1", n)
	}
}

func TestARefusedNewerDatabaseGetsNoWalOrShm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	fillDB(t, path, 1)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.sql.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00.000000Z')`)
	db.Close()
	if _, err := Open(path); annotate.ErrorCode(err) != annotate.ENEWER {
		t.Fatalf("error %v, want a newer-schema refusal", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s was created beside a refused database", suffix)
		}
	}
}

func TestBackupIsAVerifiedCopyAndDailyBackupsArePruned(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.db")
	fillDB(t, path, 30)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var calls, lastDone, lastTotal int
	manual, err := db.Backup(context.Background(), func(done, total int) { calls, lastDone, lastTotal = calls+1, done, total })
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || lastDone != lastTotal {
		t.Errorf("progress: %d calls, last %d of %d", calls, lastDone, lastTotal)
	}
	report, err := Check(context.Background(), manual)
	if err != nil || !report.OK() || report.Documents != 30 || report.Spans != 30 {
		t.Fatalf("the backup checks as %+v, %v", report, err)
	}

	// Forty days of first starts: 7 daily backups stay, and 4 weekly ones older.
	start := time.Date(2026, 10, 1, 9, 0, 0, 0, time.Local)
	for day := range 40 {
		if _, made, err := db.DailyBackup(context.Background(), start.AddDate(0, 0, day), nil); err != nil || !made {
			t.Fatalf("day %d: made %v, %v", day, made, err)
		}
	}
	if _, made, _ := db.DailyBackup(context.Background(), start.AddDate(0, 0, 39).Add(time.Hour), nil); made {
		t.Error("a second start on the same day made a second backup")
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	var daily []string
	for _, b := range list {
		if b.Kind == "daily" {
			daily = append(daily, b.Time.Format("01-02"))
		}
	}
	// Days 33-39 (Nov 3-9) daily; then, among the older ones, the newest of
	// each ISO week (weeks start on Monday: Nov 2, Oct 26, 19, 12): Nov 2,
	// Nov 1, Oct 25, Oct 18.
	want := "11-09 11-08 11-07 11-06 11-05 11-04 11-03 11-02 11-01 10-25 10-18"
	if got := strings.Join(daily, " "); got != want {
		t.Errorf("daily backups kept:\n got %s\nwant %s", got, want)
	}
	if len(list) != len(daily)+1 {
		t.Errorf("the manual backup was pruned or others appeared: %d listed", len(list))
	}
}

func TestCheckReportsBrokenInvariantsInWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	fillDB(t, path, 3)
	report, err := Check(context.Background(), path)
	if err != nil || !report.OK() {
		t.Fatalf("a sound database checks as %+v, %v", report, err)
	}
	raw, err := openRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`PRAGMA foreign_keys = OFF`,
		`UPDATE spans SET end_offset = 100000 WHERE id = 1`,
		`UPDATE spans SET label_id = 999 WHERE id = 2`,
		`DELETE FROM span_history WHERE span_id = 3`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	raw.Close()
	report, err = Check(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(report.Problems, "\n")
	for _, want := range []string{"1 span(s) lie outside their document's text: span 1", "1 span(s) refer to a label that does not exist: span 2", "1 span(s) have no history entry: span 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
}

func TestRestoreKeepsTheCurrentDatabaseFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.db")
	fillDB(t, path, 5)
	db, _ := Open(path)
	backup, err := db.Backup(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	importOne(t, db, "Written after the backup.")
	db.Close()

	result, err := Restore(context.Background(), path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if result.KeptAs == "" || result.Damaged {
		t.Fatalf("result %+v", result)
	}
	after, _ := Check(context.Background(), path)
	kept, _ := Check(context.Background(), result.KeptAs)
	if after.Documents != 5 || kept.Documents != 6 || !after.OK() || !kept.OK() {
		t.Errorf("restored has %d documents (want 5), kept copy %d (want 6)", after.Documents, kept.Documents)
	}

	// A damaged database is kept as a plain copy and replaced.
	damagePages(t, path)
	result, err = Restore(context.Background(), path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := Check(context.Background(), path); !after.OK() || after.Documents != 5 {
		t.Errorf("after restoring over a damaged database: %+v", after)
	}
	if db, err := Open(path); err != nil {
		t.Errorf("the restored database does not open: %v", err)
	} else {
		db.Close()
	}
}

func sqliteCorrupt() error { return sqlite3.Error{Code: sqlite3.ErrCorrupt} }

func openRaw(path string) (*sql.DB, error) { return sql.Open("sqlite3", fileURI(path)) }

func TestAnUnwritableDatabaseIsReadAndWritesNameTheFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.db")
	fillDB(t, path, 2)
	var reason string
	if os.Geteuid() == 0 {
		reason = unwritableReason(path)
		if reason == "" {
			reason = "the folder " + dir + " is read-only (test stand-in: root ignores permissions)"
		}
	} else {
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
	}
	db, err := openWith(path, options{unwritable: reason})
	if err != nil {
		t.Fatalf("a database in a read-only folder does not open for reading: %v", err)
	}
	defer db.Close()
	docs, err := db.Documents(context.Background(), annotate.DocumentFilter{})
	if err != nil || len(docs) != 2 {
		t.Fatalf("read %d documents, %v", len(docs), err)
	}
	_, err = db.Import(context.Background(), records([]annotate.ImportRecord{textRecord("c.txt", "New")}), annotate.ImportOptions{})
	wantCode(t, err, annotate.EREADONLY)
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("the write error does not name the folder: %v", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s was created by a read-only open", suffix)
		}
	}
}

func TestDataVersionChangesForOtherProcessesWritesOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	fillDB(t, path, 1)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	before, err := db.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importOne(t, db, "Our own write — “quoted”.")
	if v, _ := db.DataVersion(ctx); v != before {
		t.Errorf("data_version changed from %d to %d after our own write", before, v)
	}
	other, err := Open(path) // stands for another process
	if err != nil {
		t.Fatal(err)
	}
	importOne(t, other, "Someone else's write.")
	other.Close()
	if v, _ := db.DataVersion(ctx); v == before {
		t.Error("data_version did not change after another connection wrote")
	}
}
