package docview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// fixedWidths gives every code point a width of 10 (0 for zero-width ones),
// so expected rows can be worked out by hand.
func fixedWidths() *runeWidths {
	return newRuneWidths(14, fyne.TextStyle{}, func(s string, _ float32, _ fyne.TextStyle) fyne.Size {
		return fyne.NewSize(float32(10*len([]rune(s))), 14)
	})
}

func TestWrapRowsByHand(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []int32
	}{
		{"a row takes words while they fit and spaces hang at its end", "aaa bbb ccc", 75, []int32{0, 8}},
		{"a word that exactly fits stays", "aaa bbb ccc", 110, []int32{0}},
		{"a newline ends its row and a final newline opens an empty row", "ab\ncd\n", 100, []int32{0, 3, 6}},
		{"CRLF ends a row like LF and CR takes no width", "abcdefg\r\nhi", 70, []int32{0, 9}},
		{"a no-break space does not break", "aaa bbb\u00a0ccc", 75, []int32{0, 4}},
		{"an over-long word breaks between characters", "abcdefghij xy", 40, []int32{0, 4, 8, 11}},
		{"an emoji is one code point", "😀😀😀 ab", 20, []int32{0, 2, 4}},
		{"a single character wider than the row still gets a row", "ab", 5, []int32{0, 1}},
		{"combining marks stay with their base when breaking", "e\u0301e\u0301e\u0301", 15, []int32{0, 2, 4}},
		{"empty text is one empty row", "", 100, []int32{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapRows([]rune(tt.text), tt.width, fixedWidths())
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrapRows(%q, %v) = %v, want %v", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapRowsInvariants checks, in the real theme font and at several widths,
// that rows cover the text in order, every rune in exactly one row, no row is
// wider than the width unless it holds a single visible code point, '\n' only
// ends rows, and soft breaks fall only after a break space or inside a word
// too long for a row.
func TestWrapRowsInvariants(t *testing.T) {
	test.NewTempApp(t)
	text := []rune(strings.Repeat(tricky+" Supercalifragilisticexpialidocious\u00a0words\u00a0joined\u00a0by\u00a0no-break\u00a0spaces ", 4) + "\n")
	widths := newRuneWidths(theme.TextSize(), fyne.TextStyle{}, fyne.MeasureText)
	for _, width := range []float32{8, 31, 77, 140, 333, 900, 5000} {
		t.Run(fmt.Sprintf("width %v", width), func(t *testing.T) {
			starts := wrapRows(text, width, widths)
			if starts[0] != 0 {
				t.Fatalf("first row starts at %d", starts[0])
			}
			for r := range starts {
				start, end := int(starts[r]), len(text)
				if r+1 < len(starts) {
					end = int(starts[r+1])
				}
				if end < start || (end == start && end != len(text)) {
					t.Fatalf("row %d = [%d,%d) is empty or backwards", r, start, end)
				}
				content := end
				for content > start && (text[content-1] == '\n' || breakSpace(text[content-1])) {
					content--
				}
				var w float32
				visible := 0
				for _, c := range text[start:content] {
					w += widths.width(c)
					if widths.width(c) > 0 {
						visible++
					}
				}
				if w > width && visible > 1 {
					t.Errorf("row %d %q is %.1f wide, more than %v", r, string(text[start:content]), w, width)
				}
				for i := start; i < end-1; i++ {
					if text[i] == '\n' {
						t.Errorf("row %d has a newline inside at %d", r, i)
					}
				}
				if r == 0 || text[start-1] == '\n' || breakSpace(text[start-1]) {
					continue
				}
				// A break inside a word: the word must be wider than a row.
				ws, we := start, start
				for ws > 0 && text[ws-1] != '\n' && !breakSpace(text[ws-1]) {
					ws--
				}
				for we < len(text) && text[we] != '\n' && !breakSpace(text[we]) {
					we++
				}
				var ww float32
				for _, c := range text[ws:we] {
					ww += widths.width(c)
				}
				if ww <= width {
					t.Errorf("row %d starts inside the word %q (%.1f wide) that fits %v", r, string(text[ws:we]), ww, width)
				}
			}
		})
	}
}

func TestViewRewrapsOnResize(t *testing.T) {
	v, w := newTestView(t, strings.Repeat("word ", 200), 300, 200)
	v.ensureLayout()
	narrow := len(v.rows)
	w.Resize(fyne.NewSize(600, 200))
	v.ensureLayout()
	wide := len(v.rows)
	if wide >= narrow {
		t.Fatalf("rows at 600 px = %d, at 300 px = %d: expected fewer rows when wider", wide, narrow)
	}
	if v.wrapWidth != v.textWidth() {
		t.Fatalf("wrapped for %v, text width is %v", v.wrapWidth, v.textWidth())
	}
}

func TestHitTestFindsEveryCaretOffset(t *testing.T) {
	v, _ := newTestView(t, tricky, 260, 400)
	for offset := 0; offset <= len(v.text); offset++ {
		row := v.rowOf(offset)
		if offset > v.rowCaretEnd(row) {
			continue // the gap between a trimmed row end and the next row
		}
		if got := v.offsetAt(caretPoint(v, offset)); got != offset && v.xOf(row, offset) != v.xOf(row, got) {
			t.Errorf("offsetAt(caret point of %d) = %d", offset, got)
		}
	}
	for offset, c := range v.text {
		if c == '\n' || breakSpace(c) || v.widths.width(c) == 0 {
			continue
		}
		if got, ok := v.charAt(charPoint(v, offset)); !ok || got != offset {
			t.Errorf("charAt(middle of %d %q) = %d, %v", offset, string(c), got, ok)
		}
	}
}

func TestArrangeHighlightsNestsAndOrders(t *testing.T) {
	hs := []Highlight{
		{ID: 4, Start: 30, End: 40},
		{ID: 2, Start: 5, End: 10},
		{ID: 1, Start: 0, End: 20},
		{ID: 3, Start: 6, End: 8},
		{ID: 5, Start: 35, End: 50},  // overlaps 4 without nesting
		{ID: 6, Start: 60, End: 60},  // empty: dropped
		{ID: 7, Start: 95, End: 200}, // clipped to the text
	}
	got, depths := arrangeHighlights(hs, 100)
	var ids []int64
	for _, h := range got {
		ids = append(ids, h.ID)
	}
	if want := []int64{1, 2, 3, 4, 5, 7}; !slices.Equal(ids, want) {
		t.Fatalf("order %v, want %v", ids, want)
	}
	if want := []int{0, 1, 2, 0, 1, 0}; !slices.Equal(depths, want) {
		t.Fatalf("depths %v, want %v", depths, want)
	}
	if got[5].End != 100 {
		t.Fatalf("highlight past the end not clipped: %+v", got[5])
	}
}

func TestArrangeHighlightsBeyondSixtyFourLevels(t *testing.T) {
	var hs []Highlight
	for i := range 70 {
		hs = append(hs, Highlight{ID: int64(i + 1), Start: i, End: 200 - i})
	}
	_, depths := arrangeHighlights(hs, 300)
	for i, d := range depths {
		if d != i {
			t.Fatalf("highlight %d nested %d deep has depth %d", i, i, d)
		}
	}
}
