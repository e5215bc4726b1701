package dataset

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A fictional site's pages as a scraper saves them: a masthead and menu on top,
// a category line, copyright and a comment widget below.
func scrapedPage(body string, eol string) string {
	lines := []string{
		"The Harbour Courier",
		"Skip to main content",
		"Home | News | Sport | Opinion | Culture",
		"",
		body,
		"",
		"Published in News & Features",
		"© 2024 Harbour Courier Media Ltd. All rights reserved.",
		"Comments",
		"blog comments powered by Disqus",
		"",
	}
	return strings.Join(lines, eol)
}

func TestCleanRemovesLeadingAndTrailingBoilerplateOnly(t *testing.T) {
	dir := t.TempDir()
	bodies := []string{
		"Talks “stall” — 14\u00a0civilians 😀 fled.\nHome is where the port is.\nAll rights reserved, said the union, to strike again.",
		"Second article, one paragraph.",
		"Third article.\n\nWith two paragraphs.",
		"Fourth article.",
	}
	var paths []string
	for i, body := range bodies {
		eol := "\n"
		if i == 0 {
			eol = "\r\n"
			body = strings.ReplaceAll(body, "\n", "\r\n")
		}
		paths = append(paths, writeFile(t, filepath.Join(dir, fmt.Sprintf("page%d.txt", i)), scrapedPage(body, eol)))
	}
	var reports []CleanReport
	recs, errs := readAll(t, []string{dir}, ReadOptions{Clean: true, OnClean: func(r CleanReport) { reports = append(reports, r) }})
	if len(errs) > 0 || len(recs) != 4 {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
	for i, rec := range recs {
		want := bodies[i]
		if i == 0 {
			want = strings.ReplaceAll(want, "\n", "\r\n") + "\r\n" // the last kept line keeps its line break
		} else {
			want += "\n"
		}
		if rec.Document.Text != want {
			t.Errorf("%s cleaned to %q, want %q", paths[i], rec.Document.Text, want)
		}
	}
	if len(reports) != 4 {
		t.Fatalf("%d reports, want one per file", len(reports))
	}
	var reasons []string
	for _, r := range reports[1].Removed {
		reasons = append(reasons, fmt.Sprintf("%d %s %s", r.Line, r.Reason, r.Text))
	}
	want := []string{
		"1 repeated The Harbour Courier",
		"2 repeated Skip to main content",
		"3 repeated Home | News | Sport | Opinion | Culture",
		"7 repeated Published in News & Features",
		"8 repeated © 2024 Harbour Courier Media Ltd. All rights reserved.",
		"9 repeated Comments",
		"10 repeated blog comments powered by Disqus",
	}
	if !slices.Equal(reasons, want) {
		t.Errorf("removed:\n%s\nwant:\n%s", strings.Join(reasons, "\n"), strings.Join(want, "\n"))
	}
	// Without --clean nothing changes.
	recs, _ = readAll(t, paths[1:2], ReadOptions{})
	if recs[0].Document.Text != scrapedPage(bodies[1], "\n") {
		t.Error("text changed without Clean")
	}
}

func TestCleanRulesWithoutRepetition(t *testing.T) {
	c := NewCleaner(nil) // a single file: no line repeats
	cases := []struct{ line, reason string }{
		{"Home | News | Sport", ReasonNavigation},
		{"News › World › Europe", ReasonNavigation},
		{"Share this article", ReasonNavigation},
		{"ADVERTISEMENT", ReasonNavigation},
		{"Published in News & Features", ReasonNavigation},
		{"Tags: strike, port, unions", ReasonNavigation},
		{"Copyright 2024 Coastal Wire", ReasonCopyright},
		{"(c) 2023 Example Media", ReasonCopyright},
		{"Comments (12)", ReasonComments},
		{"12 comments", ReasonComments},
		{"Leave a reply", ReasonComments},
		{"blog comments powered by Disqus", ReasonComments},
		{"Kommentare", ReasonComments},
		{"The port reopened on Tuesday.", ""},
		{"Home secretary resigns over port deal", ""},
		{"Sport, culture and news all suffered, the mayor said.", ""},
	}
	for _, tc := range cases {
		if got := c.reason(tc.line); got != tc.reason {
			t.Errorf("reason(%q) = %q, want %q", tc.line, got, tc.reason)
		}
	}
	text := "Home | News | Sport\n\nThe port reopened.\nComments\nThe strike is over.\n© 2024 Example\n"
	got, removed, unchanged := c.Clean(text)
	if got != "The port reopened.\nComments\nThe strike is over.\n" || len(removed) != 2 || unchanged {
		t.Errorf("Clean = %q, %v, %v: boilerplate inside the article must stay", got, removed, unchanged)
	}
	only := "Home\nComments\n© 2024 X\n"
	if got, removed, unchanged := c.Clean(only); got != only || removed != nil || !unchanged {
		t.Errorf("a file of boilerplate only: %q, %v, %v; want it kept whole and reported", got, removed, unchanged)
	}
}

func TestRepeatedRuleNeedsEnoughFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.txt"), "Coastal Wire daily\nFirst article.\n")
	b := writeFile(t, filepath.Join(dir, "b.txt"), "Coastal Wire daily\nSecond article.\n")
	recs, _ := readAll(t, []string{a, b}, ReadOptions{Clean: true})
	if !strings.HasPrefix(recs[0].Document.Text, "Coastal Wire daily") {
		t.Errorf("a line in only 2 files was removed: %q", recs[0].Document.Text)
	}
	for i := range 3 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("c%d.txt", i)), fmt.Sprintf("Coastal Wire daily\nArticle %d.\n", i))
	}
	recs, _ = readAll(t, []string{dir}, ReadOptions{Clean: true})
	for _, rec := range recs {
		if strings.Contains(rec.Document.Text, "Coastal Wire daily") {
			t.Errorf("a line at the top of all 5 files survived in %s", rec.Origin)
		}
	}
}
