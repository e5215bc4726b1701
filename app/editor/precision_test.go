package editor

import (
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// occurrencesText repeats a name: whole words three more times, once inside a
// longer word, once with a curly apostrophe, across NBSP and CRLF.
const occurrencesText = "“Kyiv said,” Kyiv\u00a0officials wrote — Kyivan press.\r\nKyiv’s mayor: Kyiv."

func TestResizeIsOneUndoableStep(t *testing.T) {
	f := newFixture(t, trickyText)
	span, err := f.ed.Tag(1, 10, "QUOTE") // Ceasefire
	f.must(err)
	before, after, changed, err := f.ed.Resize(span.ID, 0, 16) // “Ceasefire now,”
	f.must(err)
	if !changed || before.End != 10 || after.Text != "“Ceasefire now,”" || after.ID != span.ID {
		t.Fatalf("resize: changed %v, before %+v, after %+v", changed, before, after)
	}
	f.inStep("after the resize")
	applied, ok, err := f.ed.Undo()
	f.must(err)
	if !ok || applied.Step.Describe() != "resizing QUOTE" {
		t.Fatalf("undo: ok %v, %q", ok, applied.Step.Describe())
	}
	if s, _ := f.ed.Span(span.ID); s.Start != 1 || s.End != 10 {
		t.Fatalf("after undo the span is %d-%d", s.Start, s.End)
	}
	f.inStep("after undo")
	_, _, err = f.ed.Redo()
	f.must(err)
	if s, _ := f.ed.Span(span.ID); s.Start != 0 || s.End != 16 {
		t.Fatalf("after redo the span is %d-%d", s.Start, s.End)
	}
	f.inStep("after redo")
	if _, _, changed, _ := f.ed.Resize(span.ID, 0, 16); changed {
		t.Fatal("resizing to the same range changed something")
	}
}

func TestTagOccurrencesTagsWholeWordsAsOneStep(t *testing.T) {
	f := newFixture(t, occurrencesText)
	first, err := f.ed.Tag(1, 5, "CLAIM") // the first Kyiv
	f.must(err)
	text := []rune(occurrencesText)
	made, err := f.ed.TagOccurrences(first.ID, false)
	f.must(err)
	var got []string
	for _, s := range made {
		got = append(got, string(text[s.Start:s.End])+"@"+string(text[s.Start-1:s.Start]))
	}
	// Kyiv before NBSP, Kyiv after CRLF…: whole words only, not Kyivan or Kyiv’s.
	if len(made) != 2 || made[0].Start != 13 || string(text[made[1].Start:made[1].End+1]) != "Kyiv." {
		t.Fatalf("tagged %v", got)
	}
	f.inStep("after tagging occurrences")
	applied, _, err := f.ed.Undo()
	f.must(err)
	if applied.Step.Describe() != "tagging 2 occurrences as CLAIM" || len(f.ed.Spans()) != 1 {
		t.Fatalf("undo %q left %d spans", applied.Step.Describe(), len(f.ed.Spans()))
	}
	f.inStep("after undo")
	_, _, err = f.ed.Redo()
	f.must(err)
	if len(f.ed.Spans()) != 3 {
		t.Fatalf("redo left %d spans", len(f.ed.Spans()))
	}
	f.inStep("after redo")
	again, err := f.ed.TagOccurrences(first.ID, false)
	f.must(err)
	if len(again) != 0 {
		t.Fatalf("a second run tagged %d already tagged occurrences", len(again))
	}
	if _, err := f.ed.TagOccurrences(999, false); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("unknown span: %v", err)
	}
}

func TestTagOccurrencesEverywhereIsOneStepAcrossDocuments(t *testing.T) {
	f := newFixture(t, occurrencesText, "Nothing here.", "From Kyiv\u00a0today: Kyiv.\r\n")
	first, err := f.ed.Tag(1, 5, "CLAIM")
	f.must(err)
	made, err := f.ed.TagOccurrences(first.ID, true)
	f.must(err)
	if len(made) != 4 { // two more here, two in the third document
		t.Fatalf("tagged %d", len(made))
	}
	if got := len(f.stored(f.ids[2])); got != 2 {
		t.Fatalf("the third document holds %d spans", got)
	}
	if i := f.ed.DocIndex(f.ids[2]); f.ed.Documents()[i].SpanCount != 2 {
		t.Fatalf("the library counts %d spans in the third document", f.ed.Documents()[i].SpanCount)
	}
	f.inStep("after tagging everywhere")
	if _, _, err := f.ed.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := len(f.stored(f.ids[2])); got != 0 {
		t.Fatalf("after undo the third document holds %d spans", got)
	}
	if i := f.ed.DocIndex(f.ids[2]); f.ed.Documents()[i].SpanCount != 0 {
		t.Fatalf("after undo the library counts %d", f.ed.Documents()[i].SpanCount)
	}
	f.inStep("after undo")
	if _, _, err := f.ed.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := len(f.stored(f.ids[2])); got != 2 {
		t.Fatalf("after redo the third document holds %d spans", got)
	}
}
