package agreement

import (
	"cmp"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// Pair is an overlap match: the index of a span in A and of its partner in B.
type Pair struct{ A, B int }

// MatchOverlapping pairs spans of a with spans of b one to one, each pair of the
// same label and sharing at least one code point, as many pairs as possible.
// Among equally good partners one with the same start is preferred, so exact
// matches pair with each other. Pairs come in order of A's index.
//
// The greedy order is optimal for intervals: the span x that ends first (of
// either side) can only lose by not taking the overlapping partner that ends
// first, since any span overlapping that partner also overlaps every later
// ending partner that starts before x ends.
func MatchOverlapping(a, b []annotate.Span) []Pair {
	type bounds struct {
		Label      string
		Start, End int
	}
	type item struct {
		span  bounds
		index int
		side  int // 0 for A, 1 for B
	}
	items := make([]item, 0, len(a)+len(b))
	for i, s := range a {
		items = append(items, item{bounds{s.Label, s.Start, s.End}, i, 0})
	}
	for i, s := range b {
		items = append(items, item{bounds{s.Label, s.Start, s.End}, i, 1})
	}
	slices.SortFunc(items, func(x, y item) int {
		if c := cmp.Compare(x.span.Label, y.span.Label); c != 0 {
			return c
		}
		if c := cmp.Compare(x.span.End, y.span.End); c != 0 {
			return c
		}
		if c := cmp.Compare(x.span.Start, y.span.Start); c != 0 {
			return c
		}
		return cmp.Compare(x.side, y.side)
	})
	done := make([]bool, len(items))
	var pairs []Pair
	for i := range items {
		if done[i] {
			continue
		}
		done[i] = true
		x := items[i]
		partner := -1
		for j := i + 1; j < len(items) && items[j].span.Label == x.span.Label; j++ {
			y := items[j]
			if done[j] || y.side == x.side || y.span.Start >= x.span.End {
				continue
			}
			if partner >= 0 && y.span.End != items[partner].span.End {
				break // later ends are worse partners
			}
			if partner < 0 {
				partner = j
			}
			if y.span.Start == x.span.Start {
				partner = j
				break
			}
		}
		if partner < 0 {
			continue
		}
		done[partner] = true
		y := items[partner]
		if x.side == 0 {
			pairs = append(pairs, Pair{x.index, y.index})
		} else {
			pairs = append(pairs, Pair{y.index, x.index})
		}
	}
	slices.SortFunc(pairs, func(p, q Pair) int { return cmp.Compare(p.A, q.A) })
	return pairs
}
