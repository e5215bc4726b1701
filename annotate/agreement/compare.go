package agreement

import (
	"cmp"
	"math"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// Document is one document both annotators worked on: its length in code points
// and each one's spans. Only Start, End and Label of the spans are read.
type Document struct {
	ID     int64
	Length int
	A, B   []annotate.Span
}

// Options narrow a comparison.
type Options struct {
	// Labels limits the comparison to these labels; empty for every label. Spans
	// of other labels are ignored everywhere, κ items included.
	Labels []string
	// Source, if set, gives a span's source ("" for none) and makes Compare
	// measure source agreement on the overlap-matched pairs (AttrSource, say).
	Source func(annotate.Span) string
}

// Measures are the agreement figures of one label, or of all labels together
// (micro: counts summed over labels).
type Measures struct {
	ASpans, BSpans int
	ExactMatches   int
	OverlapMatches int
	// AlphaU is Krippendorff's α_u; NaN when undefined.
	AlphaU float64
	// Kappa is Cohen's κ on items marked with the same boundaries by both; NaN
	// when undefined. KappaItems is how many such items there were.
	Kappa      float64
	KappaItems int
	// SourcePairs counts overlap-matched pairs where at least one span names a
	// source, SourceAgreed those naming the same one (Options.Source).
	SourcePairs, SourceAgreed int
}

// SourceAgreement is SourceAgreed / SourcePairs; NaN without such pairs.
func (m Measures) SourceAgreement() float64 { return ratio(m.SourceAgreed, m.SourcePairs) }

// ExactF1 is 2·exact matches / (A's spans + B's spans); NaN when neither has spans.
func (m Measures) ExactF1() float64 { return ratio(2*m.ExactMatches, m.ASpans+m.BSpans) }

// OverlapF1 is 2·overlap matches / (A's spans + B's spans); NaN when neither has spans.
func (m Measures) OverlapF1() float64 { return ratio(2*m.OverlapMatches, m.ASpans+m.BSpans) }

// ExactPrecision is the share of A's spans that B has exactly (A judged against B).
func (m Measures) ExactPrecision() float64 { return ratio(m.ExactMatches, m.ASpans) }

// ExactRecall is the share of B's spans that A has exactly.
func (m Measures) ExactRecall() float64 { return ratio(m.ExactMatches, m.BSpans) }

// OverlapPrecision is the share of A's spans overlap-matched to one of B's.
func (m Measures) OverlapPrecision() float64 { return ratio(m.OverlapMatches, m.ASpans) }

// OverlapRecall is the share of B's spans overlap-matched to one of A's.
func (m Measures) OverlapRecall() float64 { return ratio(m.OverlapMatches, m.BSpans) }

func ratio(num, den int) float64 {
	if den == 0 {
		return math.NaN()
	}
	return float64(num) / float64(den)
}

// DocumentAgreement is one document's share of a comparison, for a breakdown
// sorted by disagreement.
type DocumentAgreement struct {
	ID             int64
	ASpans, BSpans int
	ExactMatches   int
	OverlapMatches int
}

// Disagreements counts the spans without an exact partner in the other layer.
func (d DocumentAgreement) Disagreements() int { return d.ASpans + d.BSpans - 2*d.ExactMatches }

// ExactF1 is the document's exact F1; NaN when neither layer has spans.
func (d DocumentAgreement) ExactF1() float64 { return ratio(2*d.ExactMatches, d.ASpans+d.BSpans) }

// Result is a comparison of two layers.
type Result struct {
	Documents int
	Micro     Measures
	// Labels has every label either layer used, and every label of
	// Options.Labels even if unused.
	Labels map[string]Measures
	// PerDocument is in input order; see SortByDisagreement.
	PerDocument []DocumentAgreement
}

// LabelNames are the result's labels in name order.
func (r Result) LabelNames() []string {
	names := make([]string, 0, len(r.Labels))
	for name := range r.Labels {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// SortByDisagreement orders documents most disagreement first (then lowest
// exact F1, then id), the order a curator works through them.
func SortByDisagreement(docs []DocumentAgreement) {
	slices.SortStableFunc(docs, func(x, y DocumentAgreement) int {
		if c := cmp.Compare(y.Disagreements(), x.Disagreements()); c != 0 {
			return c
		}
		fx, fy := x.ExactF1(), y.ExactF1()
		if math.IsNaN(fx) {
			fx = 1
		}
		if math.IsNaN(fy) {
			fy = 1
		}
		if c := cmp.Compare(fx, fy); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

// labelFilter reports whether a label is among labels; every label is when
// labels is empty.
func labelFilter(labels []string) func(string) bool {
	if len(labels) == 0 {
		return func(string) bool { return true }
	}
	set := make(map[string]bool, len(labels))
	for _, l := range labels {
		set[l] = true
	}
	return func(l string) bool { return set[l] }
}

// counts is what Compare accumulates per label.
type counts struct {
	a, b, exact, overlap      int
	sourcePairs, sourceAgreed int
}

// Compare measures how far layer A agrees with layer B over docs.
func Compare(docs []Document, opts Options) Result {
	wanted := labelFilter(opts.Labels)
	perLabel := map[string]*counts{}
	for _, l := range opts.Labels {
		perLabel[l] = &counts{}
	}
	label := func(name string) *counts {
		c := perLabel[name]
		if c == nil {
			c = &counts{}
			perLabel[name] = c
		}
		return c
	}
	units := newContinuum()
	kappa := newConfusion()
	result := Result{Documents: len(docs), PerDocument: make([]DocumentAgreement, 0, len(docs))}

	var a, b []annotate.Span // reused per document
	for _, doc := range docs {
		a = filterSorted(a[:0], doc.A, wanted)
		b = filterSorted(b[:0], doc.B, wanted)
		da := DocumentAgreement{ID: doc.ID, ASpans: len(a), BSpans: len(b)}
		for _, group := range byLabel(a, b) {
			c := label(group.label)
			c.a += len(group.a)
			c.b += len(group.b)
			exact := exactMatches(group.a, group.b)
			pairs := MatchOverlapping(group.a, group.b)
			overlap := len(pairs)
			if opts.Source != nil {
				for _, p := range pairs {
					sa, sb := normalizeSource(opts.Source(group.a[p.A])), normalizeSource(opts.Source(group.b[p.B]))
					if sa == "" && sb == "" {
						continue
					}
					c.sourcePairs++
					if sa == sb {
						c.sourceAgreed++
					}
				}
			}
			c.exact += exact
			c.overlap += overlap
			da.ExactMatches += exact
			da.OverlapMatches += overlap
		}
		length := doc.Length
		for _, s := range a {
			length = max(length, s.End)
		}
		for _, s := range b {
			length = max(length, s.End)
		}
		units.add(a, b, length)
		kappa.addDocument(a, b)
		result.PerDocument = append(result.PerDocument, da)
	}

	result.Labels = make(map[string]Measures, len(perLabel))
	var sumDo, sumDe float64
	var alphaLabels int
	for name, c := range perLabel {
		m := Measures{ASpans: c.a, BSpans: c.b, ExactMatches: c.exact, OverlapMatches: c.overlap,
			SourcePairs: c.sourcePairs, SourceAgreed: c.sourceAgreed}
		do, de := units.disagreement(name)
		m.AlphaU = alphaFrom(do, de)
		if c.a+c.b > 0 {
			sumDo += do
			sumDe += de
			alphaLabels++
		}
		m.Kappa, m.KappaItems = kappa.labelKappa(name)
		result.Labels[name] = m
		result.Micro.ASpans += c.a
		result.Micro.BSpans += c.b
		result.Micro.ExactMatches += c.exact
		result.Micro.OverlapMatches += c.overlap
		result.Micro.SourcePairs += c.sourcePairs
		result.Micro.SourceAgreed += c.sourceAgreed
	}
	result.Micro.AlphaU = math.NaN()
	if alphaLabels > 0 {
		result.Micro.AlphaU = alphaFrom(sumDo/float64(alphaLabels), sumDe/float64(alphaLabels))
	}
	result.Micro.Kappa, result.Micro.KappaItems = kappa.kappa()
	return result
}

func alphaFrom(do, de float64) float64 {
	if de == 0 || math.IsNaN(de) {
		return math.NaN()
	}
	return 1 - do/de
}

// filterSorted appends the spans of wanted labels to dst in (label, start, end)
// order.
func filterSorted(dst, spans []annotate.Span, wanted func(string) bool) []annotate.Span {
	for _, s := range spans {
		if wanted(s.Label) {
			dst = append(dst, s)
		}
	}
	slices.SortFunc(dst, compareLabelRange)
	return dst
}

func compareLabelRange(x, y annotate.Span) int {
	if c := cmp.Compare(x.Label, y.Label); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	return cmp.Compare(x.End, y.End)
}

type labelGroup struct {
	label string
	a, b  []annotate.Span
}

// byLabel splits two slices sorted by compareLabelRange into runs of one label.
func byLabel(a, b []annotate.Span) []labelGroup {
	var groups []labelGroup
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var name string
		switch {
		case j >= len(b) || (i < len(a) && a[i].Label <= b[j].Label):
			name = a[i].Label
		default:
			name = b[j].Label
		}
		g := labelGroup{label: name}
		i0, j0 := i, j
		for i < len(a) && a[i].Label == name {
			i++
		}
		for j < len(b) && b[j].Label == name {
			j++
		}
		g.a, g.b = a[i0:i], b[j0:j]
		groups = append(groups, g)
	}
	return groups
}

// exactMatches counts pairs with the same start and end in two slices of one
// label sorted by range; a range one side has twice matches at most twice.
func exactMatches(a, b []annotate.Span) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := cmpRange(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func cmpRange(x, y annotate.Span) int {
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	return cmp.Compare(x.End, y.End)
}
