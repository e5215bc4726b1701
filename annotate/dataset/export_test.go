package dataset

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// manyDocs makes n small documents with one span each.
func manyDocs(n int) []annotate.AnnotatedDocument {
	docs := make([]annotate.AnnotatedDocument, n)
	for i := range docs {
		text := fmt.Sprintf("Article %d says “hello”.", i)
		docs[i] = annotate.AnnotatedDocument{
			Document: annotate.Document{ID: int64(i + 1), Title: fmt.Sprintf("A%d", i), Text: text, Hash: annotate.ContentHash(text)},
			Spans:    []annotate.Span{{Start: 0, End: 7, Label: "CLAIM"}},
		}
	}
	return docs
}

func TestParseSplit(t *testing.T) {
	parts, err := ParseSplit("train=0.8, dev=0.1,test=0.1")
	if err != nil || len(parts) != 3 || parts[0] != (SplitPart{"train", 0.8}) || parts[2].Name != "test" {
		t.Fatalf("parts %v err %v", parts, err)
	}
	for _, bad := range []string{"train", "train=0.5", "train=0.5,train=0.5", "a b=1", "train=-1,dev=2", "train=x", "=1"} {
		if _, err := ParseSplit(bad); err == nil {
			t.Errorf("ParseSplit(%q) accepted", bad)
		}
	}
}

func TestSplitIsDeterministicBySeedAndByDocument(t *testing.T) {
	docs := manyDocs(400)
	parts, _ := ParseSplit("train=0.8,dev=0.1,test=0.1")
	run := func(seed int64, docs []annotate.AnnotatedDocument) map[string]string {
		out := filepath.Join(t.TempDir(), "split")
		summary, err := Export(context.Background(), docsSeq(docs), out, nil, ExportOptions{Format: FormatDoccano, Split: parts, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if len(summary.Files) != 3 {
			t.Fatalf("files %v", summary.Files)
		}
		files := map[string]string{}
		for _, p := range parts {
			data, err := os.ReadFile(filepath.Join(out, p.Name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			files[p.Name] = string(data)
		}
		return files
	}
	first, again := run(42, docs), run(42, docs)
	for name := range first {
		if first[name] != again[name] {
			t.Errorf("split %s differs between two runs with the same seed", name)
		}
	}
	train := strings.Count(first["train"], "\n")
	if total := train + strings.Count(first["dev"], "\n") + strings.Count(first["test"], "\n"); total != 400 {
		t.Fatalf("split holds %d documents, want 400", total)
	}
	if train < 280 || train > 360 { // 320 expected; binomial sd ≈ 8
		t.Errorf("train holds %d of 400 documents, want about 320", train)
	}
	if other := run(43, docs); other["train"] == first["train"] {
		t.Errorf("another seed gives the same split")
	}
	// A document's part depends on its text, not on what else is exported.
	reversed := make([]annotate.AnnotatedDocument, len(docs))
	for i, d := range docs {
		reversed[len(docs)-1-i] = d
	}
	rev := run(42, reversed)
	for name := range first {
		if strings.Count(rev[name], "\n") != strings.Count(first[name], "\n") {
			t.Errorf("split %s changed size when the documents came in another order", name)
		}
	}
}

func TestSplitHFWritesLabelsJSONOnceInTheFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "hf")
	parts, _ := ParseSplit("train=0.5,test=0.5")
	summary, err := Export(context.Background(), docsSeq(fixtureDocs(t)), out, nil, ExportOptions{Format: FormatHF, Split: parts, Labels: fixtureLabels()})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(out, "labels.json"), filepath.Join(out, "test.jsonl"), filepath.Join(out, "train.jsonl")}
	if fmt.Sprint(summary.Files) != fmt.Sprint(want) {
		t.Fatalf("files %v, want %v", summary.Files, want)
	}
}

// failingDocs yields n documents, then an error, as a store would on a broken read.
func failingDocs(n int) func(func(annotate.AnnotatedDocument, error) bool) {
	return func(yield func(annotate.AnnotatedDocument, error) bool) {
		for _, d := range manyDocs(n) {
			if !yield(d, nil) {
				return
			}
		}
		yield(annotate.AnnotatedDocument{}, errors.New("disk went away"))
	}
}

func TestAFailedExportLeavesNothingUnderTheTargetName(t *testing.T) {
	for _, c := range []struct {
		name   string
		format Format
		split  []SplitPart
	}{
		{"a file", FormatSpacy, nil},
		{"hf with labels.json", FormatHF, nil},
		{"a brat folder", FormatBrat, nil},
		{"a split", FormatCoNLL, []SplitPart{{"a", 0.5}, {"b", 0.5}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			_, err := Export(context.Background(), failingDocs(50), out, nil, ExportOptions{Format: c.format, Split: c.split})
			if err == nil || !strings.Contains(err.Error(), "disk went away") {
				t.Fatalf("err %v", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				t.Fatalf("left behind: %v", entries)
			}
		})
	}
}

func TestACancelledExportKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	writeFile(t, out, "old export\n")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Export(ctx, docsSeq(manyDocs(100)), out, nil, ExportOptions{Format: FormatSpacy, Progress: func(n int) {
		if n == 10 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if data, _ := os.ReadFile(out); string(data) != "old export\n" {
		t.Fatalf("old file changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

func TestFolderExportReplacesAnEarlierExportButNotAForeignFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brat")
	if _, err := Export(context.Background(), docsSeq(manyDocs(3)), out, nil, ExportOptions{Format: FormatBrat}); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(context.Background(), docsSeq(manyDocs(1)), out, nil, ExportOptions{Format: FormatBrat}); err != nil {
		t.Fatalf("re-export over an earlier export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "doc-000003.txt")); !os.IsNotExist(err) {
		t.Errorf("the earlier export's files remain: %v", err)
	}
	foreign := filepath.Join(dir, "mine")
	writeFile(t, filepath.Join(foreign, "thesis.tex"), "precious")
	_, err := Export(context.Background(), docsSeq(manyDocs(1)), foreign, nil, ExportOptions{Format: FormatBrat})
	if err == nil || annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatalf("export over a foreign folder: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(foreign, "thesis.tex")); string(data) != "precious" {
		t.Fatal("foreign folder touched")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("temporary folders left: %v", entries)
	}
}

func TestExportRefusesBadTargets(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		out  string
		opts ExportOptions
		want string
	}{
		{"brat to stdout", "-", ExportOptions{Format: FormatBrat}, "cannot go to stdout"},
		{"split to stdout", "-", ExportOptions{Format: FormatSpacy, Split: []SplitPart{{"a", 1}}}, "cannot go to stdout"},
		{"import-only format", filepath.Join(dir, "x"), ExportOptions{Format: FormatText}, "cannot export to format"},
		{"a folder as a file target", dir, ExportOptions{Format: FormatSpacy}, "is a folder"},
		{"bad unit", filepath.Join(dir, "y"), ExportOptions{Format: FormatSpacy, Unit: "chars"}, "unknown offset unit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Export(context.Background(), docsSeq(nil), c.out, nil, c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want %q", err, c.want)
			}
		})
	}
}

func TestTokenizeSplitsPunctuationAndKeepsApostrophes(t *testing.T) {
	var got []string
	for _, tok := range Tokenize("“We’re in the U.S.,” 6,000\u00a0fled — 😀!\r\n") {
		got = append(got, tok.Text)
	}
	want := "“ We’re in the U.S . , ” 6,000 fled — 😀 !"
	if strings.Join(got, " ") != want {
		t.Fatalf("tokens %q, want %q", strings.Join(got, " "), want)
	}
}
