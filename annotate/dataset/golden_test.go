package dataset

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCases are the single-file exports checked against testdata/golden.
var goldenCases = []struct {
	file   string
	format Format
	unit   annotate.Unit
	tokens bool
}{
	{"spacy.jsonl", FormatSpacy, annotate.UnitCodepoint, false},
	{"spacy-tokens.jsonl", FormatSpacy, annotate.UnitCodepoint, true},
	{"spacy-utf16.jsonl", FormatSpacy, annotate.UnitUTF16, false},
	{"spacy-byte.jsonl", FormatSpacy, annotate.UnitByte, false},
	{"doccano.jsonl", FormatDoccano, annotate.UnitCodepoint, false},
	{"doccano-utf16.jsonl", FormatDoccano, annotate.UnitUTF16, false},
	{"hf.jsonl", FormatHF, annotate.UnitCodepoint, false},
	{"conll.conll", FormatCoNLL, annotate.UnitCodepoint, false},
	{"label-studio.json", FormatLabelStudio, annotate.UnitCodepoint, false},
	{"label-studio-utf16.json", FormatLabelStudio, annotate.UnitUTF16, false},
	{"csv.csv", FormatCSV, annotate.UnitCodepoint, false},
	{"csv-byte.csv", FormatCSV, annotate.UnitByte, false},
}

func docsSeq(docs []annotate.AnnotatedDocument) func(func(annotate.AnnotatedDocument, error) bool) {
	return func(yield func(annotate.AnnotatedDocument, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file\n got: %s\nwant: %s", name, got, want)
	}
}

func TestExportMatchesGoldenFiles(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, c.file)
			summary, err := Export(context.Background(), docsSeq(fixtureDocs(t)), out, nil, ExportOptions{Format: c.format, Unit: c.unit, Tokens: c.tokens, Labels: fixtureLabels()})
			if err != nil {
				t.Fatal(err)
			}
			if summary.Documents != 2 || summary.Spans != 8 {
				t.Errorf("summary %+v", summary)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, c.file, got)
			if c.format == FormatHF {
				labels, err := os.ReadFile(filepath.Join(dir, "labels.json"))
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, "hf-labels.json", labels)
			}
		})
	}
}

func TestExportBratMatchesGoldenFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "brat")
	if _, err := Export(context.Background(), docsSeq(fixtureDocs(t)), out, nil, ExportOptions{Format: FormatBrat, Labels: fixtureLabels()}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if got, want := strings.Join(names, " "), ".newsmark-export annotation.conf doc-000007.ann doc-000007.json doc-000007.txt doc-000008.ann doc-000008.json doc-000008.txt"; got != want {
		t.Fatalf("brat folder holds %s, want %s", got, want)
	}
	for _, name := range names[1:] {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "brat/"+name, data)
	}
}

func TestExportBIOReportsChangedAndDroppedSpansPerLabel(t *testing.T) {
	for _, format := range []Format{FormatHF, FormatCoNLL} {
		t.Run(string(format), func(t *testing.T) {
			summary, err := Export(context.Background(), docsSeq(fixtureDocs(t)), filepath.Join(t.TempDir(), "out"), nil, ExportOptions{Format: format})
			if err != nil {
				t.Fatal(err)
			}
			// Longest first: DEMAND (36), CLAIM "she said…" (33), CLAIM "city’s council"
			// (14, overlaps DEMAND: dropped), CASUALTY (12, inside CLAIM: dropped),
			// CLAIM "ivilians 😀" (10: dropped), QUOTE (10, placed), VICTIM 😀 (dropped).
			wantDropped := map[string]int{"CLAIM": 2, "CASUALTY": 1, "VICTIM": 1}
			if !sameCounts(summary.Dropped, wantDropped) {
				t.Errorf("dropped %v, want %v", summary.Dropped, wantDropped)
			}
			if len(summary.Changed) != 0 {
				t.Errorf("changed %v, want none: every placed span covers whole tokens", summary.Changed)
			}
		})
	}
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
