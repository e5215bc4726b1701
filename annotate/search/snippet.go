package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a result's line is cut, in code points.
const (
	// ContextWidth is how much document text is shown on each side of a result's
	// span: enough to place it, little enough that the span itself stays near the
	// start of the line. Read one code point more (ContextWidth+1) to learn
	// whether the text goes on, so "…" shows only when it does.
	ContextWidth = 40
	// SnippetWindow is how much of a long span's text is shown, around its first
	// match; SnippetLead of it before that match.
	SnippetWindow = 110
	SnippetLead   = 30
)

// Snippet is a result on one line: a little document text before its span, the
// span's text (or a window of it around the first match) in runs that are
// matched or not, and a little text after. Line breaks and tabs read as spaces.
type Snippet struct {
	Before string // "" when there is none, or when the span's text was cut at its start
	Parts  []SnippetPart
	After  string // "" when there is none, or when the span's text was cut at its end
}

// SnippetPart is a run of the span's text; a cut shows as an unmatched "…".
type SnippetPart struct {
	Text    string
	Matched bool
}

// MakeSnippet lays out a result: before and after are the document text around
// the span (as much as the caller read: ContextWidth+1 code points tells whether
// it was cut), text the span's, matched the code point indexes into it that the
// query matched, window the most of text shown.
func MakeSnippet(before, text, after string, matched []int, window int) Snippet {
	runes := []rune(text)
	for i, r := range runes {
		if r == '\r' || r == '\n' || r == '\t' {
			runes[i] = ' ' // one line; one rune for one rune keeps the indexes valid
		}
	}
	from, to := spanWindow(len(runes), matched, window)
	isMatched := make(map[int]bool, len(matched))
	for _, i := range matched {
		isMatched[i] = true
	}
	var s Snippet
	add := func(text string, matched bool) {
		if text != "" {
			s.Parts = append(s.Parts, SnippetPart{Text: text, Matched: matched})
		}
	}
	if from > 0 {
		add("…", false)
	} else {
		s.Before = contextBefore(before, ContextWidth)
	}
	start := from
	for i := from; i <= to; i++ {
		if i == to || isMatched[i] != isMatched[start] {
			add(string(runes[start:i]), isMatched[start])
			start = i
		}
	}
	if to < len(runes) {
		add("…", false)
	} else {
		s.After = contextAfter(after, ContextWidth)
	}
	return s
}

// spanWindow is the part [from, to) of an n-code-point span text that a result
// shows: all of it if it fits in window, else window characters around the first
// match.
func spanWindow(n int, matched []int, window int) (from, to int) {
	if n <= window {
		return 0, n
	}
	if len(matched) > 0 {
		from = max(0, min(matched[0]-SnippetLead, n-window))
	}
	return from, from + window
}

// contextBefore is the text before a span as shown: its last width code points,
// on one line, starting at a word (with "…" when there is more text before), and
// ending with the space that separated it from the span, if there was one.
func contextBefore(before string, width int) string {
	if before == "" {
		return ""
	}
	// Given more than width code points, there is text before the part shown.
	cut := utf8.RuneCountInString(before) > width
	if cut {
		runes := []rune(before)
		before = string(runes[len(runes)-width:])
	}
	gap := endsWithSpace(before)
	words := strings.Fields(before)
	if cut && len(words) > 1 && !startsWithSpace(before) {
		words = words[1:] // the first word is cut
	}
	out := strings.Join(words, " ")
	if out == "" {
		return ""
	}
	if cut {
		out = "…" + out
	}
	if gap {
		out += " "
	}
	return out
}

// contextAfter is contextBefore's mirror for the text after a span.
func contextAfter(after string, width int) string {
	if after == "" {
		return ""
	}
	cut := utf8.RuneCountInString(after) > width
	if cut {
		after = string([]rune(after)[:width])
	}
	gap := startsWithSpace(after)
	words := strings.Fields(after)
	if cut && len(words) > 1 && !endsWithSpace(after) {
		words = words[:len(words)-1]
	}
	out := strings.Join(words, " ")
	if out == "" {
		return ""
	}
	if gap {
		out = " " + out
	}
	if cut {
		out += "…"
	}
	return out
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}
