package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/internal/testdb"
)

// suggestText has a quote with its speaker (after an NBSP), an emoji, a
// casualty figure and CRLF: the rules propose a QUOTE and a CASUALTY.
const suggestText = "Talks failed 😀.\r\n“We will stay,” said Ana\u00a0Pavić.\r\nAt least 14 civilians were killed.\r\n"

func (f *wbFixture) typeKeys(keys string) {
	f.t.Helper()
	test.Type(f.w.view, keys)
}

func (f *wbFixture) selection() [2]int {
	start, end := f.w.view.Selection()
	return [2]int{start, end}
}

func rangeOf(t testing.TB, text, sub string) [2]int {
	start := cp(t, text, sub)
	return [2]int{start, start + annotate.RuneLen(sub)}
}

func TestSuggestionsAreDrawnAndCountedWhenADocumentOpens(t *testing.T) {
	f := newWBFixture(t, suggestText)
	drawn := f.w.view.Suggestions()
	if len(drawn) != 2 || len(f.w.ed.Suggestions()) != 2 {
		t.Fatalf("drawn %d suggestions, editor holds %+v; want the quote and the figure", len(drawn), f.w.ed.Suggestions())
	}
	if want := rangeOf(t, suggestText, "“We will stay,”"); drawn[0].Start != want[0] || drawn[0].End != want[1] || drawn[0].Label != "QUOTE" {
		t.Errorf("first drawn suggestion %+v, want QUOTE %v", drawn[0], want)
	}
	if l := f.w.status.suggestionsLeft; !l.Visible() || l.Text != "2 suggestions left" {
		t.Errorf("status bar shows %q (visible %v)", l.Text, l.Visible())
	}
	if got := f.w.status.count.Text; got != "0 annotations" {
		t.Errorf("the annotation count reads %q", got)
	}
}

func TestNAndPStepThroughSuggestionsAndAAcceptsTheOneUnderTheCaret(t *testing.T) {
	f := newWBFixture(t, suggestText)
	quote, figure := rangeOf(t, suggestText, "“We will stay,”"), rangeOf(t, suggestText, "At least 14 civilians were killed")
	f.w.view.Select(0, 0)
	f.typeKeys("n")
	if got := f.selection(); got != quote {
		t.Fatalf("N selected %v, want the quote %v", got, quote)
	}
	f.typeKeys("n")
	if got := f.selection(); got != figure {
		t.Fatalf("N again selected %v, want the figure %v", got, figure)
	}
	f.typeKeys("n") // wraps around
	if got := f.selection(); got != quote {
		t.Fatalf("N at the last one selected %v, want the first %v", got, quote)
	}
	f.typeKeys("p")
	if got := f.selection(); got != figure {
		t.Fatalf("P selected %v, want the last %v", got, figure)
	}
	f.typeKeys("p")
	f.typeKeys("a")
	spans := f.spans(f.ids[0])
	if len(spans) != 1 || spans[0].Label != "QUOTE" || spans[0].Start != quote[0] || spans[0].End != quote[1] {
		t.Fatalf("after A the database holds %+v", spans)
	}
	if src := spans[0].Attrs["source"]; src.Text != "Ana Pavić" {
		t.Errorf("accepted quote's source = %+v, want Ana Pavić", spans[0].Attrs)
	}
	if f.w.view.SelectedHighlight() != spans[0].ID {
		t.Error("the accepted span is not selected")
	}
	if n := len(f.w.view.Suggestions()); n != 1 || f.w.status.suggestionsLeft.Text != "1 suggestion left" {
		t.Errorf("after accepting: %d drawn, status %q", n, f.w.status.suggestionsLeft.Text)
	}

	f.w.onUndo()
	if n := len(f.spans(f.ids[0])); n != 0 || len(f.w.view.Suggestions()) != 2 {
		t.Errorf("after undo: %d spans stored, %d suggestions drawn", n, len(f.w.view.Suggestions()))
	}
}

func TestEnterAcceptsTheSuggestionAroundTheCaret(t *testing.T) {
	f := newWBFixture(t, suggestText)
	figure := rangeOf(t, suggestText, "At least 14 civilians were killed")
	f.w.view.Select(figure[0]+5, figure[0]+5)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	spans := f.spans(f.ids[0])
	if len(spans) != 1 || spans[0].Label != "CASUALTY" || spans[0].Start != figure[0] || spans[0].End != figure[1] {
		t.Fatalf("after Enter the database holds %+v", spans)
	}
	if spans[0].Attrs["count"].Number != 14 {
		t.Errorf("accepted figure's attributes = %+v, want count 14", spans[0].Attrs)
	}
}

func TestXRejectsTheSuggestionUnderTheCaretForGood(t *testing.T) {
	f := newWBFixture(t, suggestText)
	quote := rangeOf(t, suggestText, "“We will stay,”")
	f.w.view.Select(0, 0)
	f.typeKeys("x") // the caret is in no suggestion: nothing happens
	if rejected, _ := f.db.RejectedSuggestions(f.ctx, f.ids[0]); len(rejected) != 0 {
		t.Fatalf("X outside a suggestion rejected %+v", rejected)
	}
	f.typeKeys("nx")
	rejected, err := f.db.RejectedSuggestions(f.ctx, f.ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rejected) != 1 || rejected[0].Start != quote[0] || rejected[0].End != quote[1] || rejected[0].Label != "QUOTE" {
		t.Fatalf("stored rejections %+v", rejected)
	}
	if drawn := f.w.view.Suggestions(); len(drawn) != 1 || drawn[0].Label != "CASUALTY" {
		t.Errorf("after X drawn %+v", drawn)
	}
	if len(f.spans(f.ids[0])) != 0 {
		t.Error("rejecting stored a span")
	}

	f.w.onUndo()
	if rejected, _ := f.db.RejectedSuggestions(f.ctx, f.ids[0]); len(rejected) != 0 || len(f.w.view.Suggestions()) != 2 {
		t.Errorf("after undo: rejections %+v, %d drawn", rejected, len(f.w.view.Suggestions()))
	}
}

func TestTheCurationViewShowsNoSuggestionsAndKeepsItsKeys(t *testing.T) {
	f := newWBFixture(t, suggestText)
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	if n := len(f.w.view.Suggestions()); n != 0 || f.w.status.suggestionsLeft.Visible() {
		t.Errorf("in curation: %d suggestions drawn, count visible %v", n, f.w.status.suggestionsLeft.Visible())
	}
	f.w.view.Select(0, 0)
	f.typeKeys("n")
	if got := f.selection(); got == rangeOf(t, suggestText, "“We will stay,”") {
		t.Error("N in curation went to a suggestion")
	}
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerAll})
	if n := len(f.w.view.Suggestions()); n != 2 {
		t.Errorf("back to all layers: %d suggestions drawn", n)
	}
}

func TestADigitStillTagsTheSelectionInsideASuggestion(t *testing.T) {
	f := newWBFixture(t, suggestText)
	span := f.tagText("We will stay", '1') // inside the QUOTE suggestion
	if span.Label != "CLAIM" || len(f.spans(f.ids[0])) != 1 {
		t.Fatalf("the digit did not tag the selection alone: %+v", f.spans(f.ids[0]))
	}
	if n := len(f.w.view.Suggestions()); n != 2 {
		t.Errorf("tagging inside a suggestion with another range left %d drawn", n)
	}
}

func TestShiftAAcceptsEverySuggestionAfterAsking(t *testing.T) {
	f := newWBFixture(t, suggestText)
	f.typeKeys("A")
	if !overlayHasText(f.w.win, "Tag all 2 suggestions of this document as proposed?") {
		t.Fatal("no confirmation counting the suggestions")
	}
	if len(f.spans(f.ids[0])) != 0 {
		t.Fatal("Shift+A tagged before the answer")
	}
	tapOverlayButton(t, f.w.win, "Accept all")
	if got := f.spans(f.ids[0]); len(got) != 2 || len(f.w.view.Suggestions()) != 0 || f.w.status.suggestionsLeft.Visible() {
		t.Fatalf("after Accept all: stored %+v, %d drawn", got, len(f.w.view.Suggestions()))
	}
	f.w.onUndo()
	if got := f.spans(f.ids[0]); len(got) != 0 || len(f.w.view.Suggestions()) != 2 {
		t.Errorf("one undo left %+v stored, %d drawn", got, len(f.w.view.Suggestions()))
	}
}

func TestTheCaretInASuggestionNamesItsRule(t *testing.T) {
	f := newWBFixture(t, suggestText)
	quote := rangeOf(t, suggestText, "“We will stay,”")
	f.w.view.Select(quote[0]+2, quote[0]+2)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	got := f.w.status.message.Text
	if !strings.Contains(got, "QUOTE suggestion: QUOTE: paired curly quotes, source Ana Pavić") {
		t.Errorf("status after moving the caret into the quote = %q", got)
	}
}

func TestTheWorkbenchProposesTheUsersPatternsAndSaysWhenTheFileIsBad(t *testing.T) {
	patterns, err := suggest.ParsePatterns(strings.NewReader("DEMAND phrase stay put\n"), "suggest-patterns.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	db, ids := testdb.Open(t, "Residents were told to stay put.\r\n")
	w := NewWorkbench(a, db, Options{Annotator: "tester", OpenDocID: ids[0], Patterns: patterns})
	w.tasks.Wait()
	drawn := w.view.Suggestions()
	if len(drawn) != 1 || drawn[0].Label != "DEMAND" {
		t.Fatalf("drawn %+v, want the pattern's DEMAND", drawn)
	}

	bad := NewWorkbench(a, db, Options{Annotator: "tester", OpenDocID: ids[0], PatternsErr: errors.New("suggest-patterns.txt line 3: unknown label \"QUOET\"")})
	bad.tasks.Wait()
	bad.Window().Resize(fyne.NewSize(1200, 800))
	if !overlayHasText(bad.win, "line 3") {
		t.Error("a bad pattern file is not reported at start")
	}
	if n := len(bad.view.Suggestions()); n != 0 {
		t.Errorf("built-in rules alone drew %d suggestions on a text without any", n)
	}
}
