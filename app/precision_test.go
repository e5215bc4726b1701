package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
)

// press sends what the GLFW driver sends the focused view for a key with Ctrl or
// Alt held: a CustomShortcut, which the view hands on to the window.
func press(f *wbFixture, key fyne.KeyName, mod fyne.KeyModifier) {
	f.w.view.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod})
}

// selectText selects the n-th occurrence of sub in the open document.
func (f *wbFixture) selectText(sub string, extraStart, extraEnd int) (int, int) {
	f.t.Helper()
	start := cp(f.t, f.w.ed.Doc().Text, sub)
	end := start + annotate.RuneLen(sub)
	f.w.view.Select(start+extraStart, end+extraEnd)
	return start, end
}

func TestTaggingTrimsStrayPunctuationByTheLabelsRule(t *testing.T) {
	f := newWBFixture(t, trickyText)
	cases := []struct {
		name, selected string
		digit          rune
		want           string
	}{
		{"QUOTE takes the quote marks and the comma inside them", "We will stay", '2', "“We will stay,”"},
		{"CLAIM drops a trailing comma", "Ana Pavić.\r", '1', "Ana Pavić"},
		{"CASUALTY drops a trailing stop and CRLF of a partial sentence", "14 civilians were killed.\r\n", '4', "14 civilians were killed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f.selectText(c.selected, 0, 0)
			f.w.view.OnTypedRune(c.digit)
			spans := f.spans(f.w.ed.DocID())
			found := false
			for _, s := range spans {
				found = found || s.Text == c.want
			}
			if !found {
				t.Fatalf("stored %v, want a span %q", rows(spans), c.want)
			}
		})
	}
	t.Run("a whole sentence keeps its stop", func(t *testing.T) {
		f.selectText("At least 14 civilians were killed.", 0, 0)
		f.w.view.OnTypedRune('1')
		spans := f.spans(f.w.ed.DocID())
		for _, s := range spans {
			if s.Label == "CLAIM" && strings.HasPrefix(s.Text, "At least") {
				if s.Text != "At least 14 civilians were killed." {
					t.Fatalf("stored %q", s.Text)
				}
				return
			}
		}
		t.Fatalf("no CLAIM stored: %v", rows(spans))
	})
}

func TestTaggingNearlyTheSameRangeOffersToResize(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("At least 14 civilians were killed", '4')
	f.selectText("At least 14 civilians were kill", 0, 0) // 31 of 33 code points
	f.w.view.OnTypedRune('4')
	if n := len(f.spans(f.w.ed.DocID())); n != 1 {
		t.Fatalf("%d spans: tagged without asking", n)
	}
	if msg := f.w.status.message.Text; !strings.Contains(msg, "press R to resize") {
		t.Fatalf("status = %q", msg)
	}
	f.w.view.OnTypedRune('r')
	spans := f.spans(f.w.ed.DocID())
	if len(spans) != 1 || spans[0].ID != span.ID || spans[0].Text != "At least 14 civilians were kill" {
		t.Fatalf("after R: %v", rows(spans))
	}
	t.Run("undo puts the old range back", func(t *testing.T) {
		f.w.onUndo()
		if got := f.spans(f.w.ed.DocID())[0].Text; got != "At least 14 civilians were killed" {
			t.Fatalf("after undo %q", got)
		}
	})
	t.Run("the same digit again tags anyway", func(t *testing.T) {
		f.selectText("least 14 civilians were killed", 0, 0)
		f.w.view.OnTypedRune('4')
		f.w.view.OnTypedRune('4')
		if n := len(f.spans(f.w.ed.DocID())); n != 2 {
			t.Fatalf("%d spans after the second press", n)
		}
	})
	t.Run("another label is not asked about", func(t *testing.T) {
		f.selectText("At least 14 civilians were killed", 0, 0)
		f.w.view.OnTypedRune('1')
		if n := len(f.spans(f.w.ed.DocID())); n != 3 {
			t.Fatalf("%d spans", n)
		}
	})
}

func TestResizeKeysMoveTheSelectedSpanByWord(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("14 civilians", '4')
	f.w.selectSpan(span)
	text := func() string { s, _ := f.w.ed.Span(span.ID); return s.Text }
	steps := []struct {
		key  fyne.KeyName
		mod  fyne.KeyModifier
		want string
	}{
		{fyne.KeyRight, fyne.KeyModifierAlt | fyne.KeyModifierShift, "14 civilians were"},
		{fyne.KeyRight, fyne.KeyModifierAlt | fyne.KeyModifierShift, "14 civilians were killed."},
		{fyne.KeyLeft, fyne.KeyModifierAlt | fyne.KeyModifierShift, "14 civilians were"},
		{fyne.KeyLeft, fyne.KeyModifierAlt | fyne.KeyModifierShift | fyne.KeyModifierShortcutDefault, "least 14 civilians were"},
		{fyne.KeyRight, fyne.KeyModifierAlt | fyne.KeyModifierShift | fyne.KeyModifierShortcutDefault, "14 civilians were"},
	}
	for _, s := range steps {
		press(f, s.key, s.mod)
		if got := text(); got != s.want {
			t.Fatalf("after %v+%s: %q, want %q", s.mod, s.key, got, s.want)
		}
		if f.w.view.SelectedHighlight() != span.ID {
			t.Fatal("the span is no longer selected after a resize")
		}
	}
	for range steps {
		f.w.onUndo()
	}
	if got := text(); got != "14 civilians" {
		t.Fatalf("after undoing every resize: %q", got)
	}
}

func TestDraggingAHandleResizesTheSpan(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("Ana", '1')
	f.w.selectSpan(span)
	end := cp(t, trickyText, "Pavić") + 5
	f.w.view.OnHighlightResized(span.ID, span.Start, end)
	if s, _ := f.w.ed.Span(span.ID); s.Text != "Ana Pavić" {
		t.Fatalf("after the handle drag: %q", s.Text)
	}
	f.w.onUndo()
	if s, _ := f.w.ed.Span(span.ID); s.Text != "Ana" {
		t.Fatalf("after undo: %q", s.Text)
	}
}

func TestTagAllOccurrences(t *testing.T) {
	text := "Kyiv said — “Kyiv will hold,” a Kyivan wrote.\u00a0Kyiv’s mayor: Kyiv.\r\n"
	f := newWBFixture(t, text)
	span := f.tagText("Kyiv", '1')
	f.w.selectSpan(span)
	f.w.prec.onTagOccurrences(f.w.selectedAnnotation())
	spans := f.spans(f.w.ed.DocID())
	if len(spans) != 3 {
		t.Fatalf("after tagging all occurrences: %v", rows(spans))
	}
	f.w.onUndo()
	if n := len(f.spans(f.w.ed.DocID())); n != 1 {
		t.Fatalf("one undo left %d spans", n)
	}
	t.Run("the setting takes every document", func(t *testing.T) {
		f2 := newWBFixture(t, text, "Kyiv, again.")
		span := f2.tagText("Kyiv", '1')
		f2.w.prec.setEverywhere(true)
		f2.w.selectSpan(span)
		f2.w.prec.onTagOccurrences(f2.w.selectedAnnotation())
		if n := len(f2.spans(f2.ids[1])); n != 1 {
			t.Fatalf("the other document holds %d spans", n)
		}
		if !strings.Contains(f2.w.status.message.Text, "in every document") {
			t.Fatalf("status %q", f2.w.status.message.Text)
		}
	})
}

func TestFindInDocument(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.w.view.Select(0, 0)
	f.w.find.open(f.w.win.Canvas())
	if f.w.win.Canvas().Focused() != fyne.Focusable(f.w.find.field) {
		t.Fatalf("focus on %T after Ctrl+F", f.w.win.Canvas().Focused())
	}
	test.Type(f.w.find.field, "ILL") // case ignored: w-ill, k-ill-ed
	will := cp(t, trickyText, "ill stay")
	killed := cp(t, trickyText, "illed")
	if got := f.w.find.count.Text; got != "1 of 2" {
		t.Fatalf("count %q", got)
	}
	if matches, current := f.w.view.FindMatches(); len(matches) != 2 || current != 0 {
		t.Fatalf("marks %v current %d", matches, current)
	}
	assertSel := func(want int) {
		t.Helper()
		if s, e := f.w.view.Selection(); s != want || e != want+3 {
			t.Fatalf("selection %d–%d, want %d–%d", s, e, want, want+3)
		}
	}
	assertSel(will)
	f.w.find.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assertSel(killed)
	f.w.find.field.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.w.find.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.w.find.field.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	assertSel(will)
	t.Run("Tab gives the article the keyboard and a digit tags the match", func(t *testing.T) {
		f.w.find.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		if f.w.win.Canvas().Focused() != fyne.Focusable(f.w.view) {
			t.Fatal("Tab did not give the view the keyboard")
		}
		f.w.view.TypedRune('1')
		spans := f.spans(f.w.ed.DocID())
		if len(spans) != 1 || spans[0].Start != will || spans[0].Text != "ill" {
			t.Fatalf("stored %v", rows(spans))
		}
	})
	t.Run("Esc closes the bar and clears the marks", func(t *testing.T) {
		f.w.find.open(f.w.win.Canvas())
		f.w.find.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if f.w.find.box.Visible() {
			t.Fatal("the bar is still shown")
		}
		if matches, _ := f.w.view.FindMatches(); len(matches) != 0 {
			t.Fatalf("marks left: %v", matches)
		}
	})
	t.Run("no matches says so", func(t *testing.T) {
		f.w.find.open(f.w.win.Canvas())
		f.w.find.field.SetText("zzz")
		if got := f.w.find.count.Text; got != "No matches" {
			t.Fatalf("count %q", got)
		}
	})
}

func TestSearchAnnotationsMovedToCtrlKAndCtrlShiftF(t *testing.T) {
	f := newWBFixture(t, trickyText)
	var labels []string
	for _, m := range f.w.win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok {
				labels = append(labels, it.Label+"="+string(sc.KeyName))
			}
		}
	}
	joined := strings.Join(labels, ",")
	if !strings.Contains(joined, "Find in document…=F") || !strings.Contains(joined, "Search annotations…=K") {
		t.Fatalf("menu shortcuts: %s", joined)
	}
	press(f, fyne.KeyF, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if f.w.search == nil {
		t.Fatal("Ctrl+Shift+F did not open the annotation search")
	}
}

func TestAnnotationListScrollsWithTheWheelOverNoteFieldsAndKeepsItsPlace(t *testing.T) {
	var text strings.Builder
	for i := range 40 {
		fmt.Fprintf(&text, "Line %02d says “quoted words”.\r\n", i)
	}
	f := newWBFixture(t, text.String())
	doc := []rune(f.w.ed.Doc().Text)
	for i := range 40 {
		start := strings.Index(string(doc), fmt.Sprintf("Line %02d", i))
		start = annotate.RuneLen(string(doc)[:start])
		if _, err := f.w.ed.Tag(start, start+7, "CLAIM"); err != nil {
			t.Fatal(err)
		}
	}
	list := f.w.annotations.list
	var wheel *wheelArea
	walkObjects(f.w.win.Content(), func(o fyne.CanvasObject) {
		if w, ok := o.(*wheelArea); ok && wheel == nil {
			wheel = w
		}
	})
	if wheel == nil {
		t.Fatal("no wheel area over the cards")
	}
	wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -10}})
	moved := list.GetScrollOffset()
	if moved < 30 {
		t.Fatalf("one notch (10 px from the driver) scrolled the list %.0f px", moved)
	}
	t.Run("deleting a span keeps the list where it was", func(t *testing.T) {
		span := f.w.ed.Spans()[3] // on screen
		f.w.selectSpan(span)
		before := list.GetScrollOffset()
		f.w.onDeleteAnnotation()
		if got := list.GetScrollOffset(); got != before {
			t.Fatalf("scroll offset %.0f after the delete, was %.0f", got, before)
		}
	})
}
