package agreement

import (
	"cmp"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// Agreed returns the spans (start, end and label) that at least min of the given
// layers have, one per range and label, in text order. Each layer is one
// annotator's spans of the same document; a layer counts once for a span however
// often it holds it. The returned spans carry DocID, Start, End and Label of
// the first layer's copy (in layer order), with no ID, annotator or note.
// min < 1 means every layer.
func Agreed(layers [][]annotate.Span, min int) []annotate.Span {
	if min < 1 || min > len(layers) {
		min = len(layers)
	}
	if min == 0 {
		return nil
	}
	votes := map[Key]int{}
	first := map[Key]annotate.Span{}
	for _, layer := range layers {
		seen := map[Key]bool{}
		for _, s := range layer {
			k := KeyOf(s)
			if seen[k] {
				continue
			}
			seen[k] = true
			votes[k]++
			if _, ok := first[k]; !ok {
				first[k] = annotate.Span{DocID: s.DocID, Start: s.Start, End: s.End, Label: s.Label}
			}
		}
	}
	var out []annotate.Span
	for k, n := range votes {
		if n >= min {
			out = append(out, first[k])
		}
	}
	slices.SortFunc(out, func(x, y annotate.Span) int {
		if c := cmpRange(x, y); c != 0 {
			if x.Start != y.Start {
				return c
			}
			return cmp.Compare(y.End, x.End) // a container before what it holds
		}
		return cmp.Compare(x.Label, y.Label)
	})
	return out
}
