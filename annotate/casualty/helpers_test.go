package casualty

import "github.com/newsmark/newsmark/annotate/dataset"

func tokenize(s string) []dataset.Token { return dataset.Tokenize(s) }
