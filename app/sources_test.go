package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
)

// withMetadata stores metadata on a document and rereads the library.
func (f *wbFixture) withMetadata(id int64, meta annotate.Metadata) {
	f.t.Helper()
	if err := f.db.SetDocumentMetadata(f.ctx, id, meta); err != nil {
		f.t.Fatal(err)
	}
	if err := f.w.ed.ReloadDocuments(); err != nil {
		f.t.Fatal(err)
	}
}

func shownTitles(l *library) []string {
	var titles []string
	for _, d := range l.shown {
		titles = append(titles, d.Title)
	}
	return titles
}

func TestLibraryShowsFiltersAndSortsByMetadata(t *testing.T) {
	f := newWBFixture(t, "First “story”.", "Second story — 😀.", "Third story.")
	f.withMetadata(f.ids[0], annotate.Metadata{Title: "Port talks", Outlet: "The Courier", Published: "2024-03-05T18:00:00+01:00"})
	f.withMetadata(f.ids[1], annotate.Metadata{Title: "Ferry fares", Outlet: "Coastal Wire", Authors: []string{"Ilse Marrow"}, Published: "2024-03-07"})
	lib := f.w.library

	if got := libraryRowDetails(lib.shown[0]); got != "The Courier · 2024-03-05 · 0 annotations · new" {
		t.Errorf("row details %q", got)
	}
	if got := libraryRowDetails(lib.shown[2]); got != "0 annotations · new" {
		t.Errorf("row without metadata %q", got)
	}
	for query, want := range map[string]string{"courier": "Port talks", "marrow": "Ferry fares", "2024-03-07": "Ferry fares"} {
		lib.filter.SetText(query)
		if got := shownTitles(lib); len(got) != 1 || got[0] != want {
			t.Errorf("filter %q shows %q, want %q", query, got, want)
		}
	}
	lib.filter.SetText("")
	lib.sort.SetSelected(sortNewestFirst)
	if got := strings.Join(shownTitles(lib), " | "); got != "Ferry fares | Port talks | Third story." {
		t.Errorf("newest first: %s", got)
	}
	lib.sort.SetSelected(sortOldestFirst)
	if got := strings.Join(shownTitles(lib), " | "); got != "Port talks | Ferry fares | Third story." {
		t.Errorf("oldest first (undated last): %s", got)
	}
}

func TestDocumentInfoSavesAndUndoes(t *testing.T) {
	f := newWBFixture(t, "“Ceasefire,” she said — 14\u00a0civilians 😀 fled.\r\n")
	id := f.ids[0]
	oldTitle := f.w.ed.Doc().Title
	d := newDocInfo(f.w.ed, f.w.win, f.w.ed.Doc().Metadata(), f.w.ed.Doc().Source)
	d.title.SetText("Ceasefire holds")
	d.outlet.SetText("The Courier")
	d.authors.SetText("By Ana Pavić and Tom Hale")
	d.date.SetText("5 March 2024")
	d.url.SetText("https://courier.example/a")
	d.language.SetText("en")
	d.extra.SetText("desk: World\ncount: 14\n\nquoted: \"14\"")

	d.date.SetText("03/05/2024")
	d.onClose(true)
	if !strings.Contains(d.message.Text, "03/05/2024") || f.w.ed.Doc().Title != oldTitle {
		t.Fatalf("a bad date: message %q, title %q", d.message.Text, f.w.ed.Doc().Title)
	}
	d.date.SetText("5 March 2024")
	d.onClose(true)
	doc, err := f.db.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Ceasefire holds" || doc.Outlet != "The Courier" || strings.Join(doc.Authors, ";") != "Ana Pavić;Tom Hale" ||
		doc.Published != "2024-03-05" || doc.Language != "en" || doc.Meta["desk"] != "World" || fmt.Sprint(doc.Meta["count"]) != "14" || doc.Meta["quoted"] != "14" {
		t.Errorf("stored: %+v", doc)
	}
	if _, isText := doc.Meta["count"].(string); isText {
		t.Error("count: 14 was stored as text, want a number")
	}
	if got := f.w.library.shown[0]; got.Title != "Ceasefire holds" || got.Outlet != "The Courier" {
		t.Errorf("library row: %+v", got)
	}
	f.w.onUndo()
	doc, _ = f.db.Document(context.Background(), id)
	if doc.Title != oldTitle || doc.Outlet != "" || f.w.library.shown[0].Title != oldTitle {
		t.Errorf("after undo: %+v, library %q", doc, f.w.library.shown[0].Title)
	}
	// Free key/values read back as they were written.
	if got := formatExtra(map[string]any{"a": "text", "b": 3, "c": "7"}); got != "a: text\nb: 3\nc: \"7\"" {
		t.Errorf("formatExtra = %q", got)
	}
	if _, err := parseExtra("no colon here"); err == nil {
		t.Error("a line without a colon was accepted")
	}
}

func TestNewFromClipboardStoresTheTextExactlyAndOpensIt(t *testing.T) {
	f := newWBFixture(t, "An older article.")
	f.w.win.Clipboard().SetContent("  ")
	f.w.imports.onNewFromClipboard()
	if !strings.Contains(f.w.status.message.Text, "no text") {
		t.Errorf("empty clipboard: status %q", f.w.status.message.Text)
	}
	text := "Talks “stall” — 14\u00a0civilians 😀 fled.\r\nSecond line.\r\n"
	form := newClipboardForm(text)
	if form.title.Text != "Talks “stall” — 14\u00a0civilians 😀 fled." {
		t.Errorf("suggested title %q", form.title.Text)
	}
	form.outlet.SetText("Coastal Wire")
	form.date.SetText("yesterday")
	if _, err := form.document(); err == nil {
		t.Error("an unreadable date was accepted")
	}
	form.date.SetText("2024-03-05")
	form.url.SetText("https://coastal.example/x")
	doc, err := form.document()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.w.imports.storeClipboardDocument(doc); err != nil {
		t.Fatal(err)
	}
	opened := f.w.ed.Doc()
	if opened == nil || opened.Text != text || opened.Outlet != "Coastal Wire" || opened.Published != "2024-03-05" || opened.Source != "clipboard" {
		t.Fatalf("opened document: %+v", opened)
	}
	if len(f.w.ed.Documents()) != 2 {
		t.Errorf("library holds %d documents, want 2", len(f.w.ed.Documents()))
	}
	// The same text again opens the stored document instead of a copy.
	if err := f.w.imports.storeClipboardDocument(doc); err != nil || len(f.w.ed.Documents()) != 2 {
		t.Errorf("second paste: %v, %d documents", err, len(f.w.ed.Documents()))
	}
}

func TestImportDialogCleansBoilerplateWhenTicked(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, "")
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	dir := t.TempDir()
	for i := range 3 {
		page := fmt.Sprintf("Home | News | Sport\nArticle %d “text”.\n© 2024 Example Media\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.txt", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := newImportDialog(win, store, nil)
	d.dlg.Show()
	outcomes := make(chan importOutcome, 1)
	d.done = func(r annotate.ImportResult, err error) { outcomes <- importOutcome{r, err} }
	d.addPaths(dir)
	test.Tap(d.clean)
	test.Tap(d.importBtn)
	got := waitDialogOutcome(t, outcomes)
	if got.err != nil || got.result.Documents != 3 {
		t.Fatalf("import: %+v %v", got.result, got.err)
	}
	doc, err := store.Document(context.Background(), got.result.DocIDs[0])
	if err != nil || doc.Text != "Article 0 “text”.\n" {
		t.Errorf("stored %q, %v", doc.Text, err)
	}
	report := cleanReportText(d.cleaned.Reports())
	for _, want := range []string{"Removed 6 lines from 3 files.", "line 1 (repeated): Home | News | Sport", "line 3 (repeated): © 2024 Example Media"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if !d.split.Visible() || d.split.Checked {
		t.Error("split articles should be offered and off by default")
	}
}
