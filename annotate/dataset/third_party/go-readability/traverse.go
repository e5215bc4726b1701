package readability

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hasTextContent reports whether a node or any of its descendants have text content other than spaces.
func hasTextContent(node *html.Node) bool {
	if node.Type == html.TextNode {
		return hasContent(node.Data)
	}
	for child := range node.ChildNodes() {
		if hasTextContent(child) {
			return true
		}
	}
	return false
}

type runeCounter interface {
	Count(rune)
	// CountString counts each character of s, as Count does (Newsmark: one call
	// per text node rather than one per character).
	CountString(s string)
}

type charCounter struct {
	Total int

	lastCharWasSpace bool
	seenNonSpace     bool
}

// Count keeps a number of total characters (runes) it was passed. Leading and trailing whitespace
// are ignored, and consecutive runs of whitespace between words are counted as a single space.
func (c *charCounter) Count(r rune) {
	c.countSpace(unicode.IsSpace(r))
}

// CountString is Count for each character of s (Newsmark). Text is counted for
// every node each time a node is scored, and calling Count through an interface
// with unicode.IsSpace for every character took a fifth of an HTML import. ASCII
// is looked up instead: for ASCII, unicode.IsSpace is true for exactly the
// characters asciiSpace holds. Bytes that are not UTF-8 count as U+FFFD, not a
// space, as ranging over the string makes them.
func (c *charCounter) CountString(s string) {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			c.countSpace(asciiSpace[b] != 0)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		c.countSpace(unicode.IsSpace(r))
		i += size
	}
}

// countSpace counts one character, a space or not.
func (c *charCounter) countSpace(space bool) {
	if space {
		c.lastCharWasSpace = true
		return
	}
	if c.lastCharWasSpace && c.seenNonSpace {
		c.Total += 2
	} else {
		c.Total += 1
	}
	c.lastCharWasSpace = false
	c.seenNonSpace = true
}

func (c *charCounter) ResetContext() runeCounter {
	c.lastCharWasSpace = false
	c.seenNonSpace = false
	return c
}

type commaCounter struct {
	Total int
}

// CountString is Count for each character of s (Newsmark; see
// charCounter.CountString): ASCII text holds no comma but ','.
func (c *commaCounter) CountString(s string) {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			for _, r := range s[i:] {
				c.Count(r)
			}
			return
		case b == ',':
			c.Total++
		}
	}
}

func (c *commaCounter) Count(r rune) {
	switch r {
	// Commas as used in Latin, Sindhi, Chinese and various other scripts.
	// see: https://en.wikipedia.org/wiki/Comma#Comma_variants
	case '\u002C', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C':
		c.Total++
	}
}

// countCharsAndCommas returns counts for both characters and commas in a node's
// text. Leading and trailing whitespace is not counted, nor are consecutive
// runs of whitespace.
func countCharsAndCommas(node *html.Node) (int, int) {
	chars := &charCounter{}
	commas := &commaCounter{}

	// Walk the node and its descendants to count all non-space characters and
	// different comma variants separately.
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			chars.CountString(n.Data)
			commas.CountString(n.Data)
			return
		}
		for child := range n.ChildNodes() {
			walk(child)
		}
	}
	walk(node)

	return chars.Total, commas.Total
}
