package annotate

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Range is a stretch of a text in code points, End exclusive.
type Range struct{ Start, End int }

// The functions in this file answer questions about a text's words, sentences and
// paragraphs for selecting and tagging: they take the text as code points (what the
// document view holds) and return code-point offsets. Words are Tokenize's tokens
// (UAX #29 words, whitespace dropped), so a span snapped here starts and ends on a
// token boundary of every export. Only a few hundred characters around the place
// asked about are segmented, so the answers cost the same in a 1 MB article as in
// a short one.

// safeBreak reports whether UAX #29 always breaks words at p and no rule looks back
// across it, so text[p:] can be segmented on its own: the start or end of the text,
// after a line feed, or where ASCII white space meets another ASCII character (the
// places where Tokenize cuts its chunks).
func safeBreak(text []rune, p int) bool {
	if p <= 0 || p >= len(text) {
		return true
	}
	prev, cur := text[p-1], text[p]
	if prev == '\n' {
		return true
	}
	return isASCIISpaceRune(prev) && cur < 0x80 && !isASCIISpaceRune(cur)
}

func isASCIISpaceRune(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) }

// tokensAround returns the tokens of the stretch of text holding [from, to),
// extended to safe breaks on both sides; offsets are into text.
func tokensAround(text []rune, from, to int) []Token {
	lo, hi := max(from, 0), min(to, len(text))
	for lo > 0 && !safeBreak(text, lo) {
		lo--
	}
	for hi < len(text) && !safeBreak(text, hi) {
		hi++
	}
	tokens := Tokenize(string(text[lo:hi]))
	for i := range tokens {
		tokens[i].Start += lo
		tokens[i].End += lo
	}
	return tokens
}

// WordAt returns the word (token) holding the code point at i; ok is false when i
// is white space or outside the text. A punctuation mark is a word of its own.
func WordAt(text []rune, i int) (word Range, ok bool) {
	if i < 0 || i >= len(text) || unicode.IsSpace(text[i]) {
		return Range{}, false
	}
	for _, t := range tokensAround(text, i, i+1) {
		if t.Start <= i && i < t.End {
			return Range{t.Start, t.End}, true
		}
	}
	return Range{}, false
}

// IsWordBoundary reports whether a word can start or end at p: no token of the text
// runs across it.
func IsWordBoundary(text []rune, p int) bool {
	if p <= 0 || p >= len(text) || unicode.IsSpace(text[p-1]) || unicode.IsSpace(text[p]) {
		return true
	}
	for _, t := range tokensAround(text, p-1, p+1) {
		if t.Start < p && p < t.End {
			return false
		}
	}
	return true
}

// TrimSpace narrows [start, end) past white space at both ends (spaces, U+00A0,
// CR, LF and the other White_Space characters); a range of only white space
// comes back empty, at its end.
func TrimSpace(text []rune, start, end int) (int, int) {
	start, end = clampRange(text, start, end)
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	if start == end {
		return end, end
	}
	return start, end
}

func clampRange(text []rune, start, end int) (int, int) {
	start, end = min(max(start, 0), len(text)), min(max(end, 0), len(text))
	if start > end {
		start, end = end, start
	}
	return start, end
}

// SnapToWords widens [start, end) outward to whole words, the way a mouse selection
// snaps: white space at the edges is dropped, then a start or end inside a word
// moves to that word's edge. A range of only white space comes back empty.
func SnapToWords(text []rune, start, end int) (int, int) {
	start, end = TrimSpace(text, start, end)
	if start == end {
		return start, end
	}
	if w, ok := WordAt(text, start); ok {
		start = w.Start
	}
	if w, ok := WordAt(text, end-1); ok {
		end = w.End
	}
	return start, end
}

// ParagraphAt returns the paragraph holding offset i: its line, without the line
// break (LF, CR LF or CR). News text puts one paragraph on a line.
func ParagraphAt(text []rune, i int) Range {
	i = min(max(i, 0), len(text))
	start := i
	for start > 0 && !isLineBreak(text[start-1]) {
		start--
	}
	end := i
	for end < len(text) && !isLineBreak(text[end]) {
		end++
	}
	return Range{start, end}
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f'
}

// SentenceAt returns the sentence holding offset i (UAX #29 sentence boundaries
// inside its paragraph), without the white space after it. Closing quote marks
// and brackets after the full stop belong to the sentence.
func SentenceAt(text []rune, i int) Range {
	para := ParagraphAt(text, i)
	pos := para.Start
	rest := string(text[para.Start:para.End])
	state := -1
	sentenceStart := pos
	for len(rest) > 0 {
		var sentence string
		sentence, rest, state = uniseg.FirstSentenceInString(rest, state)
		pos += len([]rune(sentence))
		end := sentenceStart + len([]rune(strings.TrimRightFunc(string(text[sentenceStart:pos]), unicode.IsSpace)))
		// UAX #29 ends a sentence after “Dr.” or “U.S.” before a capital letter:
		// go on past a stop that ends an abbreviation.
		if len(rest) > 0 && end > sentenceStart && text[end-1] == '.' && endsWithAbbreviation(text, end-1) {
			continue
		}
		if i < pos || len(rest) == 0 {
			return Range{sentenceStart, end}
		}
		sentenceStart = pos
	}
	return Range{para.Start, para.End}
}

// isDash reports the dashes that stand between words (em and en dash, horizontal
// bar, figure dash); the hyphen stays inside a word.
func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' || r == '‒' }

// WordRight returns where Ctrl+Right goes from offset: past white space, then to
// the end of the word together with the punctuation and quote marks touching it
// (“said,” is one step), stopping before a dash; a run of dashes is a step of its own.
func WordRight(text []rune, offset int) int {
	n := len(text)
	i := min(max(offset, 0), n)
	for i < n && unicode.IsSpace(text[i]) {
		i++
	}
	if i < n && isDash(text[i]) {
		for i < n && isDash(text[i]) {
			i++
		}
		return i
	}
	for i < n && !unicode.IsSpace(text[i]) && !isDash(text[i]) {
		i++
	}
	return i
}

// WordLeft returns where Ctrl+Left goes from offset: the mirror of WordRight, to
// the start of the word with the quote marks and punctuation before it.
func WordLeft(text []rune, offset int) int {
	i := min(max(offset, 0), len(text))
	for i > 0 && unicode.IsSpace(text[i-1]) {
		i--
	}
	if i > 0 && isDash(text[i-1]) {
		for i > 0 && isDash(text[i-1]) {
			i--
		}
		return i
	}
	for i > 0 && !unicode.IsSpace(text[i-1]) && !isDash(text[i-1]) {
		i--
	}
	return i
}
