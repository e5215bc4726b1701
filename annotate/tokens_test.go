package annotate

import (
	"fmt"
	"testing"

	"github.com/rivo/uniseg"
)

// referenceTokenize is Tokenize without its chunking shortcut: every segment from
// uniseg over the whole text.
func referenceTokenize(text string) []Token {
	var tokens []Token
	pos := 0
	state := -1
	for len(text) > 0 {
		var segment string
		segment, text, state = uniseg.FirstWordInString(text, state)
		tokens, pos = appendSegment(tokens, segment, pos)
	}
	return tokens
}

func FuzzTokenize(f *testing.F) {
	for _, seed := range []string{
		"“We’re in the U.S.,” 6,000\u00a0fled — 😀!\r\n",
		"a \u0301b \u200d😀 🇺🇸🇬🇧 x_1 3.5 a.b. \u00a0\t\v\f",
		"can't stop 12:30 e.g. O’Neill",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Tokenize(text), referenceTokenize(text)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("Tokenize(%q)\n got %v\nwant %v", text, got, want)
		}
	})
}
