package docview

import "github.com/newsmark/newsmark/annotate"

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
