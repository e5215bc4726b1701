package docview

import "github.com/go-text/typesetting/segmenter"

// graphemeWindow bounds the text the grapheme segmenter looks at around an
// offset: no real cluster is longer, and a 1 MB article is never segmented whole.
const graphemeWindow = 32

// nextGrapheme returns the offset after the extended grapheme cluster
// (UAX #29) that starts at offset, so a caret step never splits a base letter
// from its marks, a conjunct, an emoji sequence or CRLF.
func nextGrapheme(text []rune, offset int) int {
	if offset >= len(text) {
		return len(text)
	}
	offset = max(offset, 0)
	var seg segmenter.Segmenter
	seg.Init(text[offset:min(offset+graphemeWindow, len(text))])
	it := seg.GraphemeIterator()
	if it.Next() {
		return offset + len(it.Grapheme().Text)
	}
	return offset + 1
}

// prevGrapheme returns the start of the extended grapheme cluster that ends
// at offset.
func prevGrapheme(text []rune, offset int) int {
	if offset <= 0 {
		return 0
	}
	offset = min(offset, len(text))
	from := max(offset-graphemeWindow, 0)
	var seg segmenter.Segmenter
	seg.Init(text[from:offset])
	it := seg.GraphemeIterator()
	last := offset - 1
	for it.Next() {
		last = from + it.Grapheme().Offset
	}
	return last
}

// snapToGraphemes widens [start, end) to whole grapheme clusters.
func snapToGraphemes(text []rune, start, end int) (int, int) {
	if start < len(text) && start > 0 {
		if s := prevGrapheme(text, nextGrapheme(text, start)); s < start {
			start = s
		}
	}
	if end > 0 && end < len(text) {
		if e := nextGrapheme(text, prevGrapheme(text, end)); e > end {
			end = e
		}
	}
	return start, end
}
