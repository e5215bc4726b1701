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
	typos   []bool // query words that occur nowhere as substrings but may be misspelt
	// Rows of one document usually sit together, so the quality of each query word
	// in the last title seen is remembered (-1: not computed yet).
	titleDoc *docInfo
	titleQ   []int
}

func (s *scratch) titleQuality(d *docInfo, i int, t *qtoken) int {
	if s.titleDoc != d {
		s.titleDoc = d
		s.titleQ = s.titleQ[:0]
		for range s.matches {
			s.titleQ = append(s.titleQ, -1)
		}
	}
	if s.titleQ[i] < 0 {
		s.titleQ[i] = bestWordQuality(t, d.foldedTitle)
	}
	return s.titleQ[i]
}

// scoreWords matches every query word against the row's words, in the text first and
// then in the note, title and label, and returns the row's score, 0 unless every
// query word matched somewhere. The chosen text words stay in s.matches.
//
// Typo kinds are costly to look for (the words around pieces of the query word are
// compared letter by letter) and never score as much as a substring, so with typos false they are left out: a query word
// that occurs nowhere as a substring but may be there misspelt makes scoreWords
// return score 0 and an upper bound on what the row could score with typos, so that
// the caller can decide whether the row is worth a second look.
func (q *query) scoreWords(r *row, s *scratch, typos bool) (score, bound int) {
	n := len(q.tokens)
	if n == 0 {
		return 0, 0
	}
	if cap(s.matches) < n {
		s.matches = make([]tokenMatch, n)
		s.typos = make([]bool, n)
	}
	s.matches, s.typos = s.matches[:n], s.typos[:n]
	// The cheap test first: can every query word match somewhere at all?
	for i := range q.tokens {
		t := &q.tokens[i]
		if !t.mayMatch(r.textMask) && !t.mayMatch(r.noteMask) && !t.mayMatch(r.doc.titleMask) && !t.mayMatch(r.label.mask) {
			return 0, 0
		}
	}
	anyTypos := false
	for i := range q.tokens {
		t, m := &q.tokens[i], &s.matches[i]
		*m = tokenMatch{}
		s.typos[i] = false
		if !t.mayMatch(r.textMask) {
			continue
		}
		if t.mayOccurIn(r) {
			findOccurrences(t, r.folded, m, n == 1)
		}
		if m.text == 0 && t.mayHaveTypo(&r.bigrams) {
			s.typos[i], anyTypos = true, true
			if typos {
				findTypos(t, r.folded, &r.bigrams, m)
			}
		}
	}
	total, missing := 0, false
	for i := range q.tokens {
		t, m := &q.tokens[i], &s.matches[i]
		if m.text < qualityExact {
			// Only look beyond the text where it could beat what the text gave.
			if m.text < qualityExact*weightNoteNum/weightNoteDen && t.mayMatch(r.noteMask) {
				m.note = bestWordQuality(t, r.foldedNote)
			}
			if m.text < qualityExact*weightTitleNum/weightTitleDen && t.mayMatch(r.doc.titleMask) {
				m.title = s.titleQuality(r.doc, i, t)
			}
			if m.text < qualityExact*weightLabelNum/weightLabelDen && t.mayMatch(r.label.mask) {
				if lq, _ := matchWord(t, r.label.folded, r.label.mask); lq >= qualityPrefix {
					m.label = lq // a label is a name, not prose: only whole or prefix
				}
			}
		}
		points := m.best()
		if anyTypos && !typos && s.typos[i] {
			points = max(points, maxTypoQuality) // what a typo match could add
		} else if points == 0 {
			missing = true
		}
		total += points
	}
	if missing {
		return 0, 0
	}
	if anyTypos && !typos {
		return 0, wordTierBase + total + (n-1)*(bonusInOrder+bonusAdjacent)
	}
	return wordTierBase + total + orderBonus(r.folded, s.matches), 0
}

// best is the points the query word earns: its text match, or a weighted match in
// another field if that is worth more.
func (m *tokenMatch) best() int {
	return max(m.text, m.elsewhere())
}

func (m *tokenMatch) elsewhere() int {
	return max(m.note*weightNoteNum/weightNoteDen, m.title*weightTitleNum/weightTitleDen, m.label*weightLabelNum/weightLabelDen)
}

// inText reports whether the query word counts as found in the span text.
func (m *tokenMatch) inText() bool { return m.nchoice > 0 && m.text >= m.elsewhere() }

// has reports whether the word starting at byte start is among the choices.
func (m *tokenMatch) has(start int) bool {
	for c := 0; c < m.nchoice; c++ {
		if int(m.choices[c].start) == start {
			return true
		}
	}
	return false
}

// record notes a match of quality in the text, keeping the places that reach the best.
func (m *tokenMatch) record(quality int, hit wordHit) {
	switch {
	case quality > m.text:
		m.text, m.choices[0], m.nchoice = quality, hit, 1
	case quality == m.text && m.nchoice < maxChoices:
		m.choices[m.nchoice] = hit
		m.nchoice++
	}
}

// findOccurrences finds t wherever it occurs in the folded text as a substring and
// scores the word around each occurrence. Searching for the substring (vectorised in
// the standard library) instead of walking every word is what keeps a query over
// 100,000 spans fast. With single set, it stops at the first exact word.
func findOccurrences(t *qtoken, text string, m *tokenMatch, single bool) {
	for from := 0; from < len(text); {
		at := strings.Index(text[from:], t.text)
		if at < 0 {
			return
		}
		at += from
		start, end, ok := wordAround(text, at)
		if !ok || at+len(t.text) > end {
			from = at + 1 // the occurrence is not inside one word
			continue
		}
		if quality, hl := substringQuality(t, text[start:end], at-start); quality > 0 {
			m.record(quality, wordHit{start: int32(start), end: int32(end), hl: hl})
			if single && quality == qualityExact {
				return
			}
		}
		from = end
	}
}

// wordAround finds the word holding byte at of the folded text. Words never hold a
// space, so segmenting from the last space before at gives the same words as
// segmenting the whole text.
func wordAround(text string, at int) (start, end int, ok bool) {
	for from := strings.LastIndexByte(text[:at], ' ') + 1; ; {
		start, end, _, ok = nextWord(text, from)
		if !ok || start > at {
			return 0, 0, false
		}
		if end > at {
			return start, end, true
		}
		from = end
	}
}

// orderBonus picks, for each query word found in the text, the first of its best
// places after the previous word's, and rewards words that follow in query order,
// the more the closer they are.
func orderBonus(text string, ms []tokenMatch) int {
	bonus := 0
	var prev wordHit
	havePrev := false
	for i := range ms {
		m := &ms[i]
		if !m.inText() {
			havePrev = false // matched elsewhere: the run of in-text words is broken
			continue
		}
		m.chosen = 0
		if havePrev {
			for c := 0; c < m.nchoice; c++ {
				if m.choices[c].start > prev.start {
					m.chosen = c
					break
				}
			}
			if cur := m.choices[m.chosen]; cur.start > prev.start {
				between := 0
				if cur.start > prev.end {
					between = countWords(text[prev.end:cur.start], bonusAdjacent/proximityStep)
				}
				bonus += bonusInOrder + max(0, bonusAdjacent-proximityStep*between)
			}
		}
		prev, havePrev = m.choices[m.chosen], true
	}
	return bonus
}

// countWords counts the words in s, stopping at limit.
func countWords(s string, limit int) int {
	n := 0
	for at := 0; n < limit; n++ {
		_, end, _, ok := nextWord(s, at)
		if !ok {
			break
		}
		at = end
	}
	return n
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
