package annotate

import (
	"cmp"
	"slices"
)

// CompareTextOrder is the one definition of text order for spans and anything
// drawn from them (highlights, rows): by start, then the longer span first so a
// container comes before the spans nested in it, then by ID so equal ranges keep
// a stable order. Storage's SQL (ORDER BY start, end DESC, id) says the same.
func CompareTextOrder(aStart, aEnd int, aID int64, bStart, bEnd int, bID int64) int {
	if c := cmp.Compare(aStart, bStart); c != 0 {
		return c
	}
	if c := cmp.Compare(bEnd, aEnd); c != 0 {
		return c
	}
	return cmp.Compare(aID, bID)
}

// CompareSpans compares two spans in text order (CompareTextOrder).
func CompareSpans(a, b Span) int {
	return CompareTextOrder(a.Start, a.End, a.ID, b.Start, b.End, b.ID)
}

// SortSpans puts spans in text order in place. Spans usually arrive sorted from
// the store, so a sorted slice is left untouched.
func SortSpans(spans []Span) {
	if !slices.IsSortedFunc(spans, CompareSpans) {
		slices.SortStableFunc(spans, CompareSpans)
	}
}
