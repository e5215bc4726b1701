package docview

import (
	"bytes"
	"math"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/newsmark/newsmark/assets"
)

// newTestLine shows a Line of the given width in a test window.
func newTestLine(t *testing.T, text string, maxLines int, width float32) *Line {
	t.Helper()
	test.NewTempApp(t)
	l := NewLine(text)
	l.MaxLines = maxLines
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(width+50, 200))
	l.Resize(fyne.NewSize(width, l.MinSize().Height))
	return l
}

// drawnTexts returns a line's text objects, left to right.
func drawnTexts(t *testing.T, l *Line) []*canvas.Text {
	t.Helper()
	var out []*canvas.Text
	for _, o := range test.TempWidgetRenderer(t, l).Objects() {
		if txt, ok := o.(*canvas.Text); ok {
			out = append(out, txt)
		}
	}
	// Rows first (a script font's baseline shift moves its pieces a few
	// pixels within the row), then left to right.
	row := func(t *canvas.Text) int { return int(t.Position().Y / (l.MinSize().Height / float32(l.maxLines()))) }
	sort.SliceStable(out, func(i, j int) bool {
		if row(out[i]) != row(out[j]) {
			return row(out[i]) < row(out[j])
		}
		return out[i].Position().X < out[j].Position().X
	})
	return out
}

func joined(texts []*canvas.Text) string {
	var parts []string
	for _, t := range texts {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, "|")
}

func TestLineDrawsRightToLeftTextInVisualOrder(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the drawn pieces, left to right
		rtl        bool
	}{
		{"an Arabic sentence with an English name and a number",
			"قالت The Guardian إن 25 شخصا.", ".|شخصا|25|إن|The|Guardian|قالت", true},
		{"a Hebrew title with a year", "הבחירות 2024: תוצאות", "תוצאות|:|2024|הבחירות", true},
		{"an English title quoting Arabic", "Protesters chanted “الشعب يريد” again",
			"Protesters|chanted|“|يريد|الشعب|”|again", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newTestLine(t, tt.text, 1, 600)
			texts := drawnTexts(t, l)
			if got := joined(texts); got != tt.want {
				t.Fatalf("drawn left to right as %q, want %q", got, tt.want)
			}
			pad := theme.InnerPadding()
			last := texts[len(texts)-1]
			right := last.Position().X + last.Size().Width
			if tt.rtl {
				if math.Abs(float64(right-(600-pad))) > 1 {
					t.Fatalf("right-to-left text ends at x=%v, want it right-aligned at %v", right, 600-pad)
				}
			} else if x := texts[0].Position().X; math.Abs(float64(x-pad)) > 1 {
				t.Fatalf("left-to-right text starts at x=%v, want %v", x, pad)
			}
			for i := 1; i < len(texts); i++ {
				prev := texts[i-1]
				if texts[i].Position().X < prev.Position().X+prev.Size().Width-1 {
					t.Fatalf("%q at x=%v overlaps %q ending at %v", texts[i].Text, texts[i].Position().X, prev.Text, prev.Position().X+prev.Size().Width)
				}
			}
		})
	}
}

// fontmap resolves every rune to one face, as Fyne's does for a text object
// with a FontSource.
type fontmap struct{ face *font.Face }

func (f fontmap) ResolveFace(rune) *font.Face { return f.face }

// TestLineArabicWordsAreJoined checks that an Arabic word is drawn as one text
// object in the bundled Arabic font, which Fyne's painter shapes right to left
// (its segmenter runs the bidi algorithm over the object's text) into joined
// forms: the glyphs are not the isolated letters, and come out in visual order.
func TestLineArabicWordsAreJoined(t *testing.T) {
	word := "شخصا"
	l := newTestLine(t, "قالت "+word, 1, 400)
	var drawn *canvas.Text
	for _, txt := range drawnTexts(t, l) {
		if txt.Text == word {
			drawn = txt
		}
	}
	if drawn == nil || drawn.FontSource == nil || drawn.FontSource.Name() != "NotoSansArabic-Regular.ttf" {
		t.Fatalf("%q is not drawn as one text object in the bundled Arabic font: %+v", word, drawn)
	}
	face, err := font.ParseTTF(bytes.NewReader(assets.NotoSansArabic()))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(drawn.Text)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face, Size: fixed.I(14)}
	runs := (&shaping.Segmenter{}).Split(in, fontmap{face})
	if len(runs) != 1 || runs[0].Direction != di.DirectionRTL {
		t.Fatalf("Fyne's segmenter splits %q into %d runs (first %v), want one right-to-left run", word, len(runs), runs[0].Direction)
	}
	out := (&shaping.HarfbuzzShaper{}).Shape(runs[0])
	if len(out.Glyphs) != len(runes) {
		t.Fatalf("%d glyphs for %d letters", len(out.Glyphs), len(runes))
	}
	isolated := map[font.GID]bool{}
	for _, r := range runes {
		g, _ := face.NominalGlyph(r)
		isolated[g] = true
	}
	differ := 0
	for k, g := range out.Glyphs {
		// Right to left: the glyphs come in visual order, the word's last letter first.
		if want := len(runes) - 1 - k; g.ClusterIndex != want {
			t.Fatalf("glyph %d is of letter %d, want %d (visual order)", k, g.ClusterIndex, want)
		}
		if !isolated[g.GlyphID] {
			differ++
		}
	}
	// ش خ ص join on both sides they can; ا joins only to the right.
	if differ < 3 {
		t.Fatalf("only %d of %d glyphs are contextual forms; the word is not joined", differ, len(runes))
	}
}

func TestLineEndsTextThatDoesNotFitInAnEllipsis(t *testing.T) {
	t.Run("Hebrew: the ellipsis is at the left, after the last word read", func(t *testing.T) {
		text := strings.Repeat("הממשלה הודיעה היום על הפסקת אש ", 6)
		l := newTestLine(t, text, 1, 250)
		texts := drawnTexts(t, l)
		if texts[0].Text != "…" {
			t.Fatalf("leftmost piece %q, want the ellipsis; pieces %q", texts[0].Text, joined(texts))
		}
		if texts[len(texts)-1].Text != "הממשלה" {
			t.Fatalf("rightmost piece %q, want the first word", texts[len(texts)-1].Text)
		}
	})
	t.Run("English over two lines", func(t *testing.T) {
		text := strings.Repeat("Talks resumed in the harbour city on Sunday. ", 8)
		l := newTestLine(t, text, 2, 250)
		texts := drawnTexts(t, l)
		lastRow := texts[len(texts)-1]
		if !strings.HasSuffix(lastRow.Text, "…") {
			t.Fatalf("last piece %q does not end in an ellipsis", lastRow.Text)
		}
		rows := map[float32]bool{}
		for _, txt := range texts {
			rows[txt.Position().Y] = true
			if right := txt.Position().X + txt.Size().Width; right > 250 {
				t.Fatalf("%q ends at x=%v, past the line's width", txt.Text, right)
			}
		}
		if len(rows) != 2 {
			t.Fatalf("text drawn on %d rows, want 2", len(rows))
		}
	})
}

func TestLineMarksFollowTheVisualPieces(t *testing.T) {
	text := "The slogan «الشعب يريد» was heard"
	l := newTestLine(t, text, 1, 600)
	// "slogan «الشعب": English up to the quote mark, and the first Arabic
	// word, which is drawn at the right end of the Arabic phrase: two pieces.
	start := at(t, text, "slogan", 0)
	end := at(t, text, "الشعب", 0) + len([]rune("الشعب"))
	l.SetMarks([]Mark{{Start: start, End: end, Strong: true}})
	var rects []*canvas.Rectangle
	texts := map[string]*canvas.Text{}
	for _, o := range test.TempWidgetRenderer(t, l).Objects() {
		switch o := o.(type) {
		case *canvas.Rectangle:
			rects = append(rects, o)
		case *canvas.Text:
			texts[o.Text] = o
		}
	}
	if len(rects) != 2 {
		t.Fatalf("mark drawn as %d rectangles, want 2", len(rects))
	}
	sort.Slice(rects, func(i, j int) bool { return rects[i].Position().X < rects[j].Position().X })
	for i, word := range []string{"«", "الشعب"} {
		txt := texts[word]
		if txt == nil {
			t.Fatalf("%q not drawn", word)
		}
		wordRight := txt.Position().X + txt.Size().Width
		rectRight := rects[i].Position().X + rects[i].Size().Width
		if math.Abs(float64(wordRight-rectRight)) > 1 {
			t.Fatalf("piece %d ends at x=%v, the word %q at %v", i, rectRight, word, wordRight)
		}
	}
	yurid := texts["يريد"]
	for _, r := range rects {
		if yurid.Position().X+yurid.Size().Width > r.Position().X+1 && yurid.Position().X < r.Position().X+r.Size().Width-1 {
			t.Fatalf("the unmarked word يريد [%v, %v] is drawn inside the mark [%v, %v]", yurid.Position().X,
				yurid.Position().X+yurid.Size().Width, r.Position().X, r.Position().X+r.Size().Width)
		}
	}
}

func TestNeedsLayoutPicksTextFyneWouldShowWrongly(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Harbour talks stall", false},
		{"“Quoted” — it’s 10\u00a0000 km 😀", false},
		{"Ελληνικά και кириллица", false},
		{"中文 한국어 日本語", false},
		{"said شكرا", true},
		{"שלום", true},
		{"हिन्दी", true},
		{"தமிழ்", true},
		{"ภาษาไทย", true},
		{"an isolate \u2067x\u2069", true},
	}
	for _, tt := range tests {
		if got := NeedsLayout(tt.text); got != tt.want {
			t.Errorf("NeedsLayout(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
