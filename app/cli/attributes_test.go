package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// statementsJSONL is a spaCy JSONL file in the canonical shape: a quote with its
// source and SOURCE mention, a claim by an alias, a demand by another source, and
// two casualty spans, one with attributes and one without (it gets the parse).
const statementsJSONL = `{"text": "“We will not leave,” said Ilse Marrow, the deputy mayor. Marrow said at least 14 civilians had been killed.", "spans": [` +
	`{"start": 0, "end": 20, "label": "QUOTE", "attrs": {"source": "Ilse Marrow"}}, ` +
	`{"start": 26, "end": 37, "label": "SOURCE"}, ` +
	`{"start": 69, "end": 106, "label": "CASUALTY"}], ` +
	`"relations": [{"head_span": {"start": 0, "end": 20, "label": "QUOTE"}, "child_span": {"start": 26, "end": 37, "label": "SOURCE"}, "label": "SOURCE_OF"}], "meta": {"title": "Harbour"}}
{"text": "The council demanded a vote. The deputy mayor claimed that 20 to 30 people were hurt.", "spans": [` +
	`{"start": 12, "end": 27, "label": "DEMAND", "attrs": {"source": "the city council"}}, ` +
	`{"start": 59, "end": 84, "label": "CLAIM", "attrs": {"source": "the deputy mayor"}}, ` +
	`{"start": 59, "end": 84, "label": "CASUALTY", "attrs": {"min": 20, "max": 30, "kind": "injured", "qualifier": "exact", "group": "people"}}], "meta": {"title": "Council"}}
`

func importStatements(t *testing.T, db string) {
	t.Helper()
	path := writeFile(t, filepath.Join(t.TempDir(), "statements.jsonl"), []byte(statementsJSONL))
	code, stdout, stderr := runCLI(t, db, "import", path)
	if code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if !strings.Contains(stdout, "6 spans added") || !strings.Contains(stdout, "3 new sources") {
		t.Errorf("import summary: %s", stdout)
	}
}

func TestSourcesLedgerAndMerge(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	importStatements(t, db)
	code, stdout, stderr := runCLI(t, db, "sources", "--json")
	if code != 0 {
		t.Fatalf("sources --json: %s", stderr)
	}
	var ledger []sourceJSON
	if err := json.Unmarshal([]byte(stdout), &ledger); err != nil {
		t.Fatalf("%v in %s", err, stdout)
	}
	if len(ledger) != 3 || !strings.Contains(stdout, `"aliases":[]`) || !strings.Contains(stdout, `"counts":{"CLAIM":0,"DEMAND":0,"QUOTE":1}`) {
		t.Errorf("ledger = %s", stdout)
	}
	if code, stdout, stderr = runCLI(t, db, "sources", "merge", "The Deputy Mayor", "ilse marrow"); code != 0 || !strings.Contains(stdout, `into Ilse Marrow (aliases: the deputy mayor)`) {
		t.Fatalf("merge: %d %s %s", code, stdout, stderr)
	}
	_, stdout, _ = runCLI(t, db, "sources", "--json")
	ledger = nil
	if err := json.Unmarshal([]byte(stdout), &ledger); err != nil {
		t.Fatal(err)
	}
	if len(ledger) != 2 || ledger[0].Name != "Ilse Marrow" || ledger[0].Counts["QUOTE"] != 1 || ledger[0].Counts["CLAIM"] != 1 ||
		strings.Join(ledger[0].Aliases, "|") != "the deputy mayor" {
		t.Errorf("ledger after merge = %+v", ledger)
	}
	code, stdout, _ = runCLI(t, db, "sources")
	if code != 0 || !strings.Contains(stdout, "SOURCE") || !strings.Contains(stdout, "Ilse Marrow") {
		t.Errorf("sources table: %s", stdout)
	}
	if code, _, stderr := runCLI(t, db, "sources", "merge", "Nobody", "Ilse Marrow"); code != 1 || !strings.Contains(stderr, `no source is named "Nobody"`) {
		t.Errorf("merging an unknown source: %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, db, "sources", "merge", "one"); code != 2 {
		t.Errorf("merge with one name exited %d, want 2", code)
	}
	if code, stdout, stderr := runCLI(t, db, "sources", "add", "Harbour Police", "--kind", "organisation", "--alias", "police"); code != 0 {
		t.Errorf("sources add: %s %s", stdout, stderr)
	}
	if code, _, stderr := runCLI(t, db, "sources", "add", "POLICE"); code != 1 || !strings.Contains(stderr, "already names the source Harbour Police") {
		t.Errorf("adding a taken name: %d %s", code, stderr)
	}
}

func TestCasualtiesAsJSONAndCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	importStatements(t, db)
	code, stdout, stderr := runCLI(t, db, "casualties", "--json")
	if code != 0 {
		t.Fatalf("casualties --json: %s", stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("rows = %s", stdout)
	}
	parsed, given := rows[0], rows[1]
	wantKeys := []string{"doc_id", "title", "start", "end", "text", "count", "min", "max", "qualifier", "kind", "group", "confirmed"}
	for _, k := range wantKeys {
		if _, ok := parsed[k]; !ok {
			t.Errorf("row lacks %q: %v", k, parsed)
		}
	}
	if len(parsed) != len(wantKeys) {
		t.Errorf("row has %d keys, want %d: %v", len(parsed), len(wantKeys), parsed)
	}
	if parsed["count"] != 14.0 || parsed["min"] != nil || parsed["qualifier"] != "at least" || parsed["kind"] != "killed" ||
		parsed["group"] != "civilians" || parsed["confirmed"] != false || parsed["text"] != "at least 14 civilians had been killed" ||
		parsed["start"] != 69.0 || parsed["title"] != "Harbour" {
		t.Errorf("parsed row = %v", parsed)
	}
	if given["count"] != nil || given["min"] != 20.0 || given["max"] != 30.0 || given["confirmed"] != true {
		t.Errorf("given row = %v", given)
	}
	code, stdout, _ = runCLI(t, db, "casualties", "--csv")
	records, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(records) != 3 || strings.Join(records[0], ",") != strings.Join(wantKeys, ",") {
		t.Fatalf("csv (%v): %q", err, stdout)
	}
	if records[2][5] != "" || records[2][6] != "20" || records[2][11] != "true" {
		t.Errorf("csv row = %v", records[2])
	}
	if code, stdout, _ = runCLI(t, db, "casualties"); code != 0 || !strings.Contains(stdout, "20–30") || !strings.Contains(stdout, "parsed") {
		t.Errorf("casualties table: %s", stdout)
	}
	if code, _, _ := runCLI(t, db, "casualties", "--json", "--csv"); code != 2 {
		t.Errorf("--json --csv exited %d, want 2", code)
	}
}

func TestLabelsAttrAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, stdout, stderr := runCLI(t, db, "labels", "attr", "add", "QUOTE", "tone", "--type", "choice", "--options", "neutral, hostile"); code != 0 ||
		!strings.Contains(stdout, "label QUOTE: attribute tone (choice: neutral, hostile)") {
		t.Fatalf("attr add: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ := runCLI(t, db, "labels", "--json")
	var labels []labelJSON
	if err := json.Unmarshal([]byte(stdout), &labels); code != 0 || err != nil {
		t.Fatal(err)
	}
	if got := labels[1].Attributes; labels[1].Name != "QUOTE" || len(got) != 2 || got[1].Name != "tone" || strings.Join(got[1].Options, "|") != "neutral|hostile" {
		t.Errorf("QUOTE attributes = %+v", labels[1])
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"labels", "attr", "add", "QUOTE", "x", "--type", "date"}, 2, "unknown attribute type"},
		{[]string{"labels", "attr", "add", "QUOTE", "x"}, 2, "--type is required"},
		{[]string{"labels", "attr", "add", "QUOTE", "x", "--type", "choice"}, 1, "needs options"},
		{[]string{"labels", "attr", "add", "NOPE", "x", "--type", "text"}, 1, `unknown label "NOPE"`},
		{[]string{"labels", "attr", "add", "QUOTE", "note", "--type", "text"}, 1, "reserved"},
	} {
		code, _, stderr := runCLI(t, db, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %s; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if code, stdout, _ := runCLI(t, db, "labels", "attr", "remove", "QUOTE", "tone"); code != 0 || !strings.Contains(stdout, "removed with 0 values") {
		t.Errorf("attr remove: %s", stdout)
	}
}

func TestImportOfBadAttributesStoresNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	dir := t.TempDir()
	cases := []struct {
		name, content, want string
	}{
		{"wrong type", `{"text": "Fourteen died.", "spans": [{"start": 0, "end": 13, "label": "CASUALTY", "attrs": {"count": "fourteen"}}]}`,
			`bad.jsonl:2: spans[0]: attribute count of CASUALTY wants a number, got "fourteen"`},
		{"unknown choice", `{"text": "Fourteen died.", "spans": [{"start": 0, "end": 13, "label": "CASUALTY", "attrs": {"kind": "maimed"}}]}`,
			`bad.jsonl:2: spans[0]: attribute kind of CASUALTY: "maimed" is not one of its choices`},
		{"empty source", `{"text": "“No,” she said.", "spans": [{"start": 0, "end": 5, "label": "QUOTE", "attrs": {"source": " "}}]}`,
			`bad.jsonl:2: spans[0]: attribute source of QUOTE: a source name cannot be empty`},
		{"relation to a missing span", `{"text": "“No,” she said.", "spans": [{"start": 0, "end": 5, "label": "QUOTE"}], "relations": [{"head_span": {"start": 0, "end": 5, "label": "QUOTE"}, "child_span": {"start": 6, "end": 9, "label": "SOURCE"}, "label": "SOURCE_OF"}]}`,
			`bad.jsonl:2: relations[0].child_span (6-9 SOURCE, "she") is not one of the record's spans`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			good := `{"text": "A good record with a source.", "spans": [{"start": 0, "end": 6, "label": "CLAIM", "attrs": {"source": "Somebody"}}]}`
			path := writeFile(t, filepath.Join(dir, c.name, "bad.jsonl"), []byte(good+"\n"+c.content+"\n"))
			code, _, stderr := runCLI(t, db, "import", path)
			if code != 1 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "nothing was stored") {
				t.Fatalf("exit %d, stderr %s\nwant %q", code, stderr, c.want)
			}
			stats, raw := readStats(t, db)
			_, sources, _ := runCLI(t, db, "sources", "--json")
			if stats.Documents != 0 || stats.Annotations != 0 || strings.TrimSpace(sources) != "[]" {
				t.Errorf("after a refused import: %s, sources %s", raw, sources)
			}
		})
	}
}
