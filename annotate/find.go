package annotate

import "unicode"

// FindOptions say how FindAll matches.
type FindOptions struct {
	// IgnoreCase matches letters regardless of case (Unicode simple case folding:
	// “pavić” finds “Pavić”, but accents still count).
	IgnoreCase bool
	// WholeWord keeps only matches that start and end on word boundaries, so
	// “Kyiv” is not found inside “Kyivan”.
	WholeWord bool
}

// FindAll returns every non-overlapping occurrence of query in text, in text order,
// as code-point ranges. An empty query, or one of only white space, finds nothing.
func FindAll(text []rune, query string, opt FindOptions) []Range {
	needle := []rune(query)
	if len(needle) == 0 || len(needle) > len(text) {
		return nil
	}
	if start, end := TrimSpace(needle, 0, len(needle)); start == end {
		return nil
	}
	var found []Range
	last := len(text) - len(needle)
	for i := 0; i <= last; i++ {
		if !sameRune(text[i], needle[0], opt.IgnoreCase) {
			continue
		}
		j := 1
		for j < len(needle) && sameRune(text[i+j], needle[j], opt.IgnoreCase) {
			j++
		}
		if j < len(needle) {
			continue
		}
		if opt.WholeWord && (!IsWordBoundary(text, i) || !IsWordBoundary(text, i+len(needle))) {
			continue
		}
		found = append(found, Range{i, i + len(needle)})
		i += len(needle) - 1
	}
	return found
}

func sameRune(a, b rune, ignoreCase bool) bool {
	if a == b {
		return true
	}
	if !ignoreCase {
		return false
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// OtherOccurrences returns the whole-word, exact (case-sensitive) occurrences of
// text[start:end] elsewhere in text: where “tag all occurrences” puts the same label.
func OtherOccurrences(text []rune, start, end int) []Range {
	start, end = clampRange(text, start, end)
	if start == end {
		return nil
	}
	all := FindAll(text, string(text[start:end]), FindOptions{WholeWord: true})
	others := all[:0]
	for _, r := range all {
		if r.Start != start {
			others = append(others, r)
		}
	}
	return others
}
