package search

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word is a run of letters and digits in folded text, kept whole across an
// apostrophe between letters ("kyiv's", "o'brien") and across a comma or point between
// digits ("1,200", "3.5"), so that a figure or a possessive is one word as a reader
// sees it.

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// nextWord finds the first word in s at or after byte from and returns its byte range
// and its character mask; ok is false when there is none.
func nextWord(s string, from int) (start, end int, mask uint64, ok bool) {
	i := from
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return 0, 0, 0, false
	}
	start = i
	var prev rune
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || ('A' <= c && c <= 'Z') {
				mask |= byteBit(c)
				prev = rune(c)
				i++
				continue
			}
			// A joiner stays in the word only between two word characters of the right kind.
			if i+1 < len(s) && ((c == '\'' && isLetterRune(prev) && isLetterByte(s[i+1])) ||
				((c == ',' || c == '.') && '0' <= prev && prev <= '9' && isDigitByte(s[i+1]))) {
				mask |= byteBit(c)
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		for k := i; k < i+size; k++ {
			mask |= byteBit(s[k])
		}
		prev = r
		i += size
	}
	return start, i, mask, true
}

func isLetterByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c >= utf8.RuneSelf
}

// isLetterRune is true for the word runes that are not ASCII digits.
func isLetterRune(r rune) bool { return r >= utf8.RuneSelf || isLetterByte(byte(r)) }
func isDigitByte(c byte) bool  { return '0' <= c && c <= '9' }

// queryWords splits a folded query into its words, keeping at most maxTokens.
func queryWords(q string) []string {
	var words []string
	for at := 0; len(words) < maxTokens; {
		start, end, _, ok := nextWord(q, at)
		if !ok {
			break
		}
		words = append(words, q[start:end])
		at = end
	}
	return words
}

// maxTokens bounds the work a pasted paragraph can cause; 32 words pin down any span.
const maxTokens = 32

// How well one query word matches one word of the text, from 0 (not at all) to 100.
// The kinds, best first. Every kind that needs the query word as a substring scores
// at least qualityInfix, and every typo kind less: so a word found as a substring
// anywhere in a text makes a search for typos in that text unnecessary.
const (
	qualityExact        = 100 // the same word
	qualityPrefix       = 80  // the start of the word ("soldier" in "soldiers"), +up to 15 by coverage
	qualityInfix        = 60  // inside the word ("power" in "superpower"), 3+ letters, +up to 15
	qualityTransposed   = 58  // two neighbouring letters swapped ("casualites" for "casualties")
	qualityOneEdit      = 52  // one letter missing, extra or wrong ("zaporzhzhia", "mueller")
	qualitySubsequence  = 45  // letters left out of a long word ("zaporizhia"), +up to 13 by coverage
	qualityTwoEdits     = 44  // two edits in a long word, first letter right ("batallion" for "battalion")
	minSubsequenceRatio = 0.6 // a subsequence must cover this share of the word's letters
	minEditLen          = 5   // shorter words get no typo tolerance: too many false friends ("week", "weak", "seek")
	minTwoEditLen       = 8   // words this long may carry two typos
	minSubsequenceLen   = 5   // only long words are abbreviated by leaving letters out
	leadRunes           = 3   // ... and they keep their first three letters
	maxTypoQuality      = qualityTransposed
)

// qtoken is one query word prepared for matching.
type qtoken struct {
	text  string
	mask  uint64
	runes int
	ascii bool
	// editParts are pieces of the word: one of the first two survives any single
	// edit, one of the last three any two edits (see editPieces); a text holding
	// none has no word that near.
	editParts [5]string
	// lead is the first leadRunes letters, which a subsequence match must keep.
	lead string
	// bigrams, leadBigrams and partBigrams are the bigram bits of text, lead and
	// editParts.
	bigrams, leadBigrams []uint8
	partBigrams          [5][]uint8
}

func newQToken(s string) qtoken {
	t := qtoken{text: s, mask: charMask(s), runes: utf8.RuneCountInString(s), ascii: isASCII(s)}
	runeStarts := make([]int, 0, t.runes+1)
	for i := range s {
		runeStarts = append(runeStarts, i)
	}
	runeStarts = append(runeStarts, len(s))
	if t.runes >= minEditLen {
		h := t.runes / 2
		p := editPieces(s, runeStarts, h)
		copy(t.editParts[:2], p)
	}
	if t.runes >= minTwoEditLen {
		a, b := t.runes/3, 2*t.runes/3
		copy(t.editParts[2:], editPieces(s, runeStarts, a, b))
	}
	if t.runes >= minSubsequenceLen {
		t.lead = s[:runeStarts[leadRunes]]
	}
	t.bigrams, t.leadBigrams = wordBigrams(s), wordBigrams(t.lead)
	for i, part := range t.editParts {
		t.partBigrams[i] = wordBigrams(part)
	}
	return t
}

// editPieces cuts a word at the given rune positions, leaving out the rune at each
// cut: cutting at h gives w[:h] and w[h+1:]. An edit at rune p (substitution,
// deletion, insertion before p, or a swap of p and p+1) damages at most one piece:
// the piece holding p, or for a swap across a cut the piece after it. So k edits
// leave at least one of k+1 pieces whole, and a word within k edits of w contains
// one of them as a substring.
func editPieces(w string, runeStarts []int, cuts ...int) []string {
	pieces := make([]string, 0, len(cuts)+1)
	from := 0
	for _, cut := range cuts {
		pieces = append(pieces, w[runeStarts[from]:runeStarts[cut]])
		from = cut + 1
	}
	return append(pieces, w[runeStarts[from]:])
}

// mayHaveTypo is the cheap test, on bigrams alone, for a word one edit away from t
// (it keeps all but three of t's bigrams, and one of the edit pieces whole), two
// edits away (all but six, one of the three pieces) or a word t abbreviates (it
// starts with t's lead).
func (t *qtoken) mayHaveTypo(bs *bigramSet) bool {
	if t.runes < minEditLen {
		return false
	}
	kept := bs.countIn(t.bigrams)
	if kept >= len(t.bigrams)-3 && (bs.hasAll(t.partBigrams[0]) || bs.hasAll(t.partBigrams[1])) {
		return true
	}
	if t.runes >= minTwoEditLen && kept >= len(t.bigrams)-6 &&
		(bs.hasAll(t.partBigrams[2]) || bs.hasAll(t.partBigrams[3]) || bs.hasAll(t.partBigrams[4])) {
		return true
	}
	return t.lead != "" && bs.hasAll(t.leadBigrams)
}

// findTypos looks for words one edit away from t, or abbreviated by t, in the folded
// text. Such a word contains an edit piece or starts with the lead, so only the
// words around occurrences of those are compared, not every word of the text.
func findTypos(t *qtoken, text string, bs *bigramSet, m *tokenMatch) {
	needles := [6]string{t.editParts[0], t.editParts[1], t.editParts[2], t.editParts[3], t.editParts[4], t.lead}
	for i, needle := range needles {
		if needle == "" {
			continue
		}
		needleBigrams := t.leadBigrams
		if i < len(t.partBigrams) {
			needleBigrams = t.partBigrams[i]
		}
		if !bs.hasAll(needleBigrams) {
			continue // not in this text: spare the search
		}
		for from := 0; from < len(text); {
			at := strings.Index(text[from:], needle)
			if at < 0 {
				break
			}
			at += from
			start, end, ok := wordAround(text, at)
			if !ok {
				from = at + 1
				continue
			}
			from = end
			if m.has(start) {
				continue // found through another needle
			}
			w := text[start:end]
			if quality, hl := typoQuality(t, w, charMask(w)); quality > 0 {
				m.record(quality, wordHit{start: int32(start), end: int32(end), hl: hl})
			}
		}
	}
}

// substringQuality scores t found at byte at of the folded word w.
func substringQuality(t *qtoken, w string, at int) (int, highlight) {
	hl := highlight{kind: hlRange, from: at, to: at + len(t.text)}
	switch {
	case at == 0 && len(t.text) == len(w):
		return qualityExact, hl
	case at == 0:
		return qualityPrefix + 15*len(t.text)/len(w), hl
	case t.runes >= 3:
		return qualityInfix + 15*len(t.text)/len(w), hl
	}
	return 0, highlight{}
}

// typoQuality scores t against the folded word w (mask wmask) for the kinds that do
// not need t as a substring: one edit, or letters left out of a long word. It
// returns 0 if neither applies.
func typoQuality(t *qtoken, w string, wmask uint64) (int, highlight) {
	miss := t.missing(wmask)
	if t.runes < minEditLen || miss > 2 || (miss == 2 && t.runes < minTwoEditLen) {
		return 0, highlight{}
	}
	wordRunes := len(w)
	if !t.ascii || !isASCII(w) {
		wordRunes = utf8.RuneCountInString(w)
	}
	if d := wordRunes - t.runes; t.runes >= minEditLen && d >= -1 && d <= 1 {
		if kind := oneEdit(t.text, w, t.ascii && wordRunes == len(w)); kind != editNone {
			q := qualityOneEdit
			if kind == editTransposition {
				q = qualityTransposed
			}
			return q, highlight{kind: hlRange, from: 0, to: len(w)}
		}
	}
	if miss == 0 && t.lead != "" && t.runes < wordRunes && strings.HasPrefix(w, t.lead) &&
		float64(t.runes) >= minSubsequenceRatio*float64(wordRunes) && isSubsequence(t.text, w) {
		return qualitySubsequence + 13*t.runes/wordRunes, highlight{kind: hlSubsequence}
	}
	// Two typos: only in long words, and only where the first letter is right
	// (people rarely mistype it, and it keeps this, the costliest test, rare).
	if d := wordRunes - t.runes; t.runes >= minTwoEditLen && d >= -2 && d <= 2 && w[0] == t.text[0] &&
		withinTwoEdits(t.text, w, t.ascii && wordRunes == len(w)) {
		return qualityTwoEdits, highlight{kind: hlRange, from: 0, to: len(w)}
	}
	return 0, highlight{}
}

// withinTwoEdits reports whether a and b are at most two edits apart (insertions,
// deletions, substitutions, swaps of neighbours: the optimal string alignment
// distance). Words longer than maxTwoEditRunes are not compared.
func withinTwoEdits(a, b string, ascii bool) bool {
	if ascii {
		return osaWithin2([]byte(a), []byte(b))
	}
	return osaWithin2([]rune(a), []rune(b))
}

const maxTwoEditRunes = 40

func osaWithin2[T byte | rune](a, b []T) bool {
	const limit = 2
	if len(b) > maxTwoEditRunes || len(a) > maxTwoEditRunes {
		return false
	}
	// Three rows of the distance table are enough for swaps; fixed arrays keep them
	// off the heap.
	var rows [3][maxTwoEditRunes + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > limit {
			return false // every alignment is already over the limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)] <= limit
}

// matchWord scores t against one whole folded word: the best of the substring kinds
// and the typo kinds.
func matchWord(t *qtoken, w string, wmask uint64) (int, highlight) {
	if t.missing(wmask) == 0 {
		if at := strings.Index(w, t.text); at >= 0 {
			if q, hl := substringQuality(t, w, at); q > 0 {
				return q, hl
			}
		}
	}
	return typoQuality(t, w, wmask)
}

// highlight says which bytes of a matched word to emphasise.
type highlight struct {
	kind     int
	from, to int // byte range in the word, for hlRange
}

const (
	hlNone = iota
	hlRange
	hlSubsequence // the token's characters, found greedily left to right in the word
)

// isSubsequence reports whether every rune of t appears in w in order.
func isSubsequence(t, w string) bool {
	for _, r := range t {
		var at int
		if r < utf8.RuneSelf {
			at = strings.IndexByte(w, byte(r))
		} else {
			at = strings.IndexRune(w, r)
		}
		if at < 0 {
			return false
		}
		_, size := utf8.DecodeRuneInString(w[at:])
		w = w[at+size:]
	}
	return true
}

const (
	editNone = iota
	editOther
	editTransposition
)

// oneEdit reports whether a and b differ by exactly one edit (insertion, deletion,
// substitution or swap of two neighbours), and which kind.
func oneEdit(a, b string, ascii bool) int {
	if ascii {
		return oneEditSeq([]byte(a), []byte(b))
	}
	return oneEditSeq([]rune(a), []rune(b))
}

func oneEditSeq[T byte | rune](a, b []T) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		if i == len(a) {
			return editNone // equal
		}
		if equalSeq(a[i+1:], b[i+1:]) {
			return editOther
		}
		if i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && equalSeq(a[i+2:], b[i+2:]) {
			return editTransposition
		}
		return editNone
	}
	if len(b)-len(a) != 1 {
		return editNone
	}
	if equalSeq(a[i:], b[i+1:]) {
		return editOther
	}
	return editNone
}

func equalSeq[T byte | rune](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// missing counts the characters of the token that a string with mask m lacks.
func (t *qtoken) missing(m uint64) int { return bits.OnesCount64(t.mask &^ m) }

// mayMatch reports whether a string with mask m could hold a word matching t.
func (t *qtoken) mayMatch(m uint64) bool {
	miss := t.missing(m)
	return miss == 0 || (miss == 1 && t.runes >= minEditLen) || (miss == 2 && t.runes >= minTwoEditLen)
}

// mayOccurIn reports whether a row may hold t as a substring of its text.
func (t *qtoken) mayOccurIn(r *row) bool {
	return t.mask&^r.textMask == 0 && r.bigrams.hasAll(t.bigrams)
}
