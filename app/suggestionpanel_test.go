package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/app/editor"
)

// panelRow reveals the suggestions panel and returns the widgets of row i,
// failing when the list drew none.
func (f *wbFixture) panelRow(i int) *suggestionRow {
	f.t.Helper()
	p := f.w.sugs.panel
	p.reveal()
	p.rows.Refresh()
	row := p.row(i)
	if row == nil {
		f.t.Fatalf("the suggestions panel shows no row %d (%d suggestions)", i, len(p.list))
	}
	return row
}

func TestThePanelListsEachSuggestionWithLabelTextRuleAndSource(t *testing.T) {
	f := newWBFixture(t, suggestText)
	p := f.w.sugs.panel
	if got := p.header.Text; !strings.HasPrefix(got, "2 suggestions left") {
		t.Errorf("panel header %q", got)
	}
	quote := f.panelRow(0)
	if quote.title.Text() != "QUOTE · Ana Pavić" || quote.snippet.Text() != "“We will stay,”" || !strings.HasPrefix(quote.rule.Text, "QUOTE: ") {
		t.Errorf("first row: %q / %q / %q", quote.title.Text(), quote.snippet.Text(), quote.rule.Text)
	}
	figure := f.panelRow(1)
	if figure.title.Text() != "CASUALTY" || figure.snippet.Text() != "At least 14 civilians were killed" {
		t.Errorf("second row: %q / %q", figure.title.Text(), figure.snippet.Text())
	}
	if p.empty.Visible() {
		t.Error("the empty hint shows over a list of two")
	}
}

func TestChoosingARowSelectsTheSuggestionInTheDocument(t *testing.T) {
	f := newWBFixture(t, suggestText)
	figure := rangeOf(t, suggestText, "At least 14 civilians were killed")
	f.w.sugs.panel.rows.Select(1)
	if got := f.selection(); got != figure {
		t.Fatalf("choosing the second row selected %v, want %v", got, figure)
	}
	if !strings.Contains(f.w.status.message.Text, "Suggestion 2 of 2") {
		t.Errorf("status bar says %q", f.w.status.message.Text)
	}
}

func TestTheCaretInASuggestionMarksItsRowWithoutMovingIt(t *testing.T) {
	f := newWBFixture(t, suggestText)
	p := f.w.sugs.panel
	figure := rangeOf(t, suggestText, "At least 14 civilians were killed")
	f.w.view.Select(figure[0]+3, figure[0]+3)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // as the reader moves the caret
	if p.selected != 1 {
		t.Fatalf("the caret in the figure marks row %d, want 1", p.selected)
	}
	if got := f.selection(); got != [2]int{figure[0] + 4, figure[0] + 4} {
		t.Errorf("marking the row moved the caret to %v", got)
	}
	f.w.view.Select(1, 1)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if p.selected != -1 {
		t.Errorf("the caret outside every suggestion marks row %d", p.selected)
	}
}

func TestTheRowButtonsAcceptAndRejectAsUndoableSteps(t *testing.T) {
	f := newWBFixture(t, suggestText)
	quote := rangeOf(t, suggestText, "“We will stay,”")
	f.w.sugs.panel.rows.Select(1) // the figure is chosen; the quote's button is pressed
	test.Tap(f.panelRow(0).accept)
	spans := f.spans(f.ids[0])
	if len(spans) != 1 || spans[0].Label != "QUOTE" || spans[0].Start != quote[0] || spans[0].End != quote[1] || spans[0].Attrs["source"].Text != "Ana Pavić" {
		t.Fatalf("after Accept the database holds %+v", spans)
	}
	p := f.w.sugs.panel
	if len(p.list) != 1 || !strings.HasPrefix(p.header.Text, "1 suggestion left") || p.list[0].Label != "CASUALTY" {
		t.Fatalf("after Accept the panel lists %+v (%q)", p.list, p.header.Text)
	}

	if p.selected != -1 {
		t.Errorf("after Accept row %d is marked, though the caret is in no suggestion", p.selected)
	}

	test.Tap(f.panelRow(0).reject)
	rejected, err := f.db.RejectedSuggestions(f.ctx, f.ids[0])
	if err != nil || len(rejected) != 1 || rejected[0].Label != "CASUALTY" {
		t.Fatalf("after Reject the store holds %+v (%v)", rejected, err)
	}
	if len(p.list) != 0 || !p.empty.Visible() || p.empty.Text != noSuggestionsHint {
		t.Fatalf("after Reject the panel lists %d, hint %q (visible %v)", len(p.list), p.empty.Text, p.empty.Visible())
	}

	f.w.onUndo() // the rejection
	if len(p.list) != 1 || p.list[0].Label != "CASUALTY" {
		t.Fatalf("undoing the rejection lists %+v", p.list)
	}
	f.w.onUndo() // the acceptance
	if len(p.list) != 2 || len(f.spans(f.ids[0])) != 0 {
		t.Fatalf("undoing the acceptance lists %d, stores %d spans", len(p.list), len(f.spans(f.ids[0])))
	}
}

func TestThePanelSaysWhyItIsEmptyInTheCurationView(t *testing.T) {
	f := newWBFixture(t, suggestText)
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	p := f.w.sugs.panel
	if len(p.list) != 0 || p.empty.Text != suggestionsHiddenHint {
		t.Errorf("in the curation view the panel lists %d, says %q", len(p.list), p.empty.Text)
	}
}

func TestUndoingARejectionSelectsTheSuggestionOrSaysWhyItIsHidden(t *testing.T) {
	f := newWBFixture(t, suggestText)
	figure := rangeOf(t, suggestText, "At least 14 civilians were killed")
	test.Tap(f.panelRow(1).reject)
	f.w.view.Select(0, 0)
	f.w.onUndo()
	if got := f.selection(); got != figure {
		t.Errorf("undoing the rejection selected %v, want the figure %v", got, figure)
	}
	if p := f.w.sugs.panel; len(p.list) != 2 || p.selected != 1 {
		t.Errorf("after undo the panel lists %d and marks row %d", len(p.list), p.selected)
	}

	f.typeKeys("x") // reject it again, then delete its label
	if _, err := f.w.ed.DeleteLabel("CASUALTY"); err != nil {
		t.Fatal(err)
	}
	f.w.onUndo()
	if msg := f.w.status.message.Text; !strings.Contains(msg, "not shown while no label is named CASUALTY") {
		t.Errorf("undo with the label gone says %q", msg)
	}
	if rejected, _ := f.db.RejectedSuggestions(f.ctx, f.ids[0]); len(rejected) != 0 {
		t.Errorf("the rejection is still stored: %+v", rejected)
	}
	if p := f.w.sugs.panel; len(p.list) != 1 || p.list[0].Label != "QUOTE" {
		t.Errorf("the panel lists %+v", p.list)
	}
}
