package annotate

import (
	"strconv"
	"strings"
	"unicode"
)

// maxQuotedRunes is how much of a user's value (a label name, a title, a token)
// an error message quotes: enough to recognise it, never a 100,000-character wall.
const maxQuotedRunes = 60

// Clip shortens a value quoted in a message to its first characters and "…".
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == maxQuotedRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// QuotePath is a path as messages print it: as it is, unless it holds a control
// character (a newline would split the message into lines that look like two
// messages), a leading or trailing space, or is empty; then Go-quoted, so that
// "a\nb.txt" reads as one name.
func QuotePath(path string) string {
	if path == "" || strings.TrimSpace(path) != path || strings.IndexFunc(path, unicode.IsControl) >= 0 ||
		strings.ContainsRune(path, '\u2028') || strings.ContainsRune(path, '\u2029') {
		return strconv.Quote(path)
	}
	return path
}
