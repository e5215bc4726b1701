package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/storage"
)

type suggestLine struct {
	Text  string `json:"text"`
	Spans []struct {
		Start int            `json:"start"`
		End   int            `json:"end"`
		Label string         `json:"label"`
		Text  string         `json:"text"`
		Rule  string         `json:"rule"`
		Attrs map[string]any `json:"attrs"`
	} `json:"spans"`
	Relations []struct {
		Head  struct{ Start, End int } `json:"head_span"`
		Child struct {
			Start, End int
			Label      string
		} `json:"child_span"`
		Label string `json:"label"`
	} `json:"relations"`
	Meta map[string]any `json:"meta"`
}

const suggestArticle = "Storm hits port\r\n\r\nBRASK, May 2 (Newsmark) — “We lost everything 😢,” said Nora Velt, a fisherman’s widow. At least 9\u00a0people were killed, the coast guard said.\r\n\r\nThe union demanded compensation by Friday.\r\n"

func TestSuggestWritesCanonicalJSONLAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "storm.txt"), []byte(suggestArticle))
	if code, _, stderr := runCLI(t, db, "import", filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	before, _ := readStats(t, db)
	out := filepath.Join(dir, "suggestions.jsonl")
	if code, _, stderr := runCLI(t, db, "suggest", "--out", out); code != 0 {
		t.Fatalf("suggest exited %d: %s", code, stderr)
	}
	after, _ := readStats(t, db)
	if after.Annotations != before.Annotations || after.Documents != before.Documents {
		t.Fatalf("suggest changed the database: %+v → %+v", before, after)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var line suggestLine
	if err := json.Unmarshal(data, &line); err != nil {
		t.Fatalf("output %q: %v", data, err)
	}
	runes := []rune(line.Text)
	labels := map[string]int{}
	for _, s := range line.Spans {
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("span %d-%d covers %q, not %q: offsets are not code points", s.Start, s.End, string(runes[s.Start:s.End]), s.Text)
		}
		if !strings.HasPrefix(s.Rule, s.Label+": ") {
			t.Errorf("span %q has rule %q, want one starting %q", s.Text, s.Rule, s.Label+": ")
		}
		labels[s.Label]++
		switch s.Label {
		case "QUOTE":
			if s.Text != "“We lost everything 😢,”" || s.Attrs["source"] != "Nora Velt" {
				t.Errorf("quote %q with attrs %v", s.Text, s.Attrs)
			}
		case "CASUALTY":
			if s.Attrs["count"] != float64(9) || s.Attrs["kind"] != "killed" || s.Attrs["qualifier"] != "at least" {
				t.Errorf("casualty %q with attrs %v", s.Text, s.Attrs)
			}
		}
	}
	for _, want := range []string{"QUOTE", "CLAIM", "DEMAND", "CASUALTY", "SOURCE"} {
		if labels[want] == 0 {
			t.Errorf("no %s span in %s", want, data)
		}
	}
	if len(line.Relations) < 3 || line.Relations[0].Label != "SOURCE_OF" || line.Relations[0].Child.Label != "SOURCE" {
		t.Errorf("relations = %+v", line.Relations)
	}
}

func TestSuggestFiltersLabelsAndReadsPatterns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "storm.txt"), []byte(suggestArticle))
	runCLI(t, db, "import", filepath.Join(dir, "in"))
	patterns := writeFile(t, filepath.Join(dir, "mine.txt"), []byte("# mine\nCASUALTY phrase fisherman’s widow\n"))
	code, stdout, stderr := runCLI(t, db, "suggest", "--label", "casualty", "--patterns", patterns, "--out", "-")
	if code != 0 {
		t.Fatalf("suggest exited %d: %s", code, stderr)
	}
	var line suggestLine
	if err := json.Unmarshal([]byte(stdout), &line); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, s := range line.Spans {
		if s.Label != "CASUALTY" {
			t.Errorf("--label CASUALTY wrote a %s span", s.Label)
		}
		texts = append(texts, s.Text)
	}
	if strings.Join(texts, "|") != "fisherman’s widow|At least 9\u00a0people were killed" {
		t.Errorf("spans = %q", texts)
	}
}

func TestSuggestRefusesABadPatternFileNamingTheLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	bad := writeFile(t, filepath.Join(dir, "bad.txt"), []byte("CLAIM phrase fine\n\nQUOET phrase oops\n"))
	code, _, stderr := runCLI(t, db, "suggest", "--patterns", bad, "--out", filepath.Join(dir, "out.jsonl"))
	if code != 1 || !strings.Contains(stderr, "bad.txt line 3") || !strings.Contains(stderr, "QUOET") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.jsonl")); !os.IsNotExist(err) {
		t.Fatal("a failed suggest left an output file")
	}
}

func TestSuggestReadsPatternsBesideTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "storm.txt"), []byte(suggestArticle))
	runCLI(t, db, "import", filepath.Join(dir, "in"))
	writeFile(t, filepath.Join(dir, "suggest-patterns.txt"), []byte("DEMAND tokens compensation [by friday]\n"))
	_, stdout, stderr := runCLI(t, db, "suggest", "--label", "DEMAND", "--out", "-")
	if !strings.Contains(stdout, `"rule": "DEMAND: tokens \"compensation [by friday]\" (patterns line 1)"`) {
		t.Fatalf("pattern beside the database not used: %s %s", stdout, stderr)
	}
}

func TestEvalPrintsScoresAndImportsNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	gold := `{"text": "“Go home,” said Ana Bell. Police said 3 people were hurt.", "spans": [` +
		`{"start": 0, "end": 10, "label": "QUOTE", "text": "“Go home,”", "attrs": {"source": "Ana Bell"}},` +
		`{"start": 16, "end": 24, "label": "SOURCE", "text": "Ana Bell"}], "relations": []}` + "\n"
	goldPath := writeFile(t, filepath.Join(dir, "gold.jsonl"), []byte(gold))
	code, stdout, stderr := runCLI(t, db, "eval", "--gold", goldPath, "--json")
	if code != 0 {
		t.Fatalf("eval exited %d: %s", code, stderr)
	}
	var report struct {
		Labels []struct {
			Label string
			Exact struct{ Gold, Predicted, Correct int }
		}
		SourceAccuracy float64 `json:"source_accuracy"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("eval --json printed %q: %v", stdout, err)
	}
	quote := report.Labels[0]
	if quote.Label != "QUOTE" || quote.Exact.Gold != 1 || quote.Exact.Correct != 1 || report.SourceAccuracy != 1 {
		t.Fatalf("report = %+v", report)
	}
	// The suggester proposed a CLAIM and a CASUALTY the gold lacks: precision counts them.
	if report.Labels[1].Exact.Predicted == 0 || report.Labels[3].Exact.Predicted == 0 {
		t.Fatalf("claims and casualties not counted: %+v", report.Labels)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatal("eval created the database")
	}
}

func TestEvalNamesTheBadLineOfAGoldFile(t *testing.T) {
	dir := t.TempDir()
	goldPath := writeFile(t, filepath.Join(dir, "gold.jsonl"), []byte("{\"text\": \"ok\", \"spans\": []}\n{\"text\": \"abc\", \"spans\": [{\"start\": 1, \"end\": 9, \"label\": \"QUOTE\"}]}\n"))
	code, _, stderr := runCLI(t, filepath.Join(dir, "news.db"), "eval", "--gold", goldPath)
	if code != 1 || !strings.Contains(stderr, "gold.jsonl line 2") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestSuggestKeepsDocumentOrderAcrossWorkers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	for i := range 40 {
		writeFile(t, filepath.Join(dir, "in", fmt.Sprintf("a%02d.txt", i)), []byte(fmt.Sprintf("Story %d\n\n%d people were injured, police said.\n", i, i+2)))
	}
	if code, _, stderr := runCLI(t, db, "import", filepath.Join(dir, "in")); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI(t, db, "suggest", "--out", "-")
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 40 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, raw := range lines {
		var line suggestLine
		if err := json.Unmarshal([]byte(raw), &line); err != nil {
			t.Fatal(err)
		}
		if line.Meta["doc_id"] != fmt.Sprint(i+1) || !strings.HasPrefix(line.Text, fmt.Sprintf("Story %d\n", i)) {
			t.Fatalf("line %d is document %v %q", i, line.Meta["doc_id"], line.Text[:10])
		}
		if len(line.Spans) == 0 || line.Spans[0].Text != fmt.Sprintf("%d people were injured, police said", i+2)[:len(line.Spans[0].Text)] {
			t.Fatalf("line %d spans %+v", i, line.Spans)
		}
	}
}

func TestSuggestApplyStoresPendingSuggestionsAndSkipsRejected(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "storm.txt"), []byte(suggestArticle))
	runCLI(t, db, "import", filepath.Join(dir, "in"))
	code, _, stderr := runCLI(t, db, "suggest", "--apply")
	if code != 0 || !strings.Contains(stderr, "stored ") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	pending, err := store.PendingSuggestions(ctx, 1)
	if err != nil || len(pending) < 4 {
		t.Fatalf("pending %+v, %v", pending, err)
	}
	first := pending[0]
	if err := store.RejectSuggestion(ctx, 1, first.Label, first.Start, first.End, "me"); err != nil {
		t.Fatal(err)
	}
	store.Close()
	runCLI(t, db, "suggest", "--apply")
	store2, _ := storage.Open(db)
	defer store2.Close()
	again, _ := store2.PendingSuggestions(ctx, 1)
	if len(again) != len(pending)-1 {
		t.Fatalf("after a rejection %d pending, want %d", len(again), len(pending)-1)
	}
	for _, s := range again {
		if s.Label == first.Label && s.Start == first.Start && s.End == first.End {
			t.Fatal("a rejected suggestion came back")
		}
	}
}

// TestSuggestApplyWithOutWritesWhatSuggestWrites checks that --apply --out, which
// suggests each document once for both jobs, writes the same file as suggest
// alone and stores the pending suggestions too.
func TestSuggestApplyWithOutWritesWhatSuggestWrites(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	writeFile(t, filepath.Join(dir, "in", "storm.txt"), []byte(suggestArticle))
	writeFile(t, filepath.Join(dir, "in", "storm2.txt"), []byte(suggestArticle+"\nMore rain is due.\n"))
	runCLI(t, db, "import", filepath.Join(dir, "in"))
	plain, applied := filepath.Join(dir, "plain.jsonl"), filepath.Join(dir, "applied.jsonl")
	if code, _, stderr := runCLI(t, db, "suggest", "--out", plain); code != 0 {
		t.Fatalf("suggest: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, db, "suggest", "--apply", "--out", applied); code != 0 || !strings.Contains(stderr, "stored ") {
		t.Fatalf("suggest --apply --out: exit %d: %s", code, stderr)
	}
	want, _ := os.ReadFile(plain)
	got, err := os.ReadFile(applied)
	if err != nil || len(want) == 0 || string(got) != string(want) {
		t.Fatalf("--apply --out wrote %d bytes (%v), suggest alone %d: they differ", len(got), err, len(want))
	}
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if pending, err := store.PendingSuggestions(context.Background(), 2); err != nil || len(pending) == 0 {
		t.Fatalf("document 2 has %d pending suggestions (%v)", len(pending), err)
	}
}
