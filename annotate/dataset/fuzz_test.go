package dataset

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// checkDecoded fails on a record a decoder should never produce: every span must
// lie inside its text, be non-empty, and carry the text it covers.
func checkDecoded(t *testing.T, rec annotate.ImportRecord) {
	t.Helper()
	offsets := annotate.NewOffsets(rec.Document.Text)
	if err := rec.Document.Validate(); err != nil {
		t.Fatalf("decoded an invalid document: %v", err)
	}
	for _, s := range rec.Spans {
		if err := s.Validate(offsets.Len()); err != nil {
			t.Fatalf("decoded an invalid span: %v", err)
		}
		if s.Text != offsets.Slice(s.Start, s.End) {
			t.Fatalf("span %d-%d text %q does not match the document", s.Start, s.End, s.Text)
		}
	}
	for _, l := range rec.Links {
		if l.Head < 0 || l.Head >= len(rec.Spans) || l.Child < 0 || l.Child >= len(rec.Spans) {
			t.Fatalf("decoded a link %+v between spans the record does not have (%d spans)", l, len(rec.Spans))
		}
	}
}

// drain runs a decoder to the end; it must stop (io.EOF) within a bound.
func drain(t *testing.T, dec Decoder, bound int) {
	t.Helper()
	for i := 0; i < bound; i++ {
		rec, err := dec.Decode()
		if err == io.EOF {
			return
		}
		if err == nil {
			checkDecoded(t, rec)
		}
	}
	t.Fatalf("decoder did not reach the end after %d calls", bound)
}

func decoderBound(data []byte) int { return bytes.Count(data, []byte("\n")) + 10 }

func addSeeds(f *testing.F, names ...string) {
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
	}
}

func unitFor(n uint8) annotate.Unit {
	return []annotate.Unit{annotate.UnitCodepoint, annotate.UnitUTF16, annotate.UnitByte}[int(n)%3]
}

func FuzzJSONLDecoder(f *testing.F) {
	// Small seeds: the fuzzer minimises every new interesting input, which takes
	// long on multi-kilobyte lines such as the golden files.
	f.Add([]byte(`{"text": "“a” 😀\r\nb", "spans": [{"start": 0, "end": 3, "label": "X", "text": "“a”", "annotator": "z", "note": "n"}], "meta": {"title": "t", "k": 1}}`), uint8(0))
	f.Add([]byte(`{"text": "a 😀 b", "spans": [{"start": 2, "end": 4, "label": "X"}]}`+"\n"+`{"text": "c"}`), uint8(1))
	f.Add([]byte(`{"id": 1, "text": "ab\u00a0c", "label": [[0, 2, "X"], [3, 4, "Y"]]}`), uint8(2))
	f.Add([]byte(`{"id": "1", "tokens": ["a", "b"], "ner_tags": ["B-X", "I-X"]}`), uint8(0))
	f.Add([]byte(`{"tokens": ["a"], "ner_tags": [0]}`), uint8(2))
	f.Add([]byte(`{"text": "“a” b", "spans": [{"start": 0, "end": 3, "label": "Q", "attrs": {"source": "b", "n": 2, "ok": true}, "parsed_attrs": ["n"]}, {"start": 4, "end": 5, "label": "SOURCE"}], "relations": [{"head_span": {"start": 0, "end": 3, "label": "Q"}, "child_span": {"start": 4, "end": 5, "label": "SOURCE"}, "label": "SOURCE_OF"}]}`), uint8(0))
	f.Add([]byte(`{"text": "ab c", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2, "label": "X", "attrs": {"k": "v"}}, {"id": 2, "start_offset": 3, "end_offset": 4, "label": "S"}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "SOURCE_OF"}]}`), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, unit uint8) {
		for _, format := range []Format{FormatJSONL, FormatSpacy, FormatDoccano, FormatHF} {
			opts := DecodeOptions{Format: format, Unit: unitFor(unit)}
			drain(t, NewJSONLDecoder(bytes.NewReader(data), "fuzz.jsonl", opts), decoderBound(data))
			// The fast path must agree with the careful one on every line it takes.
			for _, line := range bytes.Split(data, []byte("\n")) {
				line = bytes.TrimSpace(line)
				if len(line) == 0 || line[0] != '{' || !utf8.Valid(line) {
					continue
				}
				d := NewJSONLDecoder(nil, "fuzz.jsonl", opts)
				fast, ok := d.fastLine(line)
				if !ok {
					continue
				}
				careful, err := d.decodeCareful(line)
				if err != nil {
					t.Fatalf("fast path accepted %q, careful path refused it: %v", line, err)
				}
				if fmt.Sprintf("%+v", fast) != fmt.Sprintf("%+v", careful) {
					t.Fatalf("paths disagree on %q:\nfast    %+v\ncareful %+v", line, fast, careful)
				}
			}
		}
	})
}

func FuzzLabelStudioDecoder(f *testing.F) {
	addSeeds(f, "label-studio.json", "label-studio-utf16.json")
	f.Add([]byte(`[{"data": {"text": "ab"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": ["A", "B"]}}]}]}]`), uint8(0))
	f.Add([]byte(`[{"data": {"text": "ab c"}, "annotations": [{"result": [{"id": "a1", "type": "labels", "value": {"start": 0, "end": 2, "labels": ["Q"]}, "meta": {"parsed_attrs": ["n"]}}, `+
		`{"id": "a1", "from_name": "n", "type": "number", "value": {"number": 3}}, {"id": "a2", "type": "labels", "value": {"start": 3, "end": 4, "labels": ["S"]}}, `+
		`{"type": "relation", "from_id": "a1", "to_id": "a2", "labels": ["SOURCE_OF"]}]}]}]`), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, unit uint8) {
		drain(t, NewLabelStudioDecoder(bytes.NewReader(data), "fuzz.json", DecodeOptions{Unit: unitFor(unit)}), decoderBound(data)+len(data))
	})
}

func FuzzCoNLLDecoder(f *testing.F) {
	addSeeds(f, "conll.conll")
	f.Add([]byte("a -X- _ I-X\nb O\n\n-DOCSTART- -X- O\nc B-Y\n"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, unit uint8) {
		drain(t, NewCoNLLDecoder(bytes.NewReader(data), "fuzz.conll", DecodeOptions{}), decoderBound(data))
	})
}

func FuzzBratDecoder(f *testing.F) {
	txt, err := os.ReadFile(filepath.Join("testdata", "golden", "brat", "doc-000007.txt"))
	if err != nil {
		f.Fatal(err)
	}
	ann, err := os.ReadFile(filepath.Join("testdata", "golden", "brat", "doc-000007.ann"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(txt), ann, uint8(0))
	f.Add("abc def", []byte("T1\tQ 0 3;4 7\tabc def\n#1\tAnnotatorNotes T1\tn\n"), uint8(2))
	f.Add("abc def", []byte("T1\tQ 0 3\tabc\nT2\tS 4 7\tdef\nA1\tkind T1 at least\nA2\tflag T1\nA3\tparsed_attrs T1 kind\nR1\tSOURCE_OF Arg1:T1 Arg2:T2\n"), uint8(0))
	f.Fuzz(func(t *testing.T, text string, ann []byte, unit uint8) {
		if _, err := checkText([]byte(text)); err != nil {
			return // readBrat refuses such a text before decoding
		}
		text = strings.TrimPrefix(text, "\ufeff")
		rec, err := DecodeBrat(text, bytes.NewReader(ann), "fuzz.ann", "fuzz.txt", unitFor(unit))
		if err == nil {
			checkDecoded(t, rec)
		}
	})
}

func FuzzCheckText(f *testing.F) {
	f.Add([]byte("\ufeff“a”\r\n"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := checkText(data)
		if err == nil && (strings.TrimSpace(text) == "" || strings.HasPrefix(text, "\ufeff") && !bytes.HasPrefix(data, []byte("\ufeff\ufeff"))) {
			t.Fatalf("accepted %q", data)
		}
	})
}
