package storage

import (
	"context"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestCurationRejectionsAreKeptPerCuratedLayerAndFollowTheirLabel(t *testing.T) {
	db := openSeeded(t)
	ctx := context.Background()
	doc := importOne(t, db, layerText, by("alice", "QUOTE", 0, 7))
	// “Pavić” is code points 0–7.
	if err := db.RejectCandidate(ctx, doc, " QUOTE ", 0, 7, "curator", "carol"); err != nil {
		t.Fatal(err)
	}
	if err := db.RejectCandidate(ctx, doc, "QUOTE", 0, 7, "curator", "carol"); err != nil {
		t.Fatalf("rejecting twice: %v", err)
	}
	got, err := db.RejectedCandidates(ctx, doc, "curator")
	if err != nil || len(got) != 1 || got[0].DocID != doc || got[0].Start != 0 || got[0].End != 7 || got[0].Label != "QUOTE" {
		t.Fatalf("rejections %+v (%v), want QUOTE 0–7 once", got, err)
	}
	if other, _ := db.RejectedCandidates(ctx, doc, "gold"); len(other) != 0 {
		t.Errorf("curated layer gold has %+v", other)
	}

	length := annotate.RuneLen(layerText)
	wantCode(t, db.RejectCandidate(ctx, doc, "QUOTE", 5, length+1, "curator", "carol"), annotate.EINVALID)
	wantCode(t, db.RejectCandidate(ctx, doc, "QUOTE", 7, 7, "curator", "carol"), annotate.EINVALID)
	wantCode(t, db.RejectCandidate(ctx, doc+99, "QUOTE", 0, 7, "curator", "carol"), annotate.ENOTFOUND)
	wantCode(t, db.RejectCandidate(ctx, doc, "NO_SUCH", 0, 7, "curator", "carol"), annotate.ENOTFOUND)

	labels, err := db.Labels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range labels {
		if l.Name == "QUOTE" {
			l.Name = "STATEMENT"
			if err := db.UpdateLabel(ctx, l); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, _ := db.RejectedCandidates(ctx, doc, "curator"); len(got) != 1 || got[0].Label != "STATEMENT" {
		t.Errorf("after renaming QUOTE: %+v, want the rejection under the new name", got)
	}
	if err := db.UnrejectCandidate(ctx, doc, "STATEMENT", 0, 7, "curator"); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.RejectedCandidates(ctx, doc, "curator"); len(got) != 0 {
		t.Errorf("after taking it back: %+v", got)
	}
	if err := db.UnrejectCandidate(ctx, doc, "STATEMENT", 0, 7, "curator"); err != nil {
		t.Errorf("taking back what is not stored: %v", err)
	}

	if err := db.RejectCandidate(ctx, doc, "STATEMENT", 0, 7, "curator", "carol"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDocument(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if n := rowCount(t, db, "curation_rejections"); n != 0 {
		t.Errorf("%d rejections left after their document was deleted", n)
	}
}
