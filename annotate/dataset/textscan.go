package dataset

import (
	"math"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// Exporting a large project spends most of its encoding time on the documents'
// text, not on the spans: building annotate.Offsets costs a table entry (and four
// bytes of garbage) per character, and escaping the text for JSON looks at every
// byte. The helpers here do the same work with less: the spans' offsets are found
// in one forward pass without a table, and runs of plain ASCII are handled eight
// bytes at a time. Both give exactly what the plain code gives (tests check them
// against it); anything unusual, such as a span outside the text, goes to the plain
// code so that its error message is the one the user sees.

// word reads eight bytes of s starting at i, little-endian; the compiler turns
// it into one load.
func word(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plainJSONWord reports whether none of the eight bytes needs attention in a JSON
// string: all are ASCII, none is a control character, a quote or a backslash.
// Each test is exact for a word without high bits (no borrow crosses a byte that
// does not itself match).
func plainJSONWord(w uint64) bool {
	if w&highs != 0 {
		return false
	}
	control := (w - 0x20*ones) & ^w & highs
	quote := ((w ^ '"'*ones) - ones) & ^(w ^ '"'*ones) & highs
	backslash := ((w ^ '\\'*ones) - ones) & ^(w ^ '\\'*ones) & highs
	return control|quote|backslash == 0
}

// convertSpansFast is convertSpans without building annotate.Offsets: the spans'
// offsets are located in one pass over the text. Whenever a span fails its checks
// it defers to convertSpans for the error.
func convertSpansFast(doc annotate.AnnotatedDocument, unit annotate.Unit) ([]unitSpan, error) {
	spans := sortedSpans(doc.Spans)
	points := make([]int, 0, 2*len(spans))
	for _, span := range spans {
		if span.Validate(math.MaxInt) != nil {
			return convertSpans(doc, annotate.NewOffsets(doc.Document.Text), unit)
		}
		points = append(points, span.Start, span.End)
	}
	slices.Sort(points)
	points = slices.Compact(points)
	bytePos, unitPos, ok := locatePoints(doc.Document.Text, points, unit)
	if !ok {
		return convertSpans(doc, annotate.NewOffsets(doc.Document.Text), unit)
	}
	out := make([]unitSpan, len(spans))
	for i, span := range spans {
		a, _ := slices.BinarySearch(points, span.Start)
		b, _ := slices.BinarySearch(points, span.End)
		span.Text = doc.Document.Text[bytePos[a]:bytePos[b]]
		out[i] = unitSpan{Span: span, UnitStart: unitPos[a], UnitEnd: unitPos[b]}
	}
	return out, nil
}

// locatePoints finds the byte offset and the offset in unit of each code-point
// offset in points (ascending, non-negative). ok is false if a point lies beyond
// the text. Characters are counted as a range loop over the string counts them
// (an invalid byte is one character), as annotate.Offsets does.
func locatePoints(text string, points []int, unit annotate.Unit) (bytePos, unitPos []int, ok bool) {
	bytePos = make([]int, len(points))
	unitPos = make([]int, len(points))
	w := annotate.NewWalker(text)
	for k, p := range points {
		if !w.Seek(p) {
			return nil, nil, false
		}
		bytePos[k] = w.Byte()
		switch unit {
		case annotate.UnitByte:
			unitPos[k] = w.Byte()
		case annotate.UnitUTF16:
			unitPos[k] = w.UTF16()
		default:
			unitPos[k] = p
		}
	}
	return bytePos, unitPos, true
}
