package editor

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/casualty"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/app/internal/testdb"
)

// suggestWithRules is what the app wires: the built-in rules.
func suggestWithRules(text string) []annotate.StoredSuggestion {
	var out []annotate.StoredSuggestion
	for _, s := range suggest.New(nil).Suggest(text) {
		out = append(out, s.Stored(0))
	}
	return out
}

// newSuggestFixture is newFixture with the rules wired in and the first
// document opened again, its suggestions waited for.
func newSuggestFixture(t *testing.T, texts ...string) *fixture {
	t.Helper()
	f := newFixture(t, texts...)
	f.ed.suggest = suggestWithRules
	f.ed.parseCasualty = casualty.SpanAttrs
	f.must(f.ed.Open(f.ids[0]))
	f.ed.Wait()
	f.events = nil
	return f
}

// labelsAt lists the suggestions as "LABEL start-end" for comparison.
func (f *fixture) suggestionAt(label string, start, end int) (int, bool) {
	for i, s := range f.ed.Suggestions() {
		if s.Label == label && s.Start == start && s.End == end {
			return i, true
		}
	}
	return -1, false
}

func TestSuggestionsArriveWhenADocumentOpens(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	qs, qe := cpRange(t, statementText, "“We will not leave,”")
	cs, ce := cpRange(t, statementText, "At least 14 civilians were killed")
	i, ok := f.suggestionAt("QUOTE", qs, qe)
	if !ok {
		t.Fatalf("no QUOTE %d–%d among %+v", qs, qe, f.ed.Suggestions())
	}
	// The speaker's name is written with an NBSP in the text.
	if got := f.ed.Suggestions()[i]; strings.Join(strings.Fields(got.Source), " ") != "Ilse Marrow" || got.Rule == "" || got.DocID != f.ids[0] {
		t.Errorf("QUOTE suggestion = %+v, want source Ilse Marrow, a rule and the document's id", got)
	}
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); !ok {
		t.Fatalf("no CASUALTY %d–%d among %+v", cs, ce, f.ed.Suggestions())
	}
	f.ed.Close()
	if n := len(f.ed.Suggestions()); n != 0 {
		t.Errorf("after Close: %d suggestions", n)
	}
}

func TestASuggestionAlreadyAnnotatedIsNotProposed(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	cs, ce := cpRange(t, statementText, "At least 14 civilians were killed")
	before := len(f.ed.Suggestions())
	_, err := f.ed.Tag(cs, ce, "CASUALTY")
	f.must(err)
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); ok || len(f.ed.Suggestions()) != before-1 {
		t.Errorf("after tagging it by hand: %+v", f.ed.Suggestions())
	}
	// Only the same label counts: the range tagged as CLAIM leaves a CASUALTY proposal.
	_, _, err = f.ed.Undo()
	f.must(err)
	_, err = f.ed.Tag(cs, ce, "CLAIM")
	f.must(err)
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); !ok {
		t.Errorf("a CLAIM over the range hid the CASUALTY suggestion")
	}
}

func TestAcceptingASuggestionTagsItWithItsSourceAsOneUndoableStep(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	qs, qe := cpRange(t, statementText, "“We will not leave,”")
	i, ok := f.suggestionAt("QUOTE", qs, qe)
	if !ok {
		t.Fatal("no QUOTE suggestion")
	}
	span, err := f.ed.AcceptSuggestion(i)
	f.must(err)
	if span.Label != "QUOTE" || span.Start != qs || span.End != qe || span.Annotator != "tester" {
		t.Fatalf("accepted span = %+v", span)
	}
	if v := span.Attrs["source"]; v.Type != annotate.AttrSource || v.Text != "Ilse Marrow" {
		t.Errorf("source attribute = %+v, want Ilse Marrow", span.Attrs)
	}
	f.inStep("after accepting")
	if _, ok := f.suggestionAt("QUOTE", qs, qe); ok {
		t.Error("the accepted suggestion is still proposed")
	}
	applied, ok, err := f.ed.Undo()
	f.must(err)
	if !ok || applied.Gone.ID != span.ID || len(f.stored(f.ids[0])) != 0 {
		t.Fatalf("undo: applied %+v, stored %+v", applied, f.stored(f.ids[0]))
	}
	if _, ok := f.suggestionAt("QUOTE", qs, qe); !ok {
		t.Error("after undoing the accept the suggestion is not proposed again")
	}
	_, _, err = f.ed.Redo()
	f.must(err)
	f.inStep("after redo")
	if got := f.stored(f.ids[0]); len(got) != 1 || got[0].Attrs["source"].Text != "Ilse Marrow" {
		t.Errorf("after redo the database holds %+v", got)
	}
}

func TestAcceptingACasualtySuggestionFillsItsParsedAttributes(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	cs, ce := cpRange(t, statementText, "At least 14 civilians were killed")
	i, ok := f.suggestionAt("CASUALTY", cs, ce)
	if !ok {
		t.Fatal("no CASUALTY suggestion")
	}
	span, err := f.ed.AcceptSuggestion(i)
	f.must(err)
	if span.Attrs["count"].Number != 14 || span.Attrs.Confirmed() {
		t.Errorf("attributes = %+v, want count 14 marked parsed", span.Attrs)
	}
}

func TestARejectedSuggestionIsRememberedAndUndoBringsItBack(t *testing.T) {
	f := newSuggestFixture(t, statementText, "“Other words,” he said.")
	cs, ce := cpRange(t, statementText, "At least 14 civilians were killed")
	i, ok := f.suggestionAt("CASUALTY", cs, ce)
	if !ok {
		t.Fatal("no CASUALTY suggestion")
	}
	n := len(f.ed.Suggestions())
	_, err := f.ed.RejectSuggestion(i)
	f.must(err)
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); ok || len(f.ed.Suggestions()) != n-1 {
		t.Fatalf("after reject: %+v", f.ed.Suggestions())
	}
	if kinds := f.kinds(); len(kinds) == 0 || kinds[len(kinds)-1] != SuggestionsChanged {
		t.Errorf("events after reject = %v, want SuggestionsChanged last", kinds)
	}
	rejected, err := f.db.RejectedSuggestions(f.ctx, f.ids[0])
	f.must(err)
	if len(rejected) != 1 || rejected[0].Label != "CASUALTY" || rejected[0].Start != cs || rejected[0].End != ce {
		t.Fatalf("stored rejections = %+v", rejected)
	}

	// Another editor on the same database (the next session) does not propose it.
	other := New(f.db, Options{Annotator: "tester", Suggest: suggestWithRules})
	f.must(other.ReloadLabels())
	f.must(other.Open(f.ids[0]))
	other.Wait()
	for _, s := range other.Suggestions() {
		if s.Label == "CASUALTY" && s.Start == cs {
			t.Errorf("a new session proposes the rejected suggestion: %+v", s)
		}
	}

	// Undo from another document opens this one and brings it back.
	f.must(f.ed.Open(f.ids[1]))
	f.ed.Wait()
	applied, ok, err := f.ed.Undo()
	f.must(err)
	f.ed.Wait()
	if !ok || applied.Step.Describe() != "rejecting suggestion CASUALTY" || f.ed.DocID() != f.ids[0] {
		t.Fatalf("undo: ok %v, applied %+v, open %d", ok, applied, f.ed.DocID())
	}
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); !ok {
		t.Error("after undo the suggestion is not proposed")
	}
	rejected, err = f.db.RejectedSuggestions(f.ctx, f.ids[0])
	f.must(err)
	if len(rejected) != 0 {
		t.Errorf("after undo the database still holds rejections %+v", rejected)
	}
	_, _, err = f.ed.Redo()
	f.must(err)
	if _, ok := f.suggestionAt("CASUALTY", cs, ce); ok {
		t.Error("after redo the suggestion is proposed again")
	}
}

func TestAcceptingOrRejectingAMissingSuggestionIsAClearError(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	n := len(f.ed.Suggestions())
	if _, err := f.ed.AcceptSuggestion(n); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("accept %d of %d: err = %v, want ENOTFOUND", n, n, err)
	}
	if _, err := f.ed.RejectSuggestion(-1); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("reject -1: err = %v, want ENOTFOUND", err)
	}
	if len(f.stored(f.ids[0])) != 0 {
		t.Error("a failed accept stored a span")
	}
}

func TestALongDocumentGetsItsSuggestionsInTheBackgroundAndAStaleResultIsDropped(t *testing.T) {
	long := strings.Repeat(statementText, syncSuggestLimit/len(statementText)+1)
	f := newFixture(t, long, statementText)
	queued := make(chan func(), 4)
	ed := New(f.db, Options{Annotator: "tester", Suggest: suggestWithRules, Do: func(fn func()) { queued <- fn }})
	f.must(ed.ReloadLabels())
	runQueued := func() {
		ed.Wait()
		for len(queued) > 0 {
			(<-queued)()
		}
	}

	f.must(ed.Open(f.ids[0]))
	if n := len(ed.Suggestions()); n != 0 {
		t.Fatalf("a long document has %d suggestions before the background work reported", n)
	}
	var events []Kind
	ed.Subscribe(func(ev Event) { events = append(events, ev.Kind) })
	runQueued()
	if n, want := len(ed.Suggestions()), 2*strings.Count(long, "civilians"); n != want {
		t.Errorf("long document: %d suggestions, want %d (a quote and a figure per paragraph)", n, want)
	}
	if !slices.Contains(events, SuggestionsChanged) {
		t.Errorf("events = %v, want SuggestionsChanged", events)
	}

	// Opened, then left before its suggestions came: they are not shown for the next one.
	f.must(ed.Open(f.ids[0]))
	f.must(ed.Open(f.ids[1]))
	runQueued()
	for _, s := range ed.Suggestions() {
		if s.DocID != f.ids[1] || s.End > annotate.RuneLen(statementText) {
			t.Fatalf("the short document shows a suggestion of the long one: %+v", s)
		}
	}
	if n := len(ed.Suggestions()); n != 2 {
		t.Errorf("short document: %d suggestions, want 2", n)
	}
}

func TestAcceptingAllSuggestionsIsOneUndoableStep(t *testing.T) {
	f := newSuggestFixture(t, statementText)
	n, err := f.ed.AcceptAllSuggestions()
	f.must(err)
	if n != 2 || len(f.stored(f.ids[0])) != 2 || len(f.ed.Suggestions()) != 0 {
		t.Fatalf("accepted %d, stored %+v, left %d", n, f.stored(f.ids[0]), len(f.ed.Suggestions()))
	}
	f.inStep("after accepting all")
	applied, ok, err := f.ed.Undo()
	f.must(err)
	if !ok || applied.Step.Describe() != "accepting 2 suggestions" {
		t.Fatalf("undo: ok %v, %q", ok, applied.Step.Describe())
	}
	if len(f.stored(f.ids[0])) != 0 || len(f.ed.Suggestions()) != 2 {
		t.Errorf("after one undo: stored %+v, %d suggestions", f.stored(f.ids[0]), len(f.ed.Suggestions()))
	}
	f.inStep("after undo")
	if _, ok, _ := f.ed.Undo(); ok {
		t.Error("accept all took more than one undo step")
	}
}

// unreadableRejections is a store whose rejected suggestions cannot be read.
type unreadableRejections struct{ annotate.Store }

func (unreadableRejections) RejectedSuggestions(context.Context, int64) ([]annotate.StoredSuggestion, error) {
	return nil, errors.New("disk I/O error")
}

func TestADocumentOpensEvenWhenItsSuggestionsCannotBeRead(t *testing.T) {
	f := newFixture(t, statementText)
	ed := New(unreadableRejections{f.db}, Options{Annotator: "tester", Suggest: suggestWithRules})
	var failed error
	ed.Subscribe(func(ev Event) {
		if ev.Kind == SuggestionsChanged {
			failed = ev.Err
		}
	})
	if err := ed.Open(f.ids[0]); err != nil {
		t.Fatalf("Open failed over its suggestions: %v", err)
	}
	if ed.DocID() != f.ids[0] || len(ed.Suggestions()) != 0 {
		t.Errorf("open %d with %d suggestions", ed.DocID(), len(ed.Suggestions()))
	}
	if failed == nil || !strings.Contains(failed.Error(), "disk I/O error") {
		t.Errorf("event error = %v, want the read error", failed)
	}
}

// BenchmarkOpenWithSuggestions opens a document at the size up to which
// suggestions are found at once on the UI goroutine (syncSuggestLimit): the
// wait a reader sees before the document shows.
func BenchmarkOpenWithSuggestions(b *testing.B) {
	text := strings.Repeat(statementText, syncSuggestLimit/len(statementText))
	db, ids := testdb.Open(b, text)
	ed := New(db, Options{Annotator: "bench", Suggest: suggestWithRules})
	if err := ed.ReloadLabels(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := ed.Open(ids[0]); err != nil {
			b.Fatal(err)
		}
	}
	if len(ed.Suggestions()) == 0 {
		b.Fatal("no suggestions")
	}
}

func TestUndoingARejectionAfterTheLabelIsRenamedOrDeleted(t *testing.T) {
	for _, change := range []string{"renamed", "deleted"} {
		t.Run("the label is "+change, func(t *testing.T) {
			f := newSuggestFixture(t, statementText)
			cs, ce := cpRange(t, statementText, "At least 14 civilians were killed")
			i, ok := f.suggestionAt("CASUALTY", cs, ce)
			if !ok {
				t.Fatal("no CASUALTY suggestion")
			}
			_, err := f.ed.RejectSuggestion(i)
			f.must(err)
			label, ok := f.ed.Label("CASUALTY")
			if !ok {
				t.Fatal("no CASUALTY label")
			}
			if change == "renamed" {
				renamed := label
				renamed.Name = "TOLL"
				f.must(f.ed.UpdateLabel(label, renamed))
			} else {
				_, err := f.ed.DeleteLabel("CASUALTY")
				f.must(err)
			}
			for _, s := range f.ed.Suggestions() {
				if s.Label == "CASUALTY" {
					t.Fatalf("with no CASUALTY label a CASUALTY suggestion is listed: %+v", s)
				}
			}

			applied, ok, err := f.ed.Undo()
			f.must(err)
			if !ok || applied.Step.SuggestionRejection == nil {
				t.Fatalf("undo applied %+v (ok %v), want the rejection", applied, ok)
			}
			rejected, err := f.db.RejectedSuggestions(f.ctx, f.ids[0])
			f.must(err)
			if len(rejected) != 0 {
				t.Fatalf("after undo the store still holds %+v", rejected)
			}
			if _, ok := f.suggestionAt("CASUALTY", cs, ce); ok {
				t.Error("the suggestion is listed under a label that does not exist")
			}

			// A label of the rules' name again: the suggestion is back, and can be
			// accepted.
			if change == "renamed" {
				f.renameLabel("TOLL", "CASUALTY")
			} else {
				label.ID = 0
				f.must(f.ed.AddLabel(label))
			}
			i, ok = f.suggestionAt("CASUALTY", cs, ce)
			if !ok {
				t.Fatalf("with the CASUALTY label back the suggestion is not listed: %+v", f.ed.Suggestions())
			}
			span, err := f.ed.AcceptSuggestion(i)
			f.must(err)
			if span.Label != "CASUALTY" || span.Start != cs || span.End != ce {
				t.Errorf("accepted %+v", span)
			}
		})
	}
}
