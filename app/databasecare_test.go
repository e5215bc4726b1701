package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// overlayText is every label's text in the top dialog.
func overlayText(f *wbFixture) string {
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func TestBackUpNowWritesACheckedBackupBesideTheDatabase(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.tagText("“We will stay,”", '2')
	f.w.dbCare.onBackUpNow()
	f.w.tasks.Wait()
	entries, _ := os.ReadDir(filepath.Join(filepath.Dir(f.db.Path()), "backups"))
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".db") {
		t.Fatalf("backups folder holds %v, want one backup", entries)
	}
	if !strings.HasPrefix(f.w.status.message.Text, "Backed up to ") {
		t.Errorf("status says %q", f.w.status.message.Text)
	}
	if text := overlayText(f); !strings.Contains(text, "newsmark restore") {
		t.Errorf("the dialog does not say how to restore:\n%s", text)
	}
}

func TestCheckDatabaseShowsTheReportInWords(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.tagText("“We will stay,”", '2')
	f.w.dbCare.onCheckDatabase()
	f.w.tasks.Wait()
	text := overlayText(f)
	for _, want := range []string{"1 annotation", "integrity_check: ok", "every span lies inside its document's text"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}
