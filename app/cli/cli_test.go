package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/storage"
)

// runCLI runs the command line in-process, as main would, on a database in dir.
func runCLI(t *testing.T, dbPath string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", dbPath}, args...)
	code = Run(full, Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, path string, content []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type statsOutput struct {
	Documents   int            `json:"documents"`
	Annotations int            `json:"annotations"`
	Labels      map[string]int `json:"labels"`
}

func readStats(t *testing.T, dbPath string) (statsOutput, string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, dbPath, "stats", "--json")
	if code != 0 {
		t.Fatalf("stats --json exited %d: %s", code, stderr)
	}
	var stats statsOutput
	if err := json.Unmarshal([]byte(stdout), &stats); err != nil {
		t.Fatalf("stats --json printed %q: %v", stdout, err)
	}
	return stats, stdout
}

func TestImportFolderThenStats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	corpus := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(corpus, "a.txt"), []byte("“Ceasefire,” she said — at least 12 died.\r\n"))
	writeFile(t, filepath.Join(corpus, "nested", "b.md"), []byte("# Talks\n\nThe mayor’s office\u00a0said 😀 nothing.\n"))
	writeFile(t, filepath.Join(corpus, "nested", "c.txt"), []byte("\ufeffA third article with a BOM.\n"))
	writeFile(t, filepath.Join(corpus, "photo.jpg"), []byte{0xff, 0xd8, 0xff, 0x00})

	code, stdout, stderr := runCLI(t, db, "import", corpus)
	if code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "3 documents added") {
		t.Errorf("import summary = %q, want 3 documents added", stdout)
	}
	stats, raw := readStats(t, db)
	if stats.Documents != 3 || stats.Annotations != 0 {
		t.Errorf("stats = %s, want 3 documents and 0 annotations", raw)
	}
	for _, label := range []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"} {
		count, present := stats.Labels[label]
		if !present || count != 0 {
			t.Errorf("stats labels lack %s with 0: %s", label, raw)
		}
	}

	// Importing the same folder again adds nothing.
	code, stdout, stderr = runCLI(t, db, "import", corpus)
	if code != 0 {
		t.Fatalf("second import exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "0 documents added") || !strings.Contains(stdout, "3 documents already present") {
		t.Errorf("second import summary = %q", stdout)
	}
	if again, _ := readStats(t, db); again.Documents != 3 {
		t.Errorf("re-import duplicated documents: %d", again.Documents)
	}
}

func TestNamedDatabaseStartsWithoutTheSample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pipeline.db")
	stats, raw := readStats(t, db)
	if stats.Documents != 0 {
		t.Errorf("a --db database should hold no documents, stats say %s", raw)
	}
	if len(stats.Labels) != 5 {
		t.Errorf("a new database should hold the 5 default labels, stats say %s", raw)
	}
}

func TestDefaultDatabaseGetsTheSampleArticle(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "data", "newsmark", "newsmark.db")
	var out, errOut bytes.Buffer
	host := Host{
		Stdout:        &out,
		Stderr:        &errOut,
		Getenv:        func(string) string { return "" },
		DefaultDBPath: func() (string, error) { return dbPath, nil },
	}
	if code := Run([]string{"stats", "--json"}, host); code != 0 {
		t.Fatalf("stats exited %d: %s", code, errOut.String())
	}
	var stats statsOutput
	if err := json.Unmarshal(out.Bytes(), &stats); err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 1 {
		t.Errorf("first start on the default database should create the sample article, stats: %s", out.String())
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Errorf("database not created in the data folder: %v", err)
	}
	// A second start does not add the sample again.
	out.Reset()
	Run([]string{"stats", "--json"}, host)
	json.Unmarshal(out.Bytes(), &stats)
	if stats.Documents != 1 {
		t.Errorf("second start changed the document count: %s", out.String())
	}
}

func TestNewsmarkDBEnvironmentWorksLikeTheFlag(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "env.db")
	var out, errOut bytes.Buffer
	host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(key string) string {
		if key == "NEWSMARK_DB" {
			return dbPath
		}
		return ""
	}}
	if code := Run([]string{"stats"}, host); code != 0 {
		t.Fatalf("stats exited %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Errorf("NEWSMARK_DB was not used: %v", err)
	}
}

func TestBadInputFailsCleanlyAndLeavesTheDatabaseAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte("An article already stored.\n"))
	if code, _, stderr := runCLI(t, db, "import", good); code != 0 {
		t.Fatalf("setup import: %s", stderr)
	}
	_, before := readStats(t, db)

	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(65 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()

	cases := []struct {
		name     string
		path     string
		wantText []string
	}{
		{"invalid UTF-8 names the byte offset", writeFile(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 society\n")), []string{"latin1.txt", "UTF-8", "3"}},
		{"a binary file is refused", writeFile(t, filepath.Join(dir, "blob.txt"), []byte("PK\x03\x04\x00\x00\x00binary\x00\x00")), []string{"blob.txt"}},
		{"an empty file is refused", writeFile(t, filepath.Join(dir, "empty.txt"), nil), []string{"empty.txt", "empty"}},
		{"a file over the size limit is refused", huge, []string{"huge.txt"}},
		{"a missing path is refused", filepath.Join(dir, "no-such-file.txt"), []string{"no-such-file.txt"}},
		{"a malformed JSONL line names its line", writeFile(t, filepath.Join(dir, "records.jsonl"), []byte("{\"text\": \"first\"}\n{\"text\": \"second\"}\n{\"text\": broken}\n")), []string{"records.jsonl", "3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, db, "import", good, c.path)
			if code != 1 {
				t.Fatalf("exit status %d, want 1; stderr: %s", code, stderr)
			}
			for _, want := range c.wantText {
				if !strings.Contains(stderr, want) {
					t.Errorf("error message lacks %q: %s", want, stderr)
				}
			}
			if _, after := readStats(t, db); after != before {
				t.Errorf("database changed by a failed import:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func TestSkipInvalidImportsTheGoodFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "good.txt"), []byte("Good article.\n"))
	writeFile(t, filepath.Join(dir, "in", "bad.txt"), []byte("Bad \xff article.\n"))
	code, stdout, stderr := runCLI(t, db, "import", "--skip-invalid", filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "1 document added") || !strings.Contains(stderr, "bad.txt") {
		t.Errorf("stdout %q stderr %q: want the good file added and the bad one listed", stdout, stderr)
	}
}

func TestUsageErrorsExitWithTwo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	cases := [][]string{
		{"import"},
		{"import", "--no-such-flag", "x"},
		{"import", "--offsets", "utf8", "x.txt"},
		{"stats", "extra"},
		{"frobnicate"},
		{"labels", "add"},
	}
	for _, args := range cases {
		if code, _, stderr := runCLI(t, db, args...); code != 2 {
			t.Errorf("%v exited %d, want 2 (stderr %s)", args, code, stderr)
		}
	}
}

func TestLabelsAddAndList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := runCLI(t, db, "labels", "add", "VICTIM", "--color", "#332288", "--key", "6", "--description", "Who was hurt."); code != 0 {
		t.Fatalf("labels add: %s", stderr)
	}
	code, stdout, stderr := runCLI(t, db, "labels", "--json")
	if code != 0 {
		t.Fatalf("labels --json: %s", stderr)
	}
	var labels []labelJSON
	if err := json.Unmarshal([]byte(stdout), &labels); err != nil {
		t.Fatal(err)
	}
	if len(labels) != 6 || labels[5].Name != "VICTIM" || labels[5].Color != "#332288" || labels[5].Hotkey != "6" {
		t.Errorf("labels after add: %+v", labels)
	}
	if code, _, stderr := runCLI(t, db, "labels", "add", "QUOTE"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("adding an existing label: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, db, "labels", "add", "OTHER", "--key", "2"); code != 1 || !strings.Contains(stderr, "QUOTE") {
		t.Errorf("adding a label with a taken hotkey: exit %d, %s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	defer func(old string) { Commit = old }(Commit)
	Commit = "0123456789ab"
	for _, args := range [][]string{{"version"}, {"--version"}, {"--db", "ignored.db", "--version"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out bytes.Buffer
			code := Run(args, Host{Stdout: &out, Stderr: &out})
			lines := strings.Split(out.String(), "\n")
			if code != 0 || len(lines) < 3 {
				t.Fatalf("exit %d, %q", code, out.String())
			}
			if lines[0] != "newsmark "+Version {
				t.Errorf("first line %q, want %q (scripts read it)", lines[0], "newsmark "+Version)
			}
			if lines[1] != "commit 0123456789ab" {
				t.Errorf("second line %q, want the stamped commit", lines[1])
			}
			if !strings.Contains(lines[2], runtime.Version()) {
				t.Errorf("third line %q does not name the Go version %s", lines[2], runtime.Version())
			}
		})
	}
}

func TestBuildCommitWithoutStampIsNeverEmpty(t *testing.T) {
	defer func(old string) { Commit = old }(Commit)
	Commit = ""
	if got := BuildCommit(); got == "" {
		t.Error("an unstamped build reports an empty commit; want the VCS revision or \"unknown\"")
	}
}

func TestAStartThatDiedBeforeSeedingIsSeededNextTime(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "half.db")
	db, err := storage.Open(dbPath) // creates the file, as a first start does, then "dies"
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	stats, raw := readStats(t, dbPath)
	if len(stats.Labels) != 5 {
		t.Errorf("want the 5 default labels after the interrupted first start, stats say %s", raw)
	}
}

func TestNoSubcommandHandsFilesAndAnnotatorToTheGUI(t *testing.T) {
	dir := t.TempDir()
	article := writeFile(t, filepath.Join(dir, "a.txt"), []byte("Text.\n"))
	var got GUIOptions
	var out, errOut bytes.Buffer
	host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		LaunchGUI: func(store annotate.Store, opts GUIOptions) error {
			if _, err := store.Labels(context.Background()); err != nil {
				t.Errorf("the GUI got a store that does not answer: %v", err)
			}
			got = opts
			return nil
		}}
	code := Run([]string{"--db", filepath.Join(dir, "x.db"), "--annotator", "ana", article}, host)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got.Annotator != "ana" || len(got.Files) != 1 || got.Files[0] != article || got.OpenDocID != 0 {
		t.Errorf("GUI options = %+v", got)
	}
}

func TestAGUIThatCannotOpenItsDatabaseSaysWhyInAWindow(t *testing.T) {
	dir := t.TempDir()
	corrupt := writeFile(t, filepath.Join(dir, "corrupt.db"), []byte("this is not a database, just text long enough to look like a file\n"))
	var shown error
	var out, errOut bytes.Buffer
	host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		LaunchGUI: func(annotate.Store, GUIOptions) error {
			t.Error("the GUI started on a corrupt database")
			return nil
		},
		ShowStartupError: func(err error) { shown = err },
	}
	if code := Run([]string{"--db", corrupt}, host); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if shown == nil || !strings.Contains(shown.Error(), corrupt) || !strings.Contains(shown.Error(), "corrupt") {
		t.Errorf("the window was shown %v; want the error naming %s", shown, corrupt)
	}
	if !strings.Contains(errOut.String(), corrupt) {
		t.Errorf("stderr %q does not name the file", errOut.String())
	}

	// A subcommand is not the GUI: no window.
	shown = nil
	if code := Run([]string{"--db", corrupt, "stats"}, host); code != 1 || shown != nil {
		t.Errorf("stats on a corrupt database: exit %d, window %v; want 1 and none", code, shown)
	}
}

func TestATwentyMegabyteArticleImports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "big.db")
	paragraph := []byte("“Talks resumed,” the mayor’s office said — 14\u00a0civilians 😀 were evacuated.\r\n")
	big := bytes.Repeat(paragraph, 20<<20/len(paragraph)+1)
	path := writeFile(t, filepath.Join(dir, "big.txt"), big)
	if code, _, stderr := runCLI(t, db, "import", path); code != 0 {
		t.Fatalf("importing a %d-byte article failed: %s", len(big), stderr)
	}
	if stats, raw := readStats(t, db); stats.Documents != 1 {
		t.Errorf("stats after a 20 MB import: %s", raw)
	}
}

func TestASecondWindowOnTheSameDatabaseIsRefused(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the lock files go to the user's cache folder
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	var shown []error
	second := func() int {
		var out, errOut bytes.Buffer
		host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
			LaunchGUI:        func(annotate.Store, GUIOptions) error { return nil },
			ShowStartupError: func(err error) { shown = append(shown, err) },
		}
		return Run([]string{"--db", db}, host)
	}

	// The first window holds the lock while its GUI runs.
	var secondExit int
	var out, errOut bytes.Buffer
	first := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		LaunchGUI: func(annotate.Store, GUIOptions) error {
			secondExit = second()
			// Commands still work beside the window.
			if code, _, stderr := runCLI(t, db, "stats"); code != 0 {
				t.Errorf("stats beside an open window exited %d: %s", code, stderr)
			}
			return nil
		},
	}
	if code := Run([]string{"--db", db}, first); code != 0 {
		t.Fatalf("first window: exit %d: %s", code, errOut.String())
	}
	if secondExit != 1 || len(shown) != 1 || !strings.Contains(shown[0].Error(), "already open") || !strings.Contains(shown[0].Error(), db) {
		t.Fatalf("second window while the first runs: exit %d, window %v; want 1 and an 'already open' message naming %s", secondExit, shown, db)
	}

	// Once the first has quit, a new window opens.
	shown = nil
	if code := second(); code != 0 || len(shown) != 0 {
		t.Errorf("after the first window quit: exit %d, window %v; want 0 and none", code, shown)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries { // shared.db, SQLite's -wal and -shm, the daily backups: nothing else
		if name := e.Name(); name != "shared.db" && name != "shared.db-wal" && name != "shared.db-shm" && name != "backups" {
			t.Errorf("%s was left beside the database", name)
		}
	}
}

func TestASecondWindowThroughALinkOrAnotherCacheFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	if code, _, stderr := runCLI(t, db, "stats"); code != 0 {
		t.Fatal(stderr)
	}
	symlink := filepath.Join(dir, "link.db")
	hardlink := filepath.Join(dir, "hard.db")
	if err := os.Symlink(db, symlink); err != nil {
		t.Skip(err)
	}
	if err := os.Link(db, hardlink); err != nil {
		t.Skip(err)
	}
	var refused []string
	second := func(path, cache string) {
		t.Setenv("XDG_CACHE_HOME", cache)
		var out, errOut bytes.Buffer
		host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
			LaunchGUI: func(annotate.Store, GUIOptions) error { return nil },
		}
		if code := Run([]string{"--db", path}, host); code == 1 && strings.Contains(errOut.String(), "already open") {
			refused = append(refused, filepath.Base(path))
		}
	}
	first := Host{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" },
		LaunchGUI: func(annotate.Store, GUIOptions) error {
			second(symlink, t.TempDir())
			second(hardlink, t.TempDir())
			second(db, t.TempDir())
			return nil
		},
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if code := Run([]string{"--db", db}, first); code != 0 {
		t.Fatal("first window failed")
	}
	if got := strings.Join(refused, " "); got != "link.db hard.db shared.db" {
		t.Errorf("refused only %q; want the symlink, the hard link and the path in another cache folder", got)
	}
	if _, err := os.Stat(hardlink + "-wal"); err == nil {
		t.Error("the hard link got its own -wal")
	}
}

func TestTheGUIGetsThePatternFileBesideTheDatabase(t *testing.T) {
	launch := func(patternFile string) GUIOptions {
		t.Helper()
		dir := t.TempDir()
		if patternFile != "" {
			writeFile(t, filepath.Join(dir, suggest.PatternsFileName), []byte(patternFile))
		}
		var got GUIOptions
		var out, errOut bytes.Buffer
		host := Host{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
			LaunchGUI: func(_ annotate.Store, opts GUIOptions) error { got = opts; return nil }}
		if code := Run([]string{"--db", filepath.Join(dir, "x.db")}, host); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		return got
	}
	if got := launch(""); got.Patterns != nil || got.PatternsErr != nil {
		t.Errorf("no pattern file: %+v", got)
	}
	if got := launch("DEMAND words verbs: petitioned\n"); got.Patterns == nil || got.PatternsErr != nil {
		t.Errorf("a good pattern file: patterns %v, err %v", got.Patterns, got.PatternsErr)
	}
	got := launch("DEMAND words verbs: petitioned\nNONSENSE here\n")
	if got.Patterns != nil || got.PatternsErr == nil || !strings.Contains(got.PatternsErr.Error(), "2") {
		t.Errorf("a bad pattern file: patterns %v, err %v (want the bad line named)", got.Patterns, got.PatternsErr)
	}
}
