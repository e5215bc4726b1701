package docview

import (
	"reflect"

	"github.com/go-text/typesetting/bidi"
	xbidi "golang.org/x/text/unicode/bidi"
)

// Direction is the base direction of the document's paragraphs.
type Direction uint8

const (
	// DirectionAuto takes each paragraph's direction from its first strong
	// character (UAX #9 rules P2 and P3); a paragraph without one is left to right.
	DirectionAuto Direction = iota
	// DirectionLTR makes every paragraph left to right.
	DirectionLTR
	// DirectionRTL makes every paragraph right to left (and right-aligned).
	DirectionRTL
)

// paragraphBidi holds the levels of a document's paragraphs, computed when a
// row of the paragraph is first laid out: opening a long article resolves
// only the paragraphs on screen.
type paragraphBidi struct {
	dir    Direction
	any    bool    // the text can have a nonzero level at all
	levels []uint8 // bidiLevels entries of the computed paragraphs
	done   map[int]bool
	p      bidi.Paragraph
}

// newParagraphBidi prepares the levels of text; rtl reports whether hasRTL(text)
// (decodeText finds out while decoding, so a Latin article is not scanned again).
func newParagraphBidi(text []rune, dir Direction, rtl bool) *paragraphBidi {
	b := &paragraphBidi{dir: dir, any: dir == DirectionRTL || rtl}
	if b.any {
		b.levels = make([]uint8, len(text))
		b.done = map[int]bool{}
	}
	return b
}

// rowLevels returns the levels of text[start:end], a piece of one paragraph,
// or nil when they are all 0.
func (b *paragraphBidi) rowLevels(text []rune, start, end int) []uint8 {
	if !b.any {
		return nil
	}
	pStart := start
	for pStart > 0 && !paragraphSeparator(text[pStart-1]) {
		pStart--
	}
	if !b.done[pStart] {
		pEnd := paragraphEnd(text, pStart)
		paragraphLevels(&b.p, text[pStart:pEnd], b.dir, b.levels[pStart:pEnd])
		b.done[pStart] = true
	}
	return b.levels[start:end]
}

// rtlParagraph flags a code point of a right-to-left paragraph in the levels
// slice; the low bits hold its embedding level (at most 126 < 0x80).
const rtlParagraph = 0x80

// bidiLevels returns the embedding level of each code point of text from the
// Unicode Bidirectional Algorithm, paragraph by paragraph, with the bit
// rtlParagraph set on the code points of right-to-left paragraphs. It returns
// nil when every level is 0 (no right-to-left character and no forced
// right-to-left direction), which is the fast path of left-to-right text.
// The levels are those of a paragraph laid out as one line; lineOrder applies
// rule L1 again to each wrapped row.
func bidiLevels(text []rune, dir Direction) []uint8 {
	if dir != DirectionRTL && !hasRTL(text) {
		return nil
	}
	levels := make([]uint8, len(text))
	var p bidi.Paragraph
	for start := 0; start < len(text); {
		end := paragraphEnd(text, start)
		paragraphLevels(&p, text[start:end], dir, levels[start:end])
		start = end
	}
	return levels
}

// paragraphEnd returns the end of the paragraph of text that starts at start:
// just past its separator, which belongs to the paragraph it ends.
func paragraphEnd(text []rune, start int) int {
	end := start
	for end < len(text) && !paragraphSeparator(text[end]) {
		end++
	}
	if end < len(text) {
		end++
	}
	return end
}

// paragraphLevels fills levels with the levels of one paragraph and returns
// its paragraph level.
func paragraphLevels(p *bidi.Paragraph, para []rune, dir Direction, levels []uint8) uint8 {
	var base uint8
	switch dir {
	case DirectionRTL:
		base = 1
	case DirectionAuto:
		if firstStrongRTL(para) {
			base = 1
		}
	}
	if base == 0 && !hasRTL(para) {
		clear(levels)
		return 0
	}
	bidiDir := bidi.LeftToRight
	if base == 1 {
		bidiDir = bidi.RightToLeft
	}
	// The paragraph separator is left out: go-text lets a neutral before it
	// take the level of the number before that ("2024." ending a Hebrew
	// quote in English), where UAX #9 gives it the paragraph's; L1 gives the
	// separator the paragraph level.
	whole := levels
	if n := len(para); n > 0 && paragraphSeparator(para[n-1]) {
		levels[n-1] = base
		para, levels = para[:n-1], levels[:n-1]
	}
	runs := p.Segment(para, bidiDir)
	// A Run joins neighbouring levels of the same parity (0 and 2, 1 and 3)
	// and reports only its first level; the package keeps each code point's
	// level in an unexported field, which reflection reads without copying
	// the package. The conformance test fails if a later version moves it.
	if all := reflect.ValueOf(runs).FieldByName("levels"); all.IsValid() && all.Kind() == reflect.Slice && all.Len() == len(para) {
		for k := range levels {
			levels[k] = uint8(all.Index(k).Int())
		}
	} else {
		for i := 0; i < runs.NumRuns(); i++ {
			run := runs.Run(i)
			for k := run.Start; k < run.End; k++ {
				levels[k] = uint8(run.Level)
			}
		}
	}
	if base == 1 {
		for k := range whole {
			whole[k] |= rtlParagraph
		}
	}
	return base
}

// hasRTL reports whether text holds a code point that can make a level odd
// (rtlRune).
func hasRTL(text []rune) bool {
	for _, r := range text {
		if rtlRune(r) {
			return true
		}
	}
	return false
}

// rtlRune reports a code point that can make a level odd: a right-to-left
// letter, an Arabic number or an explicit embedding, override or isolate.
func rtlRune(r rune) bool {
	if r < 0x590 {
		return false
	}
	switch bidiClass(r) {
	case xbidi.R, xbidi.AL, xbidi.AN, xbidi.RLE, xbidi.RLO, xbidi.RLI, xbidi.FSI, xbidi.LRE, xbidi.LRO, xbidi.LRI:
		return true
	}
	return false
}

// firstStrongRTL applies rules P2 and P3: the paragraph is right to left when
// its first strong character outside isolates is R or AL.
func firstStrongRTL(para []rune) bool {
	isolates := 0
	for _, r := range para {
		switch bidiClass(r) {
		case xbidi.L:
			if isolates == 0 {
				return false
			}
		case xbidi.R, xbidi.AL:
			if isolates == 0 {
				return true
			}
		case xbidi.LRI, xbidi.RLI, xbidi.FSI:
			isolates++
		case xbidi.PDI:
			if isolates > 0 {
				isolates--
			}
		case xbidi.B:
			return false
		}
	}
	return false
}

// bidiClass is the Bidi_Class of r. x/text's table reports the explicit
// formatting characters as one Control class, so they are named here.
func bidiClass(r rune) xbidi.Class {
	switch r {
	case 0x202a:
		return xbidi.LRE
	case 0x202b:
		return xbidi.RLE
	case 0x202c:
		return xbidi.PDF
	case 0x202d:
		return xbidi.LRO
	case 0x202e:
		return xbidi.RLO
	case 0x2066:
		return xbidi.LRI
	case 0x2067:
		return xbidi.RLI
	case 0x2068:
		return xbidi.FSI
	case 0x2069:
		return xbidi.PDI
	}
	p, _ := xbidi.LookupRune(r)
	return p.Class()
}

func paragraphSeparator(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x1c || r == 0x1d || r == 0x1e || r == 0x85 || r == 0x2029
}

// lineOrder returns the logical indices of one line's code points in visual
// order, left to right (rules L1 and L2). levels are the line's entries of
// bidiLevels; order is reused when it has room.
func lineOrder(line []rune, levels []uint8, order []int32) []int32 {
	n := len(line)
	order = order[:0]
	if n == 0 {
		return order
	}
	base := uint8(0)
	if levels[0]&rtlParagraph != 0 {
		base = 1
	}
	lv := make([]uint8, n)
	for i := range lv {
		lv[i] = levels[i] &^ rtlParagraph
	}
	applyL1(line, lv, base == 1)
	var highest, lowestOdd uint8 = 0, 255
	for i := 0; i < n; i++ {
		order = append(order, int32(i))
		highest = max(highest, lv[i])
		if lv[i]%2 == 1 {
			lowestOdd = min(lowestOdd, lv[i])
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// maximal sequence at that level or higher.
	for level := highest; level >= lowestOdd && level > 0; level-- {
		for i := 0; i < n; {
			if lv[order[i]] < level {
				i++
				continue
			}
			j := i
			for j < n && lv[order[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// strongRTL reports a strong right-to-left character (Bidi_Class R or AL).
func strongRTL(r rune) bool {
	if r < 0x0590 {
		return false
	}
	c := bidiClass(r)
	return c == xbidi.R || c == xbidi.AL
}

type l1Kind uint8

const (
	l1Other l1Kind = iota
	l1Separator
	l1Whitespace
)

// bidiL1Kind sorts code points for rule L1: segment and paragraph separators,
// whitespace and isolate or embedding controls, and the rest.
func bidiL1Kind(r rune) l1Kind {
	switch bidiClass(r) {
	case xbidi.S, xbidi.B:
		return l1Separator
	case xbidi.WS, xbidi.LRI, xbidi.RLI, xbidi.FSI, xbidi.PDI, xbidi.BN,
		xbidi.LRE, xbidi.RLE, xbidi.LRO, xbidi.RLO, xbidi.PDF:
		return l1Whitespace
	}
	return l1Other
}

// applyL1 gives separators, and the whitespace before them or at the end of
// the line, the paragraph level (UAX #9 rule L1).
func applyL1(line []rune, levels []uint8, rtlPara bool) {
	base := uint8(0)
	if rtlPara {
		base = 1
	}
	trailing := true
	for i := len(line) - 1; i >= 0; i-- {
		switch bidiL1Kind(line[i]) {
		case l1Separator:
			levels[i] = base
			trailing = true
		case l1Whitespace:
			if trailing {
				levels[i] = base
			}
		default:
			trailing = false
		}
	}
}
