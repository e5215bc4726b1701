package dataset

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// readOne imports one file and returns its records and errors.
func readOne(t *testing.T, name, content string, opts ReadOptions) ([]annotate.ImportRecord, []error) {
	t.Helper()
	path := writeFile(t, filepath.Join(t.TempDir(), name), content)
	return readAll(t, []string{path}, opts)
}

func TestDecodersRejectBadRecordsNamingFileLineAndProblem(t *testing.T) {
	text := `"“Hi” 😀 x"` // 8 code points, 9 UTF-16 units
	cases := []struct {
		name    string
		file    string
		content string
		opts    ReadOptions
		want    string // ":line: problem" after the path
	}{
		{"spacy: malformed JSON", "a.jsonl", `{"text": "x", "spans": [}`, ReadOptions{Format: FormatSpacy}, ":1: malformed JSON"},
		{"spacy: span out of range", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 2, "end": 9, "label": "Q"}]}`, ReadOptions{}, ":1: spans[0]: end: offset 9 is outside the text (length 8"},
		{"spacy: start after end", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 4, "end": 2, "label": "Q"}]}`, ReadOptions{}, ":1: spans[0]: start 4 is not before end 2"},
		{"spacy: empty span", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 2, "end": 2, "label": "Q"}]}`, ReadOptions{}, "start 2 is not before end 2"},
		{"spacy: negative start", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": -1, "end": 2, "label": "Q"}]}`, ReadOptions{}, "offset -1 is outside the text"},
		{"spacy: start is a string", "a.jsonl", `{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "Q"}]}`, ReadOptions{}, `spans[0].start is a string, want a whole number`},
		{"spacy: start is a fraction", "a.jsonl", `{"text": "abc", "spans": [{"start": 0.5, "end": 2, "label": "Q"}]}`, ReadOptions{}, `spans[0].start is 0.5, want a whole number`},
		{"spacy: label is a number", "a.jsonl", `{"text": "abc", "spans": [{"start": 0, "end": 2, "label": 3}]}`, ReadOptions{}, `spans[0].label is a number, want a string`},
		{"spacy: spans is an object", "a.jsonl", `{"text": "abc", "spans": {"start": 0}}`, ReadOptions{}, `"spans" is an object, want an array`},
		{"spacy: span text does not match", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 6, "end": 8, "label": "Q", "text": "😀 "}]}`, ReadOptions{}, `cover " x" but the span's text is "😀 "`},
		{"spacy: utf16 offset inside a surrogate pair", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 5, "end": 6, "label": "Q"}]}`, ReadOptions{Unit: annotate.UnitUTF16}, "offset 6 falls inside a character in utf16 units"},
		{"spacy: byte offset inside a character", "a.jsonl", `{"text": ` + text + `, "spans": [{"start": 0, "end": 1, "label": "Q"}]}`, ReadOptions{Unit: annotate.UnitByte}, "offset 1 falls inside a character in byte units"},
		{"doccano: malformed JSON on line 2", "a.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"x\", \"label\": [[0, 1, \"A\"]", ReadOptions{Format: FormatDoccano}, ":2: malformed JSON"},
		{"doccano: out of range", "a.jsonl", `{"text": "abc", "label": [[0, 4, "A"]]}`, ReadOptions{}, ":1: label[0]: end: offset 4 is outside the text (length 3"},
		{"doccano: start after end", "a.jsonl", `{"text": "abc", "label": [[2, 1, "A"]]}`, ReadOptions{}, "label[0]: start 2 is not before end 1"},
		{"doccano: triple too short", "a.jsonl", `{"text": "abc", "label": [[0, 1]]}`, ReadOptions{}, `label[0] has 2 items, want [start, end, "LABEL"]`},
		{"doccano: offset is a string", "a.jsonl", `{"text": "abc", "label": [["0", 1, "A"]]}`, ReadOptions{}, "label[0][0] (start) is a string, want a whole number"},
		{"doccano: label is not a list", "a.jsonl", `{"text": "abc", "label": [5]}`, ReadOptions{Format: FormatDoccano}, "label[0] is a number, want an array"},
		{"jsonl: text is not a string", "a.jsonl", `{"text": ["a"]}`, ReadOptions{}, `"text" is an array, want a string`},
		{"jsonl: invalid UTF-8", "a.jsonl", "{\"text\": \"caf\xe9\"}", ReadOptions{}, "not valid UTF-8: bad byte at byte offset 13 of the line"},
		{"hf: tags do not match tokens", "a.jsonl", `{"tokens": ["a", "b"], "ner_tags": ["O"]}`, ReadOptions{}, `"tokens" has 2 items but "ner_tags" has 1`},
		{"hf: bad tag", "a.jsonl", `{"tokens": ["a"], "ner_tags": ["X-A"]}`, ReadOptions{}, `ner_tags[0]: tag "X-A" is not O, B-LABEL or I-LABEL`},
		{"hf: number tags without labels.json", "a.jsonl", `{"tokens": ["a"], "ner_tags": [1]}`, ReadOptions{}, "no labels.json beside"},
		{"hf: token with a space", "a.jsonl", `{"tokens": ["a b"], "ner_tags": ["O"]}`, ReadOptions{Format: FormatHF}, "must be non-empty and hold no spaces"},
		{"label-studio: not an array", "a.json", `{"data": {}}`, ReadOptions{Format: FormatLabelStudio}, ":1: malformed Label Studio export"},
		{"label-studio: malformed JSON on line 3", "a.json", "[\n{\"data\": {\"text\": \"ok\"}},\n{\"data\": }\n]", ReadOptions{}, ":3: malformed JSON"},
		{"label-studio: out of range", "a.json", `[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 1, "end": 5, "labels": ["A"]}}]}]}]`, ReadOptions{}, ":1: annotations[0].result[0]: end: offset 5 is outside the text"},
		{"label-studio: start after end", "a.json", `[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 2, "end": 1, "labels": ["A"]}}]}]}]`, ReadOptions{}, "start 2 is not before end 1"},
		{"label-studio: end is a string", "a.json", `[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": "2", "labels": ["A"]}}]}]}]`, ReadOptions{}, "value.end is a string, want a whole number"},
		{"label-studio: no text", "a.json", `[{"data": {"html": "<p>"}}]`, ReadOptions{}, "data.text is missing"},
		{"conll: one column", "a.conll", "-DOCSTART- -X- O\n\nword\n", ReadOptions{}, ":3: line \"word\" has one column"},
		{"conll: bad tag", "a.conll", "word -X- _ Z-LOC\n", ReadOptions{}, `:1: tag "Z-LOC" is not O, B-LABEL or I-LABEL`},
		{"conll: empty", "a.conll", "\n\n", ReadOptions{}, "holds no tokens"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, errs := readOne(t, c.file, c.content, c.opts)
			var matched bool
			for _, err := range errs {
				if strings.Contains(err.Error(), c.file+c.want) || (!strings.HasPrefix(c.want, ":") && strings.Contains(err.Error(), c.want)) {
					matched = true
				}
				if !strings.Contains(err.Error(), c.file) {
					t.Errorf("error %q does not name the file", err)
				}
			}
			if !matched {
				t.Fatalf("errors %v, records %d; want one containing %q", errs, len(recs), c.want)
			}
		})
	}
}

func TestUnknownLabelsPassThroughNormalised(t *testing.T) {
	recs, errs := readOne(t, "a.jsonl", `{"text": "abc def", "spans": [{"start": 0, "end": 3, "label": " NEW  LABEL "}]}`, ReadOptions{})
	if len(errs) > 0 || len(recs) != 1 || recs[0].Spans[0].Label != "NEW_LABEL" || recs[0].Spans[0].Text != "abc" {
		t.Fatalf("recs %+v errs %v", recs, errs)
	}
}

func TestBratAnnWithoutItsTextIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "corpus", "a.ann"), "T1\tQUOTE 0 3\tabc\n")
	writeFile(t, filepath.Join(dir, "corpus", "b.txt"), "abc def")
	writeFile(t, filepath.Join(dir, "corpus", "b.ann"), "T1\tQUOTE 4 7\tdef\n#1\tAnnotatorNotes T1\ta note\nR1\tRel Arg1:T1 Arg2:T1\n")
	for _, path := range []string{filepath.Join(dir, "corpus"), filepath.Join(dir, "corpus", "a.ann")} {
		recs, errs := readAll(t, []string{path}, ReadOptions{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "a.ann: brat annotations without their text: a.txt is missing") {
			t.Fatalf("%s: errors %v", path, errs)
		}
		if path == filepath.Join(dir, "corpus") {
			if len(recs) != 1 || recs[0].Spans[0].Text != "def" || recs[0].Spans[0].Note != "a note" {
				t.Fatalf("records %+v", recs)
			}
		}
	}
}

func TestBratBadAnnotations(t *testing.T) {
	for _, c := range []struct{ name, ann, want string }{
		{"out of range", "T1\tQ 0 99\tx\n", "a.ann:1: T1: end: offset 99 is outside the text"},
		{"start after end", "\nT1\tQ 3 1\tx\n", "a.ann:2: T1: start 3 is not before end 1"},
		{"offsets not numbers", "T1\tQ a b\tx\n", "a.ann:1: offsets \"a b\" are not whole numbers"},
		{"no offsets", "T1\tQ\tx\n", "has a label but no offsets"},
		{"text mismatch", "T1\tQ 0 3\txyz\n", `a.ann:1: T1: offsets cover "abc" but the annotation's text is "xyz"`},
		{"duplicate id", "T1\tQ 0 3\tabc\nT1\tQ 4 7\tdef\n", "a.ann:2: annotation id T1 is used twice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "a.txt"), "abc def")
			writeFile(t, filepath.Join(dir, "a.ann"), c.ann)
			_, errs := readAll(t, []string{dir}, ReadOptions{})
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
				t.Fatalf("errors %v, want %q", errs, c.want)
			}
		})
	}
}

func TestReadCSVIsRefused(t *testing.T) {
	_, errs := readOne(t, "a.csv", "doc_id\n", ReadOptions{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "csv is an export format only") {
		t.Fatal(errs)
	}
}

func TestHFNumberTagsUseLabelsJSONBesideTheFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "labels.json"), `["O", "B-CLAIM", "I-CLAIM"]`)
	path := writeFile(t, filepath.Join(dir, "train.jsonl"), `{"id": "0", "tokens": ["The", "city", "said"], "ner_tags": [1, 2, 0]}`)
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	if len(errs) > 0 || len(recs) != 1 || recs[0].Document.Text != "The city said" || len(recs[0].Spans) != 1 || recs[0].Spans[0].Text != "The city" {
		t.Fatalf("recs %+v errs %v", recs, errs)
	}
}

func TestDoccanoEntitiesShapeImports(t *testing.T) {
	recs, errs := readOne(t, "a.jsonl", `{"id": 3, "text": "“Hi” 😀 there", "entities": [{"id": 1, "label": "QUOTE", "start_offset": 0, "end_offset": 4}, {"id": 2, "label": "X", "start_offset": 8, "end_offset": 13}], "relations": []}`, ReadOptions{Unit: annotate.UnitUTF16})
	if len(errs) > 0 || len(recs) != 1 || len(recs[0].Spans) != 2 || recs[0].Spans[0].Text != "“Hi”" || recs[0].Spans[1].Text != "there" {
		t.Fatalf("recs %+v errs %v", recs, errs)
	}
	_, errs = readOne(t, "b.jsonl", `{"text": "abc", "entities": [{"label": "X", "start_offset": "0", "end_offset": 2}]}`, ReadOptions{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "entities[0].start_offset is a string") {
		t.Fatalf("errs %v", errs)
	}
}

func TestProdigyRejectedAnswersImportWithoutSpans(t *testing.T) {
	recs, errs := readOne(t, "a.jsonl", `{"text": "abc", "spans": [{"start": 0, "end": 3, "label": "Q"}], "answer": "reject"}`, ReadOptions{})
	if len(errs) > 0 || len(recs) != 1 || len(recs[0].Spans) != 0 {
		t.Fatalf("recs %+v errs %v", recs, errs)
	}
}
