package search

import (
	"strings"
	"unicode/utf8"
)

// query is a search string prepared once per search.
type query struct {
	pattern string   // folded, runs of space collapsed: what sahilm/fuzzy matches in order
	patMask uint64   // characters the pattern needs
	tokens  []qtoken // its words, for word-wise matching
}

func prepareQuery(s string) query {
	pattern := strings.Join(strings.Fields(fold(s)), " ")
	q := query{pattern: pattern, patMask: charMask(pattern)}
	for _, w := range queryWords(pattern) {
		q.tokens = append(q.tokens, newQToken(w))
	}
	return q
}

// tokenMatch is the best match found so far for one query word.
type tokenMatch struct {
	text    int // best quality in the span text
	note    int
	title   int
	label   int
	choices [maxChoices]wordHit // text words reaching the best quality, in text order
	nchoice int
	chosen  int // index into choices picked for word order
}

// maxChoices is how many equally good places of one word are remembered, to find an
// arrangement in query order (a quote that repeats "said" still reads in order).
const maxChoices = 4

type wordHit struct {
	index      int32 // word number in the text
	start, end int32 // byte range of the word in the folded text
	hl         highlight
}

// Weights for a query word found outside the span text, relative to the text (1):
// the note is the annotator's own words about the span, the title and the label
// describe many spans at once.
const (
	weightNoteNum, weightNoteDen   = 6, 10
	weightTitleNum, weightTitleDen = 5, 10
	weightLabelNum, weightLabelDen = 5, 10
)

// Bonuses for query words found in the text in query order: bonusInOrder when the
// next query word comes later in the text, plus a proximity bonus of bonusAdjacent
// when it is the very next word (the query quotes a phrase), falling by
// proximityStep for each word in between.
const (
	bonusInOrder  = 10
	bonusAdjacent = 10
	proximityStep = 2
)

// Score bands: a span where every query word matched a word scores at least
// wordTierBase; a span the whole query only matches letter by letter (sahilm/fuzzy)
// scores between 1 and wordTierBase-1.
const wordTierBase = 50

// scratch is per-worker memory reused from row to row.
type scratch struct {
	matches []tokenMatch
}

// scoreWords matches every query word against the row's words, in the text first and
// then in the note, title and label. It returns 0 unless every query word matched
// somewhere; otherwise the score. The chosen text words stay in s.matches.
func (q *query) scoreWords(r *row, s *scratch) int {
	n := len(q.tokens)
	if n == 0 {
		return 0
	}
	if cap(s.matches) < n {
		s.matches = make([]tokenMatch, n)
	}
	s.matches = s.matches[:n]
	anyInText := false
	for i := range q.tokens {
		t := &q.tokens[i]
		inText := t.mayMatch(r.textMask)
		if !inText && !t.mayMatch(r.noteMask) && !t.mayMatch(r.doc.titleMask) && !t.mayMatch(r.label.mask) {
			return 0
		}
		anyInText = anyInText || inText
		s.matches[i] = tokenMatch{}
	}
	if anyInText {
		q.scanText(r.folded, s.matches)
	}
	total := 0
	for i := range q.tokens {
		t, m := &q.tokens[i], &s.matches[i]
		if m.text < qualityExact {
			// Only look beyond the text where it could beat what the text gave.
			if m.text < qualityExact*weightNoteNum/weightNoteDen && t.mayMatch(r.noteMask) {
				m.note = bestWordQuality(t, r.foldedNote)
			}
			if m.text < qualityExact*weightTitleNum/weightTitleDen && t.mayMatch(r.doc.titleMask) {
				m.title = bestWordQuality(t, r.doc.foldedTitle)
			}
			if m.text < qualityExact*weightLabelNum/weightLabelDen && t.mayMatch(r.label.mask) {
				if lq, _ := matchWord(t, r.label.folded, r.label.mask); lq >= qualityPrefix {
					m.label = lq // a label is a name, not prose: only whole or prefix
				}
			}
		}
		best := max(m.text, m.note*weightNoteNum/weightNoteDen, m.title*weightTitleNum/weightTitleDen, m.label*weightLabelNum/weightLabelDen)
		if best == 0 {
			return 0
		}
		total += best
	}
	return wordTierBase + total + orderBonus(s.matches)
}

// scanText walks the words of the folded text once and keeps, for each query word,
// the best quality and the places that reach it.
func (q *query) scanText(text string, ms []tokenMatch) {
	at := 0
	for index := int32(0); ; index++ {
		start, end, wmask, ok := nextWord(text, at)
		if !ok {
			return
		}
		at = end
		w := text[start:end]
		for i := range q.tokens {
			t := &q.tokens[i]
			if !t.mayMatch(wmask) {
				continue
			}
			quality, hl := matchWord(t, w, wmask)
			if quality == 0 {
				continue
			}
			m := &ms[i]
			hit := wordHit{index: index, start: int32(start), end: int32(end), hl: hl}
			switch {
			case quality > m.text:
				m.text, m.choices[0], m.nchoice = quality, hit, 1
			case quality == m.text && m.nchoice < maxChoices:
				m.choices[m.nchoice] = hit
				m.nchoice++
			}
		}
	}
}

// orderBonus picks, for each query word found in the text, the first of its best
// places after the previous word's, and rewards words that follow in query order.
func orderBonus(ms []tokenMatch) int {
	bonus := 0
	prev := int32(-1)
	havePrev := false
	for i := range ms {
		m := &ms[i]
		if m.nchoice == 0 || m.text < max(m.note*weightNoteNum/weightNoteDen, m.title*weightTitleNum/weightTitleDen, m.label*weightLabelNum/weightLabelDen) {
			havePrev = false // matched elsewhere: the run of in-text words is broken
			continue
		}
		m.chosen = 0
		if havePrev {
			for c := 0; c < m.nchoice; c++ {
				if m.choices[c].index > prev {
					m.chosen = c
					break
				}
			}
			if idx := m.choices[m.chosen].index; idx > prev {
				bonus += bonusInOrder + max(0, bonusAdjacent-proximityStep*int(idx-prev-1))
			}
		}
		prev, havePrev = m.choices[m.chosen].index, true
	}
	return bonus
}

// bestWordQuality is the best quality of t against any word of folded text s.
func bestWordQuality(t *qtoken, s string) int {
	best := 0
	for at := 0; ; {
		start, end, wmask, ok := nextWord(s, at)
		if !ok {
			return best
		}
		at = end
		if !t.mayMatch(wmask) {
			continue
		}
		if quality, _ := matchWord(t, s[start:end], wmask); quality > best {
			best = quality
			if best == qualityExact {
				return best
			}
		}
	}
}

// isSubsequenceOf reports whether the pattern's characters appear in s in order: the
// cheap test before a row is handed to sahilm/fuzzy.
func isSubsequenceOf(pattern, s string) bool {
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c < utf8.RuneSelf {
			at := strings.IndexByte(s, c)
			if at < 0 {
				return false
			}
			s = s[at+1:]
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(pattern[i:])
		at := strings.Index(s, pattern[i:i+size])
		if at < 0 {
			return false
		}
		s = s[at+size:]
		i += size
	}
	return true
}
