package casualty

import "github.com/newsmark/newsmark/annotate"

func tokenize(s string) []annotate.Token { return annotate.Tokenize(s) }
