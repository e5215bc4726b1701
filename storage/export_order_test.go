package storage

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// TestExportSpanOrderMatchesSpans checks that Export, which sorts each document's
// spans in Go, gives the text order Spans gets from SQL (start, longer first, then
// id), with spans created out of order, nested, sharing a range under two labels,
// and across documents whose spans were created interleaved. It also checks that
// every span keeps its label, times and note.
func TestExportSpanOrderMatchesSpans(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	a := importOne(t, db, "“Alpha” beta — gamma 😀 delta epsilon.")
	b := importOne(t, db, "Zeta eta\r\ntheta iota kappa.")
	adds := []struct {
		doc        int64
		start, end int
		label      string
	}{
		{a, 10, 15, "CLAIM"}, {b, 0, 4, "QUOTE"}, {a, 0, 7, "QUOTE"}, {a, 0, 20, "CLAIM"}, {b, 5, 8, "CLAIM"},
		{a, 10, 15, "QUOTE"}, {a, 21, 22, "CASUALTY"}, {b, 0, 8, "DEMAND"}, {a, 0, 7, "CLAIM"}, {a, 1, 6, "DEMAND"},
	}
	for i, add := range adds {
		if _, err := db.CreateSpan(ctx, annotate.Span{DocID: add.doc, Start: add.start, End: add.end, Label: add.label,
			Annotator: fmt.Sprint("a", i%2), Note: fmt.Sprint("note ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.SetSpanNote(ctx, 3, "edited later", "x"); err != nil { // updated_at now differs from created_at
		t.Fatal(err)
	}
	exported := 0
	for doc, err := range db.Export(ctx, annotate.ExportFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.Spans(ctx, doc.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%+v", doc.Spans) != fmt.Sprintf("%+v", want) {
			t.Errorf("document %d:\nexport %+v\nspans  %+v", doc.Document.ID, doc.Spans, want)
		}
		exported += len(doc.Spans)
	}
	if exported != len(adds) {
		t.Errorf("exported %d spans, want %d", exported, len(adds))
	}
	// AllSpans gives the same spans, in id order, each with its document's title.
	prev := int64(0)
	for rec, err := range db.AllSpans(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if rec.ID <= prev {
			t.Errorf("span %d after span %d", rec.ID, prev)
		}
		prev = rec.ID
		one, err := db.Span(ctx, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%+v", rec.Span) != fmt.Sprintf("%+v", one) {
			t.Errorf("AllSpans %+v, Span %+v", rec.Span, one)
		}
		doc, err := db.Document(ctx, rec.DocID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.DocTitle != doc.Title || rec.DocStatus != doc.Status {
			t.Errorf("span %d: title %q status %q, want %q %q", rec.ID, rec.DocTitle, rec.DocStatus, doc.Title, doc.Status)
		}
	}
}
