package chart_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/overview"
	"github.com/newsmark/newsmark/app/chart"
	"github.com/newsmark/newsmark/storage"
)

// overviewBenchDB is 10,000 documents with 100,000 spans by two annotators, a
// third of the documents done.
func overviewBenchDB(b *testing.B) (*storage.DB, []annotate.Label) {
	b.Helper()
	ctx := context.Background()
	db, err := storage.Open(filepath.Join(b.TempDir(), "overview.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	labels := []annotate.Label{
		{Name: "CLAIM", Color: "#0072B2", Hotkey: "1"}, {Name: "QUOTE", Color: "#E69F00", Hotkey: "2", Order: 1},
		{Name: "DEMAND", Color: "#009E73", Hotkey: "3", Order: 2}, {Name: "CASUALTY", Color: "#D55E00", Hotkey: "4", Order: 3},
	}
	if err := db.Seed(ctx, labels, nil); err != nil {
		b.Fatal(err)
	}
	for _, annotator := range []string{"ana", "ben"} {
		records := func(yield func(annotate.ImportRecord, error) bool) {
			for i := range 10_000 {
				text := fmt.Sprintf("Article %d. “We will not leave,” said the mayor — at least %d people died, officials said.", i, i%50)
				rec := annotate.ImportRecord{Document: annotate.Document{Title: fmt.Sprintf("Article %d", i), Text: text}}
				if i%3 == 0 {
					rec.Document.Status = annotate.StatusDone
				}
				for j := range 5 {
					rec.Spans = append(rec.Spans, annotate.Span{Start: j * 10, End: j*10 + 8, Label: labels[j%len(labels)].Name})
				}
				if !yield(rec, nil) {
					return
				}
			}
		}
		if _, err := db.Import(ctx, records, annotate.ImportOptions{Annotator: annotator}); err != nil {
			b.Fatal(err)
		}
	}
	return db, labels
}

// BenchmarkOverview10kDocs100kSpans is what opening the Overview window costs: read
// the aggregated counts, compute both charts' numbers and draw them at a window's
// size (1000x640 px at scale 1).
func BenchmarkOverview10kDocs100kSpans(b *testing.B) {
	db, labels := overviewBenchDB(b)
	ctx := context.Background()
	for b.Loop() {
		facts, err := db.OverviewFacts(ctx)
		if err != nil {
			b.Fatal(err)
		}
		theme := chart.Light(labels)
		progress := chart.Progress(overview.ComputeProgress(facts, overview.Filter{}), theme)
		byLabel := chart.Labels(overview.ComputeLabelCounts(facts, labels, overview.Filter{}, overview.ByAnnotator), theme)
		if progress.Empty || byLabel.Series != 2 {
			b.Fatalf("progress empty %v, label series %d", progress.Empty, byLabel.Series)
		}
		progress.Image(1000, 640, 1)
		byLabel.Image(1000, 640, 1)
	}
}
