package agreement

import (
	"cmp"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// MergeAttrs is what accepting a span copies of its attributes when several
// annotators' copies of it (same start, end and label) are accepted at once:
// each value every copy holds alike (same type and value; Parsed only when every
// copy's is still a parser's guess). An attribute some copies lack or give
// another value is left out, and named in differing (sorted), for the curator
// to fill in. One copy keeps all its values.
func MergeAttrs(copies []annotate.Span) (agreed annotate.Attrs, differing []string) {
	if len(copies) == 0 {
		return nil, nil
	}
	names := map[string]bool{}
	for _, c := range copies {
		for name := range c.Attrs {
			names[name] = true
		}
	}
	for name := range names {
		first, ok := copies[0].Attrs[name]
		same := ok
		parsed := first.Parsed
		for _, c := range copies[1:] {
			v, has := c.Attrs[name]
			if !has || !sameValue(first, v) {
				same = false
				break
			}
			parsed = parsed && v.Parsed
		}
		if !same {
			differing = append(differing, name)
			continue
		}
		if agreed == nil {
			agreed = annotate.Attrs{}
		}
		first.Parsed = parsed
		agreed[name] = first
	}
	slices.Sort(differing)
	return agreed, differing
}

// sameValue compares two values, ignoring whether a parser filled them in;
// source names compare as source agreement does (trimmed, case folded).
func sameValue(x, y annotate.AttrValue) bool {
	if x.Type == annotate.AttrSource && y.Type == annotate.AttrSource {
		return normalizeSource(x.Text) == normalizeSource(y.Text)
	}
	x.Parsed, y.Parsed = false, false
	return x == y
}

// Relation is a link of a span to another span of its document, the other end
// named by its start, end and label (IDs differ between annotators' copies).
type Relation struct {
	Label string
	// Head is true when the span is the link's head (a statement; Other is its
	// SOURCE mention), false when it is the child.
	Head  bool
	Other Key
}

// Key names a span by its start, end and label, as matching does.
type Key struct {
	Start, End int
	Label      string
}

// KeyOf is the span's key.
func KeyOf(s annotate.Span) Key { return Key{s.Start, s.End, s.Label} }

// AgreedRelations lists the relations every copy of a span has, in text order
// of their other ends: links of the same label, in the same direction, to
// spans of the same range and label. spanByID finds a link's other end; a link
// whose other end it cannot find does not count.
func AgreedRelations(copies []annotate.Span, spanByID func(int64) (annotate.Span, bool)) []Relation {
	if len(copies) == 0 {
		return nil
	}
	relationsOf := func(s annotate.Span) map[Relation]bool {
		out := map[Relation]bool{}
		for _, l := range s.Links {
			other, ok := spanByID(l.Other(s.ID))
			if !ok {
				continue
			}
			out[Relation{Label: l.Label, Head: l.Head == s.ID, Other: KeyOf(other)}] = true
		}
		return out
	}
	agreed := relationsOf(copies[0])
	for _, c := range copies[1:] {
		theirs := relationsOf(c)
		for r := range agreed {
			if !theirs[r] {
				delete(agreed, r)
			}
		}
	}
	out := make([]Relation, 0, len(agreed))
	for r := range agreed {
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y Relation) int {
		if c := cmp.Compare(x.Other.Start, y.Other.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Other.End, y.Other.End); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Other.Label, y.Other.Label); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Label, y.Label); c != 0 {
			return c
		}
		if x.Head == y.Head {
			return 0
		}
		if x.Head {
			return -1
		}
		return 1
	})
	return out
}
