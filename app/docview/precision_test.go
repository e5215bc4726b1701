package docview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/contrast"
)

func TestMouseDragSnapsToWholeWords(t *testing.T) {
	v, w := newTestView(t, tricky, 600, 300)
	plant, safe := at(t, tricky, "plant", 0), at(t, tricky, "safe", 0)
	cases := []struct {
		name       string
		from, to   int
		start, end int
		caret      int
	}{
		{"from mid-word to mid-word inside curly quotes takes both words whole",
			plant + 2, safe + 2, plant, safe + 4, safe + 4},
		{"backwards, the caret stays on the pointer's side",
			safe + 2, plant + 2, plant, safe + 4, plant},
		{"across the no-break space both numbers are taken whole",
			at(t, tricky, "10", 0) + 1, at(t, tricky, "000", 0) + 2, at(t, tricky, "10", 0), at(t, tricky, "000", 0) + 3, at(t, tricky, "000", 0) + 3},
		{"across CRLF, from inside today to inside Second",
			at(t, tricky, "today", 0) + 2, at(t, tricky, "Second", 0) + 3, at(t, tricky, "today", 0), at(t, tricky, "Second", 0) + 6, at(t, tricky, "Second", 0) + 6},
		{"an em dash between spaces is taken as a word",
			at(t, tricky, "—", 0), at(t, tricky, "it’s", 0) + 1, at(t, tricky, "—", 0), at(t, tricky, "it’s", 0) + 4, at(t, tricky, "it’s", 0) + 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dragFromTo(w, v, caretPoint(v, c.from), caretPoint(v, c.to))
			assertSelection(t, v, c.start, c.end)
			if v.Caret() != c.caret {
				t.Fatalf("caret = %d, want %d", v.Caret(), c.caret)
			}
		})
	}
}

func TestExactSelectionWithAltOrTheOption(t *testing.T) {
	v, w := newTestView(t, tricky, 600, 300)
	plant, safe := at(t, tricky, "plant", 0), at(t, tricky, "safe", 0)
	t.Run("Alt held while dragging selects exact characters", func(t *testing.T) {
		v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyAltLeft})
		dragFromTo(w, v, caretPoint(v, plant+2), caretPoint(v, safe+2))
		v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyAltLeft})
		assertSelection(t, v, plant+2, safe+2)
	})
	t.Run("Alt at the press (the mouse event's modifier) selects exact characters", func(t *testing.T) {
		v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: caretPoint(v, plant+1)}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierAlt})
		dragFromTo(w, v, caretPoint(v, plant+1), caretPoint(v, safe+1))
		assertSelection(t, v, plant+1, safe+1)
	})
	t.Run("the ExactSelection option selects exact characters", func(t *testing.T) {
		v.ExactSelection = true
		defer func() { v.ExactSelection = false }()
		dragFromTo(w, v, caretPoint(v, plant+3), caretPoint(v, safe+3))
		assertSelection(t, v, plant+3, safe+3)
	})
	t.Run("without either the same drag snaps again", func(t *testing.T) {
		dragFromTo(w, v, caretPoint(v, plant+3), caretPoint(v, safe+3))
		assertSelection(t, v, plant, safe+4)
	})
}

func TestKeyboardSelectionNeverSnaps(t *testing.T) {
	v, _ := newTestView(t, tricky, 600, 300)
	plant := at(t, tricky, "plant", 0)
	v.Select(plant+2, plant+2)
	shiftKey(v, fyne.KeyRight)
	assertSelection(t, v, plant+2, plant+3)
	shiftKey(v, fyne.KeyLeft)
	shiftKey(v, fyne.KeyLeft)
	assertSelection(t, v, plant+1, plant+2)
}

func TestCtrlShiftRightTakesTheClosingQuoteMark(t *testing.T) {
	text := "He said “we will stay,” and left—quickly. “Go,” she wrote\u00a0back.\r\nEnd"
	v, _ := newTestView(t, text, 700, 300)
	we := at(t, text, "we", 0)
	v.Select(we, we)
	for _, want := range []string{"we", "we will", "we will stay,”", "we will stay,” and", "we will stay,” and left"} {
		ctrlKey(v, fyne.KeyRight, true)
		assertSelection(t, v, we, we+len([]rune(want)))
	}
	t.Run("ctrl+shift+left from after the closing mark goes to before the opening one", func(t *testing.T) {
		gone := at(t, text, " she", 0)
		v.Select(gone, gone)
		ctrlKey(v, fyne.KeyLeft, true)
		assertSelection(t, v, at(t, text, "“Go", 0), gone)
	})
	t.Run("over NBSP and CRLF", func(t *testing.T) {
		wrote := at(t, text, "wrote", 0)
		v.Select(wrote, wrote)
		ctrlKey(v, fyne.KeyRight, true)
		ctrlKey(v, fyne.KeyRight, true)
		assertSelection(t, v, wrote, at(t, text, "\r\nEnd", 0))
		ctrlKey(v, fyne.KeyRight, true)
		assertSelection(t, v, wrote, len([]rune(text)))
	})
}

const sentences = "He left. “We stay,” she said—calmly. Mr. Ortiz agreed.\r\nNext\u00a0paragraph here."

func TestMultiClickSelectsWordSentenceParagraph(t *testing.T) {
	v, _ := newTestView(t, sentences, 700, 300)
	stay := at(t, sentences, "stay", 0) + 1
	cases := []struct {
		clicks int
		want   string
	}{
		{2, "stay"},
		{3, "“We stay,” she said—calmly."},
		{4, "He left. “We stay,” she said—calmly. Mr. Ortiz agreed."},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			v.clicks = clickState{} // a fresh gesture
			clickTimes(v, charPoint(v, stay), c.clicks, 0)
			s, e := v.Selection()
			if got := string(v.text[s:e]); got != c.want {
				t.Fatalf("%d clicks selected %q, want %q", c.clicks, got, c.want)
			}
		})
	}
	t.Run("a triple click on Mr. takes the whole sentence, not from after the abbreviation", func(t *testing.T) {
		v.clicks = clickState{}
		clickTimes(v, charPoint(v, at(t, sentences, "Ortiz", 0)), 3, 0)
		s, e := v.Selection()
		if got := string(v.text[s:e]); got != "Mr. Ortiz agreed." {
			t.Fatalf("selected %q", got)
		}
	})
}

func TestClickThenQuickShiftClickExtends(t *testing.T) {
	v, _ := newTestView(t, sentences, 700, 300)
	from, to := at(t, sentences, "stay", 0), at(t, sentences, "calmly", 0)
	clickTimes(v, caretPoint(v, from), 1, 0)
	clickTimes(v, caretPoint(v, to), 1, fyne.KeyModifierShift)
	assertSelection(t, v, from, to)
	t.Run("even at the same place a shift+click is not a double-click", func(t *testing.T) {
		clickTimes(v, caretPoint(v, from), 1, 0)
		clickTimes(v, caretPoint(v, from).Add(fyne.NewPos(1, 0)), 1, fyne.KeyModifierShift)
		s, e := v.Selection()
		if e-s > 0 && string(v.text[s:e]) == "stay" {
			t.Fatalf("shift+click selected the word %q as a double-click would", string(v.text[s:e]))
		}
	})
}

func TestHandlesResizeTheSelectedHighlight(t *testing.T) {
	v, w := newTestView(t, tricky, 700, 300)
	plant := at(t, tricky, "plant", 0)
	h := Highlight{ID: 7, Start: plant, End: plant + 5, Color: color.NRGBA{R: 0x33, G: 0x88, B: 0xee, A: 0xff}}
	v.SetHighlights([]Highlight{h})
	var got [][3]int
	v.OnHighlightResized = func(id int64, start, end int) { got = append(got, [3]int{int(id), start, end}) }
	v.SelectHighlight(7)
	handles := func() int {
		n := 0
		for _, o := range test.WidgetRenderer(v).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok && r.Size().Width == handleWidth && r.FillColor == fillColor(h.Color, 0xff) {
				n++
			}
		}
		return n
	}
	if n := handles(); n != 2 {
		t.Fatalf("%d handles drawn, want 2", n)
	}
	endHandle := v.handlePoint(h.End, true).Add(fyne.NewPos(0, v.textHeight/2))
	t.Run("dragging the end handle into a later word takes that word whole", func(t *testing.T) {
		safe := at(t, tricky, "safe", 0)
		dragFromTo(w, v, endHandle, caretPoint(v, safe+1))
		if len(got) != 1 || got[0] != [3]int{7, plant, safe + 4} {
			t.Fatalf("OnHighlightResized calls = %v, want [7 %d %d]", got, plant, safe+4)
		}
		if v.SelectedHighlight() != 7 {
			t.Fatal("the highlight is no longer selected after the resize")
		}
	})
	t.Run("dragging the start handle back with Alt moves it by characters", func(t *testing.T) {
		got = nil
		startHandle := v.handlePoint(h.Start, false).Add(fyne.NewPos(0, v.textHeight/2))
		the := at(t, tricky, "the plant", 0)
		v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyAltLeft})
		dragFromTo(w, v, startHandle, caretPoint(v, the+1))
		v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyAltLeft})
		if len(got) != 1 || got[0] != [3]int{7, the + 1, plant + 5} {
			t.Fatalf("OnHighlightResized calls = %v, want [7 %d %d]", got, the+1, plant+5)
		}
	})
	t.Run("a drag away from the handles selects text as usual", func(t *testing.T) {
		got = nil
		dragFromTo(w, v, caretPoint(v, 1), caretPoint(v, 3))
		if len(got) != 0 {
			t.Fatalf("resize reported for a plain drag: %v", got)
		}
		assertSelection(t, v, 0, at(t, tricky, " said", 0))
	})
	t.Run("no handles without the callback", func(t *testing.T) {
		v.OnHighlightResized = nil
		v.SelectHighlight(7)
		if n := handles(); n != 0 {
			t.Fatalf("%d handles drawn without OnHighlightResized", n)
		}
	})
}

func TestFindMatchesAreMarked(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	matches := annotate.FindAll([]rune(tricky), "“", annotate.FindOptions{})
	if len(matches) != 2 {
		t.Fatalf("found %d opening quote marks, want 2", len(matches))
	}
	v.Select(3, 3)
	v.SetFindMatches(matches, 1)
	warning := v.Theme().Color(theme.ColorNameWarning, fyne.CurrentApp().Settings().ThemeVariant())
	count := func(alpha uint8) int {
		n := 0
		for _, o := range test.WidgetRenderer(v).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == fillColor(warning, alpha) {
				n++
			}
		}
		return n
	}
	if all, current := count(findAlpha), count(findCurrentAlpha); all != 1 || current != 1 {
		t.Fatalf("marks drawn: %d plain, %d current; want 1 and 1", all, current)
	}
	if ms, cur := v.FindMatches(); len(ms) != 2 || cur != 1 {
		t.Fatalf("FindMatches = %v, %d", ms, cur)
	}
	assertSelection(t, v, 3, 3)
	v.SetFindMatches(nil, -1)
	if count(findAlpha)+count(findCurrentAlpha) != 0 {
		t.Fatal("marks left after clearing")
	}
}

func TestHighlightAlphasAreTheOnesTheLegibilityRuleAssumes(t *testing.T) {
	if fillAlpha != contrast.HighlightFillAlpha || bandAlpha != contrast.HighlightBandAlpha {
		t.Fatalf("docview draws fills at %#x and bands at %#x; app/contrast checks %#x and %#x",
			fillAlpha, bandAlpha, contrast.HighlightFillAlpha, contrast.HighlightBandAlpha)
	}
}

func TestTheViewCountsItsOwnClicks(t *testing.T) {
	// A DoubleTappable widget gets its clicks late (after the double-tap wait)
	// and a click plus a quick Shift+click as a double-click.
	if _, ok := any(New()).(fyne.DoubleTappable); ok {
		t.Fatal("the view is DoubleTappable")
	}
}

// TestExactHandleDragNeverCutsAGraphemeCluster drags an end handle with
// ExactSelection to the point between an “e” and its combining acute accent:
// the new end takes the whole cluster, as an exact drag selection does.
func TestExactHandleDragNeverCutsAGraphemeCluster(t *testing.T) {
	const text = "The cafe\u0301 owner said “closed” on Monday."
	v, w := newTestView(t, text, 700, 300)
	v.ExactSelection = true
	owner := at(t, text, "owner", 0)
	h := Highlight{ID: 3, Start: owner, End: owner + 5, Color: color.NRGBA{R: 0x33, G: 0x88, B: 0xee, A: 0xff}}
	v.SetHighlights([]Highlight{h})
	var got [][3]int
	v.OnHighlightResized = func(id int64, start, end int) { got = append(got, [3]int{int(id), start, end}) }
	v.SelectHighlight(3)
	startHandle := v.handlePoint(h.Start, false).Add(fyne.NewPos(0, v.textHeight/2))
	accent := at(t, text, "\u0301", 0) // between the e and its accent
	dragFromTo(w, v, startHandle, caretPoint(v, accent))
	if len(got) != 1 || got[0][1] == accent {
		t.Fatalf("OnHighlightResized calls = %v: the start cuts “e\u0301” at %d", got, accent)
	}
	if got[0] != [3]int{3, accent - 1, owner + 5} {
		t.Fatalf("OnHighlightResized calls = %v, want [3 %d %d]", got, accent-1, owner+5)
	}
}
