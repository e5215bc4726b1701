package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenSpacy is the dataset package's golden export: a document with curly quotes,
// an em dash, U+00A0, an emoji outside the BMP, CRLF, nested and overlapping spans.
const goldenSpacy = "../../annotate/dataset/testdata/golden/spacy.jsonl"

// readExport returns a file export's bytes, or a folder export's files concatenated.
func readExport(t *testing.T, path string) []byte {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !info.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	var all bytes.Buffer
	entries, err := os.ReadDir(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(path, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString("== " + e.Name() + "\n")
		all.Write(data)
	}
	return all.Bytes()
}

func TestExportImportExportThroughFreshDatabasesGivesIdenticalBytes(t *testing.T) {
	for _, c := range []struct{ format, out, offsets string }{
		{"spacy", "out.jsonl", "codepoint"},
		{"spacy", "out.jsonl", "utf16"},
		{"doccano", "out.jsonl", "byte"},
		{"label-studio", "out.json", "utf16"},
		{"brat", "out", "codepoint"},
		{"hf", "out.jsonl", "codepoint"},
		{"conll", "out.conll", "codepoint"},
	} {
		t.Run(c.format+" in "+c.offsets, func(t *testing.T) {
			dir := t.TempDir()
			source := filepath.Join(dir, "source.db")
			if code, _, stderr := runCLI(t, source, "import", "--annotator", "tester", goldenSpacy); code != 0 {
				t.Fatalf("import golden: %s", stderr)
			}
			first := filepath.Join(dir, "1", c.out)
			if code, _, stderr := runCLI(t, source, "export", "--status", "all", "--format", c.format, "--offsets", c.offsets, "--out", first); code != 0 {
				t.Fatalf("first export: %s", stderr)
			}
			fresh := filepath.Join(dir, "fresh.db")
			if code, _, stderr := runCLI(t, fresh, "import", "--format", c.format, "--offsets", c.offsets, "--annotator", "tester", first); code != 0 {
				t.Fatalf("import of the export: %s", stderr)
			}
			second := filepath.Join(dir, "2", c.out)
			if code, _, stderr := runCLI(t, fresh, "export", "--status", "all", "--format", c.format, "--offsets", c.offsets, "--out", second); code != 0 {
				t.Fatalf("second export: %s", stderr)
			}
			if a, b := readExport(t, first), readExport(t, second); !bytes.Equal(a, b) {
				t.Fatalf("export → import → export changed the bytes\nfirst:\n%s\nsecond:\n%s", a, b)
			}
			// Importing the same file again adds no spans.
			_, stdout, _ := runCLI(t, fresh, "import", "--format", c.format, "--offsets", c.offsets, "--annotator", "tester", first)
			if !strings.Contains(stdout, "0 spans added") {
				t.Errorf("re-import: %s", stdout)
			}
		})
	}
}

func TestExportToStdoutPrintsTheSummaryOnStderr(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, stderr := runCLI(t, db, "import", goldenSpacy); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI(t, db, "export", "--format", "hf", "--out", "-", "--label", "QUOTE")
	if code != 0 {
		t.Fatal(stderr)
	}
	if lines := strings.Count(stdout, "\n"); lines != 1 || !strings.Contains(stdout, `"B-QUOTE"`) || strings.Contains(stdout, "CLAIM") {
		t.Errorf("stdout = %s", stdout)
	}
	if !strings.Contains(stderr, "exported 1 document (1 done), 1 span") || strings.Contains(stderr, "warning") {
		t.Errorf("stderr = %s", stderr)
	}
}

// The golden spaCy file has one accepted (reviewed) document and one without an
// answer: imported, the first is done and the second in progress (it has a span).
func TestExportSaysWhatWasReviewed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, stderr := runCLI(t, db, "import", goldenSpacy); code != 0 {
		t.Fatal(stderr)
	}
	t.Run("the default exports only done documents, each with answer accept", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, db, "export", "--format", "spacy", "--out", "-")
		if code != 0 {
			t.Fatal(stderr)
		}
		if lines, accepts := strings.Count(stdout, "\n"), strings.Count(stdout, `"answer": "accept"`); lines != 1 || accepts != 1 {
			t.Errorf("%d lines, %d accepted; want 1 and 1", lines, accepts)
		}
		if !strings.Contains(stderr, "exported 1 document (1 done)") || strings.Contains(stderr, "warning") {
			t.Errorf("stderr = %s", stderr)
		}
	})
	t.Run("--status all warns how many are not done and leaves their answer out", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, db, "export", "--format", "spacy", "--status", "all", "--out", "-")
		if code != 0 {
			t.Fatal(stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != 2 || strings.Count(stdout, `"answer"`) != 1 {
			t.Fatalf("want two lines, one with an answer: %s", stdout)
		}
		for _, line := range lines {
			if strings.Contains(line, `"title": "Plain"`) == strings.Contains(line, `"answer"`) {
				t.Errorf("the new document must carry no answer, the done one must: %s", line)
			}
		}
		if !strings.Contains(stderr, "exported 2 documents (1 done, 1 in progress)") || !strings.Contains(stderr, "warning: 1 document of 2 not marked done") {
			t.Errorf("stderr = %s", stderr)
		}
	})
}

func TestExportUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no format", []string{"export", "--out", "x.jsonl"}, 2, "--format is required"},
		{"unknown format", []string{"export", "--format", "xml", "--out", "x"}, 2, "unknown format"},
		{"import-only format", []string{"export", "--format", "text", "--out", "x"}, 2, "cannot export to text"},
		{"no out", []string{"export", "--format", "spacy"}, 2, "--out is required"},
		{"bad unit", []string{"export", "--format", "spacy", "--out", "x", "--offsets", "chars"}, 2, "unknown offset unit"},
		{"bad split", []string{"export", "--format", "spacy", "--out", "x", "--split", "train=0.8,dev=0.3"}, 2, "add up to 1.1"},
		{"folder format to stdout", []string{"export", "--format", "brat", "--out", "-"}, 2, "single-file formats"},
		{"unknown status", []string{"export", "--format", "spacy", "--out", "x", "--status", "finished"}, 2, "unknown --status"},
		{"unknown label", []string{"export", "--format", "spacy", "--out", filepath.Join(t.TempDir(), "x"), "--label", "NOPE"}, 1, `no label named "NOPE"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, db, c.args...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, c.code, c.want)
			}
		})
	}
}
