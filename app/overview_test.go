package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/testdb"
)

// openOverview opens the Overview on store and plays the UI goroutine until the
// numbers are in.
func openOverview(t *testing.T, store overviewSource) *overviewWindow {
	t.Helper()
	a := test.NewTempApp(t)
	calls := make(chan func(), 8)
	o := newOverviewWindow(a, store, func(f func()) { calls <- f })
	t.Cleanup(o.win.Close)
	o.reload()
	deadline := time.After(10 * time.Second)
	for o.facts.Documents == nil {
		select {
		case f := <-calls:
			f()
		case <-deadline:
			t.Fatal("the overview's numbers never arrived")
		}
	}
	return o
}

func TestOverviewChartsFollowTheFilters(t *testing.T) {
	db, ids := testdb.Open(t, "“We stay,” said Ilse Marrow — at least 12 died.\r\nOfficials said the road was closed.")
	ctx := context.Background()
	for _, span := range []annotate.Span{
		{DocID: ids[0], Start: 0, End: 10, Label: "QUOTE", Annotator: "ana"},
		{DocID: ids[0], Start: 33, End: 46, Label: "CASUALTY", Annotator: "ana"},
		{DocID: ids[0], Start: 0, End: 10, Label: "QUOTE", Annotator: "ben"},
	} {
		if _, err := db.CreateSpan(ctx, span); err != nil {
			t.Fatal(err)
		}
	}
	o := openOverview(t, db)
	if got := o.figures["labels"].Series; got != 2 {
		t.Errorf("labels chart has %d series, want one per annotator (2)", got)
	}
	if !strings.Contains(strings.Join(o.annotator.Options, ","), "ben") {
		t.Errorf("annotator choices = %v", o.annotator.Options)
	}
	o.annotator.SetSelected("ana")
	// One annotator: one bar per label in its colour.
	if got := o.figures["labels"].Series; got != len(o.labels) {
		t.Errorf("ana's labels chart has %d series, want %d", got, len(o.labels))
	}
	o.label.SetSelected("QUOTE")
	if got := o.figures["labels"].Table; len(got) != 2 || got[1][0] != "QUOTE" || got[1][1] != "1" {
		t.Errorf("QUOTE by ana: numbers %v", got)
	}
	o.tabs.SelectIndex(1) // Labels: the message speaks of the chart on show
	o.from.SetText("2000-01-01")
	o.to.SetText("2000-12-31")
	if !o.figures["labels"].Empty || !strings.Contains(o.message.Text, "No data yet") {
		t.Errorf("a range with no spans: empty %v, message %q", o.figures["labels"].Empty, o.message.Text)
	}
	o.to.SetText("last week")
	if !strings.Contains(o.message.Text, "not a date") {
		t.Errorf("a bad date says %q", o.message.Text)
	}
}

func TestOverviewSavesChartsAndNumbers(t *testing.T) {
	db, ids := testdb.Open(t, "Officials said 40 were hurt.")
	if _, err := db.CreateSpan(context.Background(), annotate.Span{DocID: ids[0], Start: 15, End: 27, Label: "CASUALTY", Annotator: "ana"}); err != nil {
		t.Fatal(err)
	}
	o := openOverview(t, db)
	dir := t.TempDir()
	for _, format := range []string{"png", "svg", "pdf", "csv"} {
		path := filepath.Join(dir, "progress."+format)
		if err := o.save(o.currentFigure(), format, path); err != nil {
			t.Fatalf("save %s: %v", format, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < 20 {
			t.Errorf("%s: %d bytes, %v", format, len(data), err)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "progress.csv"))
	if !strings.Contains(string(csv), "spans,ana,") {
		t.Errorf("progress numbers lack ana's spans:\n%s", csv)
	}
}

func TestOverviewOfAnEmptyProjectSaysSo(t *testing.T) {
	db, _ := testdb.Open(t)
	o := openOverview(t, db)
	if !o.figures["progress"].Empty || !strings.Contains(o.message.Text, "No data yet") {
		t.Errorf("empty project: figure empty %v, message %q", o.figures["progress"].Empty, o.message.Text)
	}
}
