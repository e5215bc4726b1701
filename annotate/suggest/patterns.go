package suggest

// Patterns are the user's own suggestion patterns (see the package comment).
type Patterns struct {
	lists map[string][]string
}

func (r *run) userPatterns(p *Patterns) {}
