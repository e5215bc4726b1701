package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// searchFixture is a database holding two doccano documents with non-ASCII text
// before the spans, so that code-point offsets differ from bytes and UTF-16.
func searchFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	text1 := "“😀 Update —\u00a0Kyiv.”\r\nWestern intelligence estimates that 300 soldiers are dying every week. Dragana Pavić said the strike goes on."
	text2 := "IAEA: “We will not allow Zaporizhzhia to become another Chernobyl,” the director said."
	spans1 := [][3]any{span(text1, "300 soldiers are dying every week", "CASUALTY"), span(text1, "Dragana Pavić said the strike goes on.", "QUOTE")}
	spans2 := [][3]any{span(text2, "“We will not allow Zaporizhzhia to become another Chernobyl,”", "QUOTE")}
	var lines []string
	for i, d := range []struct {
		text  string
		spans [][3]any
	}{{text1, spans1}, {text2, spans2}} {
		line, err := json.Marshal(map[string]any{"id": i + 1, "text": d.text, "label": d.spans})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(line))
	}
	path := writeFile(t, filepath.Join(dir, "news.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
	if code, _, stderr := runCLI(t, db, "import", "--format", "doccano", path); code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr)
	}
	return db
}

// span locates part in text and returns its doccano [start, end, label] in code points.
func span(text, part, label string) [3]any {
	at := strings.Index(text, part)
	if at < 0 {
		panic("fixture: " + part + " not in text")
	}
	start := utf8.RuneCountInString(text[:at])
	return [3]any{start, start + utf8.RuneCountInString(part), label}
}

type searchHit struct {
	DocID   int64  `json:"doc_id"`
	Title   string `json:"title"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Label   string `json:"label"`
	Text    string `json:"text"`
	Score   int    `json:"score"`
	Matched []int  `json:"matched"`
}

func searchJSONOutput(t *testing.T, db string, args ...string) []searchHit {
	t.Helper()
	code, stdout, stderr := runCLI(t, db, append([]string{"search"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v exited %d: %s", args, code, stderr)
	}
	var hits []searchHit
	if err := json.Unmarshal([]byte(stdout), &hits); err != nil {
		t.Fatalf("search %v printed %q: %v", args, stdout, err)
	}
	return hits
}

func TestSearchJSONGivesCodePointOffsetsBestFirst(t *testing.T) {
	db := searchFixture(t)
	hits := searchJSONOutput(t, db, "--json", "zaporizhia", "chernobyl")
	if len(hits) == 0 || !strings.Contains(hits[0].Text, "Zaporizhzhia") || hits[0].Label != "QUOTE" {
		t.Fatalf("hits %+v, want the Zaporizhzhia quote first", hits)
	}
	for _, h := range searchJSONOutput(t, db, "--json", "soldiers", "week") {
		// text[start:end] in code points is the span text: its length must agree.
		if utf8.RuneCountInString(h.Text) != h.End-h.Start {
			t.Errorf("span %q has offsets %d-%d, not its length in code points", h.Text, h.Start, h.End)
		}
	}
	hits = searchJSONOutput(t, db, "soldiers", "--json", "week")
	if len(hits) == 0 || hits[0].Text != "300 soldiers are dying every week" {
		t.Fatalf("flags after the query: hits %+v", hits)
	}
	// The first line has a CRLF, an emoji, an NBSP and curly quotes before the span:
	// the offsets are code points, as in the imported file.
	want := span("“😀 Update —\u00a0Kyiv.”\r\nWestern intelligence estimates that 300 soldiers are dying every week. Dragana Pavić said the strike goes on.",
		"300 soldiers are dying every week", "CASUALTY")
	if hits[0].Start != want[0] || hits[0].End != want[1] || hits[0].Label != "CASUALTY" || hits[0].Score <= 0 {
		t.Errorf("hit %+v, want offsets %v-%v label CASUALTY and a positive score", hits[0], want[0], want[1])
	}
	runes := []rune(hits[0].Text)
	var bold []rune
	for _, i := range hits[0].Matched {
		bold = append(bold, runes[i])
	}
	if string(bold) != "soldiersweek" {
		t.Errorf("matched %v reads %q, want %q", hits[0].Matched, string(bold), "soldiersweek")
	}
}

func TestSearchFiltersAndLimit(t *testing.T) {
	db := searchFixture(t)
	for _, h := range searchJSONOutput(t, db, "--label", "QUOTE", "--json", "said") {
		if h.Label != "QUOTE" {
			t.Errorf("--label QUOTE returned a %s span", h.Label)
		}
	}
	if hits := searchJSONOutput(t, db, "--json", "--annotator", "nobody-at-all", "said"); len(hits) != 0 {
		t.Errorf("an unknown annotator matched %d spans", len(hits))
	}
	if hits := searchJSONOutput(t, db, "--json", "--limit", "1"); len(hits) != 1 {
		t.Errorf("--limit 1 with no query gave %d spans, want the most recent one", len(hits))
	}
	all := searchJSONOutput(t, db, "--json")
	docs := map[int64]bool{}
	for _, h := range all {
		docs[h.DocID] = true
	}
	if len(docs) != 2 {
		t.Fatalf("fixture: spans in %d documents, want 2", len(docs))
	}
	second := all[0].DocID
	inDoc := searchJSONOutput(t, db, "--json", "--doc", fmt.Sprint(second))
	if len(inDoc) == 0 || len(inDoc) == len(all) {
		t.Errorf("--doc %d kept %d of %d spans", second, len(inDoc), len(all))
	}
	for _, h := range inDoc {
		if h.DocID != second {
			t.Errorf("--doc %d returned a span of document %d", second, h.DocID)
		}
	}
	if hits := searchJSONOutput(t, db, "--json", "xqzwv"); hits == nil || len(hits) != 0 {
		t.Errorf("no match should print an empty array, got %v", hits)
	}
}

func TestSearchHumanOutputAndUsageErrors(t *testing.T) {
	db := searchFixture(t)
	code, stdout, stderr := runCLI(t, db, "search", "pavic", "strike")
	if code != 0 {
		t.Fatalf("search exited %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "SCORE") || !strings.Contains(lines[1], "QUOTE") ||
		!strings.Contains(lines[1], "Dragana Pavić said the strike goes on.") {
		t.Errorf("output:\n%s", stdout)
	}
	for _, args := range [][]string{{"search", "--limit", "0", "x"}, {"search", "--bogus"}, {"search", "--status", "maybe"}, {"search", "--doc", "-3", "x"}, {"search", "--doc", "two", "x"}} {
		if code, _, stderr := runCLI(t, db, args...); code != 2 {
			t.Errorf("%v exited %d (stderr %q), want 2", args, code, stderr)
		}
	}
}
