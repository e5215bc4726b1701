package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// TestArticleParserFindsWhatReadabilityFindsFromCopies checks Reparse, Newsmark's
// change to its copy of go-readability, on this package's pages: articleParser
// (the page's tree itself for the first attempt, a new parse for each later one)
// must extract the same article and metadata as Readability does unchanged (a
// copy of the tree for every attempt), also for pages whose first attempts find
// too little. third_party/go-readability's own test does the same on upstream's
// 135 test pages.
func TestArticleParserFindsWhatReadabilityFindsFromCopies(t *testing.T) {
	pages := map[string][]byte{}
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if page, err := decodeHTML(data); err == nil {
			pages[filepath.Base(file)] = dropScripts(page)
		}
	}
	// A short article inside an element whose class Readability's first attempt
	// strips as unlikely ("comment"): only a later attempt, without that rule,
	// finds it; and being short, it takes every attempt.
	pages["short-in-unlikely-container"] = []byte(`<!DOCTYPE html><html lang="en"><head><title>Council vote | Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="comment-thread article"><p>The council voted 7 to 2 on Tuesday to close the old bridge to lorries from June, citing cracks found by inspectors.</p>
<p>“We cannot wait for it to fail,” said deputy mayor Ana Ruiz.</p></div>
<footer>© 2024 Courier</footer></body></html>`)
	pages["long-in-unlikely-container"] = []byte(`<!DOCTYPE html><html><body><div class="sidebar"><p>` +
		strings.Repeat("Residents of the harbour district said the water had risen faster than in any storm they remembered, and that the warnings came late. ", 8) +
		`</p></div><div><p>Short teaser.</p></div></body></html>`)

	reparsedSome := false
	for name, page := range pages {
		copied := extractAsUpstream(t, page)
		parser := articleParser(page)
		reparse, reparses := parser.Reparse, 0
		parser.Reparse = func() (*html.Node, error) { reparses++; return reparse() }
		reparsed := runParser(t, parser, page)
		if copied != reparsed {
			t.Errorf("%s: articleParser extracted\n%.400s\nbut Readability unchanged\n%.400s", name, reparsed, copied)
		}
		reparsedSome = reparsedSome || reparses > 0
	}
	if !reparsedSome {
		t.Error("no page needed a second attempt: the new parse for later attempts went untested")
	}
}

// extractAsUpstream runs Readability on page as upstream does: a copy of the
// tree for each attempt.
func extractAsUpstream(t *testing.T, page []byte) string {
	t.Helper()
	parser := articleParser(page)
	parser.Reparse = nil
	return runParser(t, parser, page)
}

// runParser parses page and runs parser on it; it returns the article's HTML and
// metadata as one string.
func runParser(t *testing.T, parser readability.Parser, page []byte) string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	article, err := parser.ParseAndMutate(root, nil)
	if err != nil {
		return "error: " + err.Error()
	}
	var out bytes.Buffer
	if article.Node != nil {
		if err := html.Render(&out, article.Node); err != nil {
			t.Fatal(err)
		}
	}
	published, _ := article.PublishedTime()
	for _, field := range []string{article.Title(), article.Byline(), article.Excerpt(), article.SiteName(), article.Language(), published.String()} {
		out.WriteString("\x00" + field)
	}
	return out.String()
}
