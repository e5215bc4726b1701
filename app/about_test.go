package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/app/cli"
)

// menuAction finds a main-menu item by menu and label, as a user would.
func menuAction(t *testing.T, w *Workbench, menu, item string) func() {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == item {
				return it.Action
			}
		}
	}
	t.Fatalf("no %s ▸ %s in the main menu", menu, item)
	return nil
}

// shownTexts is every label's text in a canvas object.
func shownTexts(obj fyne.CanvasObject) []string {
	var texts []string
	walkObjects(obj, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	})
	return texts
}

func TestHelpAboutShowsBuildAndDatabaseAndCopiesThem(t *testing.T) {
	defer func(old string) { cli.Commit = old }(cli.Commit)
	cli.Commit = "feedc0ffee12"
	f := newWBFixture(t, "“Ceasefire,” the mayor said — at least 12 people died.")

	menuAction(t, f.w, "Help", "About Newsmark")()
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Help ▸ About opened no dialog")
	}
	shown := strings.Join(shownTexts(top), "\n")
	info, err := os.Stat(f.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Version\n" + cli.Version,
		"feedc0ffee12",
		f.db.Path(),
		runtime.Version(),
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the About dialog does not show %q; it shows:\n%s", want, shown)
		}
	}
	if info.Size() == 0 || !strings.Contains(shown, "KB") {
		t.Errorf("the About dialog shows no size for a %d-byte database:\n%s", info.Size(), shown)
	}

	var copyButton *widget.Button
	walkObjects(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Copy") {
			copyButton = b
		}
	})
	if copyButton == nil {
		t.Fatal("no Copy button")
	}
	test.Tap(copyButton)
	report := f.w.app.Clipboard().Content()
	for _, want := range []string{
		"Version: " + cli.Version + "\n",
		"Commit: feedc0ffee12\n",
		"Database: " + f.db.Path() + "\n",
		"Go: " + runtime.Version() + "\n",
		"Fyne: " + cli.FyneVersion() + "\n", // "unknown" in a test binary; the package check sees the real one
		"System: " + runtime.GOOS + "/" + runtime.GOARCH + "\n",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the copied report lacks %q:\n%s", want, report)
		}
	}
	if copyButton.Text != "Copied" {
		t.Errorf("after copying the button says %q, want %q", copyButton.Text, "Copied")
	}
}

// In the smallest window the workbench allows, the About dialog fits: the long
// database path breaks instead of widening it past the window.
func TestAboutFitsTheSmallestWindow(t *testing.T) {
	f := newWBFixture(t, "Text.")
	f.w.win.Resize(fyne.NewSize(minWindowWidth, minWindowHeight))
	showAbout(f.w.app, f.w.win, f.w.ed.Store(), f.w.dialogs.show)
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	window := f.w.win.Canvas().Size()
	walkObjects(top, func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if pos.X+o.Size().Width > window.Width+1 {
			t.Errorf("a %T ends at x=%.0f, past the %.0f-wide window", o, pos.X+o.Size().Width, window.Width)
		}
		if c, ok := o.(*fyne.Container); ok && c.Size().Height+1 < c.MinSize().Height {
			t.Errorf("a %T of %d objects is %.0f high, it needs %.0f", c.Layout, len(c.Objects), c.Size().Height, c.MinSize().Height)
		}
	})
}

func TestDatabaseSizeCountsTheWriteAheadLog(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	write := func(path string, n int) {
		t.Helper()
		if err := os.WriteFile(path, make([]byte, n), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(db, 4096)
	if got := databaseSize(db); got != "4.0 KB" {
		t.Errorf("without a log: %q, want %q", got, "4.0 KB")
	}
	write(db+"-wal", 0)
	if got := databaseSize(db); got != "4.0 KB" {
		t.Errorf("with an empty log: %q, want %q", got, "4.0 KB")
	}
	write(db+"-wal", 2*1024*1024)
	if got, want := databaseSize(db), "2.0 MB (4.0 KB file + 2.0 MB write-ahead log)"; got != want {
		t.Errorf("with a log: %q, want %q", got, want)
	}
	if got := databaseSize(filepath.Join(dir, "missing.db")); !strings.HasPrefix(got, "unknown (") {
		t.Errorf("a missing file: %q, want unknown with the reason", got)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		0:                    "0 bytes",
		1023:                 "1023 bytes",
		1024:                 "1.0 KB",
		1536:                 "1.5 KB",
		10 * 1024 * 1024:     "10.0 MB",
		3 << 30:              "3.0 GB",
		5 << 40:              "5.0 TB",
		(1 << 20) - (1 << 9): "1023.5 KB",
	} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
