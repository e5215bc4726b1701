package cli

import (
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The fixture: three articles, annotated by alice and bob in their own
// databases and brought together here. Offsets are code points (the first text
// has curly quotes, NBSP, an em dash, an emoji outside the BMP and CRLF).
const (
	pavicText = "“Pavić” said\u00a0— 😀 the plant is safe.\r\nPolice: 12 dead."
	mayorText = "The mayor’s office said nothing. Talks resume Monday."
	aloneText = "Only Alice has read this one so far."
)

type jsonlSpan struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Label     string `json:"label"`
	Annotator string `json:"annotator,omitempty"`
}

func jsonlFile(t *testing.T, path string, docs map[string][]jsonlSpan) string {
	t.Helper()
	var b strings.Builder
	for _, text := range []string{pavicText, mayorText, aloneText} {
		spans, ok := docs[text]
		if !ok {
			continue
		}
		line, err := json.Marshal(map[string]any{"text": text, "spans": spans})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return writeFile(t, path, []byte(b.String()))
}

// agreementFixture makes a database holding the three articles, then imports
// alice's and bob's annotations with --annotator.
func agreementFixture(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "news.db")
	texts := jsonlFile(t, filepath.Join(dir, "texts.jsonl"), map[string][]jsonlSpan{pavicText: nil, mayorText: nil, aloneText: nil})
	if code, _, stderr := runCLI(t, db, "import", texts); code != 0 {
		t.Fatalf("import texts exited %d: %s", code, stderr)
	}
	alice := jsonlFile(t, filepath.Join(dir, "alice.jsonl"), map[string][]jsonlSpan{
		pavicText: {{0, 7, "QUOTE", ""}, {15, 35, "CLAIM", ""}, {45, 52, "CASUALTY", ""}},
		mayorText: {{19, 31, "QUOTE", ""}},
		aloneText: {{0, 4, "CLAIM", ""}},
	})
	bob := jsonlFile(t, filepath.Join(dir, "bob.jsonl"), map[string][]jsonlSpan{
		pavicText: {{0, 7, "QUOTE", "bob"}, {17, 35, "CLAIM", "bob"}, {45, 52, "CASUALTY", ""}, {0, 7, "DEMAND", "carol"}},
		mayorText: {{19, 31, "CLAIM", ""}},
	})
	code, stdout, stderr := runCLI(t, db, "import", "--annotator", "alice", alice)
	if code != 0 {
		t.Fatalf("import alice exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "alice's annotations: 3 of 3 documents matched") || !strings.Contains(stdout, "5 spans added") {
		t.Errorf("alice's import said %q", stdout)
	}
	code, stdout, stderr = runCLI(t, db, "import", "--annotator", "bob", bob)
	if code != 0 {
		t.Fatalf("import bob exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 of 2 documents matched") || !strings.Contains(stdout, "4 spans added") ||
		!strings.Contains(stdout, "1 span by carol skipped") {
		t.Errorf("bob's import said %q", stdout)
	}
	return db, dir
}

func TestImportAnnotatorIsIdempotentAndAddsOnlyThatPersonsSpans(t *testing.T) {
	db, dir := agreementFixture(t)
	before, _ := readStats(t, db)
	if before.Documents != 3 || before.Annotations != 9 {
		t.Fatalf("stats %+v, want 3 documents and 9 spans (5 alice, 4 bob, none by carol)", before)
	}
	code, stdout, stderr := runCLI(t, db, "import", "--annotator", "bob", filepath.Join(dir, "bob.jsonl"))
	if code != 0 || !strings.Contains(stdout, "0 spans added") || !strings.Contains(stdout, "4 spans already present") {
		t.Errorf("second import of bob's file: exit %d, %q %q; want nothing added", code, stdout, stderr)
	}
	if after, _ := readStats(t, db); after.Annotations != before.Annotations || after.Documents != before.Documents {
		t.Errorf("second import changed the counts: %+v, was %+v", after, before)
	}
	// A new article in a colleague's file is created alongside the matched ones.
	more := writeFile(t, filepath.Join(dir, "more.jsonl"), []byte(
		`{"text": "`+mayorText+`", "spans": [{"start": 0, "end": 3, "label": "CLAIM"}]}`+"\n"+
			`{"text": "A brand new article.", "spans": [{"start": 2, "end": 7, "label": "CLAIM"}]}`+"\n"))
	code, stdout, stderr = runCLI(t, db, "import", "--annotator", "dana", more)
	if code != 0 || !strings.Contains(stdout, "1 of 2 documents matched") || !strings.Contains(stdout, "1 document added") {
		t.Errorf("import with one new article: exit %d, %q %q", code, stdout, stderr)
	}
}

func TestImportAnnotatorRefusesBadInputAndStoresNothing(t *testing.T) {
	db, dir := agreementFixture(t)
	before, _ := readStats(t, db)
	bob := filepath.Join(dir, "bob.jsonl")

	code, _, stderr := runCLI(t, db, "import", "--annotator", "curator", bob)
	if code != 2 || !strings.Contains(stderr, "curated layer") {
		t.Errorf("--annotator curator: exit %d, %q; want a usage error naming the curated layer", code, stderr)
	}
	code, _, stderr = runCLI(t, db, "import", "--curator", "gold", "--annotator", "gold", bob)
	if code != 2 || !strings.Contains(stderr, "curated layer") {
		t.Errorf("--annotator gold with --curator gold: exit %d, %q", code, stderr)
	}
	other := writeFile(t, filepath.Join(dir, "other.jsonl"), []byte(
		`{"text": "Pavić said the plant is safe.", "spans": [{"start": 0, "end": 5, "label": "QUOTE"}]}`+"\n"+
			`{"text": "Police: 12 dead.", "spans": [{"start": 8, "end": 15, "label": "CASUALTY"}]}`+"\n"))
	code, _, stderr = runCLI(t, db, "import", "--annotator", "erin", other)
	if code != 1 || !strings.Contains(stderr, "none of the 2 documents matches") || !strings.Contains(stderr, "0 matched") {
		t.Errorf("file matching nothing: exit %d, %q", code, stderr)
	}
	outside := writeFile(t, filepath.Join(dir, "outside.jsonl"), []byte(
		`{"text": "`+mayorText+`", "spans": [{"start": 0, "end": 3, "label": "CLAIM"}, {"start": 40, "end": 60, "label": "CLAIM"}]}`+"\n"))
	code, _, stderr = runCLI(t, db, "import", "--annotator", "erin", outside)
	if code != 1 || !strings.Contains(stderr, "outside the text") || !strings.Contains(stderr, "nothing was stored") {
		t.Errorf("span outside its text: exit %d, %q", code, stderr)
	}
	if after, _ := readStats(t, db); after.Annotations != before.Annotations || after.Documents != before.Documents {
		t.Errorf("refused imports changed the counts: %+v, was %+v", after, before)
	}
}

type agreementOut struct {
	Pairs []struct {
		A         string                     `json:"a"`
		B         string                     `json:"b"`
		Documents int                        `json:"documents"`
		Micro     map[string]json.RawMessage `json:"micro"`
		Labels    map[string]map[string]json.RawMessage
	} `json:"pairs"`
}

func num(t *testing.T, m map[string]json.RawMessage, key string) float64 {
	t.Helper()
	raw, ok := m[key]
	if !ok {
		t.Fatalf("measure lacks %q: %v", key, m)
	}
	var v *float64
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s = %s: %v", key, raw, err)
	}
	if v == nil {
		return math.NaN()
	}
	return *v
}

func TestAgreementJSONHandComputed(t *testing.T) {
	db, _ := agreementFixture(t)
	code, stdout, stderr := runCLI(t, db, "agreement", "--json")
	if code != 0 {
		t.Fatalf("agreement --json exited %d: %s", code, stderr)
	}
	var out agreementOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("agreement --json printed %q: %v", stdout, err)
	}
	if len(out.Pairs) != 1 {
		t.Fatalf("pairs %s, want alice–bob only", stdout)
	}
	p := out.Pairs[0]
	if p.A != "alice" || p.B != "bob" || p.Documents != 2 {
		t.Errorf("pair %s vs %s over %d documents, want alice vs bob over 2", p.A, p.B, p.Documents)
	}
	for _, key := range []string{"a_spans", "b_spans", "exact_matches", "exact_f1", "overlap_f1", "alpha_u", "kappa"} {
		if _, ok := p.Micro[key]; !ok {
			t.Errorf("micro lacks %q", key)
		}
	}
	// By hand: alice QUOTE×2, CLAIM, CASUALTY over the two shared documents (her
	// third is alone); bob QUOTE, CLAIM×2, CASUALTY. Exact: QUOTE 0-7 and
	// CASUALTY; overlap adds CLAIM 15-35 ~ 17-35. κ items: QUOTE/QUOTE,
	// CASUALTY/CASUALTY, QUOTE/CLAIM: p_o = 2/3, p_e = 2/3·1/3 + 1/3·1/3 = 1/3, κ = 1/2.
	want := map[string]float64{"a_spans": 4, "b_spans": 4, "exact_matches": 2, "exact_f1": 0.5, "overlap_f1": 0.75, "kappa": 0.5}
	for key, w := range want {
		if got := num(t, p.Micro, key); math.Abs(got-w) > 1e-9 {
			t.Errorf("micro %s = %v, want %v", key, got, w)
		}
	}
	labels := map[string]map[string]float64{
		"QUOTE":    {"a_spans": 2, "b_spans": 1, "exact_f1": 2.0 / 3, "overlap_f1": 2.0 / 3},
		"CLAIM":    {"a_spans": 1, "b_spans": 2, "exact_f1": 0, "overlap_f1": 2.0 / 3},
		"CASUALTY": {"a_spans": 1, "b_spans": 1, "exact_f1": 1, "alpha_u": 1},
		"DEMAND":   {"a_spans": 0, "b_spans": 0},
	}
	for name, keys := range labels {
		m, ok := p.Labels[name]
		if !ok {
			t.Errorf("labels lack %s: %s", name, stdout)
			continue
		}
		for key, w := range keys {
			if got := num(t, m, key); math.Abs(got-w) > 1e-9 {
				t.Errorf("%s %s = %v, want %v", name, key, got, w)
			}
		}
	}
	if string(p.Labels["DEMAND"]["exact_f1"]) != "null" || string(p.Labels["DEMAND"]["alpha_u"]) != "null" {
		t.Errorf("unused DEMAND: exact_f1 %s alpha_u %s, want null", p.Labels["DEMAND"]["exact_f1"], p.Labels["DEMAND"]["alpha_u"])
	}

	code, stdout, _ = runCLI(t, db, "agreement", "--json", "--label", "CASUALTY", "--doc", "1")
	if code != 0 || !strings.Contains(stdout, `"documents":1`) || strings.Contains(stdout, `"QUOTE"`) {
		t.Errorf("agreement --label CASUALTY --doc 1: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runCLI(t, db, "agreement")
	if code != 0 || !strings.Contains(stdout, "alice vs bob: 2 documents both annotated") || !strings.Contains(stdout, "most disagreement:") {
		t.Errorf("agreement table: exit %d, %q", code, stdout)
	}
}

func TestAgreementUsageAndMissingAnnotators(t *testing.T) {
	db, _ := agreementFixture(t)
	for _, args := range [][]string{
		{"agreement", "--annotators", "alice"},
		{"agreement", "--doc", "x"},
		{"agreement", "stray"},
	} {
		if code, _, _ := runCLI(t, db, args...); code != 2 {
			t.Errorf("%v exited %d, want 2", args, code)
		}
	}
	code, _, stderr := runCLI(t, db, "agreement", "--annotators", "alice,zoe")
	if code != 1 || !strings.Contains(stderr, `no spans by annotator "zoe"`) {
		t.Errorf("unknown annotator: exit %d, %q", code, stderr)
	}
	lonely := filepath.Join(t.TempDir(), "one.db")
	runCLI(t, lonely, "import", "--annotator", "alice", jsonlFile(t, filepath.Join(t.TempDir(), "a.jsonl"),
		map[string][]jsonlSpan{aloneText: {{0, 4, "CLAIM", ""}}}))
	code, _, stderr = runCLI(t, lonely, "agreement")
	if code != 1 || !strings.Contains(stderr, "needs two annotators") {
		t.Errorf("one annotator: exit %d, %q", code, stderr)
	}
}

type annotatorsOut struct {
	Annotators []struct {
		Name      string `json:"name"`
		Documents int    `json:"documents"`
		Spans     int    `json:"spans"`
		Curator   bool   `json:"curator"`
	} `json:"annotators"`
	Documents  int `json:"documents"`
	Shared     int `json:"shared"`
	NeedSecond []struct {
		ID        int64  `json:"id"`
		Annotator string `json:"annotator"`
	} `json:"need_second"`
}

func TestCurateAutoAgreedIsIdempotentAndShowsInProgress(t *testing.T) {
	db, _ := agreementFixture(t)
	code, stdout, stderr := runCLI(t, db, "curate", "--auto", "agreed")
	if code != 0 || !strings.Contains(stdout, "2 spans agreed by every annotator of the document in 1 document; 2 spans added") {
		t.Fatalf("curate: exit %d, %q %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, db, "curate", "--auto", "agreed")
	if code != 0 || !strings.Contains(stdout, "0 spans added") || !strings.Contains(stdout, "2 already there") {
		t.Errorf("second curate: exit %d, %q", code, stdout)
	}

	code, stdout, stderr = runCLI(t, db, "annotators", "--json")
	if code != 0 {
		t.Fatalf("annotators --json exited %d: %s", code, stderr)
	}
	var out annotatorsOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("annotators --json printed %q: %v", stdout, err)
	}
	var names []string
	for _, a := range out.Annotators {
		names = append(names, a.Name)
		if a.Name == "curator" && (!a.Curator || a.Spans != 2 || a.Documents != 1) {
			t.Errorf("curator row %+v, want the curated layer with 2 spans in 1 document", a)
		}
	}
	if !slices.Equal(names, []string{"alice", "bob", "curator"}) {
		t.Errorf("annotators %v", names)
	}
	if out.Documents != 3 || out.Shared != 2 || len(out.NeedSecond) != 1 || out.NeedSecond[0].Annotator != "alice" {
		t.Errorf("progress %s", stdout)
	}

	// The curated layer is left out of agreement unless named, and exports like any other.
	code, stdout, _ = runCLI(t, db, "agreement", "--json", "--annotators", "alice,curator", "--label", "QUOTE")
	if code != 0 || !strings.Contains(stdout, `"a":"alice","b":"curator"`) {
		t.Errorf("agreement with the curated layer: exit %d, %s", code, stdout)
	}
	out2 := filepath.Join(t.TempDir(), "gold.jsonl")
	code, _, stderr = runCLI(t, db, "export", "--format", "spacy", "--annotator", "curator", "--out", out2)
	if code != 0 {
		t.Errorf("export --annotator curator: exit %d, %s", code, stderr)
	}
}

func TestCurateUsage(t *testing.T) {
	db, _ := agreementFixture(t)
	for _, args := range [][]string{
		{"curate"},
		{"curate", "--auto", "everything"},
		{"curate", "--auto", "agreed", "--min", "1"},
	} {
		if code, _, _ := runCLI(t, db, args...); code != 2 {
			t.Errorf("%v exited %d, want 2", args, code)
		}
	}
	code, stdout, _ := runCLI(t, db, "curate", "--auto", "agreed", "--min", "3")
	if code != 0 || !strings.Contains(stdout, "0 spans agreed") {
		t.Errorf("--min 3 with two annotators: exit %d, %q", code, stdout)
	}
}
