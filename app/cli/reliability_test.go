package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps the window locks and clean-close markers of test databases out
// of the user's cache folder.
func TestMain(m *testing.M) {
	cache, err := os.MkdirTemp("", "newsmark-cli-cache-*")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

func TestBackupRestoreAndCheckFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	article := writeFile(t, filepath.Join(dir, "a.txt"), []byte("“Talks resumed,” the mayor’s office said — 14\u00a0civilians 😀.\r\n"))
	if code, _, stderr := runCLI(t, db, "import", article); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI(t, db, "backup", "--out", filepath.Join(dir, "copy.db"))
	if code != 0 || !strings.Contains(stdout, "backed up to") {
		t.Fatalf("backup --out: %d %s %s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, db, "backup")
	if code != 0 || !strings.Contains(stdout, filepath.Join(dir, "backups")) {
		t.Fatalf("backup: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, db, "check")
	if code != 0 || !strings.Contains(stdout, "integrity_check: ok") || !strings.Contains(stdout, "1 backup in") {
		t.Fatalf("check: %d\n%s", code, stdout)
	}
	second := writeFile(t, filepath.Join(dir, "b.txt"), []byte("Second article.\n"))
	runCLI(t, db, "import", second)
	code, stdout, stderr = runCLI(t, db, "restore", filepath.Join(dir, "copy.db"))
	if code != 0 || !strings.Contains(stdout, "kept at") {
		t.Fatalf("restore: %d %s %s", code, stdout, stderr)
	}
	if stats, raw := readStats(t, db); stats.Documents != 1 {
		t.Errorf("after the restore: %s", raw)
	}
}

func TestCheckOfADamagedDatabaseSaysSoAndExits1(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	var files []string
	for i := range 40 {
		files = append(files, writeFile(t, filepath.Join(dir, "in", strings.Repeat("x", i+1)+".txt"), []byte(strings.Repeat("Paragraph — “text” 😀. ", 400))))
	}
	if code, _, stderr := runCLI(t, db, append([]string{"import"}, files...)...); code != 0 {
		t.Fatal(stderr)
	}
	f, _ := os.OpenFile(db, os.O_RDWR, 0)
	info, _ := f.Stat()
	f.WriteAt([]byte(strings.Repeat("\xa5\x17", 3*16384/2)), info.Size()/2/16384*16384)
	f.Close()
	code, stdout, _ := runCLI(t, db, "check")
	if code != 1 || !strings.Contains(stdout, "DAMAGED") {
		t.Fatalf("check of a damaged database: exit %d\n%s", code, stdout)
	}
	before, _ := os.ReadFile(db)
	code, _, stderr := runCLI(t, db, "import", writeFile(t, filepath.Join(dir, "new.txt"), []byte("New.\n")))
	if code != 1 || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "newsmark restore") {
		t.Fatalf("import into a damaged database: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the import changed the damaged database")
	}
}

func TestSearchNamesAnUnknownLabel(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	runCLI(t, db, "stats")
	code, _, stderr := runCLI(t, db, "search", "--label", "NOPE", "talks")
	if code != 1 || !strings.Contains(stderr, `no label named "NOPE"`) || !strings.Contains(stderr, "CLAIM") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, db, "search", "--label", "claim", "talks"); code != 0 {
		t.Errorf("a known label in lower case: exit %d: %s", code, stderr)
	}
}

func TestImportOfAFolderWithANamedPipeSaysItWasSkipped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), []byte("An article.\n"))
	if err := mkfifo(filepath.Join(in, "pipe.txt")); err != nil {
		t.Skip(err)
	}
	code, stdout, stderr := runCLI(t, db, "import", in)
	if code != 0 || !strings.Contains(stdout, "1 document added") || !strings.Contains(stderr, "pipe.txt (a named pipe)") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}
