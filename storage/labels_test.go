package storage

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func labelNames(t *testing.T, db *DB) string {
	t.Helper()
	labels, err := db.Labels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range labels {
		names = append(names, l.Name)
	}
	return fmt.Sprint(names)
}

func TestRenamingALabelKeepsItsSpans(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "A claim and a quote.")
	span, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 2, End: 7, Label: "CLAIM"})
	if err != nil {
		t.Fatal(err)
	}
	labels, _ := db.Labels(ctx)
	claim := labels[0]
	claim.Name = "ASSERTION"
	claim.Description = "Renamed."
	if err := db.UpdateLabel(ctx, claim); err != nil {
		t.Fatal(err)
	}
	got, err := db.Span(ctx, span.ID)
	if err != nil || got.Label != "ASSERTION" {
		t.Errorf("span after rename = %+v, %v; want label ASSERTION", got, err)
	}
	if n, err := db.LabelUsage(ctx, "ASSERTION"); n != 1 || err != nil {
		t.Errorf("usage of renamed label = %d, %v", n, err)
	}
	if names := labelNames(t, db); names != "[ASSERTION QUOTE DEMAND CASUALTY]" {
		t.Errorf("labels = %s", names)
	}

	clash := claim
	clash.Name = "QUOTE"
	wantCode(t, db.UpdateLabel(ctx, clash), annotate.ECONFLICT)
	hotkeyClash := claim
	hotkeyClash.Hotkey = "2"
	wantCode(t, db.UpdateLabel(ctx, hotkeyClash), annotate.ECONFLICT)
	missing := claim
	missing.ID = 999
	missing.Name = "GHOST"
	missing.Hotkey = ""
	wantCode(t, db.UpdateLabel(ctx, missing), annotate.ENOTFOUND)
	bad := claim
	bad.Color = "red"
	wantCode(t, db.UpdateLabel(ctx, bad), annotate.EINVALID)
}

func TestCreateLabel(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	label, err := db.CreateLabel(ctx, annotate.Label{Name: "  source quote ", Description: "who is quoted"})
	if err != nil {
		t.Fatal(err)
	}
	if label.Name != "source_quote" || label.ID == 0 || label.Order != 4 || label.Color == "" {
		t.Errorf("created = %+v; want normalised name, an id, order 4 and a colour", label)
	}
	for _, l := range testLabels() {
		if l.Color == label.Color {
			t.Errorf("fallback colour %s is already used by %s", label.Color, l.Name)
		}
	}
	_, err = db.CreateLabel(ctx, annotate.Label{Name: "QUOTE"})
	wantCode(t, err, annotate.ECONFLICT)
	_, err = db.CreateLabel(ctx, annotate.Label{Name: "X", Hotkey: "1"})
	wantCode(t, err, annotate.ECONFLICT)
	_, err = db.CreateLabel(ctx, annotate.Label{Name: "bad,name"})
	wantCode(t, err, annotate.EINVALID)
	_, err = db.CreateLabel(ctx, annotate.Label{Name: "Y", Hotkey: "0"})
	wantCode(t, err, annotate.EINVALID)
	if n := rowCount(t, db, "labels"); n != 5 {
		t.Errorf("%d labels, want 5", n)
	}
}

func TestDeleteLabelRemovesItsSpans(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "One two three four.")
	for _, s := range []annotate.Span{{Start: 0, End: 3, Label: "CLAIM"}, {Start: 4, End: 7, Label: "CLAIM"}, {Start: 8, End: 13, Label: "QUOTE"}} {
		s.DocID = docID
		if _, err := db.CreateSpan(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := db.LabelUsage(ctx, "CLAIM"); n != 2 {
		t.Errorf("usage = %d, want 2", n)
	}
	removed, err := db.DeleteLabel(ctx, "CLAIM")
	if err != nil || removed != 2 {
		t.Errorf("DeleteLabel = %d, %v; want 2 spans removed", removed, err)
	}
	spans, _ := db.Spans(ctx, docID)
	if len(spans) != 1 || spans[0].Label != "QUOTE" {
		t.Errorf("spans left = %+v", spans)
	}
	changes, _ := db.History(ctx, docID)
	deletes := 0
	for _, c := range changes {
		if c.Action == annotate.ActionDelete {
			deletes++
		}
	}
	if deletes != 2 {
		t.Errorf("%d delete entries in the history, want 2", deletes)
	}
	_, err = db.DeleteLabel(ctx, "CLAIM")
	wantCode(t, err, annotate.ENOTFOUND)
	_, err = db.LabelUsage(ctx, "CLAIM")
	wantCode(t, err, annotate.ENOTFOUND)
}

func TestReorderLabels(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	if err := db.ReorderLabels(ctx, []string{"CASUALTY", "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	if names := labelNames(t, db); names != "[CASUALTY QUOTE CLAIM DEMAND]" {
		t.Errorf("order = %s", names)
	}
	wantCode(t, db.ReorderLabels(ctx, []string{"NOPE"}), annotate.ENOTFOUND)
	wantCode(t, db.ReorderLabels(ctx, []string{"QUOTE", "QUOTE"}), annotate.EINVALID)
	if names := labelNames(t, db); names != "[CASUALTY QUOTE CLAIM DEMAND]" {
		t.Errorf("a refused reorder changed the order to %s", names)
	}
}

func TestSeedIsIdempotentAndMarksTheSample(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	sample := &annotate.Document{Title: "Sample", Text: "The sample article — “quoted”."}
	for i := 0; i < 2; i++ {
		if err := db.Seed(ctx, testLabels(), sample); err != nil {
			t.Fatalf("Seed %d: %v", i+1, err)
		}
	}
	if names := labelNames(t, db); names != "[CLAIM QUOTE DEMAND CASUALTY]" {
		t.Errorf("labels = %s", names)
	}
	docs, _ := db.Documents(ctx, annotate.DocumentFilter{})
	if len(docs) != 1 || !docs[0].Sample || docs[0].Status != annotate.StatusNew {
		t.Errorf("documents = %+v, want one sample marked new", docs)
	}
	badLabels := append(testLabels(), annotate.Label{Name: "BAD", Color: "nope"})
	db2 := openTemp(t)
	if err := db2.Seed(ctx, badLabels, sample); err == nil {
		t.Error("Seed with an invalid label succeeded")
	}
	if n := rowCount(t, db2, "labels") + rowCount(t, db2, "documents"); n != 0 {
		t.Errorf("a failed Seed left %d rows", n)
	}
}
