package annotate

import (
	"strings"
	"unicode"
)

// The punctuation rule for a tagged range, applied after white space is trimmed,
// whichever way the range was selected:
//
//   - A label whose name is QUOTE (any case) keeps its quote marks: an opening mark
//     right before the range and the closing punctuation and mark right after it
//     (“We will stay,” → the whole of it, marks included) join the span, and a span
//     that ends with its closing mark is left as it is.
//   - Otherwise a trailing comma, semicolon or colon is trimmed, and so is a
//     trailing full stop, unless it ends an abbreviation (“U.S.”, “Dr.”, an
//     initial “J.”) or the range is whole sentences.
//
// Nothing else is trimmed: “?” and “!” stay, and so do brackets and marks that
// open inside the range.

// IsQuoteLabel reports whether the label keeps quote marks and the punctuation
// inside them.
func IsQuoteLabel(label string) bool { return strings.EqualFold(strings.TrimSpace(label), "QUOTE") }

func isOpeningQuote(r rune) bool {
	return r == '“' || r == '‘' || r == '"' || r == '\'' || r == '«' || r == '‹' || r == '„' || r == '‚'
}

func isClosingQuote(r rune) bool {
	return r == '”' || r == '’' || r == '"' || r == '\'' || r == '»' || r == '›'
}

// isQuotedPunct is the punctuation that may stand between a quote's last word and
// its closing mark.
func isQuotedPunct(r rune) bool { return strings.ContainsRune(",.;:!?…", r) }

// abbreviations end with a full stop that does not end the sentence; lower case,
// without the stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "no": true, "vs": true,
	"etc": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "mt": true, "ft": true, "approx": true, "dept": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "est": true, "fig": true, "al": true,
}

// endsWithAbbreviation reports whether the full stop at text[dot] ends an
// abbreviation: a word of the list, a single letter (an initial), or a word with
// stops inside it (“U.S.”, “e.g.”).
func endsWithAbbreviation(text []rune, dot int) bool {
	start := dot
	for start > 0 && !unicode.IsSpace(text[start-1]) && !isOpeningQuote(text[start-1]) && text[start-1] != '(' {
		start--
	}
	word := string(text[start:dot])
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true
	}
	if len([]rune(word)) == 1 && unicode.IsLetter([]rune(word)[0]) {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

// isWholeSentences reports whether [start, end) begins a sentence and ends one.
func isWholeSentences(text []rune, start, end int) bool {
	return SentenceAt(text, start).Start == start && SentenceAt(text, end-1).End == end
}

// TrimForLabel applies the punctuation rule above to [start, end) for a label and
// returns the range to store. A range of only white space comes back empty.
func TrimForLabel(text []rune, start, end int, label string) (int, int) {
	start, end = TrimSpace(text, start, end)
	if start == end {
		return start, end
	}
	if IsQuoteLabel(label) {
		if start > 0 && isOpeningQuote(text[start-1]) && !isOpeningQuote(text[start]) {
			start--
		}
		after := end
		for after < len(text) && isQuotedPunct(text[after]) {
			after++
		}
		if after < len(text) && isClosingQuote(text[after]) && !isClosingQuote(text[end-1]) {
			end = after + 1
		}
		if isClosingQuote(text[end-1]) && end-1 > start {
			return start, end
		}
	}
	for end > start {
		last := text[end-1]
		switch {
		case last == ',' || last == ';' || last == ':':
		case last == '.' && !endsWithAbbreviation(text, end-1) && !isWholeSentences(text, start, end):
		default:
			return start, end
		}
		start, end = TrimSpace(text, start, end-1)
	}
	return start, end
}
