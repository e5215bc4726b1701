package dataset

import "github.com/newsmark/newsmark/annotate"

// Token is one word of a text; see annotate.Token.
type Token = annotate.Token

// Tokenize splits text into words exactly as annotate.Tokenize does (UAX #29 word
// boundaries, whitespace dropped): the exported tokens are the same words the
// workbench snaps selections to.
func Tokenize(text string) []Token { return annotate.Tokenize(text) }
