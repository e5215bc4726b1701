package dataset

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Token is one word of a text; Start and End are code points, End exclusive.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits text at Unicode word boundaries (UAX #29, via rivo/uniseg) and
// drops the segments that are only whitespace (spaces, tabs, CR, LF, U+00A0 and the
// other White_Space characters). What that means for news text:
//   - every punctuation mark is a token of its own: “ ” " ( ) , ; : ! ? — – …
//     and a full stop at the end of a word ("said." gives "said", ".");
//   - an apostrophe, straight or curly (’), between letters stays inside the word
//     ("city’s", "don't"), and so does a full stop between letters or digits
//     ("U.S" + ".", "3.5"), and a comma between digits ("6,000");
//   - a curly quote at a word's edge is split off ("“We" gives "“", "We");
//   - an emoji, with its modifiers and joiners, is one token.
//
// Whitespace at a token's edge (possible only before combining marks) is trimmed,
// so no token starts or ends with a space.
func Tokenize(text string) []Token {
	tokens := make([]Token, 0, len(text)/5)
	pos := 0 // code points
	state := -1
	rest := text
	for len(rest) > 0 {
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		length := utf8.RuneCountInString(word)
		start := pos
		pos += length
		trimmedLeft := strings.TrimLeftFunc(word, unicode.IsSpace)
		if trimmedLeft == "" {
			continue
		}
		lead := length - utf8.RuneCountInString(trimmedLeft)
		trimmed := strings.TrimRightFunc(trimmedLeft, unicode.IsSpace)
		trail := utf8.RuneCountInString(trimmedLeft) - utf8.RuneCountInString(trimmed)
		tokens = append(tokens, Token{Text: trimmed, Start: start + lead, End: pos - trail})
	}
	return tokens
}
