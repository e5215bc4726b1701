package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/casualty"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// analysis is one text cut into words, quotes and sentences, shared by the rules.
type analysis struct {
	offsets *annotate.Offsets
	words   []casualty.Word // lower case, code points
	raw     []string        // the words as written
	// lineBefore[i] counts the line breaks between word i-1 and word i.
	lineBefore []uint8
	// quoteDepth[i] > 0 when word i is inside a double quotation (its marks included).
	quoteDepth []uint8
	// flags[i] holds flagCapitalized and flagWord for word i, computed once.
	flags     []uint8
	class     []uint8      // the run's word classes, kept here to be reused
	out       []Suggestion // the run's suggestions before filtering, reused
	quotes    []quote
	sentences []sentence
}

// quote is a pair of quotation marks: open and close are word indexes.
type quote struct {
	open, close int
	kind        quoteKind
	parent      int // index of the enclosing quote in analysis.quotes, or -1
}

type quoteKind uint8

const (
	quoteCurly quoteKind = iota
	quoteStraight
	quoteSingle
	quoteParagraph // a quote left open at a paragraph's end, continued in the next
	quoteSingleTop // ‘…’ with no double quote around it (British style)
)

// sentence is a run of words [start, end); body is where its content starts
// (after a dateline such as "VELMORA, Oct 3 (Newsmark) —").
type sentence struct {
	start, body, end int
}

// analyse cuts text into words, quotes and sentences. It reuses the slices of
// reuse (nil for none), whose contents it overwrites: a Suggester keeps analyses
// in a pool, so suggesting on many documents does not allocate them each time.
func analyse(text string, reuse *analysis) *analysis {
	tokens := dataset.Tokenize(text)
	a := reuse
	if a == nil {
		a = &analysis{}
	}
	n := len(tokens)
	*a = analysis{
		offsets:    annotate.NewOffsets(text),
		words:      grow(a.words, n),
		raw:        grow(a.raw, n),
		lineBefore: zeroed(a.lineBefore, n),
		quoteDepth: zeroed(a.quoteDepth, n),
		flags:      zeroed(a.flags, n),
		class:      a.class,
		out:        a.out,
		quotes:     a.quotes[:0],
		sentences:  a.sentences[:0],
	}
	// Lower-casing token by token (casualty.Words) allocates a string for every
	// capitalised word; lower-casing the ASCII letters of the whole text once and
	// slicing it costs one allocation.
	lower := lowerASCII(text)
	for i, token := range tokens {
		a.raw[i] = token.Text
		r, _ := utf8.DecodeRuneInString(token.Text)
		if unicode.IsUpper(r) {
			a.flags[i] |= flagCapitalized
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			a.flags[i] |= flagWord
		}
		if isASCII(token.Text) {
			a.words[i] = casualty.Word{Text: lower[a.offsets.ByteOffset(token.Start):a.offsets.ByteOffset(token.End)], Start: token.Start, End: token.End}
		} else {
			a.words[i] = casualty.Word{Text: strings.ToLower(token.Text), Start: token.Start, End: token.End}
		}
		if i > 0 && token.Start > tokens[i-1].End {
			gap := a.offsets.Slice(tokens[i-1].End, token.Start)
			if n := strings.Count(gap, "\n"); n > 0 {
				a.lineBefore[i] = uint8(min(n, 2))
			}
		} else if i == 0 {
			a.lineBefore[i] = 2
		}
	}
	a.findQuotes()
	a.findSentences()
	return a
}

// glued says whether word i touches the word before it.
func (a *analysis) glued(i int) bool {
	return i > 0 && a.words[i].Start == a.words[i-1].End
}

func (a *analysis) paragraphBreak(i int) bool { return a.lineBefore[i] >= 2 }

const (
	flagCapitalized uint8 = 1 << iota // starts with an upper-case letter
	flagWord                          // starts with a letter or digit
)

func (a *analysis) capitalized(i int) bool { return a.flags[i]&flagCapitalized != 0 }

func (a *analysis) isWord(i int) bool { return a.flags[i]&flagWord != 0 }

// slice is the text from the start of word i to the end of word j-1.
func (a *analysis) slice(i, j int) string {
	return a.offsets.Slice(a.words[i].Start, a.words[j-1].End)
}

const (
	openDouble   = "“"
	closeDouble  = "”"
	straight     = "\""
	openSingle   = "‘"
	closeSingle  = "’"
	maxQuoteSpan = 2000 // words; longer pairs are almost surely mismatched marks
)

// findQuotes pairs quotation marks: “…”, "…" and ‘…’ nested inside them. Doubles
// do not nest in English, so a second opening mark while one is open means the
// first was a quote running over a paragraph's end without a closing mark (the
// wire convention): it ends with its paragraph.
func (a *analysis) findQuotes() {
	openAt, openKind := -1, quoteCurly
	singleAt := -1
	lastBeforeBreak := -1
	for i, w := range a.raw {
		if i > 0 && a.paragraphBreak(i) {
			lastBeforeBreak = i - 1
			singleAt = -1
		}
		switch {
		case w == openDouble || (w == straight && openAt < 0 && !a.gluedToWordBefore(i)):
			if openAt >= 0 && lastBeforeBreak > openAt {
				a.addQuote(openAt, lastBeforeBreak, quoteParagraph, -1)
			}
			openAt, singleAt = i, -1
			openKind = quoteCurly
			if w == straight {
				openKind = quoteStraight
			}
		case (w == closeDouble && openAt >= 0 && openKind == quoteCurly) || (w == straight && openAt >= 0 && openKind == quoteStraight):
			if i-openAt <= maxQuoteSpan {
				parent := a.addQuote(openAt, i, openKind, -1)
				// nested single quotes found while this was open get their parent now
				for q := range a.quotes {
					if a.quotes[q].parent == -2 {
						a.quotes[q].parent = parent
					}
				}
			}
			openAt, singleAt = -1, -1
		case w == openSingle && openAt >= 0:
			singleAt = i
		case w == openSingle:
			// British style: ‘…’ as the outer quote.
			if close := a.closingSingle(i); close > 0 {
				a.addQuote(i, close, quoteSingleTop, -1)
				for k := i; k <= close; k++ {
					a.quoteDepth[k] = 1
				}
			}
		case w == closeSingle && singleAt >= 0 && !(i+1 < len(a.raw) && a.glued(i+1) && a.isWord(i+1)):
			a.addQuote(singleAt, i, quoteSingle, -2)
			singleAt = -1
		}
	}
	// Nested quotes whose outer quote never closed are dropped.
	kept := a.quotes[:0]
	for _, q := range a.quotes {
		if q.parent != -2 {
			kept = append(kept, q)
		}
	}
	a.quotes = kept
	sortQuotes(a.quotes)
	for _, q := range a.quotes {
		if q.kind == quoteSingle {
			continue
		}
		for i := q.open; i <= q.close; i++ {
			a.quoteDepth[i] = 1
		}
	}
}

// gluedToWordBefore says whether a straight quote touches a word before it, which
// makes it a closing mark.
func (a *analysis) gluedToWordBefore(i int) bool {
	return a.glued(i) && a.isWord(i-1)
}

// closingSingle finds the ’ that closes a top-level ‘ at word i: the first ’
// standing alone (not an apostrophe inside a word) that follows , . ! ? or comes
// before a punctuation mark or a line break, within the paragraph.
func (a *analysis) closingSingle(i int) int {
	for k := i + 2; k < len(a.raw) && k < i+maxQuoteSpan; k++ {
		if a.paragraphBreak(k) {
			return -1
		}
		if a.raw[k] != closeSingle || (k+1 < len(a.raw) && a.glued(k+1) && a.isWord(k+1)) {
			continue
		}
		prev := a.raw[k-1]
		next := ""
		if k+1 < len(a.raw) && a.lineBefore[k+1] == 0 {
			next = a.raw[k+1]
		}
		if prev == "," || prev == "." || prev == "!" || prev == "?" || next == "" || next == "," || next == "." || next == ";" || next == ":" || next == "!" || next == "?" {
			return k
		}
	}
	return -1
}

func (a *analysis) addQuote(open, close int, kind quoteKind, parent int) int {
	a.quotes = append(a.quotes, quote{open: open, close: close, kind: kind, parent: parent})
	return len(a.quotes) - 1
}

func sortQuotes(quotes []quote) {
	// Insertion sort by opening word: quotes arrive nearly sorted (a nested quote
	// is added before its parent). Parent indexes are remapped.
	order := make([]int, len(quotes))
	for i := range order {
		order[i] = i
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && quotes[order[j]].open < quotes[order[j-1]].open; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	where := make([]int, len(quotes))
	sorted := make([]quote, len(quotes))
	for newIndex, old := range order {
		where[old] = newIndex
		sorted[newIndex] = quotes[old]
	}
	for i := range sorted {
		if sorted[i].parent >= 0 {
			sorted[i].parent = where[sorted[i].parent]
		}
	}
	copy(quotes, sorted)
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "capt": true, "prof": true, "rev": true, "u.s": true, "u.n": true, "u.k": true, "e.g": true,
	"i.e": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "vs": true, "inc": true, "ltd": true, "co": true, "corp": true, "gov": true, "sen": true, "rep": true,
}

// findSentences cuts the words at sentence ends outside quotes (". ! ?" before a
// capital, an opening quote or a line break) and at line breaks.
func (a *analysis) findSentences() {
	start := 0
	n := len(a.words)
	for i := 0; i < n; i++ {
		// A blank line always ends a sentence; a single line break only after a
		// short line (a headline), so hard-wrapped paragraphs stay whole.
		if i > start && a.quoteDepth[i] == 0 && (a.lineBefore[i] >= 2 || a.lineBefore[i] == 1 && i-start < 15) {
			a.addSentence(start, i)
			start = i
			continue
		}
		w := a.raw[i]
		if w != "." && w != "!" && w != "?" {
			continue
		}
		end := i + 1
		if end < n && (a.raw[end] == closeDouble || a.raw[end] == straight) && a.glued(end) {
			end++
		}
		if a.quoteDepth[i] > 0 && (end == i+1 || a.quoteDepth[end-1] == 0) {
			continue // inside a quote that goes on
		}
		if w == "." && i > 0 && a.glued(i) && (abbreviations[a.words[i-1].Text] || len(a.raw[i-1]) == 1 && a.capitalized(i-1)) {
			continue
		}
		if end < n && a.lineBefore[end] == 0 && !(a.capitalized(end) || a.raw[end] == openDouble || a.raw[end] == straight || !a.isWord(end)) {
			continue
		}
		a.addSentence(start, end)
		start = end
		i = end - 1
	}
	if start < n {
		a.addSentence(start, n)
	}
}

func (a *analysis) addSentence(start, end int) {
	a.sentences = append(a.sentences, sentence{start: start, body: a.datelineEnd(start, end), end: end})
}

// datelineEnd skips a dateline at a paragraph's start: a word in capitals and,
// within 14 words, a dash.
func (a *analysis) datelineEnd(start, end int) int {
	if a.lineBefore[start] == 0 || !isAllCaps(a.raw[start]) {
		return start
	}
	for i := start + 1; i < end && i < start+14; i++ {
		if a.raw[i] == "—" || a.raw[i] == "–" || a.raw[i] == "-" && !a.glued(i) {
			return i + 1
		}
	}
	return start
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// grow returns s with length n, reusing its array when it is large enough; the
// caller overwrites every element.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// zeroed returns a zeroed byte slice of length n, reusing s's array if it can.
func zeroed(s []uint8, n int) []uint8 {
	s = grow(s, n)
	clear(s)
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases the ASCII letters of s, leaving every other byte, so
// byte offsets into s stay valid in the result.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
