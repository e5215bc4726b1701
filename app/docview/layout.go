package docview

import (
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
)

// runeWidths caches the advance width of each code point in one font size and
// style. The view measures widths per code point rather than per word: a
// MeasureText call costs ~60 µs, and a 1 MB article has tens of thousands of
// distinct words but only a few hundred distinct code points, so wrapping a 1 MB
// article costs a table lookup per rune instead of seconds of shaping. The price
// is kerning inside a word, which the view absorbs by drawing each word as its
// own text object at the position the model computed (errors never accumulate
// along a row).
type runeWidths struct {
	size    float32
	style   fyne.TextStyle
	low     [0x3000]float32 // width+1 of code points below 0x3000; 0 = not measured yet
	high    map[rune]float32
	measure func(text string, size float32, style fyne.TextStyle) fyne.Size
	// shaper measures words of scripts that need shaping (Arabic, Hebrew,
	// Devanagari); nil measures every code point alone.
	shaper *shaper
}

func newRuneWidths(size float32, style fyne.TextStyle, measure func(string, float32, fyne.TextStyle) fyne.Size) *runeWidths {
	return &runeWidths{size: size, style: style, high: map[rune]float32{}, measure: measure}
}

// width returns the advance of r as the layout uses it. It is small enough
// to be inlined into the wrapping loop for the measured code points below
// U+3000 (nearly every one of a Latin article).
func (w *runeWidths) width(r rune) float32 {
	if uint32(r) < uint32(len(w.low)) && w.low[r] != 0 {
		return w.low[r] - 1
	}
	return w.otherWidth(r)
}

// otherWidth is width for code points not in the low table yet or above it.
func (w *runeWidths) otherWidth(r rune) float32 {
	if r < 0 || r >= rune(len(w.low)) {
		if v, ok := w.high[r]; ok {
			return v
		}
	}
	return w.slowWidth(r)
}

func (w *runeWidths) slowWidth(r rune) float32 {
	var v float32
	switch {
	case zeroWidth(r):
		v = 0
	case r == '\t':
		v = 4 * w.width(' ')
	default:
		v = w.measure(string(r), w.size, w.style).Width
	}
	if r >= 0 && r < rune(len(w.low)) {
		w.low[r] = v + 1
	} else {
		w.high[r] = v
	}
	return v
}

// zeroWidth reports code points that take no room and must not be drawn as a
// glyph box: line ends, other control characters, joiners, variation selectors
// and combining marks (measured alone they would render as a dotted circle).
func zeroWidth(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0x200b, r == 0x200c, r == 0x200d, r == 0x2060, r == 0xfeff, r == 0xad:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return true
	case r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me):
		return true
	}
	return false
}

// breakSpace reports code points after which a row may wrap. U+00A0, U+2007 and
// U+202F are deliberately absent: they are non-breaking. '\r' counts as a
// (zero-width) space so that a CRLF ends a row like LF does.
func breakSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', 0x1680, 0x200b, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a && r != 0x2007
}

// wrapRows splits text into rows no wider than width, greedily by word: spaces
// hang at the end of the row they follow and never cause a break, '\n' ends its
// row, and a word wider than a whole row breaks between characters (a row holds
// at least one character, so a single glyph wider than width still gets a row).
// It returns the code-point offset where each row starts; row i spans
// [starts[i], starts[i+1]) and the last row ends at len(text). A text ending in
// '\n' gets a final empty row so the caret can sit after it.
func wrapRows(text []rune, width float32, w *runeWidths) []int32 {
	starts := make([]int32, 1, len(text)/64+1)
	n := len(text)
	rowStart := 0
	var x float32
	for i := 0; i < n; {
		c := text[i]
		if c == '\n' {
			i++
			starts = append(starts, int32(i))
			rowStart, x = i, 0
			continue
		}
		if breakSpace(c) {
			x += w.width(c)
			i++
			continue
		}
		j := i
		var wordWidth float32
		shaped := false
		for ; j < n; j++ {
			c := text[j]
			if c < 0x80 { // ASCII: the common case, four comparisons
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
					break
				}
			} else if breakSpace(c) {
				break
			} else if c >= 0x0590 && w.shaper != nil && scriptClass(c) != fontTheme {
				shaped = true
			}
			wordWidth += w.width(c)
		}
		if shaped {
			wordWidth = w.shaper.wordWidth(text[i:j], w)
		}
		if x+wordWidth <= width {
			x += wordWidth
			i = j
			continue
		}
		if i > rowStart {
			starts = append(starts, int32(i))
			rowStart, x = i, 0
			if wordWidth <= width {
				x = wordWidth
				i = j
			}
			continue
		}
		// The word alone is wider than a row: break it between characters.
		for ; i < j; i++ {
			cw := w.width(text[i])
			if cw > 0 && x+cw > width && i > rowStart {
				starts = append(starts, int32(i))
				rowStart, x = i, 0
			}
			x += cw
		}
	}
	return starts
}

// rowCount returns the number of rows of the current layout (at least 1).
func (v *View) rowCount() int { return len(v.rows) }

// rowRange returns the code points [start, end) of row r.
func (v *View) rowRange(r int) (start, end int) {
	start = int(v.rows[r])
	if r+1 < len(v.rows) {
		return start, int(v.rows[r+1])
	}
	return start, len(v.text)
}

// rowContentEnd returns the end of row r without its trailing spaces and line end:
// the part that is drawn and must fit the width.
func (v *View) rowContentEnd(r int) int {
	start, end := v.rowRange(r)
	for end > start && (v.text[end-1] == '\n' || breakSpace(v.text[end-1])) {
		end--
	}
	return end
}

// rowCaretEnd returns the last caret offset that belongs to row r. The offset
// where a soft-wrapped row ends is the start of the next row, so the caret in
// row r stops before the trailing spaces (or, for a word broken between
// characters, before the last character).
func (v *View) rowCaretEnd(r int) int {
	start, end := v.rowRange(r)
	if r == len(v.rows)-1 {
		return end
	}
	content := v.rowContentEnd(r)
	if content == end && content > start {
		return content - 1
	}
	return content
}

// rowOf returns the row holding the caret offset (a wrap boundary belongs to
// the row it starts).
func (v *View) rowOf(offset int) int {
	r := sort.Search(len(v.rows), func(i int) bool { return int(v.rows[i]) > offset }) - 1
	return max(r, 0)
}

// rowPrefix returns the x position of every caret offset in row r relative to
// the text's left edge: prefix[k] is the width of the row's first k code points.
// Rows are cached lazily; the cache is dropped on every re-wrap.
func (v *View) rowPrefix(r int) []float32 {
	if p, ok := v.prefixCache[r]; ok {
		return p
	}
	start, end := v.rowRange(r)
	p := make([]float32, end-start+1)
	var x float32
	for k, c := range v.text[start:end] {
		x += v.widths.width(c)
		p[k+1] = x
	}
	if len(v.prefixCache) >= 512 {
		clear(v.prefixCache)
	}
	v.prefixCache[r] = p
	return p
}

// xOf returns the x of a caret offset within its row, relative to the text's left edge.
func (v *View) xOf(r, offset int) float32 {
	if g := v.rowGeometry(r); g != nil {
		return g.caretX(offset)
	}
	start, _ := v.rowRange(r)
	p := v.rowPrefix(r)
	k := min(max(offset-start, 0), len(p)-1)
	return p[k]
}

// offsetInRow returns the caret offset in row r nearest to x (text coordinates).
func (v *View) offsetInRow(r int, x float32) int {
	start, _ := v.rowRange(r)
	limit := v.rowCaretEnd(r) - start
	if g := v.rowGeometry(r); g != nil {
		return g.offsetNear(x, limit)
	}
	p := v.rowPrefix(r)
	k := sort.Search(limit+1, func(i int) bool { return p[i] >= x })
	if k > limit {
		return start + limit
	}
	if k > 0 && x-p[k-1] < p[k]-x {
		k--
	}
	return start + k
}

// charInRow returns the code point drawn under x in row r, if any.
func (v *View) charInRow(r int, x float32) (int, bool) {
	start, _ := v.rowRange(r)
	content := v.rowContentEnd(r) - start
	if g := v.rowGeometry(r); g != nil {
		k := g.hit(x, content)
		return k, k >= 0
	}
	p := v.rowPrefix(r)
	if x < 0 || content == 0 || x >= p[content] {
		return 0, false
	}
	k := sort.Search(content, func(i int) bool { return p[i+1] > x })
	return start + k, true
}
