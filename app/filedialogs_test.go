package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFilePickersStartInTheLastFolderWhileItExists(t *testing.T) {
	test.NewTempApp(t)
	if got := lastFolder(); got != nil {
		t.Fatalf("a fresh app starts pickers in %v, want Fyne's default", got)
	}
	dir := t.TempDir()
	rememberFolder(dir)
	got := lastFolder()
	if got == nil || got.Path() != dir {
		t.Fatalf("after picking in %s the pickers start in %v", dir, got)
	}
	rememberFolder(filepath.Join(dir, "gone"))
	if got := lastFolder(); got != nil {
		t.Errorf("a folder that no longer exists is offered: %v", got)
	}
}
