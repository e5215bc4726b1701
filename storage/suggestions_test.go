package storage

import (
	"context"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func pending(label string, start, end int, text string) annotate.StoredSuggestion {
	return annotate.StoredSuggestion{Label: label, Start: start, End: end, Text: text, Rule: label + ": test rule", Confidence: 0.9, MentionStart: -1, MentionEnd: -1}
}

func TestPendingSuggestionsAreReplacedAndRejectionsRemembered(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	text := "“Go,” said Ana 😀 Bell.\r\nAt least 3 people died."
	docID := importOne(t, db, text)
	quote := pending("QUOTE", 0, 5, "“Go,”")
	quote.Source, quote.MentionStart, quote.MentionEnd, quote.MentionRule = "Ana Bell", 11, 19, "speaker named after the quote"
	casualty := pending("CASUALTY", 23, 45, "At least 3 people died")
	casualty.Attrs = map[string]any{"count": int64(3), "qualifier": "at least", "kind": "dead", "group": "people"}
	n, err := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{quote, casualty})
	if err != nil || n != 2 {
		t.Fatalf("stored %d, %v", n, err)
	}
	got, err := db.PendingSuggestions(ctx, docID)
	if err != nil || len(got) != 2 {
		t.Fatalf("pending %+v, %v", got, err)
	}
	if got[0].Source != "Ana Bell" || got[0].MentionStart != 11 || got[1].Attrs["count"] != int64(3) || got[1].Attrs["kind"] != "dead" || got[1].MentionStart != -1 {
		t.Fatalf("read back %+v", got)
	}

	if err := db.RejectSuggestion(ctx, docID, "QUOTE", 0, 5, "ana"); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.PendingSuggestions(ctx, docID); len(got) != 1 || got[0].Label != "CASUALTY" {
		t.Fatalf("after reject: %+v", got)
	}
	// Suggesting again never brings a rejected suggestion back.
	if n, err := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{quote, casualty}); err != nil || n != 1 {
		t.Fatalf("re-suggest stored %d, %v", n, err)
	}
	rejected, _ := db.RejectedSuggestions(ctx, docID)
	if len(rejected) != 1 || rejected[0].Label != "QUOTE" || rejected[0].End != 5 {
		t.Fatalf("rejected %+v", rejected)
	}
	if err := db.UnrejectSuggestion(ctx, docID, "QUOTE", 0, 5); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{quote}); n != 1 {
		t.Fatalf("after undo of the rejection, stored %d", n)
	}
}

func TestSuggestionsAlreadyAnnotatedAreNotStored(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Nine miners died.", annotate.Span{Start: 0, End: 16, Label: "CASUALTY"})
	n, err := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{pending("CASUALTY", 0, 16, "Nine miners died"), pending("CLAIM", 0, 16, "Nine miners died")})
	if err != nil || n != 1 {
		t.Fatalf("stored %d, %v", n, err)
	}
}

func TestABadSuggestionStoresNothing(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "short")
	if _, err := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{pending("QUOTE", 0, 3, "sho")}); err != nil {
		t.Fatal(err)
	}
	_, err := db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{pending("QUOTE", 0, 2, "sh"), pending("QUOTE", 2, 99, "?")})
	wantCode(t, err, annotate.EINVALID)
	if got, _ := db.PendingSuggestions(ctx, docID); len(got) != 1 || got[0].End != 3 {
		t.Fatalf("a failed replace changed the pending suggestions: %+v", got)
	}
	_, err = db.ReplacePendingSuggestions(ctx, 999, nil)
	wantCode(t, err, annotate.ENOTFOUND)
	wantCode(t, db.RejectSuggestion(ctx, 999, "QUOTE", 0, 1, ""), annotate.ENOTFOUND)
}

func TestDeletingADocumentDropsItsSuggestions(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Five died.")
	db.ReplacePendingSuggestions(ctx, docID, []annotate.StoredSuggestion{pending("CASUALTY", 0, 9, "Five died")})
	db.RejectSuggestion(ctx, docID, "CLAIM", 0, 9, "")
	if err := db.DeleteDocument(ctx, docID); err != nil {
		t.Fatal(err)
	}
	if rowCount(t, db, "pending_suggestions") != 0 || rowCount(t, db, "rejected_suggestions") != 0 {
		t.Fatal("suggestions outlived their document")
	}
}
