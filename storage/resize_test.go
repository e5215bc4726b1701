package storage

import (
	"context"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestResizeSpanMovesItsEndsAndRecordsTheChange(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	text := "“We stay,” said Pavić —\u00a0calmly.\r\nNext"
	docID := importOne(t, db, text)
	span, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 1, End: 8, Label: "QUOTE", Annotator: "ann", Note: "keep me"})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("widening to the quote marks reads the new text and keeps id, label and note", func(t *testing.T) {
		got, err := db.ResizeSpan(ctx, span.ID, 0, 10, "ann")
		if err != nil {
			t.Fatal(err)
		}
		stored, _ := db.Span(ctx, span.ID)
		for _, s := range []annotate.Span{got, stored} {
			if s.ID != span.ID || s.Start != 0 || s.End != 10 || s.Text != "“We stay,”" || s.Label != "QUOTE" || s.Note != "keep me" {
				t.Fatalf("after resize: %+v", s)
			}
		}
		history, err := db.History(ctx, docID)
		if err != nil {
			t.Fatal(err)
		}
		last := history[len(history)-1]
		if last.Before == nil || last.After == nil || last.Before.End != 8 || last.After.End != 10 || last.SpanID != span.ID {
			t.Fatalf("history row: %+v", last)
		}
	})
	t.Run("across NBSP and CRLF the text is cut in code points", func(t *testing.T) {
		got, err := db.ResizeSpan(ctx, span.ID, 23, 36, "ann")
		if err != nil {
			t.Fatal(err)
		}
		if want := string([]rune(text)[23:36]); got.Text != want {
			t.Fatalf("text %q, want %q", got.Text, want)
		}
	})
	t.Run("a range outside the text or empty is refused and nothing changes", func(t *testing.T) {
		before, _ := db.Span(ctx, span.ID)
		for _, r := range [][2]int{{0, 99}, {5, 5}, {-1, 3}} {
			if _, err := db.ResizeSpan(ctx, span.ID, r[0], r[1], "ann"); annotate.ErrorCode(err) != annotate.EINVALID {
				t.Fatalf("resize to %v: err %v, want EINVALID", r, err)
			}
		}
		if after, _ := db.Span(ctx, span.ID); after.Start != before.Start || after.End != before.End {
			t.Fatalf("a refused resize moved the span to %d-%d", after.Start, after.End)
		}
	})
	t.Run("onto another span of the same label and annotator is a conflict", func(t *testing.T) {
		other, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 11, End: 15, Label: "QUOTE", Annotator: "ann"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ResizeSpan(ctx, span.ID, other.Start, other.End, "ann"); annotate.ErrorCode(err) != annotate.ECONFLICT {
			t.Fatalf("err %v, want ECONFLICT", err)
		}
	})
}
