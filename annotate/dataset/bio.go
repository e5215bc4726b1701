package dataset

import (
	"sort"

	"github.com/newsmark/newsmark/annotate"
)

// Changes counts, per label, the spans a BIO export had to alter.
type Changes struct {
	Changed map[string]int // widened to whole tokens
	Dropped map[string]int // overlapped a span placed first, or covered no token
}

func (c *Changes) add(into *map[string]int, label string) {
	if *into == nil {
		*into = map[string]int{}
	}
	(*into)[label]++
}

// bioTags gives each token a BIO tag for the spans. BIO cannot hold overlapping
// spans or spans that cut a token, so (FORMATS.md):
//   - spans are placed longest first (code points), then earliest, then by label;
//   - a span is widened to the whole tokens it touches (counted as changed);
//   - a span whose tokens are already taken by a span placed before it, or that
//     covers only whitespace, is dropped (counted as dropped).
func bioTags(tokens []Token, spans []annotate.Span, changes *Changes) []string {
	tags := make([]string, len(tokens))
	for i := range tags {
		tags[i] = "O"
	}
	if len(spans) == 0 {
		return tags
	}
	order := make([]annotate.Span, len(spans))
	copy(order, spans)
	sort.SliceStable(order, func(i, j int) bool {
		li, lj := order[i].End-order[i].Start, order[j].End-order[j].Start
		if li != lj {
			return li > lj
		}
		if order[i].Start != order[j].Start {
			return order[i].Start < order[j].Start
		}
		return order[i].Label < order[j].Label
	})
	for _, span := range order {
		// First token ending after the span starts, last token starting before it ends.
		first := sort.Search(len(tokens), func(i int) bool { return tokens[i].End > span.Start })
		last := sort.Search(len(tokens), func(i int) bool { return tokens[i].Start >= span.End }) - 1
		if first > last {
			changes.add(&changes.Dropped, span.Label)
			continue
		}
		free := true
		for i := first; i <= last; i++ {
			if tags[i] != "O" {
				free = false
				break
			}
		}
		if !free {
			changes.add(&changes.Dropped, span.Label)
			continue
		}
		if tokens[first].Start != span.Start || tokens[last].End != span.End {
			changes.add(&changes.Changed, span.Label)
		}
		tags[first] = "B-" + span.Label
		for i := first + 1; i <= last; i++ {
			tags[i] = "I-" + span.Label
		}
	}
	return tags
}
