package suggest

import (
	"sort"
	"strings"
	"sync"

	"github.com/newsmark/newsmark/annotate"
)

// The labels the rules propose, and the label of a source mention.
const (
	LabelQuote    = "QUOTE"
	LabelClaim    = "CLAIM"
	LabelDemand   = "DEMAND"
	LabelCasualty = "CASUALTY"
	LabelSource   = "SOURCE"
)

// Labels are the labels with rules, in the order rules run.
var Labels = []string{LabelQuote, LabelClaim, LabelDemand, LabelCasualty}

// Suggestion is a proposed span. Start and End are code points, End exclusive.
type Suggestion struct {
	Label      string
	Start, End int
	Text       string
	Rule       string  // "QUOTE: paired curly quotes", …
	Confidence float64 // 0–1: how often the rule is right on wire copy
	// Source is the proposed speaker or demander of a QUOTE, CLAIM or DEMAND
	// ("" when none was found); Mention is the words it was found from.
	Source  string
	Mention *Mention
	// Attrs holds a CASUALTY suggestion's parsed attributes (casualty.Figure.Attrs).
	Attrs map[string]any
}

// Mention is the span of text naming a source (a SOURCE span). SourceRule says how
// the source was found: "subject of the reporting verb", "according to", …
type Mention struct {
	Start, End int
	Text       string
	SourceRule string
}

// Suggester runs the built-in rules and the user's patterns. It holds no state
// between calls and is safe for concurrent use.
type Suggester struct {
	patterns *Patterns
	lex      lexicon
	class    map[string]uint8
	// pool keeps analyses (and their word slices) between calls.
	pool sync.Pool
}

// New returns a suggester with the built-in rules, extended by patterns (nil for
// none).
func New(patterns *Patterns) *Suggester {
	s := &Suggester{patterns: patterns, lex: defaultLexicon()}
	if patterns != nil {
		s.lex = s.lex.extend(patterns.lists)
	}
	s.class = s.lex.classes()
	return s
}

// Suggest proposes spans of the given labels (all four when none) in text, in text
// order (then longer first).
func (s *Suggester) Suggest(text string, labels ...string) []Suggestion {
	want := map[string]bool{}
	for _, l := range labels {
		want[strings.ToUpper(l)] = true
	}
	all := len(want) == 0
	reuse, _ := s.pool.Get().(*analysis)
	a := analyse(text, reuse)
	a.class = zeroed(a.class, len(a.words))
	r := &run{a: a, lex: &s.lex, class: a.class, out: a.out[:0], sources: newSourceTracker(a), quoteSources: make([]*found, len(a.quotes))}
	defer func() {
		// Drop the references into this text before the analysis waits in the pool:
		// the words are substrings of it.
		a.offsets = nil
		clear(a.raw)
		clear(a.words)
		clear(r.out) // the suggestions' maps and mentions
		a.out = r.out[:0]
		s.pool.Put(a)
	}()
	for i, w := range a.words {
		if c, ok := s.class[w.Text]; ok {
			// "Omar Said", "Associated Press": a verb's spelling inside a name
			// (capitalised after a capitalised word on the same line) is no verb.
			if i > 0 && a.capitalized(i) && a.capitalized(i-1) && a.isWord(i-1) && a.lineBefore[i] == 0 {
				c &^= classReporting | classDemand | classPhrasal
			}
			r.class[i] = c
		}
	}
	// Sources are found in text order by the statement rules, so they run together
	// over each sentence: a pronoun resolves to the person named before it.
	r.statements()
	if all || want[LabelCasualty] {
		r.casualties()
	}
	if s.patterns != nil {
		r.userPatterns(s.patterns)
	}
	r.sourcesFromEnclosingClaims()
	out := make([]Suggestion, 0, len(r.out))
	type spanKey struct {
		label      string
		start, end int
	}
	seen := make(map[spanKey]bool, len(r.out))
	for _, sug := range r.out {
		if !all && !want[sug.Label] {
			continue
		}
		key := spanKey{sug.Label, sug.Start, sug.End}
		if seen[key] || sug.Start >= sug.End {
			continue
		}
		seen[key] = true
		sug.Text = a.offsets.Slice(sug.Start, sug.End)
		if sug.Mention != nil {
			sug.Mention.Text = a.offsets.Slice(sug.Mention.Start, sug.Mention.End)
		}
		out = append(out, sug)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// run is one Suggest call's working state.
type run struct {
	a       *analysis
	lex     *lexicon
	sources *sourceTracker
	out     []Suggestion
	// lastQuoteSource is the source of the last attributed quote, for a quote that
	// follows without attribution.
	lastQuoteSource *found
	lastQuoteEnd    int      // word index
	quoteSources    []*found // by index in analysis.quotes
	class           []uint8  // word classes (classReporting, …) by word
	// demandParty is the party of the last demand found and demandSentence the
	// start of its sentence, for a claim after ", saying" in the same sentence.
	demandParty    *found
	demandSentence int
}

// add appends a suggestion over words [i, j).
func (r *run) add(label string, i, j int, rule string, confidence float64, src *found) *Suggestion {
	if j <= i {
		return nil
	}
	sug := Suggestion{Label: label, Start: r.a.words[i].Start, End: r.a.words[j-1].End, Rule: rule, Confidence: confidence}
	if src != nil {
		sug.Source = src.name
		sug.Mention = &Mention{Start: r.a.words[src.start].Start, End: r.a.words[src.end-1].End, SourceRule: src.rule}
	}
	r.out = append(r.out, sug)
	return &r.out[len(r.out)-1]
}

// sourcesFromEnclosingClaims gives a quote without a source the source of a claim
// that holds it (a partial quote: said the damage was “worse than ever”).
func (r *run) sourcesFromEnclosingClaims() {
	for i := range r.out {
		q := &r.out[i]
		if q.Label != LabelQuote || q.Source != "" {
			continue
		}
		for _, c := range r.out {
			if c.Label == LabelClaim && c.Source != "" && c.Start <= q.Start && q.End <= c.End {
				q.Source = c.Source
				if c.Mention != nil {
					m := *c.Mention
					m.SourceRule = "source of the claim holding the quote"
					q.Mention = &m
				}
				break
			}
		}
	}
}

// Stored is the suggestion as the database keeps it for the workbench.
func (s Suggestion) Stored(docID int64) annotate.StoredSuggestion {
	stored := annotate.StoredSuggestion{
		DocID: docID, Start: s.Start, End: s.End, Label: s.Label, Text: s.Text, Rule: s.Rule,
		Confidence: s.Confidence, Source: s.Source, MentionStart: -1, MentionEnd: -1, Attrs: s.Attrs,
	}
	if s.Mention != nil {
		stored.MentionStart, stored.MentionEnd, stored.MentionRule = s.Mention.Start, s.Mention.End, s.Mention.SourceRule
	}
	return stored
}
