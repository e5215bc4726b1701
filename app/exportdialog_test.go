package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
	"github.com/newsmark/newsmark/app/internal/testdb"
	"github.com/newsmark/newsmark/storage"
)

// goldenSpacyForUI is the dataset package's golden spacy export: curly quotes, an
// em dash, U+00A0, an emoji outside the BMP, CRLF, nested and overlapping spans.
const goldenSpacyForUI = "../annotate/dataset/testdata/golden/spacy.jsonl"

// datasetStore opens a fresh database with the default labels, filled from path
// (or empty if path is "").
func datasetStore(t *testing.T, path string) *storage.DB {
	t.Helper()
	db, _ := testdb.Open(t)
	if path != "" {
		if _, err := db.Import(context.Background(), dataset.Read([]string{path}, dataset.ReadOptions{}), annotate.ImportOptions{Annotator: "tester"}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// waitFor waits for the background work to report through done; the deadline only
// guards against a hang, it is not a performance assertion.
func waitDialogOutcome[T any](t *testing.T, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatal("the background work never finished")
		panic("unreachable")
	}
}

type exportOutcome struct {
	summary dataset.ExportSummary
	err     error
}

func TestExportDialogWritesTheChosenFormatAndShowsASummary(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, goldenSpacyForUI)
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	d := newExportDialog(win, store)
	d.loadLabels()
	d.dlg.Show()
	outcomes := make(chan exportOutcome, 1)
	d.done = func(s dataset.ExportSummary, err error) { outcomes <- exportOutcome{s, err} }

	if got := d.selectedLabels(); len(got) != 6 { // the five default labels and VICTIM from the file
		t.Fatalf("labels ticked: %v, want all 6", got)
	}
	d.format.SetSelected(string(dataset.FormatHF))
	if !d.offsets.Disabled() || !d.tokens.Disabled() {
		t.Error("hf takes no offsets or tokens, but the form offers them")
	}
	d.format.SetSelected(string(dataset.FormatDoccano))
	d.offsets.SetSelected(string(annotate.UnitUTF16))
	d.selectLabels("QUOTE", "DEMAND")
	out := filepath.Join(t.TempDir(), "export.jsonl")
	d.dest.SetText(out)
	test.Tap(d.exportBtn)
	result := waitDialogOutcome(t, outcomes)
	if result.err != nil {
		t.Fatal(result.err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// QUOTE 0-10 and DEMAND 56-89 in UTF-16 units (the emoji counts two); no CLAIM.
	if !strings.Contains(string(data), `"label": [[0, 10, "QUOTE"], [56, 89, "DEMAND"]]`) || strings.Contains(string(data), "CLAIM") {
		t.Errorf("export = %s", data)
	}
	// Only the done document (accepted in the file) goes by default.
	if msg := d.message.Text; !strings.Contains(msg, "Exported 1 document (1 done) with 2 annotations") || !strings.Contains(msg, out) {
		t.Errorf("summary = %q", msg)
	}
	t.Run("choosing all documents warns how many are not done, and the summary counts them", func(t *testing.T) {
		d.status.SetSelected("All documents")
		if msg := d.message.Text; !strings.Contains(msg, "1 document not marked done") {
			t.Fatalf("warning = %q", msg)
		}
		d.dest.SetText(out + ".all")
		test.Tap(d.exportBtn)
		result := waitDialogOutcome(t, outcomes)
		if result.err != nil {
			t.Fatal(result.err)
		}
		if msg := d.message.Text; !strings.Contains(msg, "Exported 2 documents (1 done, 1 in progress)") {
			t.Errorf("summary = %q", msg)
		}
	})
	if d.progress.Value != 1 {
		t.Errorf("progress %v at the end", d.progress.Value)
	}
}

func TestExportDialogReportsBIOChangesAndBadInput(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, goldenSpacyForUI)
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	d := newExportDialog(win, store)
	d.loadLabels()
	d.dlg.Show()
	outcomes := make(chan exportOutcome, 1)
	d.done = func(s dataset.ExportSummary, err error) { outcomes <- exportOutcome{s, err} }

	d.dest.SetText("")
	test.Tap(d.exportBtn)
	if !strings.Contains(d.message.Text, "choose where to write") {
		t.Errorf("no destination: message %q", d.message.Text)
	}
	d.format.SetSelected(string(dataset.FormatCoNLL))
	test.Type(d.split, "train=0.9,test=0.2")
	dir := filepath.Join(t.TempDir(), "split")
	d.dest.SetText(dir)
	test.Tap(d.exportBtn)
	if !strings.Contains(d.message.Text, "add up to 1.1") {
		t.Errorf("bad split: message %q", d.message.Text)
	}
	d.split.SetText("train=0.5,test=0.5")
	test.Tap(d.exportBtn)
	result := waitDialogOutcome(t, outcomes)
	if result.err != nil {
		t.Fatal(result.err)
	}
	if len(result.summary.Files) != 2 || !strings.Contains(d.message.Text, "dropped because they overlapped") || !strings.Contains(d.message.Text, "CLAIM 2") {
		t.Errorf("files %v, message %q", result.summary.Files, d.message.Text)
	}
}

func TestExportDialogSuggestsADestinationAndAsksBeforeReplacingAFile(t *testing.T) {
	test.NewTempApp(t)
	store := datasetStore(t, goldenSpacyForUI)
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	d := newExportDialog(win, store)
	if want := filepath.Join(defaultExportFolder(), "newsmark-export.jsonl"); d.dest.Text != want {
		t.Errorf("suggested destination %q, want %q", d.dest.Text, want)
	}
	d.format.SetSelected(string(dataset.FormatCSV))
	if !strings.HasSuffix(d.dest.Text, "newsmark-export.csv") {
		t.Errorf("after choosing csv the destination is %q", d.dest.Text)
	}

	d.folder = t.TempDir()
	d.loadLabels()
	d.dlg.Show()
	outcomes := make(chan exportOutcome, 1)
	d.done = func(s dataset.ExportSummary, err error) { outcomes <- exportOutcome{s, err} }
	d.format.SetSelected(string(dataset.FormatDoccano))

	// A relative destination lands in the dialog's folder, not the process's.
	d.dest.SetText("relative.jsonl")
	test.Tap(d.exportBtn)
	if result := waitDialogOutcome(t, outcomes); result.err != nil {
		t.Fatal(result.err)
	}
	target := filepath.Join(d.folder, "relative.jsonl")
	exported, err := os.ReadFile(target)
	if err != nil {
		t.Fatalf("relative destination: %v", err)
	}

	// The file exists now: exporting again asks first; No leaves it alone.
	if err := os.WriteFile(target, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.exportBtn)
	if d.replace == nil {
		t.Fatal("no question before replacing an existing file")
	}
	d.replace.Dismiss()
	if got, _ := os.ReadFile(target); string(got) != "keep me\n" {
		t.Fatalf("declining the replacement changed the file to %q", got)
	}
	d.replace = nil
	test.Tap(d.exportBtn)
	d.replace.Confirm()
	if result := waitDialogOutcome(t, outcomes); result.err != nil {
		t.Fatal(result.err)
	}
	if got, _ := os.ReadFile(target); string(got) != string(exported) {
		t.Errorf("after Replace the file holds %q, want the export", got)
	}
}

func TestExportDialogSaysCancelledForAWrappedCancel(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	d := newExportDialog(win, datasetStore(t, ""))
	d.finished(dataset.ExportSummary{}, fmt.Errorf("export document 3: %w", context.Canceled))
	if got := d.message.Text; got != "Export cancelled; nothing was written." {
		t.Errorf("a wrapped cancel reads %q, want the cancel message", got)
	}
}
