package agreement

import "strings"

// normalizeSource folds a source name for comparison: spaces trimmed and
// collapsed, case folded.
func normalizeSource(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
