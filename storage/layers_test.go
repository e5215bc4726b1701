package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// layerText has curly quotes, an em dash, NBSP, an emoji outside the BMP and CRLF,
// so code-point offsets differ from bytes and UTF-16 units.
const layerText = "“Pavić” said\u00a0— 😀 the plant is safe.\r\nPolice: 12 dead."

func by(who, label string, start, end int) annotate.Span {
	return annotate.Span{Label: label, Start: start, End: end, Annotator: who}
}

func collectLayers(t *testing.T, db *DB, filter annotate.LayerFilter) []annotate.DocumentLayers {
	t.Helper()
	var out []annotate.DocumentLayers
	for doc, err := range db.Layers(context.Background(), filter) {
		if err != nil {
			t.Fatalf("Layers: %v", err)
		}
		out = append(out, doc)
	}
	return out
}

func TestLayersPicksDocumentsByAnnotatorsAndLabels(t *testing.T) {
	db := openSeeded(t)
	shared := importOne(t, db, layerText,
		by("alice", "QUOTE", 0, 7), by("bob", "QUOTE", 0, 7), by("bob", "CLAIM", 18, 38), by("curator", "QUOTE", 0, 7))
	single := importOne(t, db, "Only Alice read this one.", by("alice", "CLAIM", 0, 4))
	importOne(t, db, "Nobody annotated this.")

	docs := collectLayers(t, db, annotate.LayerFilter{Exclude: []string{"curator"}, MinAnnotators: 2})
	if len(docs) != 1 || docs[0].ID != shared {
		t.Fatalf("documents annotated by two: %+v, want only %d", docs, shared)
	}
	doc := docs[0]
	if !slices.Equal(doc.Annotators, []string{"alice", "bob"}) {
		t.Errorf("annotators %v, want alice and bob (curator excluded)", doc.Annotators)
	}
	if doc.Length != 53 || doc.Title == "" {
		t.Errorf("length %d title %q, want 53 code points and a title", doc.Length, doc.Title)
	}
	if got := doc.Layer("bob"); len(got) != 2 || got[1].Label != "CLAIM" || got[1].Start != 18 || got[1].ID == 0 {
		t.Errorf("bob's layer %+v", got)
	}

	all := collectLayers(t, db, annotate.LayerFilter{})
	if len(all) != 2 || all[1].ID != single || !all[0].Has("curator") {
		t.Errorf("every annotated document: %+v, want %d (with curator) and %d", all, shared, single)
	}
	quotes := collectLayers(t, db, annotate.LayerFilter{Annotators: []string{"bob"}, Labels: []string{"QUOTE"}})
	if len(quotes) != 1 || len(quotes[0].Spans) != 1 || quotes[0].Spans[0].Label != "QUOTE" {
		t.Errorf("bob's quotes: %+v", quotes)
	}
	if got := collectLayers(t, db, annotate.LayerFilter{DocIDs: []int64{single}}); len(got) != 1 || got[0].ID != single {
		t.Errorf("one document: %+v", got)
	}
}

func TestAnnotatorProgressCountsDocumentsAndThoseLackingASecondAnnotator(t *testing.T) {
	db := openSeeded(t)
	ctx := context.Background()
	shared := importOne(t, db, layerText, by("alice", "QUOTE", 0, 7), by("bob", "QUOTE", 0, 7), by("curator", "QUOTE", 0, 7))
	single := importOne(t, db, "Only Alice read this one.", by("alice", "CLAIM", 0, 4), by("alice", "QUOTE", 5, 10), by("curator", "CLAIM", 0, 4))
	importOne(t, db, "Nobody annotated this.")
	if err := db.SetDocumentStatus(ctx, shared, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	p, err := db.AnnotatorProgress(ctx, "curator")
	if err != nil {
		t.Fatal(err)
	}
	want := []annotate.AnnotatorProgress{
		{Name: "alice", Documents: 2, Spans: 3, Done: 1},
		{Name: "bob", Documents: 1, Spans: 1, Done: 1},
		{Name: "curator", Documents: 2, Spans: 2, Done: 1},
	}
	if !slices.Equal(p.Annotators, want) {
		t.Errorf("annotators %+v, want %+v", p.Annotators, want)
	}
	if p.Documents != 3 || p.Unannotated != 1 || p.Single != 1 || p.Shared != 1 {
		t.Errorf("documents %d, unannotated %d, single %d, shared %d; want 3, 1, 1, 1", p.Documents, p.Unannotated, p.Single, p.Shared)
	}
	if len(p.NeedSecond) != 1 || p.NeedSecond[0].ID != single || p.NeedSecond[0].Annotator != "alice" {
		t.Errorf("need a second annotator: %+v, want %d by alice", p.NeedSecond, single)
	}
}

func TestAddSpansIsIdempotentAndAllOrNothing(t *testing.T) {
	db := openSeeded(t)
	ctx := context.Background()
	doc := importOne(t, db, layerText, by("alice", "QUOTE", 0, 7))
	spans := []annotate.Span{
		{DocID: doc, Start: 0, End: 7, Label: "QUOTE", Annotator: "curator"},
		{DocID: doc, Start: 15, End: 35, Label: "CLAIM", Annotator: "curator"},
	}
	added, err := db.AddSpans(ctx, spans, "carol")
	if err != nil || added != 2 {
		t.Fatalf("AddSpans = %d, %v; want 2", added, err)
	}
	stored, err := db.Spans(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	var curated []annotate.Span
	for _, s := range stored {
		if s.Annotator == "curator" {
			curated = append(curated, s)
		}
	}
	if len(curated) != 2 || curated[0].Text != "“Pavić”" || curated[1].Text != "😀 the plant is safe." || curated[1].Label != "CLAIM" {
		t.Errorf("curated spans %+v", curated)
	}
	history, err := db.History(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if last := history[len(history)-1]; last.Action != annotate.ActionCreate || last.Annotator != "carol" || last.After.Annotator != "curator" {
		t.Errorf("last history entry %+v, want a create by carol of a curator span", last)
	}

	spansBefore, historyBefore := rowCount(t, db, "spans"), rowCount(t, db, "span_history")
	if added, err := db.AddSpans(ctx, spans, "carol"); err != nil || added != 0 {
		t.Errorf("second AddSpans = %d, %v; want 0 added", added, err)
	}
	bad := append(slices.Clone(spans), annotate.Span{DocID: doc, Start: 3, End: 4, Label: "QUOTE", Annotator: "curator"},
		annotate.Span{DocID: doc, Start: 40, End: 99, Label: "QUOTE", Annotator: "curator"})
	_, err = db.AddSpans(ctx, bad, "carol")
	wantCode(t, err, annotate.EINVALID)
	_, err = db.AddSpans(ctx, []annotate.Span{{DocID: doc, Start: 3, End: 4, Label: "NOPE", Annotator: "curator"}}, "carol")
	wantCode(t, err, annotate.ENOTFOUND)
	if rowCount(t, db, "spans") != spansBefore || rowCount(t, db, "span_history") != historyBefore {
		t.Errorf("a refused AddSpans changed the database")
	}
}

func TestLayersKeepsEachDocumentsSpansApartAcrossBlocks(t *testing.T) {
	db := openSeeded(t)
	const docs, perDoc = 1000, 10 // 10,000 spans: more than one block of spanBlock
	var recs []annotate.ImportRecord
	for d := range docs {
		text := fmt.Sprintf("Article %04d — “quoted” words follow here, enough for ten spans of five.", d)
		rec := textRecord(fmt.Sprintf("doc%d.txt", d), text)
		for i := range perDoc {
			rec.Spans = append(rec.Spans, by("alice", "QUOTE", i*5, i*5+4))
		}
		recs = append(recs, rec)
	}
	if _, err := db.Import(context.Background(), records(recs), annotate.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	got := collectLayers(t, db, annotate.LayerFilter{})
	if len(got) != docs {
		t.Fatalf("%d documents, want %d", len(got), docs)
	}
	for _, doc := range got {
		if len(doc.Spans) != perDoc {
			t.Fatalf("document %d has %d spans, want %d", doc.ID, len(doc.Spans), perDoc)
		}
		for i, s := range doc.Spans {
			if s.DocID != doc.ID || s.Start != i*5 {
				t.Fatalf("document %d span %d is %+v", doc.ID, i, s)
			}
		}
	}
}
