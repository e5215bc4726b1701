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
// source ("" for none), for instance its attrs.source attribute (AttrSource).
// Spans are paired as for overlap F1 (MatchOverlapping), restricted to
// opts.Labels. It is Compare's micro source figures.
func CompareSources(docs []Document, opts Options, source func(annotate.Span) string) SourceAgreement {
	opts.Source = source
	m := Compare(docs, opts).Micro
	return SourceAgreement{Pairs: m.SourcePairs, Agreed: m.SourceAgreed}
}

func normalizeSource(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
