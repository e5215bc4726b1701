package docview

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestScriptsThatNeedShapingAreFoundByTheirScriptProperty(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want fontClass
	}{
		{"Latin", 'a', fontTheme},
		{"Latin with a combining acute", 0x0301, fontTheme},
		{"Greek", 'λ', fontTheme},
		{"Cyrillic", 'ж', fontTheme},
		{"Armenian", 'ա', fontTheme},
		{"Georgian", 'ა', fontTheme},
		{"Han", '中', fontTheme},
		{"Hangul syllable", '한', fontTheme},
		{"Ethiopic", 'ሀ', fontTheme},
		{"emoji", '😀', fontTheme},
		{"curly quote", '“', fontTheme},
		{"Arabic (bundled)", 'ب', fontArabic},
		{"Hebrew (bundled)", 'ש', fontHebrew},
		{"Devanagari (bundled)", 'क', fontDevanagari},
		{"Bengali (bundled)", 'ক', fontBengali},
		{"Tamil", 'த', fontSystem},
		{"Tamil virama", 0x0BCD, fontSystem},
		{"Thai", 'ก', fontSystem},
		{"Thai vowel above", 0x0E34, fontSystem},
		{"Khmer", 'ក', fontSystem},
		{"Myanmar", 'က', fontSystem},
		{"Sinhala", 'ක', fontSystem},
		{"Gujarati", 'ક', fontSystem},
		{"Gurmukhi", 'ਕ', fontSystem},
		{"Telugu", 'క', fontSystem},
		{"Syriac", 'ܐ', fontSystem},
		{"Tibetan", 'ཀ', fontSystem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scriptClass(tt.r); got != tt.want {
				t.Fatalf("scriptClass(%U) = %d, want %d", tt.r, got, tt.want)
			}
		})
	}
}

// TestOtherComplexScriptsAreMeasuredShaped checks a Tamil, a Thai and a Khmer
// word in English text: the view measures each as it is drawn (shaped, in
// the installed font found for its script), so the highlight over it is
// exactly as wide as the drawn word, and the word is drawn as one text object.
func TestOtherComplexScriptsAreMeasuredShaped(t *testing.T) {
	for _, word := range []string{"தமிழ்நாடு", "ภาษาไทย", "ខ្មែរ"} {
		t.Run(word, func(t *testing.T) {
			text := "The word " + word + " is a name."
			v, _ := newTestView(t, text, 600, 200)
			start := at(t, text, word, 0)
			end := start + len([]rune(word))
			mark := color.NRGBA{R: 0x21, G: 0x43, B: 0x65, A: 0xff}
			v.SetHighlights([]Highlight{{ID: 1, Start: start, End: end, Color: mark}})
			var fill *canvas.Rectangle
			var drawn *canvas.Text
			for _, o := range test.TempWidgetRenderer(t, v).Objects() {
				switch o := o.(type) {
				case *canvas.Rectangle:
					if o.FillColor == fillColor(mark, fillAlpha) {
						fill = o
					}
				case *canvas.Text:
					if o.Text == word {
						drawn = o
					}
				}
			}
			if fill == nil || drawn == nil {
				t.Fatalf("want the word drawn as one object and one fill; text %v, fill %v", drawn, fill)
			}
			// In the installed font found for the script if there is one
			// (fonts-noto-core), else in the theme font with Fyne's fallback.
			size, _ := fyne.CurrentApp().Driver().RenderedTextSize(word, theme.TextSize(), fyne.TextStyle{}, drawn.FontSource)
			if math.Abs(float64(fill.Size().Width-size.Width)) > 1 {
				t.Fatalf("highlight is %v wide, the drawn word %v", fill.Size().Width, size.Width)
			}
			if drawn.FontSource != nil {
				t.Logf("drawn in %s", drawn.FontSource.Name())
			}
			if dx := drawn.Position().X - fill.Position().X; math.Abs(float64(dx)) > 1 {
				t.Fatalf("word drawn at x=%v, highlight at %v", drawn.Position().X, fill.Position().X)
			}
			// Every caret stop inside the word is a grapheme boundary, and
			// the stops move right.
			g := v.rowGeometry(0)
			prev := float32(-1)
			for k := start; k <= end; k = nextGrapheme(v.text, k) {
				x := g.caretX(k)
				if x <= prev {
					t.Fatalf("caret before %d at x=%v, not right of the one before (%v)", k, x, prev)
				}
				prev = x
				if k == end {
					break
				}
			}
		})
	}
}
