package docview

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

var (
	red  = color.NRGBA{R: 0xe0, A: 0xff}
	blue = color.NRGBA{B: 0xe0, A: 0xff}
)

func TestKeyboardSelection(t *testing.T) {
	v, _ := newTestView(t, tricky, 2000, 300) // wide: one row per line
	rec := record(v)
	dash := at(t, tricky, "—", 0)
	its := at(t, tricky, "it’s", 0)
	emoji := at(t, tricky, "😀", 0)
	cr := at(t, tricky, "\r", 0)
	second := at(t, tricky, "Second", 0)

	t.Run("arrows move the caret by one code point, also over an emoji", func(t *testing.T) {
		v.Select(emoji, emoji)
		key(v, fyne.KeyRight)
		assertSelection(t, v, emoji+1, emoji+1)
		if v.text[emoji+1] != ' ' {
			t.Fatalf("after the emoji comes %q", string(v.text[emoji+1]))
		}
		key(v, fyne.KeyLeft)
		assertSelection(t, v, emoji, emoji)
	})
	t.Run("shift+arrows extend by a character across the em dash", func(t *testing.T) {
		v.Select(dash-1, dash-1)
		shiftKey(v, fyne.KeyRight)
		shiftKey(v, fyne.KeyRight)
		assertSelection(t, v, dash-1, dash+1)
		shiftKey(v, fyne.KeyLeft)
		assertSelection(t, v, dash-1, dash)
	})
	t.Run("an arrow without shift collapses the selection to its side", func(t *testing.T) {
		v.Select(its, its+4)
		key(v, fyne.KeyLeft)
		assertSelection(t, v, its, its)
		v.Select(its, its+4)
		key(v, fyne.KeyRight)
		assertSelection(t, v, its+4, its+4)
	})
	t.Run("ctrl+shift+right extends by word and keeps the apostrophe inside", func(t *testing.T) {
		v.Select(its, its)
		ctrlKey(v, fyne.KeyRight, true)
		assertSelection(t, v, its, its+4) // it’s
		ctrlKey(v, fyne.KeyRight, true)
		assertSelection(t, v, its, its+7) // it’s 10 (the no-break space ends the word)
		ctrlKey(v, fyne.KeyLeft, true)
		assertSelection(t, v, its, its+5) // back to the start of 10
	})
	t.Run("ctrl+left and ctrl+right move by word, a dash a step of its own, the quote mark with its word", func(t *testing.T) {
		v.Select(dash+2, dash+2) // at "it’s"
		ctrlKey(v, fyne.KeyLeft, false)
		assertSelection(t, v, dash, dash) // before —
		ctrlKey(v, fyne.KeyLeft, false)
		safe := at(t, tricky, "safe", 0)
		assertSelection(t, v, safe, safe) // back over ” to the start of safe
		ctrlKey(v, fyne.KeyRight, false)
		assertSelection(t, v, safe+5, safe+5) // safe and its closing mark
	})
	t.Run("shift+end selects to the end of the visual row, before CRLF", func(t *testing.T) {
		v.Select(0, 0)
		shiftKey(v, fyne.KeyEnd)
		assertSelection(t, v, 0, cr)
	})
	t.Run("shift+home selects back to the start of the row", func(t *testing.T) {
		v.Select(second+6, second+6)
		shiftKey(v, fyne.KeyHome)
		assertSelection(t, v, second, second+6)
	})
	t.Run("ctrl+end and ctrl+shift+home reach the document ends", func(t *testing.T) {
		v.Select(5, 5)
		ctrlKey(v, fyne.KeyEnd, false)
		assertSelection(t, v, len(v.text), len(v.text))
		ctrlKey(v, fyne.KeyHome, true)
		assertSelection(t, v, 0, len(v.text))
	})
	t.Run("shift+down extends by a line from the same column", func(t *testing.T) {
		v.Select(3, 3)
		shiftKey(v, fyne.KeyDown)
		start, end := v.Selection()
		if start != 3 || end < second || end > second+4 {
			t.Fatalf("selection = [%d,%d), want [3, near %d)", start, end, second+3)
		}
		shiftKey(v, fyne.KeyUp)
		assertSelection(t, v, 3, 3)
	})
	if len(rec.selections) == 0 {
		t.Fatal("OnSelectionChanged never fired for key presses")
	}
	if last := rec.selections[len(rec.selections)-1]; last != [2]int{3, 3} {
		t.Fatalf("last OnSelectionChanged = %v, want [3 3]", last)
	}
}

func TestUpDownKeepTheColumn(t *testing.T) {
	v, _ := newTestView(t, "abcdef\nab\nabcdef", 2000, 300)
	v.Select(4, 4)
	key(v, fyne.KeyDown)
	assertSelection(t, v, 9, 9) // end of the short line
	key(v, fyne.KeyDown)
	assertSelection(t, v, 14, 14) // back at column 4
	key(v, fyne.KeyDown)
	assertSelection(t, v, 16, 16) // past the last row: end of text
	key(v, fyne.KeyHome)
	key(v, fyne.KeyUp)
	key(v, fyne.KeyUp)
	key(v, fyne.KeyUp)
	assertSelection(t, v, 0, 0)
}

func TestHomeEndFollowVisualRows(t *testing.T) {
	text := strings.Repeat("lorem ipsum dolor ", 20)
	v, _ := newTestView(t, text, 200, 400)
	v.ensureLayout()
	if len(v.rows) < 3 {
		t.Fatalf("expected the text to wrap at 200 px, got %d rows", len(v.rows))
	}
	rowStart := int(v.rows[1])
	nextStart := int(v.rows[2])
	v.Select(rowStart+2, rowStart+2)
	shiftKey(v, fyne.KeyEnd)
	// The row ends with the hanging space before the next row.
	assertSelection(t, v, rowStart+2, nextStart-1)
	if v.text[nextStart-1] != ' ' {
		t.Fatalf("row 1 does not end with a space: %q", string(v.text[rowStart:nextStart]))
	}
	key(v, fyne.KeyHome)
	assertSelection(t, v, rowStart, rowStart)
}

func TestDragSelects(t *testing.T) {
	v, w := newTestView(t, tricky, 500, 300)
	rec := record(v)
	plant := at(t, tricky, "plant", 0)
	t.Run("from a character's middle to another's selects both", func(t *testing.T) {
		dragFromTo(w, v, caretPoint(v, plant), caretPoint(v, plant+5))
		assertSelection(t, v, plant, plant+5)
	})
	t.Run("backwards over the emoji and the no-break space", func(t *testing.T) {
		emoji := at(t, tricky, "😀", 0)
		ten := at(t, tricky, "10", 0)
		dragFromTo(w, v, caretPoint(v, emoji+1), caretPoint(v, ten))
		assertSelection(t, v, ten, emoji+1)
		if v.Caret() != ten {
			t.Fatalf("caret = %d, want the drag end %d", v.Caret(), ten)
		}
	})
	t.Run("across a CRLF into the next line", func(t *testing.T) {
		said := at(t, tricky, "today", 0)
		second := at(t, tricky, "Second", 0)
		dragFromTo(w, v, caretPoint(v, said), caretPoint(v, second+6))
		assertSelection(t, v, said, second+6)
	})
	if got := rec.selections[len(rec.selections)-1]; got[1]-got[0] == 0 {
		t.Fatalf("OnSelectionChanged reported %v", got)
	}
}

func TestDragPastTheBottomScrolls(t *testing.T) {
	text := strings.Repeat("A line of the article that goes on.\n", 200)
	v, _ := newTestView(t, text, 400, 300)
	rec := record(v)
	_, lastVisible := v.visibleRows()
	// The driver keeps sending Dragged to the view when the pointer leaves it,
	// which test.Drag cannot do (it looks up the object under the pointer).
	from, below := caretPoint(v, 0), fyne.NewPos(50, v.Size().Height+40)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.Delta{DX: below.X - from.X, DY: below.Y - from.Y}})
	v.DragEnd()
	if v.ScrollPosition() <= 0 {
		t.Fatalf("scroll position = %v after dragging below the view", v.ScrollPosition())
	}
	start, end := v.Selection()
	if start != 0 || v.rowOf(end) <= lastVisible {
		t.Fatalf("selection = [%d,%d) ends in row %d; expected past row %d", start, end, v.rowOf(end), lastVisible)
	}
	if len(rec.scrolls) == 0 {
		t.Fatal("OnScrolled did not fire for the drag scroll")
	}
}

func nestedHighlights(t *testing.T) (outer, inner, other Highlight) {
	outer = Highlight{ID: 7, Start: at(t, tricky, "Officials", 0), End: at(t, tricky, " —", 0), Color: red, Label: "CLAIM"}
	inner = Highlight{ID: 9, Start: at(t, tricky, "“the", 0), End: at(t, tricky, " —", 0), Color: blue, Label: "QUOTE"}
	other = Highlight{ID: 3, Start: at(t, tricky, "10", 0), End: at(t, tricky, " km", 0), Color: red, Label: "CASUALTY"}
	return
}

func TestTapSelectsInnermostHighlight(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	outer, inner, other := nestedHighlights(t)
	v.SetHighlights([]Highlight{other, inner, outer})
	rec := record(v)

	test.TapAt(v, charPoint(v, inner.Start+3))
	if v.SelectedHighlight() != inner.ID {
		t.Fatalf("tap inside the nested quote selected %d, want %d", v.SelectedHighlight(), inner.ID)
	}
	assertSelection(t, v, inner.Start, inner.End)

	test.TapAt(v, charPoint(v, outer.Start+2))
	if v.SelectedHighlight() != outer.ID {
		t.Fatalf("tap on the outer claim selected %d, want %d", v.SelectedHighlight(), outer.ID)
	}
	assertSelection(t, v, outer.Start, outer.End)

	km := at(t, tricky, "km", 0)
	test.TapAt(v, charPoint(v, km))
	if v.SelectedHighlight() != 0 {
		t.Fatalf("tap outside highlights left %d selected", v.SelectedHighlight())
	}
	start, end := v.Selection()
	if start != end || (start != km && start != km+1) {
		t.Fatalf("tap on k left selection [%d,%d), want a caret at %d or %d", start, end, km, km+1)
	}
	if want := []int64{inner.ID, outer.ID, 0}; !slices.Equal(rec.highlights, want) {
		t.Fatalf("OnHighlightSelected calls = %v, want %v", rec.highlights, want)
	}

	t.Run("a second tap on the selected highlight places the caret", func(t *testing.T) {
		test.TapAt(v, charPoint(v, other.Start))
		test.TapAt(v, caretPoint(v, other.Start+1))
		if v.SelectedHighlight() != 0 {
			t.Fatalf("selected = %d", v.SelectedHighlight())
		}
		assertSelection(t, v, other.Start+1, other.Start+1)
	})
}

func TestDoubleClickSelectsWord(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	tests := []struct {
		name       string
		tapAt      int
		start, end int
	}{
		{"a word inside curly quotes", at(t, tricky, "the plant", 0) + 1, at(t, tricky, "the plant", 0), at(t, tricky, "the plant", 0) + 3},
		{"a word with an apostrophe", at(t, tricky, "it’s", 0) + 3, at(t, tricky, "it’s", 0), at(t, tricky, "it’s", 0) + 4},
		{"digits stop at the no-break space", at(t, tricky, "000", 0) + 1, at(t, tricky, "000", 0), at(t, tricky, "000", 0) + 3},
		{"the em dash alone", at(t, tricky, "—", 0), at(t, tricky, "—", 0), at(t, tricky, "—", 0) + 1},
		{"the emoji alone", at(t, tricky, "😀", 0), at(t, tricky, "😀", 0), at(t, tricky, "😀", 0) + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clickTimes(v, charPoint(v, tt.tapAt), 2, 0)
			assertSelection(t, v, tt.start, tt.end)
		})
	}
}

func TestTabCyclesHighlightsAndEscClears(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	outer, inner, other := nestedHighlights(t)
	v.SetHighlights([]Highlight{other, inner, outer})
	rec := record(v)
	v.Select(0, 0)

	for _, want := range []Highlight{outer, inner, other, outer} {
		key(v, fyne.KeyTab)
		if v.SelectedHighlight() != want.ID {
			t.Fatalf("Tab selected %d, want %d", v.SelectedHighlight(), want.ID)
		}
		assertSelection(t, v, want.Start, want.End)
	}
	shiftKey(v, fyne.KeyTab)
	if v.SelectedHighlight() != other.ID {
		t.Fatalf("Shift+Tab from the first wrapped to %d, want %d", v.SelectedHighlight(), other.ID)
	}
	if want := []int64{outer.ID, inner.ID, other.ID, outer.ID, other.ID}; !slices.Equal(rec.highlights, want) {
		t.Fatalf("OnHighlightSelected calls = %v, want %v", rec.highlights, want)
	}
	if !v.AcceptsTab() {
		t.Fatal("the view must keep Tab")
	}

	key(v, fyne.KeyEscape)
	if v.SelectedHighlight() != 0 {
		t.Fatalf("Esc left highlight %d selected", v.SelectedHighlight())
	}
	assertSelection(t, v, other.End, other.End)
	if got := rec.highlights[len(rec.highlights)-1]; got != 0 {
		t.Fatalf("Esc fired OnHighlightSelected(%d), want 0", got)
	}
	if got := rec.selections[len(rec.selections)-1]; got != [2]int{other.End, other.End} {
		t.Fatalf("Esc fired OnSelectionChanged%v", got)
	}

	t.Run("Shift+Tab with no selection goes to the last highlight before the caret", func(t *testing.T) {
		v.Select(len(v.text), len(v.text))
		shiftKey(v, fyne.KeyTab)
		if v.SelectedHighlight() != other.ID {
			t.Fatalf("selected %d, want %d", v.SelectedHighlight(), other.ID)
		}
	})
}

func TestMovingTheSelectionDropsTheHighlight(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	_, inner, _ := nestedHighlights(t)
	v.SetHighlights([]Highlight{inner})
	v.SelectHighlight(inner.ID)
	rec := record(v)
	shiftKey(v, fyne.KeyRight)
	if v.SelectedHighlight() != 0 || !slices.Equal(rec.highlights, []int64{0}) {
		t.Fatalf("after extending: selected %d, callbacks %v", v.SelectedHighlight(), rec.highlights)
	}
}

func TestRunesDeleteAndShortcutsReachTheCaller(t *testing.T) {
	v, w := newTestView(t, tricky, 700, 300)
	rec := record(v)
	test.Type(v, "3a")
	key(v, fyne.KeyDelete)
	key(v, fyne.KeyBackspace)
	if string(rec.runes) != "3a" || rec.deletes != 2 {
		t.Fatalf("runes %q, deletes %d", string(rec.runes), rec.deletes)
	}

	undo := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	fired := 0
	w.Canvas().AddShortcut(undo, func(fyne.Shortcut) { fired++ })
	v.TypedShortcut(undo)
	if fired != 1 {
		t.Fatalf("a window shortcut the view does not use fired %d times", fired)
	}

	v.Select(0, 9)
	clip := test.NewClipboard()
	v.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	if got := clip.Content(); got != "Officials" {
		t.Fatalf("copied %q", got)
	}
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	assertSelection(t, v, 0, len(v.text))
}

func TestSettersDoNotFireCallbacks(t *testing.T) {
	v, _ := newTestView(t, strings.Repeat(tricky+"\n", 100), 500, 300)
	outer, inner, other := nestedHighlights(t)
	rec := record(v)
	v.SetHighlights([]Highlight{other, inner, outer})
	v.Select(10, 20)
	v.SelectHighlight(inner.ID)
	v.ScrollToOffset(len(v.text) - 1)
	v.SetScrollPosition(40)
	v.SelectHighlight(0)
	v.SetText(tricky)
	if len(rec.selections)+len(rec.highlights)+len(rec.scrolls) != 0 {
		t.Fatalf("setters fired callbacks: %+v", rec)
	}
}

func TestSetHighlightsKeepsTheSelection(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	outer, inner, other := nestedHighlights(t)
	v.SetHighlights([]Highlight{other, inner, outer})
	v.SelectHighlight(inner.ID)
	inner.Color = red // relabelled
	v.SetHighlights([]Highlight{inner, outer})
	if v.SelectedHighlight() != inner.ID {
		t.Fatalf("relabelled highlight lost its selection: %d", v.SelectedHighlight())
	}
	v.SetHighlights([]Highlight{outer})
	if v.SelectedHighlight() != 0 {
		t.Fatalf("removed highlight still selected: %d", v.SelectedHighlight())
	}
	assertSelection(t, v, inner.Start, inner.End)
}

func TestScrolling(t *testing.T) {
	text := strings.Repeat("A line of the article.\n", 500)
	v, w := newTestView(t, text, 400, 300)
	rec := record(v)
	test.Scroll(w.Canvas(), absolute(v, fyne.NewPos(50, 50)), 0, -120)
	if v.ScrollPosition() != 120 || !slices.Equal(rec.scrolls, []float32{120}) {
		t.Fatalf("wheel: position %v, OnScrolled %v", v.ScrollPosition(), rec.scrolls)
	}
	test.Scroll(w.Canvas(), absolute(v, fyne.NewPos(50, 50)), 0, 1000)
	if v.ScrollPosition() != 0 {
		t.Fatalf("scrolling above the top: position %v", v.ScrollPosition())
	}

	target := at(t, text, "A line", 400)
	v.ScrollToOffset(target)
	first, last := v.visibleRows()
	if row := v.rowOf(target); row < first || row > last {
		t.Fatalf("row %d of offset %d not in visible rows %d-%d", row, target, first, last)
	}
	v.SetScrollPosition(1e9)
	if v.ScrollPosition() != v.maxScroll() {
		t.Fatalf("SetScrollPosition did not clamp: %v, max %v", v.ScrollPosition(), v.maxScroll())
	}
	t.Run("keyboard moves keep the caret visible", func(t *testing.T) {
		v.Select(0, 0)
		if v.ScrollPosition() != 0 {
			t.Fatalf("position %v after selecting offset 0", v.ScrollPosition())
		}
		for range 30 {
			key(v, fyne.KeyDown)
		}
		first, last := v.visibleRows()
		if row := v.rowOf(v.Caret()); row != 30 || row > last || row < first {
			t.Fatalf("caret row %d, visible %d-%d", row, first, last)
		}
	})
}

func TestScrollPositionRequestedBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	text := strings.Repeat("A line of the article.\n", 500)
	v.SetText(text)
	target := at(t, text, "A line", 300)
	v.ScrollToOffset(target)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 300))
	first, last := v.visibleRows()
	if row := v.rowOf(target); row < first || row > last {
		t.Fatalf("row %d not visible (%d-%d) after the view got its size", row, first, last)
	}
}

func TestEmptyDocumentTakesEveryKey(t *testing.T) {
	v, w := newTestView(t, "", 400, 300)
	for _, name := range []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyTab, fyne.KeyEscape, fyne.KeyDelete} {
		key(v, name)
		shiftKey(v, name)
		ctrlKey(v, name, true)
	}
	test.TapAt(v, fyne.NewPos(50, 50))
	clickTimes(v, fyne.NewPos(50, 50), 4, 0)
	dragFromTo(w, v, fyne.NewPos(10, 10), fyne.NewPos(80, 80))
	test.Scroll(w.Canvas(), absolute(v, fyne.NewPos(50, 50)), 0, -50)
	assertSelection(t, v, 0, 0)
}

func TestScrollPositionSetBeforeLayoutIsKept(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	v.SetText(strings.Repeat("A line of the article.\n", 500))
	v.SetScrollPosition(260)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 300))
	if v.ScrollPosition() != 260 {
		t.Fatalf("scroll position %v, want the 260 set before the view had a size", v.ScrollPosition())
	}
}

func TestDraggingTheScrollBarScrollsWithoutSelecting(t *testing.T) {
	text := strings.Repeat("A line of the article.\n", 500)
	v, _ := newTestView(t, text, 400, 300)
	rec := record(v)
	top, height, ok := v.thumb()
	if !ok {
		t.Fatal("a 500-line text shows no scroll bar")
	}
	from := fyne.NewPos(v.Size().Width-v.scrollBarWidth()/2, top+height/2)
	to := from.AddXY(0, 100)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DY: 100}})
	v.DragEnd()
	newTop, _, _ := v.thumb()
	if newTop < top+99 || newTop > top+101 {
		t.Fatalf("thumb moved from %v to %v, want +100", top, newTop)
	}
	if len(rec.selections) != 0 {
		t.Fatalf("dragging the scroll bar changed the selection: %v", rec.selections)
	}
	if len(rec.scrolls) != 1 {
		t.Fatalf("OnScrolled calls: %v", rec.scrolls)
	}
}

func TestPageDownMovesByAScreen(t *testing.T) {
	text := strings.Repeat("A line of the article.\n", 500)
	v, _ := newTestView(t, text, 400, 300)
	rows := int(v.Size().Height/v.rowHeight) - 1
	key(v, fyne.KeyPageDown)
	if got := v.rowOf(v.Caret()); got != rows {
		t.Fatalf("caret row %d after PageDown, want %d", got, rows)
	}
	shiftKey(v, fyne.KeyPageUp)
	assertSelection(t, v, 0, at(t, text, "A line", rows))
}
