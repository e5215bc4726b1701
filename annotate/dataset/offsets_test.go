package dataset

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsmark/newsmark/annotate"
)

// sliceIn slices text by offsets in a unit without annotate.Offsets, so the check
// does not trust the code under test: bytes are Go indexes, UTF-16 units come from
// unicode/utf16, code points from []rune.
func sliceIn(text string, unit annotate.Unit, start, end int) (string, bool) {
	switch unit {
	case annotate.UnitByte:
		if start < 0 || end > len(text) || start > end {
			return "", false
		}
		return text[start:end], true
	case annotate.UnitUTF16:
		units := utf16.Encode([]rune(text))
		if start < 0 || end > len(units) || start > end {
			return "", false
		}
		return string(utf16.Decode(units[start:end])), true
	}
	runes := []rune(text)
	if start < 0 || end > len(runes) || start > end {
		return "", false
	}
	return string(runes[start:end]), true
}

// exportedSpans reads (text, start, end, label) back from an export with plain JSON
// and CSV readers.
type exportedSpan struct {
	text       string
	start, end int
	label      string
}

func readExported(t *testing.T, format Format, data []byte, docs []annotate.AnnotatedDocument) [][]exportedSpan {
	t.Helper()
	var out [][]exportedSpan
	switch format {
	case FormatSpacy, FormatDoccano:
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec struct {
				Text  string
				Spans []struct {
					Start, End int
					Label      string
				}
				Label [][3]any
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			var spans []exportedSpan
			for _, s := range rec.Spans {
				spans = append(spans, exportedSpan{rec.Text, s.Start, s.End, s.Label})
			}
			for _, l := range rec.Label {
				spans = append(spans, exportedSpan{rec.Text, int(l[0].(float64)), int(l[1].(float64)), l[2].(string)})
			}
			out = append(out, spans)
		}
	case FormatLabelStudio:
		var tasks []struct {
			Data        struct{ Text string }
			Annotations []struct {
				Result []struct {
					Value struct {
						Start, End int
						Labels     []string
					}
				}
			}
		}
		if err := json.Unmarshal(data, &tasks); err != nil {
			t.Fatal(err)
		}
		for _, task := range tasks {
			var spans []exportedSpan
			for _, r := range task.Annotations[0].Result {
				spans = append(spans, exportedSpan{task.Data.Text, r.Value.Start, r.Value.End, r.Value.Labels[0]})
			}
			out = append(out, spans)
		}
	case FormatCSV:
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		out = make([][]exportedSpan, len(docs))
		for _, row := range rows[1:] {
			id, _ := strconv.Atoi(row[0])
			start, _ := strconv.Atoi(row[2])
			end, _ := strconv.Atoi(row[3])
			for i, d := range docs {
				if d.Document.ID == int64(id) {
					out[i] = append(out[i], exportedSpan{d.Document.Text, start, end, row[4]})
				}
			}
		}
	}
	return out
}

func TestExportedOffsetsSliceTheTextToTheSpanTextInEveryUnit(t *testing.T) {
	docs := fixtureDocs(t)
	for _, format := range []Format{FormatSpacy, FormatDoccano, FormatLabelStudio, FormatCSV} {
		for _, unit := range []annotate.Unit{annotate.UnitCodepoint, annotate.UnitUTF16, annotate.UnitByte} {
			t.Run(fmt.Sprintf("%s in %s", format, unit), func(t *testing.T) {
				var buf bytes.Buffer
				if _, err := Export(context.Background(), docsSeq(docs), "-", &buf, ExportOptions{Format: format, Unit: unit}); err != nil {
					t.Fatal(err)
				}
				got := readExported(t, format, buf.Bytes(), docs)
				if len(got) != len(docs) {
					t.Fatalf("read %d documents back", len(got))
				}
				for i, doc := range docs {
					want := sortedSpans(doc.Spans)
					if len(got[i]) != len(want) {
						t.Fatalf("doc %d: %d spans, want %d", i, len(got[i]), len(want))
					}
					for j, s := range got[i] {
						text, ok := sliceIn(s.text, unit, s.start, s.end)
						if !ok || text != want[j].Text || s.label != want[j].Label {
							t.Errorf("doc %d span %d: [%d:%d] in %s gives %q (%s), want %q (%s)", i, j, s.start, s.end, unit, text, s.label, want[j].Text, want[j].Label)
						}
					}
				}
			})
		}
	}
}

// pythonCheck slices every span of a spacy, doccano or Label Studio export with
// Python and prints one JSON list of slices per document.
const pythonCheck = `
import json, sys
fmt, unit, path = sys.argv[1], sys.argv[2], sys.argv[3]
def cut(text, s, e):
    if unit == "utf16":
        b = text.encode("utf-16-le"); return b[2*s:2*e].decode("utf-16-le")
    if unit == "byte":
        return text.encode("utf-8")[s:e].decode("utf-8")
    return text[s:e]
with open(path, encoding="utf-8", newline="") as f:
    if fmt == "label-studio":
        records = [(t["data"]["text"], [(r["value"]["start"], r["value"]["end"], r["value"].get("text")) for r in t["annotations"][0]["result"]]) for t in json.load(f)]
    else:
        records = []
        for line in f:
            r = json.loads(line)
            spans = [(s["start"], s["end"], s.get("text")) for s in r.get("spans", [])] + [(l[0], l[1], None) for l in r.get("label", [])]
            records.append((r["text"], spans))
ok = True
out = []
for text, spans in records:
    slices = []
    for s, e, t in spans:
        piece = cut(text, s, e)
        if t is not None and piece != t: ok = False
        slices.append(piece)
    out.append(slices)
print(json.dumps(out))
sys.exit(0 if ok else 3)
`

func TestPythonSlicesExportedSpansToTheirText(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: the offsets are checked in Go only (TestExportedOffsetsSliceTheTextToTheSpanTextInEveryUnit)")
	}
	docs := fixtureDocs(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "check.py")
	if err := os.WriteFile(script, []byte(pythonCheck), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []Format{FormatSpacy, FormatDoccano, FormatLabelStudio} {
		for _, unit := range []annotate.Unit{annotate.UnitCodepoint, annotate.UnitUTF16, annotate.UnitByte} {
			t.Run(fmt.Sprintf("%s in %s", format, unit), func(t *testing.T) {
				out := filepath.Join(dir, string(format)+"-"+string(unit)+format.Ext())
				if _, err := Export(context.Background(), docsSeq(docs), out, nil, ExportOptions{Format: format, Unit: unit, Tokens: true}); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(python, script, string(format), string(unit), out)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				stdout, err := cmd.Output()
				if err != nil {
					t.Fatalf("python: %v\n%s%s", err, stdout, stderr.String())
				}
				var slices [][]string
				if err := json.Unmarshal(stdout, &slices); err != nil {
					t.Fatalf("python printed %q: %v", stdout, err)
				}
				for i, doc := range docs {
					want := sortedSpans(doc.Spans)
					if len(slices[i]) != len(want) {
						t.Fatalf("doc %d: python saw %d spans, want %d", i, len(slices[i]), len(want))
					}
					for j := range want {
						if slices[i][j] != want[j].Text {
							t.Errorf("doc %d span %d: python text[start:end] = %q, want %q", i, j, slices[i][j], want[j].Text)
						}
					}
				}
			})
		}
	}
}

func TestSpacyTokensSliceToTheirTextAndTokenEndIsInclusive(t *testing.T) {
	docs := fixtureDocs(t)
	for _, unit := range []annotate.Unit{annotate.UnitCodepoint, annotate.UnitUTF16, annotate.UnitByte} {
		var buf bytes.Buffer
		if _, err := Export(context.Background(), docsSeq(docs[:1]), "-", &buf, ExportOptions{Format: FormatSpacy, Unit: unit, Tokens: true}); err != nil {
			t.Fatal(err)
		}
		var rec struct {
			Text  string
			Spans []struct {
				Start, End int
				TokenStart int `json:"token_start"`
				TokenEnd   int `json:"token_end"`
			}
			Tokens []struct {
				Text       string
				Start, End int
				ID         int
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		for i, tok := range rec.Tokens {
			got, _ := sliceIn(rec.Text, unit, tok.Start, tok.End)
			if got != tok.Text || tok.ID != i || strings.TrimSpace(got) != got {
				t.Errorf("%s: token %d %+v slices to %q", unit, i, tok, got)
			}
		}
		// The QUOTE “We stay,” covers tokens “ We stay , ” = ids 0..4, token_end inclusive.
		if q := rec.Spans[0]; q.TokenStart != 0 || q.TokenEnd != 4 {
			t.Errorf("%s: quote tokens %d..%d, want 0..4", unit, q.TokenStart, q.TokenEnd)
		}
		// The last span ends at the last token, the emoji.
		if last := rec.Spans[len(rec.Spans)-1]; last.TokenEnd != len(rec.Tokens)-1 || rec.Tokens[last.TokenEnd].Text != "😀" {
			t.Errorf("%s: last span ends at token %d", unit, last.TokenEnd)
		}
	}
}

// pythonBratCheck prints, for every T line of every .ann in a folder, whether the
// fragments sliced from the .txt (read without newline translation) give its text.
const pythonBratCheck = `
import glob, os, sys
bad = 0
for ann in sorted(glob.glob(os.path.join(sys.argv[1], "*.ann"))):
    text = open(ann[:-4] + ".txt", encoding="utf-8", newline="").read()
    for line in open(ann, encoding="utf-8", newline=""):
        if not line.startswith("T"):
            continue
        tid, middle, covered = line.rstrip("\n").split("\t")
        ranges = middle.split(" ", 1)[1]
        pieces = [text[int(a):int(b)] for a, b in (r.split() for r in ranges.split(";"))]
        if " ".join(pieces) != covered:
            print(ann, tid, repr(" ".join(pieces)), repr(covered))
            bad += 1
print("bad", bad)
`

func TestPythonSlicesBratSpansToTheirText(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: brat offsets are checked by the round-trip tests only")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "brat")
	if _, err := Export(context.Background(), docsSeq(fixtureDocs(t)), out, nil, ExportOptions{Format: FormatBrat}); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "check.py")
	if err := os.WriteFile(script, []byte(pythonBratCheck), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(python, script, out).CombinedOutput()
	if err != nil || strings.TrimSpace(string(got)) != "bad 0" {
		t.Fatalf("python: %v\n%s", err, got)
	}
}
