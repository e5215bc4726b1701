package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// “Yes,” = 0–6, the mayor = 12–21; “No,” = 23–28 (code points).
const secondSourcedText = "“Yes,” said the mayor. “No,” said Bo."

func quoteRecord(text string, start, end int, source string) string {
	attrs := ""
	if source != "" {
		attrs = `, "attrs": {"source": "` + source + `"}`
	}
	return `{"text": "` + text + `", "spans": [{"start": ` + itoa(start) + `, "end": ` + itoa(end) + `, "label": "QUOTE"` + attrs + `}]}` + "\n"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestAgreementReportsSourceAgreementOnMatchedStatements(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	// Document 1: both mark the QUOTE and name Ilse Marrow (bob in other
	// letters): agreed. Document 2: both mark “Yes,” (bob one character
	// shorter, an overlap match) with different sources; only alice marks
	// “No,”, without a source: unmatched, not counted.
	alice := sourcedRecord("Ilse Marrow", "killed") +
		`{"text": "` + secondSourcedText + `", "spans": [{"start": 0, "end": 6, "label": "QUOTE", "attrs": {"source": "the mayor"}}, {"start": 23, "end": 28, "label": "QUOTE"}]}` + "\n"
	bob := sourcedRecord("ILSE MARROW", "killed") + quoteRecord(secondSourcedText, 0, 5, "Bo")
	for who, content := range map[string]string{"alice": alice, "bob": bob} {
		file := writeFile(t, filepath.Join(dir, who+".jsonl"), []byte(content))
		if code, _, stderr := runCLI(t, db, "import", "--annotator", who, file); code != 0 {
			t.Fatalf("import --annotator %s: exit %d: %s", who, code, stderr)
		}
	}
	code, stdout, stderr := runCLI(t, db, "agreement", "--json")
	if code != 0 {
		t.Fatalf("agreement --json: exit %d: %s", code, stderr)
	}
	var out struct {
		Pairs []struct {
			Micro  map[string]any            `json:"micro"`
			Labels map[string]map[string]any `json:"labels"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Pairs) != 1 {
		t.Fatalf("agreement --json printed %q (%v)", stdout, err)
	}
	p := out.Pairs[0]
	for _, key := range []string{"a_spans", "b_spans", "exact_matches", "exact_f1", "overlap_f1", "alpha_u", "kappa", "source_agreement"} {
		if _, ok := p.Micro[key]; !ok {
			t.Errorf("micro lacks %q: %v", key, p.Micro)
		}
	}
	// QUOTE: 2 matched pairs naming a source, 1 agreed.
	if got := p.Labels["QUOTE"]["source_agreement"]; got != 0.5 || p.Labels["QUOTE"]["source_pairs"] != 2.0 {
		t.Errorf("QUOTE source agreement %v of %v pairs, want 0.5 of 2", got, p.Labels["QUOTE"]["source_pairs"])
	}
	if got := p.Labels["CASUALTY"]["source_agreement"]; got != nil {
		t.Errorf("CASUALTY source agreement %v, want null (no sources)", got)
	}
	if got := p.Micro["source_agreement"]; got != 0.5 {
		t.Errorf("micro source agreement %v, want 0.5", got)
	}

	code, stdout, _ = runCLI(t, db, "agreement", "--label", "QUOTE")
	if code != 0 || !strings.Contains(stdout, "sources") || !strings.Contains(stdout, "0.500 of 2") {
		t.Errorf("agreement table: exit %d\n%s", code, stdout)
	}
}
