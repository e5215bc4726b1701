package app

import (
	"context"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

// A command-line import beside the window (another connection, as another
// process would be) shows up in the library, its counts and the search index.
func TestAnImportByAnotherProcessShowsUpInTheLibrary(t *testing.T) {
	f := newWBFixture(t, trickyText)
	watcher := f.w.ed.WatchExternalChanges()
	if watcher == nil {
		t.Fatal("the store cannot tell about changes by other processes")
	}
	if _, err := watcher.Check(f.ctx); err != nil {
		t.Fatal(err)
	}
	if changed, _ := watcher.Check(f.ctx); changed {
		t.Fatal("a change reported with nothing changed")
	}
	other, err := storage.Open(f.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	var recs []annotate.ImportRecord
	for _, text := range []string{"Harbour fire — “contained” by noon.", "Second report: 14\u00a0injured 😀."} {
		recs = append(recs, annotate.ImportRecord{Origin: "cli", Document: annotate.Document{Title: annotate.TitleFromText(text), Text: text},
			Spans: []annotate.Span{{Start: 0, End: 6, Label: "CLAIM", Annotator: "cli"}}})
	}
	seq := func(yield func(annotate.ImportRecord, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
	if _, err := other.Import(context.Background(), seq, annotate.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	changed, err := watcher.Check(f.ctx)
	if err != nil || !changed {
		t.Fatalf("the other process's import went unnoticed (%v)", err)
	}
	f.w.external.reload()
	f.w.tasks.Wait()
	if got := len(f.w.library.all); got != 3 {
		t.Errorf("the library shows %d documents, want 3", got)
	}
	if !strings.Contains(f.w.library.header.Text, "3") {
		t.Errorf("the library header says %q", f.w.library.header.Text)
	}
	if n := f.w.ed.Engine().Len(); n != 2 {
		t.Errorf("the search index holds %d spans, want the 2 imported", n)
	}
}
