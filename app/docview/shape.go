package docview

import (
	"bytes"
	"fmt"
	"math"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/newsmark/newsmark/assets"
)

// fontClass names the font a code point is measured and drawn in: the
// theme's, or one of the bundled Noto fonts for a script that needs shaping.
type fontClass uint8

const (
	fontTheme fontClass = iota
	fontArabic
	fontHebrew
	fontDevanagari
	fontBengali
	// fontSystem is text of any other script that needs shaping (Tamil, Thai,
	// Khmer, Myanmar, Sinhala, Gujarati, ...): drawn in the theme font, for
	// which Fyne finds a system font that has the glyphs and shapes the text
	// object itself, and measured through Fyne at grapheme boundaries.
	fontSystem
	fontClasses
)

// scriptClass returns the bundled font a code point's script needs, or
// fontTheme. Code points of the common and inherited scripts (spaces,
// punctuation, joiners) get fontTheme here; shapedClasses lets them join the
// script run they sit in.
func scriptClass(r rune) fontClass {
	switch {
	case r < 0x0590:
		return fontTheme
	case r <= 0x05ff, r >= 0xfb1d && r <= 0xfb4f:
		return fontHebrew
	case r <= 0x06ff, r >= 0x0750 && r <= 0x077f, r >= 0x0870 && r <= 0x08ff,
		r >= 0xfb50 && r <= 0xfdff, r >= 0xfe70 && r <= 0xfefe:
		return fontArabic
	case r >= 0x0900 && r <= 0x097f, r >= 0xa8e0 && r <= 0xa8ff, r >= 0x1cd0 && r <= 0x1cff:
		return fontDevanagari
	case r >= 0x0980 && r <= 0x09ff:
		return fontBengali
	case systemShaped(r):
		return fontSystem
	}
	return fontTheme
}

// systemShaped reports a code point of a script that needs shaping, by its
// Unicode Script property: every script but those whose text reads right
// with one glyph per code point (Latin, Greek, Cyrillic, CJK, ...) and the
// common and inherited code points (punctuation, digits, marks), which join
// the run they sit in. The ranges checked first are those of the unshaped
// scripts a long article is most likely to be in, so CJK text does not pay
// for a table lookup per code point.
func systemShaped(r rune) bool {
	switch {
	case r < 0x0590,
		r >= 0x1e00 && r <= 0x1fff, // Latin and Greek extended
		r >= 0x2000 && r <= 0x2bff, // punctuation, symbols, arrows
		r >= 0x2e80 && r <= 0xa4cf, // CJK, kana, Yi
		r >= 0xac00 && r <= 0xd7ff, // Hangul syllables
		r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xffef,
		r >= 0x1f000: // emoji, CJK extensions
		return false
	}
	switch language.LookupScript(r) {
	case language.Latin, language.Greek, language.Cyrillic, language.Armenian, language.Georgian,
		language.Han, language.Hiragana, language.Katakana, language.Bopomofo, language.Hangul, language.Yi,
		language.Ethiopic, language.Cherokee, language.Canadian_Aboriginal, language.Braille,
		language.Common, language.Inherited, language.Unknown:
		return false
	}
	return true
}

var fontScripts = [fontClasses]struct {
	script language.Script
	lang   language.Language
	dir    di.Direction
	name   string
	data   func() []byte
}{
	fontTheme:      {},
	fontArabic:     {language.Arabic, "ar", di.DirectionRTL, "NotoSansArabic-Regular.ttf", assets.NotoSansArabic},
	fontHebrew:     {language.Hebrew, "he", di.DirectionRTL, "NotoSansHebrew-Regular.ttf", assets.NotoSansHebrew},
	fontDevanagari: {language.Devanagari, "hi", di.DirectionLTR, "NotoSansDevanagari-Regular.ttf", assets.NotoSansDevanagari},
	fontBengali:    {language.Bengali, "bn", di.DirectionLTR, "NotoSansBengali-Regular.ttf", assets.NotoSansBengali},
	fontSystem:     {},
}

// shapedWord is a shaped piece of text: the advance of each of its code
// points (a cluster's advance shared evenly by the code points it holds) and
// their sum.
type shapedWord struct {
	advances []float32
	width    float32
}

// shaper shapes runs of the bundled scripts with HarfBuzz (go-text) in the
// same font and size Fyne draws them with, and caches the result per distinct
// piece of text: an article repeats its words, so shaping costs once per word.
type shaper struct {
	size  float32
	style fyne.TextStyle // of fontSystem text, which is drawn in the theme font
	faces [allClasses]*font.Face
	res   [allClasses]fyne.Resource
	err   [allClasses]error
	hb    shaping.HarfbuzzShaper
	cache map[string]*shapedWord
	key   []byte
	// drop[c] moves class c's text up so its baseline meets the theme font's
	// (Fyne puts a text's baseline at its own font's ascent); NaN until measured.
	drop [allClasses]float32
	// Classes above fontSystem are installed fonts of scripts without a
	// bundled one (systemClass), numbered as their scripts first appear.
	scriptClass map[language.Script]fontClass
	script      [allClasses]language.Script
	dir         [allClasses]di.Direction
	next        fontClass
}

// allClasses counts the bundled classes, fontSystem and the classes of
// installed fonts a shaper may add.
const allClasses = fontSystem + 1 + maxSystemClasses

func newShaper(size float32) *shaper {
	s := &shaper{size: size, cache: map[string]*shapedWord{}, next: fontSystem + 1}
	for c := range s.drop {
		s.drop[c] = float32(math.NaN())
	}
	return s
}

// baselineShift returns how far to move a text object of the class down
// (negative: up) so that its baseline lines up with the theme font's.
func (s *shaper) baselineShift(class fontClass) float32 {
	if class == fontTheme || class == fontSystem {
		return 0
	}
	if d := s.drop[class]; !math.IsNaN(float64(d)) {
		return d
	}
	d := float32(0)
	if res := s.resource(class); res != nil && fyne.CurrentApp() != nil {
		drv := fyne.CurrentApp().Driver()
		_, theme := drv.RenderedTextSize("M", s.size, fyne.TextStyle{}, nil)
		_, own := drv.RenderedTextSize(" ", s.size, fyne.TextStyle{}, res)
		d = theme - own
	}
	s.drop[class] = d
	return d
}

// face returns the parsed font of a class, or nil if it cannot be used.
func (s *shaper) face(class fontClass) *font.Face {
	if class == fontTheme || class == fontSystem || s.err[class] != nil {
		return nil
	}
	if class > fontSystem {
		return s.faces[class] // set by systemClass
	}
	if s.faces[class] == nil {
		f, err := bundledFonts[class]()
		if err != nil {
			s.err[class] = err
			fyne.LogError("docview", err)
			return nil
		}
		// A Face caches glyph extents as it shapes: each shaper has its own
		// over the shared, read-only Font.
		s.faces[class] = font.NewFace(f.font)
		s.res[class] = f.res
	}
	return s.faces[class]
}

// bundledFont is a bundled font parsed once per process: a font.Font is
// read-only, so every view and line shares it (Lines in a list would each
// parse it again otherwise), and one resource, so Fyne caches it once.
type bundledFont struct {
	font *font.Font
	res  fyne.Resource
}

var bundledFonts = func() (out [fontClasses]func() (bundledFont, error)) {
	for c := range out {
		info := fontScripts[c]
		out[c] = sync.OnceValues(func() (bundledFont, error) {
			if info.data == nil {
				return bundledFont{}, fmt.Errorf("no bundled font for class %d", c)
			}
			face, err := font.ParseTTF(bytes.NewReader(info.data()))
			if err != nil {
				return bundledFont{}, fmt.Errorf("parse bundled font %s: %w", info.name, err)
			}
			return bundledFont{font: face.Font, res: fyne.NewStaticResource(info.name, info.data())}, nil
		})
	}
	return out
}()

// resource is the font Fyne draws a class in (nil: the theme's).
func (s *shaper) resource(class fontClass) fyne.Resource {
	if s.face(class) == nil {
		return nil
	}
	return s.res[class]
}

// hasGlyph reports whether the class's font draws r itself.
func (s *shaper) hasGlyph(class fontClass, r rune) bool {
	f := s.face(class)
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}

// shape returns the shaped advances of text in the class's font.
func (s *shaper) shape(class fontClass, text []rune) *shapedWord {
	s.key = append(append(s.key[:0], byte(class)), string(text)...)
	if w, ok := s.cache[string(s.key)]; ok && (w.advances != nil || len(text) == 0) {
		return w
	}
	w := &shapedWord{advances: make([]float32, len(text))}
	if class == fontSystem {
		s.measureClusters(text, w)
	} else if face := s.face(class); face != nil && len(text) > 0 {
		in := shaping.Input{Text: text, RunStart: 0, RunEnd: len(text), Face: face, Size: fixed.Int26_6(s.size * 64)}
		if class < fontSystem {
			info := fontScripts[class]
			in.Direction, in.Script, in.Language = info.dir, info.script, info.lang
		} else {
			in.Direction, in.Script = s.dir[class], s.script[class]
		}
		out := s.hb.Shape(in)
		cluster := make([]float32, len(text))
		runes := make([]int, len(text))
		for _, g := range out.Glyphs {
			if g.ClusterIndex >= 0 && g.ClusterIndex < len(text) {
				cluster[g.ClusterIndex] += float32(g.Advance) / 64
				runes[g.ClusterIndex] = max(runes[g.ClusterIndex], g.RuneCount)
			}
		}
		for k := 0; k < len(text); k++ {
			n := max(runes[k], 1)
			if cluster[k] == 0 && runes[k] == 0 {
				continue
			}
			for j := k; j < min(k+n, len(text)); j++ {
				w.advances[j] = cluster[k] / float32(n)
			}
		}
		for _, a := range w.advances {
			w.width += a
		}
	}
	if len(s.cache) >= 1<<16 {
		clear(s.cache)
	}
	s.cache[string(s.key)] = w
	return w
}

// measureClusters fills w for text drawn in the theme font with Fyne's
// fallback: Fyne's measurement of each prefix that ends at a grapheme
// boundary gives the clusters' advances (shared by their code points), the
// whole text's its width.
func (s *shaper) measureClusters(text []rune, w *shapedWord) {
	var prev float32
	for k := 0; k < len(text); {
		next := nextGrapheme(text, k)
		x := fyne.MeasureText(string(text[:next]), s.size, s.style).Width
		for j := k; j < next; j++ {
			w.advances[j] = (x - prev) / float32(next-k)
		}
		prev, k = x, next
	}
	w.width = prev
}

// width is the advance of text in the class's font: shape's width, or for
// fontSystem one measurement by Fyne (wrapping needs no more; the advances
// inside are measured when a row on screen is laid out).
func (s *shaper) width(class fontClass, text []rune) float32 {
	if class != fontSystem {
		return s.shape(class, text).width
	}
	s.key = append(append(s.key[:0], byte(class)), string(text)...)
	if w, ok := s.cache[string(s.key)]; ok {
		return w.width
	}
	w := &shapedWord{width: fyne.MeasureText(string(text), s.size, s.style).Width}
	if len(s.cache) >= 1<<16 {
		clear(s.cache)
	}
	s.cache[string(s.key)] = w
	return w.width
}

// classes fills out with the font class of each code point of text: its
// script's, or, for a code point of no particular script (punctuation,
// joiners, marks), the class of the code point before it when that font has
// a glyph for it, so that "كلمة،" or "שלום." shape as one run. Quote marks
// and brackets stay in the theme font, so a mark looks the same in English
// and Arabic text and is mirrored in one place (appendPieces).
func (s *shaper) classes(text []rune, out []fontClass) []fontClass {
	out = out[:0]
	prev := fontTheme
	for _, r := range text {
		c := scriptClass(r)
		if c == fontSystem {
			c = s.systemClass(r)
		}
		if c == fontTheme && prev != fontTheme && !breakSpace(r) && r != '\n' &&
			(r < '0' || r > '9') && !unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf) &&
			(zeroWidth(r) || s.hasGlyph(prev, r)) {
			c = prev
		}
		if c != fontTheme && c != fontSystem && s.face(c) == nil {
			c = fontTheme
		}
		out = append(out, c)
		prev = c
	}
	return out
}

// complexWord reports whether a word holds a code point of a shaped script.
func complexWord(word []rune) bool {
	for _, r := range word {
		if r >= 0x0590 && scriptClass(r) != fontTheme {
			return true
		}
	}
	return false
}

// wordWidth measures a word holding shaped scripts: its pieces of one class
// shaped, the rest per code point.
func (s *shaper) wordWidth(word []rune, w *runeWidths) float32 {
	var classes [64]fontClass
	cls := s.classes(word, classes[:0])
	var width float32
	for i := 0; i < len(word); {
		j := i + 1
		for j < len(word) && cls[j] == cls[i] {
			j++
		}
		if cls[i] == fontTheme {
			for _, r := range word[i:j] {
				width += w.width(r)
			}
		} else {
			width += s.width(cls[i], word[i:j])
		}
		i = j
	}
	return width
}
