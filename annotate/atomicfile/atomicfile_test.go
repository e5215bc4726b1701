package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesTheFileWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chart.svg")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, func(w io.Writer) error { _, err := fmt.Fprint(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new" || info.Mode().Perm() != 0o644 {
		t.Errorf("file = %q mode %v", got, info.Mode())
	}
}

func TestAFailedWriteLeavesTheOldFileAndNoDebris(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.svg")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(path, func(w io.Writer) error {
		fmt.Fprint(w, "half")
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("a failing writer reported success")
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "old" || len(entries) != 1 {
		t.Errorf("after a failed write: file %q, %d entries in the folder", got, len(entries))
	}
}

// TestATemporaryFileBeingWrittenIsNotTakenForAStaleOne: an export's clean-up
// (RemoveUnused) removes temporary files that killed writers left, but not the one
// Write is writing, nor, after it, anything but that debris.
func TestATemporaryFileBeingWrittenIsNotTakenForAStaleOne(t *testing.T) {
	dir := t.TempDir()
	stale, release, err := CreateTemp(filepath.Join(dir, "old.csv"))
	if err != nil {
		t.Fatal(err)
	}
	stale.Close()
	release() // as a killed writer's hold ends with its process
	path := filepath.Join(dir, "chart.svg")
	err = Write(path, func(w io.Writer) error {
		tmp := w.(*os.File).Name()
		if RemoveUnused(tmp, tmp) {
			return errors.New("the temporary file being written was removed as stale")
		}
		if !RemoveUnused(stale.Name(), stale.Name()) {
			return errors.New("the stale temporary file was not removed")
		}
		_, err := fmt.Fprint(w, "<svg/>")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if got, _ := os.ReadFile(path); string(got) != "<svg/>" || len(entries) != 1 {
		t.Fatalf("chart.svg = %q, folder holds %d entries, want the chart alone", got, len(entries))
	}
}
