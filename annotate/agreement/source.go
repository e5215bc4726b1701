package agreement

import (
	"math"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// SourceAgreement says how often two annotators named the same source for the
// statements they both marked.
type SourceAgreement struct {
	// Pairs counts overlap-matched pairs where at least one span names a source.
	Pairs int
	// Agreed counts those whose sources are equal after trimming and case folding.
	Agreed int
}

// Rate is Agreed / Pairs; NaN without pairs.
func (s SourceAgreement) Rate() float64 {
	if s.Pairs == 0 {
		return math.NaN()
	}
	return float64(s.Agreed) / float64(s.Pairs)
}

// CompareSources measures source agreement over docs: source gives a span's
// source ("" for none), for instance its attrs.source attribute. Spans are
// paired as for overlap F1 (MatchOverlapping), restricted to opts.Labels.
func CompareSources(docs []Document, opts Options, source func(annotate.Span) string) SourceAgreement {
	wanted := labelFilter(opts.Labels)
	var result SourceAgreement
	var a, b []annotate.Span
	for _, doc := range docs {
		a = filterSorted(a[:0], doc.A, wanted)
		b = filterSorted(b[:0], doc.B, wanted)
		for _, p := range MatchOverlapping(a, b) {
			sa, sb := normalizeSource(source(a[p.A])), normalizeSource(source(b[p.B]))
			if sa == "" && sb == "" {
				continue
			}
			result.Pairs++
			if sa == sb {
				result.Agreed++
			}
		}
	}
	return result
}

func normalizeSource(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
