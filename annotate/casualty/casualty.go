// Package casualty turns a casualty phrase ("at least 14 civilians had been
// killed") into numbers and categories: count (or min and max), kind, qualifier and
// group. It is pure Go and uses annotate.Tokenize, the word tokenizer every export
// uses.
//
// # The convention
//
// Parse reads the first quantity, the first casualty cue and the people noun after
// the quantity, and fills a Figure as follows.
//
// Numbers:
//   - digits with "," or "." between groups of three ("6,000", "6.000"), or a single
//     space or U+00A0 between them ("6 000"); a "." before "million", "billion" or
//     "thousand", or one not followed by exactly three digits, is a decimal point
//     ("1.2 million" is 1200000, "2.000" is 2000);
//   - number words: one … nineteen, twenty … ninety, joined by a hyphen or a space
//     ("twenty-three"), "hundred", "thousand", "million", "billion" as multipliers
//     ("two hundred and fifty"), "a dozen" (12), "two dozen" (24), "half a dozen"
//     (6), "a hundred" (100);
//   - ranges "between 20 and 30", "from 20 to 30", "20 to 30", "20-30", "20–30" set
//     Min and Max and leave Count nil;
//   - "another", "a further" and "a total of" before a number are ignored.
//
// Qualifier (the words before the number; exact when there are none):
//   - about: about, around, nearly, almost, some, roughly, approximately, an
//     estimated, estimated, close to, just under;
//   - more than: more than, over, just over, well over, upwards of, in excess of;
//   - up to: up to, as many as, no more than, at most, fewer than, less than, under
//     (the last three are not in issue 11's list: they bound the figure from above,
//     so they are "up to");
//   - at least: at least, no fewer than, no less than, not less than;
//   - vague: a quantity without a number: dozens, hundreds, thousands, millions,
//     tens of thousands, hundreds of thousands, scores, several (also "several
//     hundred"), many, numerous, countless, a few, a handful, a large number, a
//     number. A vague figure has no Count, Min or Max. A phrase with no quantity at
//     all is vague too.
//
// Kind (the first casualty cue anywhere in the phrase; "" when there is none):
//   - killed: killed, killing, kills, slain, shot dead, massacred;
//   - dead: died, dead, dying, deaths, death toll, fatalities, bodies, perished,
//     drowned, lost their lives (also "feared dead");
//   - injured: wounded, wounding, injured, injuring, injuries, hurt, treated for
//     injuries;
//   - missing: missing, unaccounted for;
//   - displaced: fled, fleeing, displaced, evacuated, forced from their homes,
//     driven from their homes, forced to flee, left homeless, homeless, uprooted;
//   - affected: affected.
//
// Group: the people noun after the quantity, as written, in lower case, without
// adjectives or other modifiers ("three young soldiers" → soldiers, "9 Palestinian
// civilians" → civilians, "Red Cross volunteers" → volunteers), but keeping a
// compound whose first word is a noun of a known kind ("police officers", "aid
// workers", "election officials", "polling staff"). It is the last word of the run
// of words after the quantity (and after "of" or "of the") that stops at
// punctuation, a casualty cue, a verb such as "were" or "remain", or a preposition.
// A casualty adjective right after the number is skipped ("6 wounded soldiers" →
// soldiers). "others", "them", "those" and a missing noun ("7 wounded", "45 dead")
// give no group (""). The noun "people" is a group like any other.
package casualty

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsmark/newsmark/annotate"
)

// Kinds.
const (
	KindKilled    = "killed"
	KindDead      = "dead"
	KindInjured   = "injured"
	KindMissing   = "missing"
	KindDisplaced = "displaced"
	KindAffected  = "affected"
)

// Qualifiers.
const (
	QualifierExact    = "exact"
	QualifierAbout    = "about"
	QualifierMoreThan = "more than"
	QualifierUpTo     = "up to"
	QualifierAtLeast  = "at least"
	QualifierVague    = "vague"
)

// Figure is a parsed casualty phrase. Count is set for a single number, Min and
// Max for a range; a vague figure has none of them.
type Figure struct {
	Count     *int64 `json:"count"`
	Min       *int64 `json:"min"`
	Max       *int64 `json:"max"`
	Kind      string `json:"kind"`
	Qualifier string `json:"qualifier"`
	Group     string `json:"group"`
}

// Attrs is the figure as span attributes in the canonical JSONL shape: count or
// min and max (when known), kind (when known), qualifier, and group (when there is
// one).
func (f Figure) Attrs() map[string]any {
	attrs := map[string]any{"qualifier": f.Qualifier}
	if f.Count != nil {
		attrs["count"] = *f.Count
	}
	if f.Min != nil {
		attrs["min"] = *f.Min
	}
	if f.Max != nil {
		attrs["max"] = *f.Max
	}
	if f.Kind != "" {
		attrs["kind"] = f.Kind
	}
	if f.Group != "" {
		attrs["group"] = f.Group
	}
	return attrs
}

// Word is one token of a text, lower-cased, with its place in code points.
type Word struct {
	Text       string // lower case
	Start, End int
}

// Words lower-cases tokens from annotate.Tokenize.
func Words(tokens []annotate.Token) []Word {
	words := make([]Word, len(tokens))
	for i, token := range tokens {
		words[i] = Word{Text: strings.ToLower(token.Text), Start: token.Start, End: token.End}
	}
	return words
}

// Parse reads a casualty phrase under the package's convention.
func Parse(phrase string) Figure {
	return ParseWords(Words(annotate.Tokenize(phrase)))
}

// ParseWords is Parse on words already tokenized.
func ParseWords(words []Word) Figure {
	fig := Figure{Qualifier: QualifierVague}
	for i := range words {
		if kind, n := KindAt(words, i); n > 0 {
			fig.Kind = kind
			break
		}
	}
	for i := range words {
		q, n := QuantityAt(words, i)
		if n == 0 {
			continue
		}
		fig.Count, fig.Min, fig.Max, fig.Qualifier = q.Count, q.Min, q.Max, q.Qualifier
		fig.Group, _ = GroupAt(words, i+n)
		break
	}
	return fig
}

// Quantity is a number, a range or a vague quantity with its qualifier.
type Quantity struct {
	Count, Min, Max *int64
	Qualifier       string
	// Year is true for a bare four-digit number from 1900 to 2099 without a
	// qualifier, which is more often a year than a count.
	Year bool
}

// QuantityAt reads a quantity (with its qualifier) starting at words[i] and
// returns it with the number of words it covers; 0 words means none starts there.
func QuantityAt(words []Word, i int) (Quantity, int) {
	start := i
	qualifier := QualifierExact
	if q, n := matchTable(words, i, qualifierPhrases); n > 0 {
		qualifier = q
		i += n
	}
	if _, n := matchTable(words, i, fillerPhrases); n > 0 {
		i += n
	}
	if _, n := matchTable(words, i, vaguePhrases); n > 0 {
		return Quantity{Qualifier: QualifierVague}, i + n - start
	}
	between := false
	if i < len(words) && (words[i].Text == "between" || words[i].Text == "from") {
		between = true
		i++
	}
	first, n := NumberAt(words, i)
	if n == 0 {
		return Quantity{}, 0
	}
	i += n
	// A range: "20 to 30", "20-30", "between 20 and 30", "from 20 to 30".
	if i+1 < len(words) {
		connector := words[i].Text
		isRange := connector == "to" || (connector == "and" && between) ||
			((connector == "-" || connector == "–" || connector == "—") && words[i].Start == words[i-1].End && words[i+1].Start == words[i].End)
		if isRange {
			if second, m := NumberAt(words, i+1); m > 0 && second > first {
				lo, hi := first, second
				return Quantity{Min: &lo, Max: &hi, Qualifier: qualifier}, i + 1 + m - start
			}
		}
	}
	if between {
		return Quantity{}, 0
	}
	count := first
	year := qualifier == QualifierExact && n == 1 && count >= 1900 && count <= 2099 && len(words[i-1].Text) == 4
	return Quantity{Count: &count, Qualifier: qualifier, Year: year}, i - start
}

// NumberAt reads a number in digits or words at words[i] and returns its value and
// the number of words it covers.
func NumberAt(words []Word, i int) (int64, int) {
	if i >= len(words) {
		return 0, 0
	}
	start := i
	var value float64
	text := words[i].Text
	switch {
	case text[0] >= '0' && text[0] <= '9':
		v, n, ok := digitsAt(words, i)
		if !ok {
			return 0, 0
		}
		value = v
		i += n
	case text == "a" || text == "an":
		if i+1 < len(words) {
			if scale, ok := scales[words[i+1].Text]; ok {
				value = scale
				i += 2
				break
			}
		}
		return 0, 0
	case text == "half":
		if i+2 < len(words) && words[i+1].Text == "a" && words[i+2].Text == "dozen" {
			return 6, 3
		}
		return 0, 0
	default:
		v, n := smallNumberWordsAt(words, i)
		if n == 0 {
			return 0, 0
		}
		value = float64(v)
		i += n
	}
	// Multipliers: "two hundred (and fifty)", "1.2 million", "two dozen".
	for i < len(words) {
		scale, ok := scales[words[i].Text]
		if !ok || (value >= scale && scale != 1e3 && scale != 1e6 && scale != 1e9) {
			break
		}
		value *= scale
		i++
		if scale == 100 {
			next := i
			if next < len(words) && words[next].Text == "and" {
				next++
			}
			if v, n := smallNumberWordsAt(words, next); n > 0 && v < 100 {
				value += float64(v)
				i = next + n
			}
		}
	}
	if value < 0 || value > 1e15 {
		return 0, 0
	}
	return int64(math.Round(value)), i - start
}

var scales = map[string]float64{"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}

var units = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// smallNumberWordsAt reads one to ninety-nine in words: "seven", "forty",
// "twenty-three", "twenty three".
func smallNumberWordsAt(words []Word, i int) (int64, int) {
	if i >= len(words) {
		return 0, 0
	}
	if v, ok := units[words[i].Text]; ok {
		return v, 1
	}
	ten, ok := tens[words[i].Text]
	if !ok {
		return 0, 0
	}
	if i+2 < len(words) && words[i+1].Text == "-" && words[i+1].Start == words[i].End && words[i+2].Start == words[i+1].End {
		if u, ok := units[words[i+2].Text]; ok && u < 10 {
			return ten + u, 3
		}
	}
	if i+1 < len(words) {
		if u, ok := units[words[i+1].Text]; ok && u < 10 {
			return ten + u, 2
		}
	}
	return ten, 1
}

// digitsAt reads "6,000", "6.000", "6 000", "1.2" (before a multiplier) and plain
// digits.
func digitsAt(words []Word, i int) (float64, int, bool) {
	text := words[i].Text
	for _, r := range text {
		if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
			return 0, 0, false
		}
	}
	n := 1
	beforeScale := i+1 < len(words) && (words[i+1].Text == "million" || words[i+1].Text == "billion" || words[i+1].Text == "thousand")
	var digits string
	switch {
	case strings.Contains(text, ",") && strings.Contains(text, "."):
		digits = strings.ReplaceAll(text, ",", "")
	case strings.Contains(text, "."):
		if !beforeScale && groupsOfThree(text, '.') {
			digits = strings.ReplaceAll(text, ".", "")
		} else {
			digits = text
		}
	case strings.Contains(text, ","):
		if groupsOfThree(text, ',') {
			digits = strings.ReplaceAll(text, ",", "")
		} else {
			digits = strings.ReplaceAll(text, ",", ".")
		}
	default:
		digits = text
		// "6 000", "10 000", "3 400 000": groups of three after a single space.
		if len(text) <= 3 {
			for j := i + 1; j < len(words); j++ {
				if len(words[j].Text) != 3 || !allDigits(words[j].Text) || words[j].Start != words[j-1].End+1 {
					break
				}
				digits += words[j].Text
				n++
			}
		}
	}
	value, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, 0, false
	}
	return value, n, true
}

func groupsOfThree(text string, sep byte) bool {
	parts := strings.Split(text, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, part := range parts[1:] {
		if len(part) != 3 {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MayStartQuantity says whether a quantity can start at a word (lower case): a
// cheap test before QuantityAt when scanning long texts.
func MayStartQuantity(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return true
	}
	return quantityStarts[w]
}

// quantityStarts are the words a quantity can start with, other than digits.
var quantityStarts = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "between": true, "from": true}
	for _, table := range []phraseTable{qualifierPhrases, fillerPhrases, vaguePhrases} {
		for first := range table {
			m[first] = true
		}
	}
	for w := range units {
		m[w] = true
	}
	for w := range tens {
		m[w] = true
	}
	return m
}()

// KindAt reads a casualty cue at words[i] and returns its kind and the number of
// words it covers.
func KindAt(words []Word, i int) (string, int) {
	return matchTable(words, i, kindPhrases)
}

// GroupAt reads the people noun after a quantity that ends before words[i]. It
// returns the group ("" for none) and the index of the word after what it read.
func GroupAt(words []Word, i int) (string, int) {
	if i < len(words) && words[i].Text == "more" {
		i++
	}
	if i < len(words) && words[i].Text == "of" {
		i++
		if i < len(words) && (words[i].Text == "the" || words[i].Text == "their") {
			i++
		}
	}
	// A casualty adjective before the noun: "6 wounded soldiers".
	if _, n := KindAt(words, i); n == 1 && i+1 < len(words) && isNounCandidate(words, i+1) {
		i++
	}
	runStart := i
	for i < len(words) && isNounCandidate(words, i) {
		i++
		// A plural people noun ends the phrase ("4 guards shook the base"),
		// unless it modifies the next noun ("police officers").
		w := words[i-1].Text
		if isPluralHead(w) && !(compoundModifiers[w] && i < len(words) && isNounCandidate(words, i)) {
			break
		}
	}
	if i == runStart {
		return "", i
	}
	last := words[i-1].Text
	if noGroup[last] {
		return "", i
	}
	if i-1 > runStart && compoundModifiers[words[i-2].Text] {
		return words[i-2].Text + " " + last, i
	}
	return last, i
}

// isNounCandidate says whether words[i] can be part of the noun phrase after a
// quantity: a word of letters that is not a casualty cue or a stop word.
func isNounCandidate(words []Word, i int) bool {
	text := words[i].Text
	if stopWords[text] {
		return false
	}
	if _, n := KindAt(words, i); n > 0 {
		return false
	}
	letters := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters = true
		case r == '\'' || r == '’' || r == '-' || r == '.':
		default:
			return false
		}
	}
	return letters
}

// phrase tables: each entry is a sequence of lower-case words and its value;
// matchTable takes the longest entry matching at a position.
type phraseTable map[string][]phraseEntry // by first word

type phraseEntry struct {
	words []string
	value string
}

func newTable(entries map[string]string) phraseTable {
	table := phraseTable{}
	for phrase, value := range entries {
		words := strings.Fields(phrase)
		table[words[0]] = append(table[words[0]], phraseEntry{words: words, value: value})
	}
	return table
}

func matchTable(words []Word, i int, table phraseTable) (string, int) {
	if i >= len(words) {
		return "", 0
	}
	best, bestLen := "", 0
	for _, entry := range table[words[i].Text] {
		if len(entry.words) <= bestLen || i+len(entry.words) > len(words) {
			continue
		}
		match := true
		for k, w := range entry.words[1:] {
			if words[i+1+k].Text != w {
				match = false
				break
			}
		}
		if match {
			best, bestLen = entry.value, len(entry.words)
		}
	}
	return best, bestLen
}

var qualifierPhrases = newTable(map[string]string{
	"about": QualifierAbout, "around": QualifierAbout, "nearly": QualifierAbout, "almost": QualifierAbout,
	"some": QualifierAbout, "roughly": QualifierAbout, "approximately": QualifierAbout,
	"an estimated": QualifierAbout, "estimated": QualifierAbout, "close to": QualifierAbout,
	"just under": QualifierAbout,
	"more than":  QualifierMoreThan, "over": QualifierMoreThan, "just over": QualifierMoreThan,
	"well over": QualifierMoreThan, "upwards of": QualifierMoreThan, "in excess of": QualifierMoreThan,
	"up to": QualifierUpTo, "as many as": QualifierUpTo, "no more than": QualifierUpTo, "at most": QualifierUpTo,
	"fewer than": QualifierUpTo, "less than": QualifierUpTo, "under": QualifierUpTo,
	"at least": QualifierAtLeast, "no fewer than": QualifierAtLeast, "no less than": QualifierAtLeast,
	"not less than": QualifierAtLeast,
})

var fillerPhrases = newTable(map[string]string{
	"another": "", "a further": "", "a total of": "",
})

var vaguePhrases = newTable(map[string]string{
	"dozens": "", "hundreds": "", "thousands": "", "millions": "", "scores": "",
	"tens of thousands": "", "hundreds of thousands": "",
	"several": "", "several dozen": "", "several hundred": "", "several thousand": "",
	"many": "", "numerous": "", "countless": "",
	"a few": "", "a few dozen": "", "a few hundred": "", "a handful": "",
	"a large number": "", "a number": "", "large numbers": "",
})

var kindPhrases = newTable(map[string]string{
	"killed": KindKilled, "killing": KindKilled, "kills": KindKilled, "slain": KindKilled,
	"shot dead": KindKilled, "massacred": KindKilled,
	"died": KindDead, "die": KindDead, "dies": KindDead, "dead": KindDead, "dying": KindDead, "deaths": KindDead, "death toll": KindDead,
	"fatalities": KindDead, "bodies": KindDead, "perished": KindDead, "drowned": KindDead, "lost their lives": KindDead,
	"wounded": KindInjured, "wounding": KindInjured, "injured": KindInjured, "injuring": KindInjured,
	"injuries": KindInjured, "hurt": KindInjured, "treated for injuries": KindInjured,
	"missing": KindMissing, "unaccounted for": KindMissing,
	"fled": KindDisplaced, "fleeing": KindDisplaced, "displaced": KindDisplaced, "evacuated": KindDisplaced,
	"forced from their homes": KindDisplaced, "driven from their homes": KindDisplaced,
	"forced to flee": KindDisplaced, "left homeless": KindDisplaced, "homeless": KindDisplaced,
	"uprooted": KindDisplaced,
	"affected": KindAffected,
})

// stopWords end the noun run after a quantity.
var stopWords = map[string]bool{
	"were": true, "was": true, "is": true, "are": true, "be": true, "been": true, "being": true,
	"had": true, "has": true, "have": true, "remain": true, "remained": true, "remains": true,
	"reportedly": true, "also": true, "who": true, "that": true, "which": true, "in": true,
	"on": true, "at": true, "from": true, "after": true, "during": true, "by": true, "and": true,
	"or": true, "as": true, "when": true, "while": true, "feared": true, "believed": true,
	"said": true, "according": true, "including": true, "mostly": true, "among": true, "of": true,
	"to": true, "with": true, "for": true, "since": true, "across": true, "near": true,
	"the": true, "a": true, "an": true, "still": true, "now": true, "later": true, "so": true,
	"did": true, "could": true, "would": true, "may": true, "might": true, "will": true,
}

var noGroup = map[string]bool{"others": true, "them": true, "those": true, "more": true, "each": true, "all": true}

// compoundModifiers are nouns that form one group with the noun after them.
var compoundModifiers = map[string]bool{
	"police": true, "aid": true, "health": true, "healthcare": true, "medical": true, "rescue": true,
	"relief": true, "humanitarian": true, "media": true, "election": true, "polling": true,
	"security": true, "military": true, "hospital": true, "family": true, "fire": true, "border": true,
	"prison": true, "civil": true, "school": true, "factory": true, "mine": true, "construction": true,
	"farm": true, "oil": true, "rail": true, "party": true, "government": true, "opposition": true,
	"union": true, "army": true, "navy": true, "crew": true, "camp": true, "shelter": true,
}

// irregularPlurals are people nouns that end a group without an "s".
var irregularPlurals = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true, "staff": true,
	"crew": true, "personnel": true, "militia": true, "youth": true, "folk": true, "clergy": true,
}

func isPluralHead(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "’s") && !strings.HasSuffix(w, "'s")
}
