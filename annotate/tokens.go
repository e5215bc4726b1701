package annotate

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
	// Segmenting with uniseg costs a property lookup per character. The text is cut
	// into chunks at the places where an ASCII space, tab or line break is followed
	// by another ASCII character that is not a space: UAX #29 always breaks there and
	// no rule looks across such a place, so segmenting chunk by chunk gives exactly
	// the whole text's segments. A chunk that is one run of ASCII letters, digits
	// and "_" followed by spaces (most words of news text) is one word; only the
	// other chunks go through uniseg. FuzzTokenize checks this against plain uniseg.
	tokens := make([]Token, 0, len(text)/5)
	pos := 0 // code points before the chunk
	chunkStart := 0
	for i := 1; i <= len(text); i++ {
		if i == len(text) || (isASCIISpace(text[i-1]) && text[i] < utf8.RuneSelf && !isASCIISpace(text[i])) {
			tokens, pos = tokenizeChunk(tokens, text[chunkStart:i], pos)
			chunkStart = i
		}
	}
	return tokens
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

func isASCIIWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// tokenizeChunk appends the tokens of one chunk starting at code point pos and
// returns the code point after it.
func tokenizeChunk(tokens []Token, chunk string, pos int) ([]Token, int) {
	word := 0
	for word < len(chunk) && isASCIIWordByte(chunk[word]) {
		word++
	}
	rest := word
	for rest < len(chunk) && isASCIISpace(chunk[rest]) {
		rest++
	}
	if rest == len(chunk) {
		// Letters, digits and "_" never break among themselves (WB5, WB8-10, WB13a-b).
		if word > 0 {
			tokens = append(tokens, Token{Text: chunk[:word], Start: pos, End: pos + word})
		}
		return tokens, pos + len(chunk)
	}
	state := -1
	for len(chunk) > 0 {
		var segment string
		segment, chunk, state = uniseg.FirstWordInString(chunk, state)
		tokens, pos = appendSegment(tokens, segment, pos)
	}
	return tokens, pos
}

// appendSegment adds a word segment found at code point pos, unless it is only
// whitespace, and returns the code point after it.
func appendSegment(tokens []Token, segment string, pos int) ([]Token, int) {
	length := utf8.RuneCountInString(segment)
	start := pos
	end := pos + length
	trimmedLeft := strings.TrimLeftFunc(segment, unicode.IsSpace)
	if trimmedLeft == "" {
		return tokens, end
	}
	lead := length - utf8.RuneCountInString(trimmedLeft)
	trimmed := strings.TrimRightFunc(trimmedLeft, unicode.IsSpace)
	trail := utf8.RuneCountInString(trimmedLeft) - utf8.RuneCountInString(trimmed)
	return append(tokens, Token{Text: trimmed, Start: start + lead, End: end - trail}), end
}
