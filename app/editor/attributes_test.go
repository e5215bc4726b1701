package editor

import (
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// statementText: a quote, its speaker (after an NBSP and an emoji) and a
// casualty figure.
const statementText = "“We will not leave,” said Ilse\u00a0Marrow 😀, the deputy mayor. At least 14 civilians were killed.\r\n"

func cpRange(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	start := annotate.RuneLen(text[:i])
	return start, start + annotate.RuneLen(sub)
}

func TestTaggingACasualtyFillsTheParseMarkedParsed(t *testing.T) {
	f := newFixture(t, statementText)
	f.ed.parseCasualty = func(text string) annotate.Attrs {
		if text != "At least 14 civilians were killed" {
			t.Errorf("parser got %q", text)
		}
		return annotate.Attrs{"count": annotate.NumberValue(14), "qualifier": annotate.TextValue("at least"), "kind": annotate.TextValue("killed"),
			"nonsense": annotate.TextValue("dropped")}
	}
	start, end := cpRange(t, statementText, "At least 14 civilians were killed")
	span, err := f.ed.Tag(start, end, "CASUALTY")
	f.must(err)
	if span.Attrs["count"].Number != 14 || span.Attrs["kind"].Type != annotate.AttrChoice || span.Attrs.Confirmed() || len(span.Attrs) != 3 {
		t.Fatalf("tagged attrs = %+v", span.Attrs)
	}
	// Correcting one value confirms it; Confirm takes the rest.
	span, err = f.ed.SetAttr(span.ID, "kind", annotate.TextValue("dead"))
	f.must(err)
	if span.Attrs["kind"].Parsed || !span.Attrs["count"].Parsed {
		t.Errorf("after correcting kind: %+v", span.Attrs)
	}
	span, err = f.ed.ConfirmAttrs(span.ID)
	f.must(err)
	if !span.Attrs.Confirmed() {
		t.Errorf("after confirm: %+v", span.Attrs)
	}
	f.inStep("after attribute edits")
	// Undo twice: back to the parse as tagged.
	for range 2 {
		_, ok, err := f.ed.Undo()
		f.must(err)
		if !ok {
			t.Fatal("nothing to undo")
		}
	}
	now, _ := f.ed.Span(span.ID)
	if now.Attrs["kind"].Text != "killed" || !now.Attrs["kind"].Parsed {
		t.Errorf("after two undos: %+v", now.Attrs)
	}
	stored, _ := f.db.Span(f.ctx, span.ID)
	if stored.Attrs["kind"].Text != "killed" {
		t.Errorf("database after undo: %+v", stored.Attrs)
	}
	_, _, err = f.ed.Redo()
	f.must(err)
	if now, _ := f.ed.Span(span.ID); now.Attrs["kind"].Text != "dead" {
		t.Errorf("after redo: %+v", now.Attrs)
	}
	// A value of the wrong type is refused and changes nothing.
	if _, err := f.ed.SetAttr(span.ID, "count", annotate.TextValue("many")); err == nil || !strings.Contains(err.Error(), "wants a number") {
		t.Errorf("wrong type: %v", err)
	}
	if now, _ := f.ed.Span(span.ID); now.Attrs["count"].Number != 14 {
		t.Errorf("a refused value changed the span: %+v", now.Attrs)
	}
}

func TestLinkSourceIsOneUndoableStep(t *testing.T) {
	f := newFixture(t, statementText)
	qs, qe := cpRange(t, statementText, "“We will not leave,”")
	quote, err := f.ed.Tag(qs, qe, "QUOTE")
	f.must(err)
	ms, me := cpRange(t, statementText, "Ilse\u00a0Marrow")
	link, err := f.ed.LinkSource(quote.ID, ms, me)
	f.must(err)
	spans := f.ed.Spans()
	if len(spans) != 2 {
		t.Fatalf("spans = %+v, want the quote and a SOURCE mention", spans)
	}
	mention := spans[1]
	quoteNow, _ := f.ed.Span(quote.ID)
	if mention.Label != "SOURCE" || link.Child != mention.ID || len(quoteNow.Links) != 1 || len(mention.Links) != 1 ||
		quoteNow.Attrs["source"].Text != "Ilse Marrow" {
		t.Fatalf("after link source: quote %+v, mention %+v", quoteNow, mention)
	}
	f.inStep("after link source")
	if sources, _ := f.db.Sources(f.ctx); len(sources) != 1 || sources[0].Name != "Ilse Marrow" {
		t.Errorf("sources = %+v", sources)
	}
	// One undo takes back all three parts.
	applied, _, err := f.ed.Undo()
	f.must(err)
	if applied.Step.Describe() != "link source" {
		t.Errorf("undid %q", applied.Step.Describe())
	}
	quoteNow, _ = f.ed.Span(quote.ID)
	if len(f.ed.Spans()) != 1 || len(quoteNow.Links) != 0 || quoteNow.Attrs["source"].Text != "" {
		t.Fatalf("after undo: %+v", f.ed.Spans())
	}
	f.inStep("after undo")
	_, _, err = f.ed.Redo()
	f.must(err)
	quoteNow, _ = f.ed.Span(quote.ID)
	if len(f.ed.Spans()) != 2 || len(quoteNow.Links) != 1 || quoteNow.Links[0].ID != link.ID || quoteNow.Attrs["source"].Text != "Ilse Marrow" {
		t.Fatalf("after redo: %+v", f.ed.Spans())
	}
	f.inStep("after redo")

	// Linking to an existing SOURCE span reuses it; a set source is kept.
	qs2, qe2 := cpRange(t, statementText, "At least 14 civilians were killed")
	claim, err := f.ed.Tag(qs2, qe2, "CLAIM")
	f.must(err)
	_, err = f.ed.SetAttr(claim.ID, "source", annotate.SourceValue("the deputy mayor"))
	f.must(err)
	_, err = f.ed.LinkSource(claim.ID, ms, me)
	f.must(err)
	claimNow, _ := f.ed.Span(claim.ID)
	if len(f.ed.Spans()) != 3 || claimNow.Attrs["source"].Text != "the deputy mayor" || len(claimNow.Links) != 1 {
		t.Errorf("second link: %+v", f.ed.Spans())
	}
	// Deleting the mention drops both links; undo brings them back to both ends.
	mention, _ = f.ed.Span(mention.ID)
	_, _, err = f.ed.Delete(mention.ID)
	f.must(err)
	if q, _ := f.ed.Span(quote.ID); len(q.Links) != 0 {
		t.Errorf("quote keeps a link to a deleted mention: %+v", q.Links)
	}
	_, _, err = f.ed.Undo()
	f.must(err)
	if q, _ := f.ed.Span(quote.ID); len(q.Links) != 1 {
		t.Errorf("after undoing the delete the quote has links %+v", q.Links)
	}
	f.inStep("after undoing the delete")
	// Unlink, then undo it.
	q, _ := f.ed.Span(quote.ID)
	f.must(f.ed.Unlink(q.Links[0].ID))
	if q, _ := f.ed.Span(quote.ID); len(q.Links) != 0 {
		t.Errorf("after unlink: %+v", q.Links)
	}
	_, _, err = f.ed.Undo()
	f.must(err)
	if q, _ := f.ed.Span(quote.ID); len(q.Links) != 1 {
		t.Errorf("after undoing unlink: %+v", q.Links)
	}
}

func TestSourceSuggestions(t *testing.T) {
	f := newFixture(t, statementText)
	_, err := f.db.CreateSource(f.ctx, annotate.Source{Name: "Ilse Marrow", Aliases: []string{"the deputy mayor"}})
	f.must(err)
	ms, me := cpRange(t, statementText, "Ilse\u00a0Marrow 😀")
	_, err = f.ed.Tag(ms, me, "SOURCE")
	f.must(err)
	names, err := f.ed.SourceNames()
	f.must(err)
	if strings.Join(names, "|") != "Ilse Marrow|the deputy mayor|Ilse Marrow 😀" {
		t.Errorf("names = %q", names)
	}
	if got := SuggestSources(names, "marr", 5); len(got) != 2 || got[0] != "Ilse Marrow" {
		t.Errorf("marr → %q", got)
	}
	if got := SuggestSources(names, "dep may", 5); len(got) != 1 || got[0] != "the deputy mayor" {
		t.Errorf("dep may → %q", got)
	}
	if got := SuggestSources(names, "", 2); len(got) != 2 {
		t.Errorf("empty → %q", got)
	}
}

func TestDocumentNamesAreRunsOfCapitalisedWords(t *testing.T) {
	text := "The Red Cross said Ana\u00a0Pavić met Ilse Marrow. “Stay,” Marrow said; UN officials and the Harbour City Port Authority Board agreed."
	got := documentNames(text, 10)
	want := "The Red Cross|Ana Pavić|Ilse Marrow|Harbour City Port Authority"
	if strings.Join(got, "|") != want {
		t.Errorf("names = %q, want %q", strings.Join(got, "|"), want)
	}
	if got := documentNames(text, 1); len(got) != 1 {
		t.Errorf("limit 1 gave %q", got)
	}
}
