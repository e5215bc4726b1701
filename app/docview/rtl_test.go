package docview

import (
	"image/color"
	"math"
	"slices"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func reversed(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// visual returns text's code points in the order lineOrder draws them, left to right.
func visual(text string, dir Direction) string {
	runes := []rune(text)
	levels := bidiLevels(runes, dir)
	if levels == nil {
		levels = make([]uint8, len(runes))
	}
	var out []rune
	for _, k := range lineOrder(runes, levels, nil) {
		out = append(out, runes[k])
	}
	return string(out)
}

func TestLinesAreReorderedForDisplay(t *testing.T) {
	tests := []struct {
		name, text string
		dir        Direction
		want       string
	}{
		{"Hebrew and a number in English text", "ab אב 12", DirectionAuto, "ab 12 " + reversed("אב")},
		{"an English stop after a Hebrew quote stays last", "Hebrew: שלום 2024.\n", DirectionAuto, "Hebrew: 2024 " + reversed("שלום") + ".\n"},
		{"an Arabic sentence with a percentage", "قال 25% من", DirectionAuto, reversed("من") + " %25 " + reversed("قال")},
		{"English inside an Arabic sentence keeps its order", "قالت The Guardian إن", DirectionAuto, reversed("إن") + " The Guardian " + reversed("قالت")},
		{"Persian with a ZWNJ reverses as one word", "می‌خواهم", DirectionAuto, reversed("می‌خواهم")},
		{"curly quotes around Arabic in English", "said “لن نتراجع” now", DirectionAuto, "said “" + reversed("لن نتراجع") + "” now"},
		{"Devanagari is left to right", "क्षेत्र में", DirectionAuto, "क्षेत्र में"},
		{"forced right to left keeps an English phrase but moves its stop left", "one two!", DirectionRTL, "!one two"},
		{"emoji in Arabic text", "مرحبا 🙂 بكم", DirectionAuto, reversed("مرحبا 🙂 بكم")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visual(tt.text, tt.dir); got != tt.want {
				t.Fatalf("visual order of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRightToLeftParagraphsAreRightAligned(t *testing.T) {
	text := "قال المتحدث إن المحادثات ستستأنف.\nEnglish stays on the left."
	v, _ := newTestView(t, text, 500, 200)
	v.ensureLayout()
	g := v.rowGeometry(0)
	if g == nil || !g.rtlPara {
		t.Fatalf("row 0 has no right-to-left layout: %+v", g)
	}
	content := v.rowContentEnd(0)
	_, right := g.extent(0, content)
	if math.Abs(float64(right-v.wrapWidth)) > 0.5 {
		t.Fatalf("Arabic row ends at x=%v, want the right edge %v", right, v.wrapWidth)
	}
	if x0, xEnd := v.xOf(0, 0), v.xOf(0, content); x0 <= xEnd {
		t.Fatalf("caret before the first letter at x=%v is not right of the caret at the end x=%v", x0, xEnd)
	}
	if g := v.rowGeometry(1); g != nil {
		t.Fatalf("the English row should take the left-to-right fast path, got %+v", g)
	}
	if x := v.xOf(1, int(v.rows[1])); x != 0 {
		t.Fatalf("English row starts at x=%v, want 0", x)
	}
}

// TestShapedWordsDrawWhereTheyAreMeasured checks that a highlight covers
// exactly the glyphs of its span: the text object of a shaped word sits at the
// highlight's x, and Fyne's measurement of it in the same font is the
// highlight's width.
func TestShapedWordsDrawWhereTheyAreMeasured(t *testing.T) {
	words := []struct{ name, before, word, after string }{
		{"an Arabic word in Arabic text", "قال ", "المتحدث", " إن المحادثات."},
		{"a Hebrew word with points", "אמר ", "שָׁלוֹם", " לכולם."},
		{"a Devanagari conjunct", "इस ", "क्षेत्र", " में शांति है।"},
		{"a Bengali conjunct with a vowel sign", "এই ", "ক্ষেত্রে", " শান্তি আছে।"},
		{"a Persian word with a ZWNJ in English", "The word ", "کتاب‌ها", " means books."},
	}
	for _, tt := range words {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.before + tt.word + tt.after
			v, _ := newTestView(t, text, 600, 200)
			start := at(t, text, tt.word, 0)
			end := start + len([]rune(tt.word))
			mark := color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xff}
			v.SetHighlights([]Highlight{{ID: 1, Start: start, End: end, Color: mark}})
			objects := test.TempWidgetRenderer(t, v).Objects()
			var fills []*canvas.Rectangle
			var drawn *canvas.Text
			for _, o := range objects {
				switch o := o.(type) {
				case *canvas.Rectangle:
					if o.FillColor == fillColor(mark, fillAlpha) {
						fills = append(fills, o)
					}
				case *canvas.Text:
					if o.Text == tt.word {
						drawn = o
					}
				}
			}
			if drawn == nil || len(fills) != 1 {
				t.Fatalf("want one text object %q and one fill, got text %v and %d fills", tt.word, drawn, len(fills))
			}
			if drawn.FontSource == nil {
				t.Fatalf("%q is drawn in the theme font, want the bundled script font", tt.word)
			}
			fill := fills[0]
			if dx := drawn.Position().X - fill.Position().X; math.Abs(float64(dx)) > 1 {
				t.Fatalf("text drawn at x=%v, highlight at x=%v", drawn.Position().X, fill.Position().X)
			}
			size, _ := fyne.CurrentApp().Driver().RenderedTextSize(tt.word, theme.TextSize(), fyne.TextStyle{}, drawn.FontSource)
			if dw := size.Width - fill.Size().Width; math.Abs(float64(dw)) > 1 {
				t.Fatalf("text is %v wide as drawn, highlight %v", size.Width, fill.Size().Width)
			}
		})
	}
}

func TestDragAcrossADirectionBoundarySelectsTheLogicalRange(t *testing.T) {
	text := "The slogan «الشعب يريد» was heard 3 times 🙂."
	v, w := newTestView(t, text, 700, 200)
	v.ExactSelection = true
	slogan := at(t, text, "slogan", 0)
	inside := at(t, text, "يريد", 0) + 2
	dragFromTo(w, v, caretPoint(v, slogan), caretPoint(v, inside))
	assertSelection(t, v, slogan, inside)

	g := v.rowGeometry(0)
	pieces := g.spans(slogan, inside, nil)
	if len(pieces) != 2 {
		t.Fatalf("selection draws as %d pieces %v, want 2 (English, then the start of the Arabic phrase at its right)", len(pieces), pieces)
	}
	// The gap between them holds exactly the unselected end of the Arabic word.
	gapStart, gapEnd := g.extent(inside, inside+2)
	if math.Abs(float64(gapStart-pieces[0][1])) > 0.5 || math.Abs(float64(gapEnd-pieces[1][0])) > 0.5 {
		t.Fatalf("pieces %v leave a gap [%v, %v), want the unselected letters' [%v, %v)", pieces, pieces[0][1], pieces[1][0], gapStart, gapEnd)
	}

	t.Run("dragging back to the emoji selects it whole", func(t *testing.T) {
		emoji := at(t, text, "🙂", 0)
		dragFromTo(w, v, caretPoint(v, emoji+1), caretPoint(v, inside))
		assertSelection(t, v, inside, emoji+1)
	})
}

func TestArrowKeysStepByGraphemeCluster(t *testing.T) {
	tests := []struct {
		name, text string
		steps      []int
	}{
		{"Hebrew letters with points", "שָׁלוֹם", []int{3, 4, 6, 7}},
		{"an emoji family joined by ZWJ", "a👩‍👩‍👧b", []int{1, 6, 7}},
		{"CRLF", "a\r\nb", []int{1, 3, 4}},
		{"Persian ZWNJ stays with the letter before it", "می‌خو", []int{1, 3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t, tt.text, 400, 200)
			v.Select(0, 0)
			for _, want := range tt.steps {
				shiftKey(v, fyne.KeyRight)
				assertSelection(t, v, 0, want)
			}
			for i := len(tt.steps) - 2; i >= 0; i-- {
				shiftKey(v, fyne.KeyLeft)
				assertSelection(t, v, 0, tt.steps[i])
			}
		})
	}
	t.Run("Devanagari: a step never leaves a mark behind", func(t *testing.T) {
		text := "क्षेत्र में"
		v, _ := newTestView(t, text, 400, 200)
		runes := []rune(text)
		for v.Select(0, 0); v.Caret() < len(runes); {
			before := v.Caret()
			key(v, fyne.KeyRight)
			if v.Caret() <= before {
				t.Fatalf("Right from %d went to %d", before, v.Caret())
			}
			if c := v.Caret(); c < len(runes) && unicode.In(runes[c], unicode.Mn, unicode.Mc) {
				t.Fatalf("Right stopped at %d, before the mark %U", c, runes[c])
			}
		}
	})
}

func TestExactDragNeverCutsAGraphemeCluster(t *testing.T) {
	text := "אמר שָׁלוֹם לכולם"
	v, w := newTestView(t, text, 500, 200)
	v.ExactSelection = true
	shin := at(t, text, "שָׁ", 0)
	dragFromTo(w, v, caretPoint(v, 0), caretPoint(v, shin+1))
	assertSelection(t, v, 0, shin+3)
}

func TestClicksHitTheCharacterDrawnThere(t *testing.T) {
	texts := []string{
		"قال 25% من السكان «نزحوا» (تقريباً).",
		"The slogan «الشعب يريد» was heard 3 times 🙂.",
		"ראש העירייה אמר: שָׁלוֹם 2024.",
		"می‌خواهم کتاب‌ها را بخوانم",
	}
	for _, text := range texts {
		t.Run(text, func(t *testing.T) {
			v, _ := newTestView(t, text, 700, 200)
			g := v.rowGeometry(0)
			if g == nil {
				t.Fatal("no bidi layout for the row")
			}
			seen := map[float32]bool{}
			for k, c := range []rune(text) {
				if g.adv[k] == 0 || breakSpace(c) {
					continue
				}
				if seen[g.left[k]] {
					t.Fatalf("two code points drawn at x=%v", g.left[k])
				}
				seen[g.left[k]] = true
				got, ok := v.charAt(charPoint(v, k))
				if !ok || got != k {
					t.Fatalf("click on %q (offset %d) hit %d (%v)", string(c), k, got, ok)
				}
			}
		})
	}
}

func TestUpDownInRightToLeftTextKeepTheColumnFromTheRight(t *testing.T) {
	text := "قال المتحدث باسم الحكومة إن المحادثات ستستأنف يوم الأحد مؤكداً أن وقف إطلاق النار صامد منذ أيام وأضاف لن نقبل بأي شروط مسبقة"
	v, _ := newTestView(t, text, 300, 400)
	v.ensureLayout()
	if v.rowCount() < 3 {
		t.Fatalf("want the text wrapped to 3 rows or more, got %d", v.rowCount())
	}
	v.Select(0, 0)
	key(v, fyne.KeyDown)
	row1, _ := v.rowRange(1)
	if v.rowOf(v.Caret()) != 1 || v.Caret()-row1 > 2 {
		t.Fatalf("Down from the first letter (at the right edge) went to %d, want the start of row 1 at %d (also at the right)", v.Caret(), row1)
	}
	key(v, fyne.KeyEnd)
	if end := v.rowCaretEnd(1); v.Caret() != end {
		t.Fatalf("End went to %d, want the row's logical end %d", v.Caret(), end)
	}
	if x, right := v.xOf(1, v.Caret()), v.xOf(1, row1); x >= right {
		t.Fatalf("the logical end of an Arabic row is drawn at x=%v, not left of its start at x=%v", x, right)
	}
}
