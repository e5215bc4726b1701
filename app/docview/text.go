package docview

import (
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// Text questions the workbench asks of the open document, answered on the
// view's code points so that no caller converts a long article to runes again.

// Paragraphs returns the paragraphs (lines) that hold [start, end), as a copy,
// and the offset of their first code point: enough context for the tagging rule
// (annotate.TrimForLabel) without copying the whole article.
func (v *View) Paragraphs(start, end int) (offset int, text []rune) {
	start, end = clamp(start, 0, len(v.text)), clamp(end, 0, len(v.text))
	first := annotate.ParagraphAt(v.text, start).Start
	last := annotate.ParagraphAt(v.text, max(end-1, start)).End
	// The line break after the last paragraph and one code point more keep a
	// closing quote mark or stop just past the range in view.
	last = min(last+2, len(v.text))
	return first, append([]rune(nil), v.text[first:last]...)
}

// WordRight is where Ctrl+Right goes from offset (annotate.WordRight).
func (v *View) WordRight(offset int) int { return annotate.WordRight(v.text, offset) }

// WordLeft is where Ctrl+Left goes from offset (annotate.WordLeft).
func (v *View) WordLeft(offset int) int { return annotate.WordLeft(v.text, offset) }

// Find returns the occurrences of query in the text (annotate.FindAll).
func (v *View) Find(query string, opt annotate.FindOptions) []annotate.Range {
	return annotate.FindAll(v.text, query, opt)
}

// Len is the text's length in code points.
func (v *View) Len() int { return len(v.text) }

// decodeText decodes text into code points, in dst's array when it is big
// enough and not much bigger (the workbench shows every document in one view,
// so opening the next one reuses the last one's memory instead of faulting in
// megabytes of fresh pages), and reports whether any code point can make a
// bidi level odd (hasRTL), found while decoding so that a Latin article is
// not scanned again.
func decodeText(dst []rune, text string) ([]rune, bool) {
	n := utf8.RuneCountInString(text)
	if cap(dst) < n || cap(dst) > 2*n+4096 {
		dst = make([]rune, n)
	}
	dst = dst[:n]
	rtl := false
	i := 0
	for k := 0; k < len(text); {
		if c := text[k]; c < utf8.RuneSelf {
			dst[i] = rune(c)
			i++
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[k:])
		rtl = rtl || rtlRune(r)
		dst[i] = r
		i++
		k += size
	}
	return dst, rtl
}
