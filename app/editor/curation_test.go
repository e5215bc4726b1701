package editor

import (
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// curationFixture opens trickyText annotated by alice and bob:
//
//	QUOTE “Ceasefire now,” (0–16)     alice, bob     agreed
//	CLAIM the mayor’s aide (22–38)     alice           disputed
//	CLAIM Port closed (51–62)          alice, bob     agreed
//	QUOTE Ceasefire now (1–14)         bob             disputed
func curationFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, trickyText)
	doc := f.ids[0]
	span := func(who, label string, start, end int) annotate.Span {
		return annotate.Span{DocID: doc, Start: start, End: end, Label: label, Annotator: who}
	}
	_, err := f.db.AddSpans(f.ctx, []annotate.Span{
		span("alice", "QUOTE", 0, 16), span("bob", "QUOTE", 0, 16),
		span("alice", "CLAIM", 22, 38),
		span("alice", "CLAIM", 51, 62), span("bob", "CLAIM", 51, 62),
		span("bob", "QUOTE", 1, 14),
	}, "importer")
	f.must(err)
	f.must(f.ed.Open(doc))
	f.ed.SetLayer(Layer{Mode: LayerCuration})
	f.events = nil
	return f
}

func (f *fixture) states() []CandidateState {
	var out []CandidateState
	for _, c := range f.ed.Candidates() {
		out = append(out, c.State)
	}
	return out
}

func (f *fixture) curated() []annotate.Span {
	var out []annotate.Span
	for _, s := range f.stored(f.ed.DocID()) {
		if s.Annotator == "curator" {
			out = append(out, s)
		}
	}
	return out
}

func TestCandidatesMarkAgreedAndDisputedSpans(t *testing.T) {
	f := curationFixture(t)
	cands := f.ed.Candidates()
	want := []CandidateState{Agreed, Disputed, Disputed, Agreed} // text order: 0–16, 1–14, 22–38, 51–62
	if got := f.states(); !slices.Equal(got, want) {
		t.Fatalf("states %v, want %v", got, want)
	}
	if c := cands[0]; !slices.Equal(c.By, []string{"alice", "bob"}) || c.Of != 2 {
		t.Errorf("first candidate by %v of %d, want alice and bob of 2", c.By, c.Of)
	}
	if got := f.ed.VisibleSpans(); len(got) != 4 || got[1].Annotator != "bob (1 of 2)" {
		t.Errorf("curation view shows %+v", got)
	}
	f.ed.SetLayer(Layer{Mode: LayerAnnotator, Annotator: "bob"})
	if got := f.ed.VisibleSpans(); len(got) != 3 {
		t.Errorf("bob's layer shows %d spans, want 3", len(got))
	}
	if f.ed.ReadOnly() == "" {
		t.Errorf("bob's layer is editable by tester")
	}
	f.ed.SetLayer(Layer{Mode: LayerAll})
	if got := f.ed.VisibleSpans(); len(got) != 6 {
		t.Errorf("all layers show %d spans, want 6", len(got))
	}
}

func TestAcceptAndRejectAreUndoable(t *testing.T) {
	f := curationFixture(t)
	disputed := f.ed.Candidates()[2] // alice's CLAIM 22–38
	span, changed, err := f.ed.Accept(disputed.Span.ID)
	f.must(err)
	if !changed || span.Annotator != "curator" || span.Text != "the mayor’s aide" {
		t.Fatalf("Accept gave %+v (changed %v)", span, changed)
	}
	if got := f.states(); got[2] != Accepted || len(f.curated()) != 1 {
		t.Fatalf("after accept: states %v, curated %v", got, f.curated())
	}
	f.inStep("after accept")
	if _, _, err := f.ed.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := f.states(); got[2] != Disputed || len(f.curated()) != 0 {
		t.Fatalf("after undo: states %v, curated %v", got, f.curated())
	}
	if _, _, err := f.ed.Redo(); err != nil {
		t.Fatal(err)
	}
	if len(f.curated()) != 1 {
		t.Fatalf("redo did not accept again")
	}

	// Rejecting the accepted span deletes the curated copy only.
	changed, err = f.ed.Reject(disputed.Span.ID)
	f.must(err)
	if got := f.states(); !changed || got[2] != Rejected || len(f.curated()) != 0 {
		t.Fatalf("after reject: states %v, curated %v", got, f.curated())
	}
	if n := len(f.stored(f.ed.DocID())); n != 6 {
		t.Errorf("reject touched an annotator's span: %d spans stored, want 6", n)
	}
	applied, _, err := f.ed.Undo()
	f.must(err)
	if got := f.states(); got[2] != Accepted || len(f.curated()) != 1 || applied.Step.Describe() != "rejecting CLAIM" {
		t.Fatalf("after undoing the reject: states %v, curated %v, step %q", got, f.curated(), applied.Step.Describe())
	}
	f.inStep("after undoing the reject")

	// Rejecting an undecided candidate only marks it.
	bobs := f.ed.Candidates()[1]
	changed, err = f.ed.Reject(bobs.Span.ID)
	f.must(err)
	if got := f.states(); !changed || got[1] != Rejected {
		t.Fatalf("after rejecting bob's quote: %v", got)
	}
	f.must(undoErr(f.ed.Undo()))
	if got := f.states(); got[1] != Disputed {
		t.Fatalf("after undoing that: %v", got)
	}
}

func undoErr(_ Applied, _ bool, err error) error { return err }

func TestAcceptAgreedIsOneUndoableStep(t *testing.T) {
	f := curationFixture(t)
	n, err := f.ed.AcceptAgreed(0)
	f.must(err)
	if n != 2 || len(f.curated()) != 2 {
		t.Fatalf("accepted %d, curated %v; want the two agreed spans", n, f.curated())
	}
	if n, _ := f.ed.AcceptAgreed(0); n != 0 {
		t.Errorf("second accept-all accepted %d, want 0", n)
	}
	applied, _, err := f.ed.Undo()
	f.must(err)
	if len(f.curated()) != 0 || applied.Step.Describe() != "accepting 2 agreed spans" {
		t.Fatalf("undo left %v (step %q)", f.curated(), applied.Step.Describe())
	}
	f.must(undoErr(f.ed.Redo()))
	if len(f.curated()) != 2 {
		t.Fatalf("redo left %v", f.curated())
	}
	f.inStep("after redo")
}

func TestTaggingInTheCurationViewWritesTheCuratedLayer(t *testing.T) {
	f := curationFixture(t)
	span, err := f.ed.Tag(40, 49, "DEMAND")
	f.must(err)
	if span.Annotator != "curator" {
		t.Errorf("tagged as %q in the curation view, want curator", span.Annotator)
	}
	f.ed.SetLayer(Layer{Mode: LayerAll})
	span, err = f.ed.Tag(40, 49, "DEMAND")
	f.must(err)
	if span.Annotator != "tester" {
		t.Errorf("tagged as %q in the all-layers view, want tester", span.Annotator)
	}
}

func TestRejectionsAndCurationStepsSurviveALabelRename(t *testing.T) {
	f := curationFixture(t)
	cands := f.ed.Candidates()
	_, err := f.ed.Reject(cands[2].Span.ID) // alice's CLAIM 22–38
	f.must(err)
	_, _, err = f.ed.Accept(cands[3].Span.ID) // CLAIM 51–62
	f.must(err)
	f.renameLabel("CLAIM", "ASSERTION")
	if got := f.states(); got[2] != Rejected || got[3] != Accepted {
		t.Fatalf("after renaming CLAIM: states %v, want the rejection and the acceptance kept", got)
	}
	f.must(undoErr(f.ed.Undo())) // the accept, under the new name
	if got := f.states(); got[3] != Agreed || len(f.curated()) != 0 {
		t.Errorf("undoing the accept after the rename: states %v, curated %v", got, f.curated())
	}
}
