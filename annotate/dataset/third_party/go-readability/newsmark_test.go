package readability

// Tests of Newsmark's two changes to this copy (see NEWSMARK.md). They need the
// upstream test pages, which this copy leaves out (33 MB): scripts/test.sh links
// test-pages to those of the upstream module, fetched with `go mod download`.

import (
	"bytes"
	"os"
	fp "path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// TestCountStringCountsAsCountDoes checks the counters' CountString (one call a
// text node, ASCII looked up) against Count for every character (unicode.IsSpace,
// upstream's way), for every code point between words and in runs, and for texts
// with commas of several scripts and bytes that are not UTF-8.
func TestCountStringCountsAsCountDoes(t *testing.T) {
	texts := []string{"", " ", "a", " a ", "a  b\t\nc\r\n", "\u00a0a\u00a0 b\u2003c\u0085", "x,y، z，w﹐",
		"caf\xe9 \xff\xfe,", "“quoted,” — she said\u202f…", "\u200b\ufeff"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) {
			texts = append(texts, "a"+string(r)+"b"+string(r)+string(r)+"c"+string(r))
		}
	}
	for _, text := range texts {
		var byRune, byString charCounter
		var commasByRune, commasByString commaCounter
		for _, r := range text {
			byRune.Count(r)
			commasByRune.Count(r)
		}
		byString.CountString(text)
		commasByString.CountString(text)
		if byString != byRune || commasByString != commasByRune {
			t.Fatalf("CountString(%q) counted %+v and %d commas; Count for each character %+v and %d",
				text, byString, commasByString.Total, byRune, commasByRune.Total)
		}
	}
}

// TestReparseMatchesCopy extracts every upstream test page twice, as upstream
// does (a copy of the document for each attempt) and with Reparse (the document
// itself for the first attempt, a new parse for each later one), and requires the
// same article, metadata and all. Pages that need more than one attempt are among
// them; the test reports how many.
func TestReparseMatchesCopy(t *testing.T) {
	dirs, err := os.ReadDir("test-pages")
	if err != nil {
		t.Skipf("no upstream test pages here (scripts/test.sh links them): %v", err)
	}
	retried := 0
	for _, dir := range dirs {
		if !dir.IsDir() {
			continue
		}
		source, err := os.ReadFile(fp.Join("test-pages", dir.Name(), "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		parse := func() (*html.Node, error) { return html.Parse(bytes.NewReader(source)) }
		copied, copiedAttempts := extractForTest(t, parse, nil)
		reparses := 0
		counted := func() (*html.Node, error) { reparses++; return parse() }
		reparsed, reparsedAttempts := extractForTest(t, parse, counted)
		if copied != reparsed {
			t.Errorf("%s: the article extracted with Reparse differs from the one extracted from copies:\ncopies:  %.300s\nReparse: %.300s",
				dir.Name(), copied, reparsed)
		}
		if copiedAttempts != reparsedAttempts || reparses != reparsedAttempts-1 {
			t.Errorf("%s: %d attempts with copies, %d with Reparse, which parsed the page again %d times",
				dir.Name(), copiedAttempts, reparsedAttempts, reparses)
		}
		if reparsedAttempts > 1 {
			retried++
		}
	}
	if retried == 0 {
		t.Error("no test page needed a second attempt: the Reparse path was not tested")
	}
	t.Logf("%d pages, %d of them needing more than one attempt", len(dirs), retried)
}

// extractForTest runs ParseAndMutate with reparse as the parser's Reparse and
// returns the article and its metadata as one string, and how many attempts it made.
func extractForTest(t *testing.T, parse, reparse func() (*html.Node, error)) (string, int) {
	t.Helper()
	doc, err := parse()
	if err != nil {
		t.Fatal(err)
	}
	parser := NewParser()
	parser.Reparse = reparse
	article, err := parser.ParseAndMutate(doc, fakeHostURL)
	// Each attempt but a successful last one leaves a parseAttempt; there are at
	// most four (one for each flag given up, then the longest is taken).
	attempts := min(len(parser.attempts)+1, 4)
	if err != nil {
		return "error: " + err.Error(), attempts
	}
	var out bytes.Buffer
	if article.Node != nil {
		if err := article.RenderHTML(&out); err != nil {
			t.Fatal(err)
		}
	}
	published, _ := article.PublishedTime()
	for _, field := range []string{article.Title(), article.Byline(), article.Excerpt(), article.SiteName(),
		article.Language(), article.ImageURL(), article.Favicon(), published.String()} {
		out.WriteString("\x00" + field)
	}
	return out.String(), attempts
}
