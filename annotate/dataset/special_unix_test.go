//go:build unix

package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// readWithin fails the test instead of hanging when Read blocks (on a named pipe).
func readWithin(t *testing.T, paths []string, opts ReadOptions) ([]annotate.ImportRecord, []error) {
	t.Helper()
	type result struct {
		recs []annotate.ImportRecord
		errs []error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		for rec, err := range Read(paths, opts) {
			if err != nil {
				r.errs = append(r.errs, err)
				continue
			}
			r.recs = append(r.recs, rec)
		}
		done <- r
	}()
	select {
	case r := <-done:
		return r.recs, r.errs
	case <-time.After(10 * time.Second):
		t.Fatal("Read blocked for 10 s")
		return nil, nil
	}
}

func TestReadFolderSkipsNamedPipesAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "An article — with “quotes”.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "b.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "c.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "d.txt")); err != nil {
		t.Fatal(err)
	}
	var skipped []string
	recs, errs := readWithin(t, []string{dir}, ReadOptions{Skipped: func(path, what string) {
		skipped = append(skipped, filepath.Base(path)+" "+what)
	}})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(recs) != 2 { // a.txt, and d.txt which links to a regular file
		t.Errorf("read %d records, want 2", len(recs))
	}
	if got, want := strings.Join(skipped, "|"), "b.txt a named pipe|c.txt a broken link"; got != want {
		t.Errorf("skipped %q, want %q", got, want)
	}
}

func TestReadDevZeroStopsAtTheSizeLimit(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	recs, errs := readWithin(t, []string{"/dev/zero"}, ReadOptions{Format: FormatText})
	if len(recs) != 0 || len(errs) != 1 {
		t.Fatalf("got %d records and errors %v, want one error", len(recs), errs)
	}
	if !strings.Contains(errs[0].Error(), "over the limit of") {
		t.Errorf("error %q does not name the size limit", errs[0])
	}
}

func TestReadBratTextThatIsAPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "doc.ann"), "T1\tCLAIM 0 3\tOne\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "doc.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := readWithin(t, []string{filepath.Join(dir, "doc.ann")}, ReadOptions{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "named pipe") {
		t.Fatalf("errors %v, want one naming the named pipe", errs)
	}
}
