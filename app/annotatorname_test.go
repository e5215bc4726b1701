package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestAnnotatorNameIsSetInTheAppWrittenOnNewSpansAndRemembered(t *testing.T) {
	f := newWBFixture(t, trickyText)
	if got := f.w.status.annotator.Text; got != "tester" {
		t.Errorf("status bar shows annotator %q, want tester", got)
	}
	before := f.tagText("Ana Pavić", '2')

	f.w.annotator.onAnnotatorName()
	entry, ok := f.w.win.Canvas().Focused().(*escEntry)
	if !ok {
		t.Fatalf("the dialog opens with the focus on %T, want its name field", f.w.win.Canvas().Focused())
	}
	entry.SetText("  Ana Horvat ")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.w.ed.Annotator() != "Ana Horvat" || f.w.status.annotator.Text != "Ana Horvat" {
		t.Fatalf("after saving: annotator %q, status bar %q", f.w.ed.Annotator(), f.w.status.annotator.Text)
	}
	after := f.tagText("At least 14 civilians", '4')
	spans := f.spans(f.w.ed.DocID())
	by := map[int64]string{}
	for _, s := range spans {
		by[s.ID] = s.Annotator
	}
	if by[before.ID] != "tester" || by[after.ID] != "Ana Horvat" {
		t.Errorf("stored annotators %v: the earlier span keeps tester, the new one is Ana Horvat's", by)
	}

	// The next start without --annotator uses the saved name.
	again := NewWorkbench(f.w.app, f.db, Options{})
	again.tasks.Wait()
	if again.ed.Annotator() != "Ana Horvat" {
		t.Errorf("after a restart the annotator is %q", again.ed.Annotator())
	}
}

func TestAnnotatorNameRefusesBlankAndOverlongNames(t *testing.T) {
	f := newWBFixture(t, trickyText)
	for _, bad := range []string{"", "   ", strings.Repeat("x", maxAnnotatorName+1), "two\nlines", "curator"} {
		if err := f.w.annotator.setAnnotator(bad); err == nil {
			t.Errorf("setAnnotator(%q) was accepted", bad)
		}
	}
	if f.w.ed.Annotator() != "tester" {
		t.Errorf("a refused name changed the annotator to %q", f.w.ed.Annotator())
	}
	f.w.annotator.onAnnotatorName()
	entry := f.w.win.Canvas().Focused().(*escEntry)
	test.Type(entry, "x") // replaces the name, which the dialog selects
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.w.ed.Annotator() != "tester" || f.w.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Esc: annotator %q, dialog %v; want tester and the dialog closed", f.w.ed.Annotator(), f.w.win.Canvas().Overlays().Top())
	}
}
