package editor

import (
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// linkedCurationFixture opens trickyText where alice and bob both marked the
// QUOTE “Ceasefire now,” (0–16) with its SOURCE mention “the mayor’s aide”
// (22–38) linked SOURCE_OF and its source attribute set (alike, but for case),
// and both marked the CLAIM “Port closed” (51–62) with different sources.
func linkedCurationFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, trickyText)
	doc := f.ids[0]
	for _, who := range []string{"alice", "bob"} {
		source := "the mayor’s aide"
		claimSource := "Ana Pavić"
		if who == "bob" {
			source, claimSource = "The Mayor’s aide", "the port authority"
		}
		quote, err := f.db.CreateSpan(f.ctx, annotate.Span{DocID: doc, Start: 0, End: 16, Label: "QUOTE", Annotator: who,
			Attrs: annotate.Attrs{"source": annotate.SourceValue(source)}})
		f.must(err)
		mention, err := f.db.CreateSpan(f.ctx, annotate.Span{DocID: doc, Start: 22, End: 38, Label: "SOURCE", Annotator: who})
		f.must(err)
		_, err = f.db.LinkSpans(f.ctx, annotate.Link{Head: quote.ID, Child: mention.ID, Label: annotate.RelationSource}, who)
		f.must(err)
		_, err = f.db.CreateSpan(f.ctx, annotate.Span{DocID: doc, Start: 51, End: 62, Label: "CLAIM", Annotator: who,
			Attrs: annotate.Attrs{"source": annotate.SourceValue(claimSource)}})
		f.must(err)
	}
	f.must(f.ed.Open(doc))
	f.ed.SetLayer(Layer{Mode: LayerCuration})
	return f
}

func (f *fixture) curatedAt(start, end int, label string) annotate.Span {
	for _, s := range f.curated() {
		if s.Start == start && s.End == end && s.Label == label {
			return s
		}
	}
	return annotate.Span{}
}

func TestAcceptCopiesAgreedAttributesAndTheSourceLinkInOneStep(t *testing.T) {
	f := linkedCurationFixture(t)
	quote := f.ed.Candidates()[0]
	a, err := f.ed.AcceptFrom(quote.Span.ID, "")
	f.must(err)
	if !a.Changed || a.Linked != 1 || a.Pulled != 1 || len(a.Differing) != 0 {
		t.Fatalf("acceptance %+v, want one link and the mention pulled in", a)
	}
	stored := f.curatedAt(0, 16, "QUOTE")
	mention := f.curatedAt(22, 38, "SOURCE")
	if stored.ID == 0 || mention.ID == 0 {
		t.Fatalf("curated layer %+v, want the QUOTE and its SOURCE mention", f.curated())
	}
	if got := stored.Attrs["source"].Text; got != "the mayor’s aide" {
		t.Errorf("curated source %q, want alice's spelling of the name both gave", got)
	}
	if len(stored.Links) != 1 || stored.Links[0].Child != mention.ID || stored.Links[0].Label != annotate.RelationSource {
		t.Errorf("curated QUOTE links %+v, want SOURCE_OF to the curated mention %d", stored.Links, mention.ID)
	}
	f.inStep("after accept")

	applied, _, err := f.ed.Undo()
	f.must(err)
	if len(f.curated()) != 0 || applied.Step.Describe() != "accepting QUOTE" {
		t.Fatalf("one undo left %+v (step %q), want nothing curated", f.curated(), applied.Step.Describe())
	}
	f.must(undoErr(f.ed.Redo()))
	stored = f.curatedAt(0, 16, "QUOTE")
	if len(f.curated()) != 2 || len(stored.Links) != 1 || stored.Attrs["source"].Text == "" {
		t.Fatalf("redo left %+v, want the QUOTE with its source and link, and the mention", f.curated())
	}
	f.inStep("after redo")
}

func TestAcceptLeavesDifferingAttributesEmptyUnlessOneCopyIsPicked(t *testing.T) {
	f := linkedCurationFixture(t)
	claim := f.ed.Candidates()[2]
	if claim.Span.Label != "CLAIM" {
		t.Fatalf("third candidate %+v, want the CLAIM", claim.Span)
	}
	a, err := f.ed.AcceptFrom(claim.Span.ID, "")
	f.must(err)
	if !slices.Equal(a.Differing, []string{"source"}) || len(f.curatedAt(51, 62, "CLAIM").Attrs) != 0 {
		t.Fatalf("merged accept: differing %v, attrs %v; want source left empty", a.Differing, f.curatedAt(51, 62, "CLAIM").Attrs)
	}
	f.must(undoErr(f.ed.Undo()))

	var bobs int64
	for _, s := range f.ed.Spans() {
		if s.Annotator == "bob" && s.Label == "CLAIM" {
			bobs = s.ID
		}
	}
	a, err = f.ed.AcceptFrom(bobs, "bob")
	f.must(err)
	if got := f.curatedAt(51, 62, "CLAIM").Attrs["source"].Text; got != "the port authority" || len(a.Differing) != 0 {
		t.Errorf("bob's copy accepted with source %q (differing %v), want his", got, a.Differing)
	}
}

func TestAcceptAgreedLinksStatementsToTheirMentions(t *testing.T) {
	f := linkedCurationFixture(t)
	n, err := f.ed.AcceptAgreed(0)
	f.must(err)
	if n != 3 {
		t.Fatalf("accepted %d, want 3 (QUOTE, SOURCE, CLAIM)", n)
	}
	quote, mention := f.curatedAt(0, 16, "QUOTE"), f.curatedAt(22, 38, "SOURCE")
	if len(quote.Links) != 1 || quote.Links[0].Child != mention.ID {
		t.Errorf("curated QUOTE links %+v, want one to mention %d", quote.Links, mention.ID)
	}
	if quote.Attrs["source"].Text == "" || len(f.curatedAt(51, 62, "CLAIM").Attrs) != 0 {
		t.Errorf("QUOTE attrs %v, CLAIM attrs %v: want the agreed source and nothing for the differing one",
			quote.Attrs, f.curatedAt(51, 62, "CLAIM").Attrs)
	}
	applied, _, err := f.ed.Undo()
	f.must(err)
	if len(f.curated()) != 0 || applied.Step.Describe() != "accepting 3 agreed spans" {
		t.Errorf("undo left %v (%q)", f.curated(), applied.Step.Describe())
	}
	f.inStep("after undo")
}

func TestAcceptingTheMentionLinksItToACuratedStatement(t *testing.T) {
	f := linkedCurationFixture(t)
	var aliceQuote, aliceMention int64
	for _, s := range f.ed.Spans() {
		if s.Annotator == "alice" && s.Label == "QUOTE" {
			aliceQuote = s.ID
		}
		if s.Annotator == "alice" && s.Label == "SOURCE" {
			aliceMention = s.ID
		}
	}
	// The statement first, without its mention: reject the mention beforehand.
	_, err := f.ed.Reject(aliceMention)
	f.must(err)
	a, err := f.ed.AcceptFrom(aliceQuote, "alice")
	f.must(err)
	if a.Pulled != 0 || a.Linked != 0 {
		t.Fatalf("accepting the QUOTE pulled %d, linked %d: a rejected mention stays out", a.Pulled, a.Linked)
	}
	a, err = f.ed.AcceptFrom(aliceMention, "alice")
	f.must(err)
	quote := f.curatedAt(0, 16, "QUOTE")
	if a.Linked != 1 || len(quote.Links) != 1 || quote.Links[0].Child != a.Span.ID {
		t.Errorf("accepting the mention linked %d; curated QUOTE links %+v", a.Linked, quote.Links)
	}
}
