package cli

import (
	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/casualty"
)

// casualtyParser is what fills in the attributes of imported CASUALTY spans that
// come without any, marked parsed (not confirmed).
func casualtyParser() annotate.CasualtyParser { return casualty.SpanAttrs }
