package cli

import "github.com/newsmark/newsmark/annotate"

// casualtyParser is what fills in the attributes of imported CASUALTY spans that
// come without any (marked parsed, not confirmed). The parser itself is the
// package annotate/casualty; until it is part of this build there is none, and
// such spans import without attributes.
func casualtyParser() annotate.CasualtyParser { return nil }
