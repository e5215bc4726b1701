package docview

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// drawnWords returns the words the renderer currently shows, in order.
func drawnWords(v *View) []string {
	var words []string
	for _, o := range test.WidgetRenderer(v).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			words = append(words, t.Text)
		}
	}
	return words
}

// expectedWords returns the words of the visible rows, worked out from the text.
func expectedWords(v *View) []string {
	first, last := v.visibleRows()
	var words []string
	for row := first; row <= last; row++ {
		rs, _ := v.rowRange(row)
		content := string(v.text[rs:v.rowContentEnd(row)])
		words = append(words, strings.FieldsFunc(content, func(r rune) bool { return breakSpace(r) || r == '\n' })...)
	}
	return words
}

func TestOnlyVisibleRowsHaveObjects(t *testing.T) {
	text := strings.Repeat(tricky+"\n", 400)
	v, _ := newTestView(t, text, 600, 400)
	totalWords := len(strings.Fields(text))
	for _, offset := range []int{0, len(v.text) / 2, len(v.text)} {
		v.ScrollToOffset(offset)
		objects := test.WidgetRenderer(v).Objects()
		got, want := drawnWords(v), expectedWords(v)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("at offset %d drawn words\n%q\nwant the visible rows' words\n%q", offset, got, want)
		}
		if len(objects) > totalWords/20 {
			t.Fatalf("at offset %d the renderer holds %d objects for a text of %d words", offset, len(objects), totalWords)
		}
		for _, o := range objects {
			if o.Position().Y+v.rowHeight < 0 || o.Position().Y > v.Size().Height {
				t.Fatalf("object %T at %v outside the %v view", o, o.Position(), v.Size())
			}
		}
		for _, w := range got {
			if strings.ContainsAny(w, "\r\n") {
				t.Fatalf("a line end is drawn as a glyph in %q", w)
			}
		}
	}
}

func TestWordsAreDrawnWhereTheModelPutsThem(t *testing.T) {
	v, _ := newTestView(t, tricky, 300, 400)
	for _, o := range test.WidgetRenderer(v).Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		offset := v.offsetAt(tx.Position().Add(fyne.NewPos(0.5, 2)))
		prefix := string(v.text[offset:min(offset+len([]rune(tx.Text)), len(v.text))])
		if prefix != tx.Text {
			t.Errorf("text %q drawn at %v, where the model has %q", tx.Text, tx.Position(), prefix)
		}
	}
}

// rectsWithFill returns the rectangles filled with c.
func rectsWithFill(v *View, c color.Color) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c {
			out = append(out, r)
		}
	}
	return out
}

func TestHighlightsAreDrawnAcrossLineBreaksAndNested(t *testing.T) {
	v, _ := newTestView(t, tricky, 220, 400) // narrow: the claim wraps
	outer, inner, _ := nestedHighlights(t)
	v.SetHighlights([]Highlight{inner, outer})
	startRow, endRow := v.rowOf(outer.Start), v.rowOf(outer.End-1)
	if endRow == startRow {
		t.Fatalf("the claim fits one row at this width; the test needs it to wrap")
	}

	outerFills := rectsWithFill(v, fillColor(outer.Color, fillAlpha))
	innerFills := rectsWithFill(v, fillColor(inner.Color, fillAlpha))
	if len(outerFills) != endRow-startRow+1 {
		t.Fatalf("outer highlight has %d fills for rows %d-%d", len(outerFills), startRow, endRow)
	}
	if len(innerFills) != v.rowOf(inner.End-1)-v.rowOf(inner.Start)+1 {
		t.Fatalf("inner highlight has %d fills", len(innerFills))
	}
	first := outerFills[0]
	if want := v.padding() + v.xOf(startRow, outer.Start); first.Position().X != want {
		t.Errorf("outer fill starts at x=%v, want %v", first.Position().X, want)
	}
	outerBands := rectsWithFill(v, fillColor(outer.Color, bandAlpha))
	innerBands := rectsWithFill(v, fillColor(inner.Color, bandAlpha))
	if len(outerBands) == 0 || len(innerBands) == 0 || outerBands[0].Position().Y == innerBands[len(innerBands)-1].Position().Y {
		t.Fatalf("nested highlights must get separate bands: outer %d, inner %d", len(outerBands), len(innerBands))
	}

	// Inner fills come after (above) the outer fills on the shared rows.
	objects := test.WidgetRenderer(v).Objects()
	index := func(o fyne.CanvasObject) int {
		for i, x := range objects {
			if x == o {
				return i
			}
		}
		return -1
	}
	if index(innerFills[0]) < index(outerFills[0]) {
		t.Error("the inner highlight is drawn below the outer one")
	}

	v.SelectHighlight(inner.ID)
	outlines := 0
	for _, o := range test.WidgetRenderer(v).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && r.StrokeColor == fillColor(inner.Color, 0xff) {
			outlines++
		}
	}
	if outlines != len(innerFills) {
		t.Fatalf("selected highlight has %d outline pieces, want %d", outlines, len(innerFills))
	}
}

func TestCaretShowsOnlyWithFocus(t *testing.T) {
	v, w := newTestView(t, tricky, 500, 300)
	caretColor := v.Theme().Color("primary", fyne.CurrentApp().Settings().ThemeVariant())
	if len(rectsWithFill(v, caretColor)) != 1 {
		t.Fatal("focused view shows no caret")
	}
	w.Canvas().Unfocus()
	if len(rectsWithFill(v, caretColor)) != 0 {
		t.Fatal("unfocused view shows a caret")
	}
}

// Kerning makes a drawn word narrower than the sum of its runes' advances, which
// the model uses. Each word sits centred in its slot, so the slack shows as two
// half gaps, never as one double-width space after a kerned word.
func TestWordsAreCentredInTheirModelSlots(t *testing.T) {
	text := "VALMERA — Valmera left “WAVE” AVAVA Tuesday 😀 end"
	v, _ := newTestView(t, text, 900, 200)
	for _, o := range test.WidgetRenderer(v).Objects() {
		w, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		start := at(t, text, w.Text, 0)
		end := start + len([]rune(w.Text))
		row := v.rowOf(start)
		slotMid := v.padding() + (v.xOf(row, start)+v.xOf(row, end))/2
		drawnMid := w.Position().X + w.Size().Width/2
		if d := drawnMid - slotMid; d > 0.51 || d < -0.51 { // snapping to pixels moves up to half a pixel
			t.Errorf("%q drawn centred at %.2f, its slot's centre is %.2f", w.Text, drawnMid, slotMid)
		}
		if measured := fyne.MeasureText(w.Text, w.TextSize, w.TextStyle).Width; w.Size().Width != measured {
			t.Errorf("%q sized %.2f wide, it measures %.2f", w.Text, w.Size().Width, measured)
		}
	}
}

// The selected annotation's outline frames its text: its stroke (drawn inside
// the rectangle) stays clear of the first and last glyphs.
func TestSelectionOutlineFramesTheGlyphsWithoutCuttingThem(t *testing.T) {
	text := "He said “civilians” were hit."
	v, _ := newTestView(t, text, 900, 200)
	start := at(t, text, "“civilians”", 0)
	v.SetHighlights([]Highlight{{ID: 7, Start: start, End: start + 11, Color: color.NRGBA{R: 0xe6, G: 0x9f, A: 0xff}}})
	v.SelectHighlight(7)
	var outline *canvas.Rectangle
	var word *canvas.Text
	for _, o := range test.WidgetRenderer(v).Objects() {
		switch o := o.(type) {
		case *canvas.Rectangle:
			if o.StrokeWidth > 0 {
				outline = o
			}
		case *canvas.Text:
			if o.Text == "“civilians”" {
				word = o
			}
		}
	}
	if outline == nil || word == nil {
		t.Fatalf("outline %v, word %v", outline, word)
	}
	inLeft := outline.Position().X + outline.StrokeWidth
	inRight := outline.Position().X + outline.Size().Width - outline.StrokeWidth
	if inLeft > word.Position().X || inRight < word.Position().X+word.Size().Width {
		t.Errorf("outline's inner edges %.1f–%.1f cut into the text drawn at %.1f–%.1f",
			inLeft, inRight, word.Position().X, word.Position().X+word.Size().Width)
	}
}

func TestSuggestionsAreDrawnDashedWithoutAFill(t *testing.T) {
	v, _ := newTestView(t, tricky, 600, 400)
	quote := Highlight{Start: at(t, tricky, "“the", 0), End: at(t, tricky, "—", 0) - 1, Color: color.NRGBA{R: 0x20, G: 0x80, B: 0xd0, A: 0xff}}
	v.SetSuggestions([]Highlight{quote})
	dashes := rectsWithFill(v, fillColor(quote.Color, suggestedAlpha))
	if fills := rectsWithFill(v, fillColor(quote.Color, fillAlpha)); len(fills) != 0 {
		t.Errorf("a suggestion has %d fills, want none", len(fills))
	}
	width := v.xOf(0, quote.End) - v.xOf(0, quote.Start)
	if want := int(width/(dashLength+dashGap)) + 1; len(dashes) < want-1 || len(dashes) > want {
		t.Fatalf("%d dashes under a %.0f-wide suggestion, want about %d", len(dashes), width, want)
	}
	if x := dashes[0].Position().X; x != v.padding()+v.xOf(0, quote.Start) {
		t.Errorf("first dash at x=%v, want the suggestion's start %v", x, v.padding()+v.xOf(0, quote.Start))
	}
	if got := len(v.Suggestions()); got != 1 {
		t.Errorf("Suggestions() holds %d", got)
	}
	v.SetText("other")
	if len(v.Suggestions()) != 0 || len(rectsWithFill(v, fillColor(quote.Color, suggestedAlpha))) != 0 {
		t.Error("a new text keeps the old suggestions")
	}
}

// TestARowFindsEverySuggestionOverIt: a row starts its search for suggestions at
// the first one that ends after it (firstSuggestionEndingAfter), so one long
// suggestion that began many short ones earlier must still be found on every row
// it covers. Checked against looking at them all, for every offset.
func TestARowFindsEverySuggestionOverIt(t *testing.T) {
	text := strings.Repeat("word ", 400)
	v, _ := newTestView(t, text, 600, 400)
	hs := []Highlight{{Start: 3, End: 1500, Color: red}} // long, over many rows
	for start := 10; start < 1900; start += 37 {
		hs = append(hs, Highlight{Start: start, End: start + 5 + start%23, Color: blue})
	}
	hs = append(hs, Highlight{Start: 1600, End: 1990, Color: red})
	v.SetSuggestions(hs)
	for offset := range len(text) + 1 {
		want := len(v.suggestions)
		for i, h := range v.suggestions {
			if h.End > offset {
				want = i
				break
			}
		}
		// Every suggestion before the one found ends at or before offset.
		got := v.firstSuggestionEndingAfter(offset)
		if got > want {
			t.Fatalf("at offset %d the search starts at suggestion %d and misses %d (%d–%d)",
				offset, got, want, v.suggestions[want].Start, v.suggestions[want].End)
		}
		for _, h := range v.suggestions[:got] {
			if h.End > offset {
				t.Fatalf("at offset %d suggestion %d–%d, which ends after it, is skipped", offset, h.Start, h.End)
			}
		}
	}
	// Drawn: the long suggestion's dashes reach the rows below its start.
	v.SetSuggestions(hs[:1])
	dashes := rectsWithFill(v, fillColor(red, suggestedAlpha))
	rows := map[float32]bool{}
	for _, d := range dashes {
		rows[d.Position().Y] = true
	}
	if len(rows) < 3 {
		t.Errorf("a suggestion over many rows is dashed on %d rows", len(rows))
	}
}
