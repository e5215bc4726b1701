package storage

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// pythonSlice is text[start:end] counted in code points, computed independently of
// annotate.Offsets.
func pythonSlice(text string, start, end int) string {
	return string([]rune(text)[start:end])
}

func TestSpanTextIsCutInCodePoints(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	text := "He said: “We won’t leave—ever.”\u00a0😀 Then\r\nshe left 😀😀 “fine”."
	docID := importOne(t, db, text)
	runes := []rune(text)
	cases := []struct {
		name       string
		start, end int
	}{
		{"the curly quote from its opening mark", 9, 31},
		{"the em dash alone", 24, 25},
		{"the non-breaking space and the emoji", 31, 33},
		{"across the CRLF", 36, 43},
		{"the carriage return alone", 38, 39},
		{"two emoji in a row", 52, 54},
		{"the last character", len(runes) - 1, len(runes)},
		{"the whole text", 0, len(runes)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			span, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: c.start, End: c.end, Label: "QUOTE", Annotator: "t-" + c.name})
			if err != nil {
				t.Fatal(err)
			}
			want := pythonSlice(text, c.start, c.end)
			if span.Text != want {
				t.Errorf("CreateSpan text = %q, want %q", span.Text, want)
			}
			stored, err := db.Span(ctx, span.ID)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Text != want || stored.Start != c.start || stored.End != c.end {
				t.Errorf("stored span = %+v, want %d-%d %q", stored, c.start, c.end, want)
			}
		})
	}
	doc, _ := db.Document(ctx, docID)
	if doc.Text != text {
		t.Errorf("document text changed: %q", doc.Text)
	}
	docs, _ := db.Documents(ctx, annotate.DocumentFilter{})
	if docs[0].Length != len(runes) || docs[0].SpanCount != len(cases) {
		t.Errorf("summary = %+v, want length %d and %d spans", docs[0], len(runes), len(cases))
	}
}

func TestCreateSpanRefusesBadSpans(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Ten chars😀") // 10 code points, 11 UTF-16 units
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 3, Label: "CLAIM", Annotator: "a"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		span annotate.Span
		code string
	}{
		{"an end past the text", annotate.Span{DocID: docID, Start: 5, End: 11, Label: "CLAIM"}, annotate.EINVALID},
		{"a negative start", annotate.Span{DocID: docID, Start: -1, End: 2, Label: "CLAIM"}, annotate.EINVALID},
		{"start equal to end", annotate.Span{DocID: docID, Start: 4, End: 4, Label: "CLAIM"}, annotate.EINVALID},
		{"start after end", annotate.Span{DocID: docID, Start: 6, End: 4, Label: "CLAIM"}, annotate.EINVALID},
		{"no label", annotate.Span{DocID: docID, Start: 0, End: 2}, annotate.EINVALID},
		{"an unknown label", annotate.Span{DocID: docID, Start: 0, End: 2, Label: "NOPE"}, annotate.ENOTFOUND},
		{"a missing document", annotate.Span{DocID: docID + 100, Start: 0, End: 2, Label: "CLAIM"}, annotate.ENOTFOUND},
		{"the same span again", annotate.Span{DocID: docID, Start: 0, End: 3, Label: "CLAIM", Annotator: "a"}, annotate.ECONFLICT},
	}
	for _, c := range cases {
		t.Run(c.name+" is refused", func(t *testing.T) {
			_, err := db.CreateSpan(ctx, c.span)
			wantCode(t, err, c.code)
		})
	}
	// The same range by another annotator or with another label is fine.
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 3, Label: "CLAIM", Annotator: "b"}); err != nil {
		t.Errorf("same span by another annotator: %v", err)
	}
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 9, End: 10, Label: "QUOTE"}); err != nil {
		t.Errorf("span over the emoji (last code point): %v", err)
	}
	if n := rowCount(t, db, "spans"); n != 3 {
		t.Errorf("%d spans stored, want 3", n)
	}
}

func TestSpansComeInTextOrder(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "0123456789abcdefghij")
	for _, r := range [][2]int{{10, 12}, {2, 4}, {0, 8}, {2, 8}, {15, 20}} {
		if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: r[0], End: r[1], Label: "CLAIM"}); err != nil {
			t.Fatal(err)
		}
	}
	spans, err := db.Spans(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range spans {
		got = append(got, fmt.Sprintf("%d-%d", s.Start, s.End))
	}
	if fmt.Sprint(got) != "[0-8 2-8 2-4 10-12 15-20]" {
		t.Errorf("order = %v, want start ascending, containers first", got)
	}
}

func TestFirstSpanMovesANewDocumentToInProgress(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Some text to annotate.")
	if doc, _ := db.Document(ctx, docID); doc.Status != annotate.StatusNew {
		t.Fatalf("imported status = %s, want new", doc.Status)
	}
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 4, Label: "CLAIM"}); err != nil {
		t.Fatal(err)
	}
	if doc, _ := db.Document(ctx, docID); doc.Status != annotate.StatusInProgress {
		t.Errorf("status after first span = %s, want in_progress", doc.Status)
	}
	if err := db.SetDocumentStatus(ctx, docID, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 5, End: 9, Label: "CLAIM"}); err != nil {
		t.Fatal(err)
	}
	if doc, _ := db.Document(ctx, docID); doc.Status != annotate.StatusDone {
		t.Errorf("a done document became %s after another span", doc.Status)
	}
}

func TestEveryChangeIsInTheHistory(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "“Quote” and a claim.")

	created, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 7, Label: "CLAIM", Annotator: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	relabelled, err := db.RelabelSpan(ctx, created.ID, "QUOTE", "bob")
	if err != nil {
		t.Fatal(err)
	}
	if relabelled.Label != "QUOTE" || relabelled.Annotator != "ann" || relabelled.ID != created.ID {
		t.Errorf("relabelled = %+v; want QUOTE, annotator kept, same id", relabelled)
	}
	noted, err := db.SetSpanNote(ctx, created.ID, "speaker unnamed — check", "cy")
	if err != nil {
		t.Fatal(err)
	}
	if noted.Note != "speaker unnamed — check" || noted.Label != "QUOTE" {
		t.Errorf("noted = %+v", noted)
	}
	if err := db.DeleteSpan(ctx, created.ID, "dee"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Span(ctx, created.ID); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("deleted span still readable: %v", err)
	}
	// Another span created meanwhile must not take the old id.
	other, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 12, End: 19, Label: "CLAIM"})
	if err != nil {
		t.Fatal(err)
	}
	if other.ID == created.ID {
		t.Fatalf("new span reused deleted id %d", created.ID)
	}
	restored, err := db.RestoreSpan(ctx, noted, "eve")
	if err != nil {
		t.Fatal(err)
	}
	if restored.ID != created.ID || restored.Note != noted.Note || restored.Label != "QUOTE" || restored.Text != "“Quote”" || !restored.CreatedAt.Equal(created.CreatedAt) {
		t.Errorf("restored = %+v, want the deleted span back under id %d", restored, created.ID)
	}
	if stored, err := db.Span(ctx, created.ID); err != nil || !reflect.DeepEqual(stored, restored) {
		t.Errorf("stored after restore = %+v, %v; want %+v", stored, err, restored)
	}
	_, err = db.RestoreSpan(ctx, noted, "eve")
	wantCode(t, err, annotate.ECONFLICT)

	changes, err := db.History(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		entry := fmt.Sprintf("%s span %d by %s", c.Action, c.SpanID, c.Annotator)
		if c.Before != nil {
			entry += " from " + c.Before.Label + "/" + c.Before.Note
		}
		if c.After != nil {
			entry += " to " + c.After.Label + "/" + c.After.Note
		}
		got = append(got, entry)
	}
	id, otherID := created.ID, other.ID
	want := []string{
		fmt.Sprintf("create span %d by ann to CLAIM/", id),
		fmt.Sprintf("relabel span %d by bob from CLAIM/ to QUOTE/", id),
		fmt.Sprintf("note span %d by cy from QUOTE/ to QUOTE/speaker unnamed — check", id),
		fmt.Sprintf("delete span %d by dee from QUOTE/speaker unnamed — check", id),
		fmt.Sprintf("create span %d by  to CLAIM/", otherID),
		fmt.Sprintf("restore span %d by eve to QUOTE/speaker unnamed — check", id),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history:\n got %q\nwant %q", got, want)
	}
	for i := 1; i < len(changes); i++ {
		if changes[i].At.Before(changes[i-1].At) {
			t.Errorf("history entry %d is older than the one before", i)
		}
	}
}

func TestRelabelAndNoteEdgeCases(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Some words here.")
	a, _ := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 4, Label: "CLAIM"})
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 4, Label: "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	_, err := db.RelabelSpan(ctx, a.ID, "QUOTE", "")
	wantCode(t, err, annotate.ECONFLICT)
	_, err = db.RelabelSpan(ctx, a.ID, "NOPE", "")
	wantCode(t, err, annotate.ENOTFOUND)
	_, err = db.RelabelSpan(ctx, 9999, "CLAIM", "")
	wantCode(t, err, annotate.ENOTFOUND)
	_, err = db.SetSpanNote(ctx, 9999, "x", "")
	wantCode(t, err, annotate.ENOTFOUND)
	wantCode(t, db.DeleteSpan(ctx, 9999, ""), annotate.ENOTFOUND)
	historyBefore := rowCount(t, db, "span_history")
	same, err := db.RelabelSpan(ctx, a.ID, "CLAIM", "")
	if err != nil || same.Label != "CLAIM" {
		t.Errorf("relabel to the same label = %+v, %v", same, err)
	}
	if n := rowCount(t, db, "span_history"); n != historyBefore {
		t.Errorf("a no-op relabel added %d history entries", n-historyBefore)
	}
}
