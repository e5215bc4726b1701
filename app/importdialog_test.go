package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
)

type importOutcome struct {
	result annotate.ImportResult
	err    error
}

func TestImportDialogImportsAnAnnotatedFileAndReportsBack(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, "")
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	var reported []annotate.ImportResult
	d := newImportDialog(win, store, func(r annotate.ImportResult) { reported = append(reported, r) })
	d.dlg.Show()
	outcomes := make(chan importOutcome, 1)
	d.done = func(r annotate.ImportResult, err error) { outcomes <- importOutcome{r, err} }

	test.Tap(d.importBtn)
	if !strings.Contains(d.message.Text, "Add a file or folder") {
		t.Errorf("no files: message %q", d.message.Text)
	}
	d.addPaths(goldenSpacyForUI, goldenSpacyForUI)
	if d.message.Text != "" {
		t.Errorf("after adding a file the dialog still says %q", d.message.Text)
	}
	if d.pathList.Text != goldenSpacyForUI {
		t.Errorf("path list %q: a path added twice must show once", d.pathList.Text)
	}
	d.annotator.SetText("")
	test.Type(d.annotator, "reviewer")
	test.Tap(d.importBtn)
	got := waitDialogOutcome(t, outcomes)
	if got.err != nil {
		t.Fatal(got.err)
	}
	if got.result.Documents != 2 || got.result.Spans != 8 || len(reported) != 1 {
		t.Fatalf("result %+v, reported %d times", got.result, len(reported))
	}
	spans, err := store.Spans(context.Background(), got.result.DocIDs[1])
	if err != nil || len(spans) != 1 || spans[0].Annotator != "reviewer" || spans[0].Text != "Plain" {
		t.Errorf("spans of the second document: %+v %v", spans, err)
	}
}

func TestImportDialogShowsEveryProblemAndImportsNothingUnlessSkipping(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, "")
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	d := newImportDialog(win, store, nil)
	d.dlg.Show()
	outcomes := make(chan importOutcome, 1)
	d.done = func(r annotate.ImportResult, err error) { outcomes <- importOutcome{r, err} }

	dir := t.TempDir()
	good := writeDatasetFile(t, filepath.Join(dir, "good.jsonl"), `{"text": "“Fine” — 😀", "spans": [{"start": 0, "end": 6, "label": "QUOTE"}]}`+"\n")
	bad := writeDatasetFile(t, filepath.Join(dir, "bad.jsonl"), `{"text": "abc"}`+"\n"+`{"text": "abc", "label": [[2, 9, "CLAIM"]]}`+"\n")
	d.addPaths(good, bad)
	test.Tap(d.importBtn)
	got := waitDialogOutcome(t, outcomes)
	if got.err == nil || !strings.Contains(d.message.Text, "bad.jsonl:2") || !strings.Contains(d.message.Text, "outside the text") {
		t.Fatalf("err %v, message %q", got.err, d.message.Text)
	}
	if stats, _ := store.Stats(context.Background()); stats.Documents != 0 {
		t.Fatalf("an aborted import stored %d documents", stats.Documents)
	}
	test.Tap(d.skipInvalid)
	test.Tap(d.importBtn)
	got = waitDialogOutcome(t, outcomes)
	if got.err != nil || got.result.Documents != 2 || len(got.result.Invalid) != 1 {
		t.Fatalf("with skip invalid: %+v %v", got.result, got.err)
	}
}

func writeDatasetFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportDialogSummaryCountsInPlainEnglish(t *testing.T) {
	cases := []struct {
		result annotate.ImportResult
		want   string
	}{
		{annotate.ImportResult{Documents: 1, Spans: 1}, "Imported 1 new document and 1 annotation."},
		{annotate.ImportResult{Documents: 3, Duplicates: 2, Spans: 0, SpansExisting: 4, LabelsCreated: []string{"ORG"}},
			"Imported 3 new documents (2 already present) and 0 annotations (4 already present). New labels: ORG."},
		{annotate.ImportResult{Documents: 2, Invalid: []annotate.RecordError{{Origin: "a.txt:1"}}},
			"Imported 2 new documents and 0 annotations. Skipped 1 invalid record."},
	}
	for _, c := range cases {
		if got := importDialogSummary(c.result); got != c.want {
			t.Errorf("summary of %+v:\n got %q\nwant %q", c.result, got, c.want)
		}
	}
}

func TestImportDialogColleagueModeAddsOnlyThatAnnotatorsSpans(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, "")
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	dir := t.TempDir()
	stored := filepath.Join(dir, "texts.jsonl")
	colleague := filepath.Join(dir, "bob.jsonl")
	text := "“Pavić” said\u00a0— 😀 the plant is safe."
	if err := os.WriteFile(stored, []byte(`{"text": "`+text+`"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(colleague, []byte(`{"text": "`+text+`", "spans": [{"start": 0, "end": 7, "label": "QUOTE"}, {"start": 15, "end": 35, "label": "CLAIM", "annotator": "carol"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(path, annotator string, colleagueMode bool) importOutcome {
		t.Helper()
		d := newImportDialog(win, store, nil)
		d.dlg.Show()
		outcomes := make(chan importOutcome, 1)
		d.done = func(r annotate.ImportResult, err error) { outcomes <- importOutcome{r, err} }
		d.addPaths(path)
		d.annotator.SetText(annotator)
		d.colleague.SetChecked(colleagueMode)
		test.Tap(d.importBtn)
		if strings.Contains(d.message.Text, "curated layer") {
			return importOutcome{}
		}
		return waitDialogOutcome(t, outcomes)
	}
	if got := run(stored, "me", false); got.err != nil {
		t.Fatal(got.err)
	}
	got := run(colleague, "bob", true)
	if got.err != nil || got.result.Spans != 1 || got.result.Duplicates != 1 || got.result.SpansOtherAnnotators != 1 {
		t.Fatalf("colleague import: %+v %v; want bob's one span on the stored document, carol's skipped", got.result, got.err)
	}
	if s := importSummary(got.result); !strings.Contains(s, "1 annotation by carol skipped") {
		t.Errorf("summary %q", s)
	}
	d := newImportDialog(win, store, nil)
	d.addPaths(colleague)
	d.annotator.SetText("curator")
	d.colleague.SetChecked(true)
	test.Tap(d.importBtn)
	if !strings.Contains(d.message.Text, "curated layer") {
		t.Errorf("curator as a colleague's name: message %q", d.message.Text)
	}
}
