package editor

import (
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func (f *fixture) storedRejections() []annotate.Span {
	f.t.Helper()
	list, err := f.db.RejectedCandidates(f.ctx, f.ids[0], "curator")
	f.must(err)
	return list
}

func TestRejectionsAreStoredAndOutlastTheEditor(t *testing.T) {
	f := curationFixture(t)
	bobs := f.ed.Candidates()[1] // bob's QUOTE 1–14
	_, err := f.ed.Reject(bobs.Span.ID)
	f.must(err)
	if got := f.storedRejections(); len(got) != 1 || got[0].Start != 1 || got[0].End != 14 || got[0].Label != "QUOTE" {
		t.Fatalf("stored rejections %+v, want QUOTE 1–14", got)
	}

	// A new session (a restart) sees it decided.
	again := New(f.db, Options{Annotator: "tester"})
	f.must(again.ReloadLabels())
	f.must(again.Open(f.ids[0]))
	again.SetLayer(Layer{Mode: LayerCuration})
	if got := again.Candidates()[1]; got.State != Rejected {
		t.Fatalf("after a restart bob's QUOTE is %v, want rejected", got.State)
	}
	// Another curated layer has its own decisions.
	other := New(f.db, Options{Annotator: "tester", Curator: "gold"})
	f.must(other.ReloadLabels())
	f.must(other.Open(f.ids[0]))
	if got := other.Candidates()[1]; got.State != Disputed {
		t.Errorf("curated layer gold sees curator's rejection: %v", got.State)
	}

	// Undo in the first session takes the stored rejection back.
	f.must(undoErr(f.ed.Undo()))
	if got := f.storedRejections(); len(got) != 0 {
		t.Fatalf("after undo %d rejections stored, want none", len(got))
	}
	f.must(undoErr(f.ed.Redo()))
	if got := f.storedRejections(); len(got) != 1 {
		t.Fatalf("after redo %d rejections stored, want 1", len(got))
	}
}

func TestAcceptingARejectedCandidateTakesTheRejectionBackUndoably(t *testing.T) {
	f := curationFixture(t)
	disputed := f.ed.Candidates()[2] // alice's CLAIM 22–38
	_, err := f.ed.Reject(disputed.Span.ID)
	f.must(err)
	_, changed, err := f.ed.Accept(disputed.Span.ID)
	f.must(err)
	if !changed || len(f.storedRejections()) != 0 || f.states()[2] != Accepted {
		t.Fatalf("accept after reject: changed %v, %d rejections stored, state %v", changed, len(f.storedRejections()), f.states()[2])
	}
	f.must(undoErr(f.ed.Undo()))
	if len(f.storedRejections()) != 1 || f.states()[2] != Rejected || len(f.curated()) != 0 {
		t.Fatalf("undoing the accept: %d rejections stored, state %v, curated %v; want rejected again",
			len(f.storedRejections()), f.states()[2], f.curated())
	}
	f.inStep("after undo")
}

func TestRejectingAnAcceptedSpanStoresTheRejectionAndDeletesTheCopy(t *testing.T) {
	f := curationFixture(t)
	agreed := f.ed.Candidates()[0]
	_, _, err := f.ed.Accept(agreed.Span.ID)
	f.must(err)
	_, err = f.ed.Reject(agreed.Span.ID)
	f.must(err)
	if len(f.curated()) != 0 || len(f.storedRejections()) != 1 {
		t.Fatalf("reject of an accepted span: curated %v, %d stored rejections", f.curated(), len(f.storedRejections()))
	}
	f.must(undoErr(f.ed.Undo()))
	if len(f.curated()) != 1 || len(f.storedRejections()) != 0 {
		t.Fatalf("undo: curated %v, %d stored rejections; want the copy back and no rejection", f.curated(), len(f.storedRejections()))
	}
}
