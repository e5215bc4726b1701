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
// The kinds, best first:
const (
	qualityExact        = 100 // the same word
	qualityPrefix       = 80  // the start of the word ("soldier" in "soldiers"), +up to 15 by coverage
	qualityInfix        = 60  // inside the word ("power" in "nuclear-powered" is a prefix, "plant" in "supplanted" an infix), +up to 15
	qualityTransposed   = 58  // two neighbouring letters swapped ("casualites" for "casualties")
	qualityOneEdit      = 52  // one letter missing, extra or wrong ("zaporzhzhia", "mueller")
	qualitySubsequence  = 45  // letters left out of a long word ("zaporizhia"), +up to 25 by coverage
	minSubsequenceRatio = 0.6 // a subsequence must cover this share of the word's letters
	minEditLen          = 4   // shorter words get no typo tolerance: too many false friends
)

// qtoken is one query word prepared for matching.
type qtoken struct {
	text  string
	mask  uint64
	runes int
	ascii bool
}

func newQToken(s string) qtoken {
	return qtoken{text: s, mask: charMask(s), runes: utf8.RuneCountInString(s), ascii: isASCII(s)}
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
	return miss == 0 || (miss == 1 && t.runes >= minEditLen)
}

// matchWord scores token t against the folded word w (whose mask is wmask). It
// returns the quality (0 for no match) and how the word was matched; hl describes
// which bytes of w to highlight.
func matchWord(t *qtoken, w string, wmask uint64) (quality int, hl highlight) {
	miss := t.missing(wmask)
	if miss == 0 {
		if len(t.text) == len(w) && t.text == w {
			return qualityExact, highlight{kind: hlRange, from: 0, to: len(w)}
		}
		if len(t.text) < len(w) {
			if strings.HasPrefix(w, t.text) {
				return qualityPrefix + 15*len(t.text)/len(w), highlight{kind: hlRange, from: 0, to: len(t.text)}
			}
			if t.runes >= 3 {
				if at := strings.Index(w, t.text); at > 0 {
					return qualityInfix + 15*len(t.text)/len(w), highlight{kind: hlRange, from: at, to: at + len(t.text)}
				}
			}
		}
	}
	if t.runes < minEditLen || miss > 1 {
		return 0, highlight{}
	}
	wordRunes := len(w)
	if !t.ascii || !isASCII(w) {
		wordRunes = utf8.RuneCountInString(w)
	}
	if d := wordRunes - t.runes; d >= -1 && d <= 1 {
		if kind := oneEdit(t.text, w, t.ascii && wordRunes == len(w)); kind != 0 {
			q := qualityOneEdit
			if kind == editTransposition {
				q = qualityTransposed
			}
			return q, highlight{kind: hlRange, from: 0, to: len(w)}
		}
	}
	if miss == 0 && t.runes < wordRunes && w[0] == t.text[0] &&
		float64(t.runes) >= minSubsequenceRatio*float64(wordRunes) && isSubsequence(t.text, w) {
		return qualitySubsequence + 25*t.runes/wordRunes, highlight{kind: hlSubsequence}
	}
	return 0, highlight{}
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
