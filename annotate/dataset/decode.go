package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// DecodeOptions steer a decoder.
type DecodeOptions struct {
	// Format forces a shape for JSONL input (spacy, doccano, hf); jsonl or auto
	// sniffs each line by its keys.
	Format Format
	// Unit in which the file counts offsets; "" means code points.
	Unit annotate.Unit
}

// Decoder yields one import record per call and io.EOF at the end. A bad record is
// returned as an annotate.RecordError naming the file and line; the next call goes
// on with the next record, or returns io.EOF when the file cannot be read further.
type Decoder interface {
	Decode() (annotate.ImportRecord, error)
}

// jsonType names the JSON type of a raw value for error messages.
func jsonType(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "missing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// rawInt reads a JSON whole number.
func rawInt(raw json.RawMessage, field string) (int, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return 0, annotate.Errorf(annotate.EINVALID, "%s is missing", field)
	}
	if t := jsonType(raw); t != "a number" {
		return 0, annotate.Errorf(annotate.EINVALID, "%s is %s, want a whole number", field, t)
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil {
		return 0, annotate.Errorf(annotate.EINVALID, "%s is %s, want a whole number", field, raw)
	}
	return n, nil
}

// rawString reads a JSON string.
func rawString(raw json.RawMessage, field string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", annotate.Errorf(annotate.EINVALID, "%s is missing", field)
	}
	if t := jsonType(raw); t != "a string" {
		return "", annotate.Errorf(annotate.EINVALID, "%s is %s, want a string", field, t)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", annotate.Errorf(annotate.EINVALID, "%s: %v", field, err)
	}
	return s, nil
}

// rawArray splits a JSON array into its elements; null or missing is empty.
func rawArray(raw json.RawMessage, field string) ([]json.RawMessage, error) {
	if isNull(raw) {
		return nil, nil
	}
	if t := jsonType(raw); t != "an array" {
		return nil, annotate.Errorf(annotate.EINVALID, "%s is %s, want an array", field, t)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", field, err)
	}
	return items, nil
}

// rawObject decodes an object into v, a struct of json.RawMessage fields, which
// the readers then check one by one; anything but an object is an error naming
// field and saying what was wanted there.
func rawObject(raw json.RawMessage, field, want string, v any) error {
	if t := jsonType(raw); t != "an object" {
		return annotate.Errorf(annotate.EINVALID, "%s is %s, want %s", field, t, want)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", field, describeJSONError(err))
	}
	return nil
}

// rawMeta reads a meta object, keeping numbers exact.
func rawMeta(raw json.RawMessage, field string) (map[string]any, error) {
	if isNull(raw) {
		return nil, nil
	}
	if t := jsonType(raw); t != "an object" {
		return nil, annotate.Errorf(annotate.EINVALID, "%s is %s, want an object", field, t)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if depth := jsonDepth(raw); depth > maxJSONDepth {
		return nil, annotate.Errorf(annotate.EINVALID,
			"%s nests %d levels deep, over the limit of %d (Python's json and other readers fail on deep nesting)", field, depth, maxJSONDepth)
	}
	var meta map[string]any
	if err := dec.Decode(&meta); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s: %v", field, err)
	}
	if key, bad := nonStringName(meta); bad {
		return nil, annotate.Errorf(annotate.EINVALID, `"%s.%s" is %s, want a string`, strings.Trim(field, `"`), key, describeValue(meta[key]))
	}
	return meta, nil
}

// nonStringName finds a title or source in meta that is not a string. They name
// the document: a number or an object there is a mistake to report, not to drop
// in silence.
func nonStringName(meta map[string]any) (key string, bad bool) {
	for _, key := range []string{"title", "source"} {
		if value, ok := meta[key]; ok && value != nil {
			if _, isString := value.(string); !isString {
				return key, true
			}
		}
	}
	return "", false
}

// describeValue names the JSON type of a decoded value for messages.
func describeValue(v any) string {
	switch v.(type) {
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	}
	return "null"
}

// describeJSONError turns encoding/json's syntax errors into a sentence.
func describeJSONError(err error) error {
	if se, ok := err.(*json.SyntaxError); ok {
		return annotate.Errorf(annotate.EINVALID, "malformed JSON at column %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return annotate.Errorf(annotate.EINVALID, "%s is a JSON %s, want %s", te.Field, te.Value, te.Type)
	}
	return annotate.Errorf(annotate.EINVALID, "malformed JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
}

// spanBuilder converts a file's offsets to code-point spans on one text. Copies
// share their state.
//
// Offsets in code points, the default, need no conversion: the text's length is
// counted once and each span's text is cut at byte offsets found by walking
// forward from the previous span's start (spans usually come in text order).
// Other units, and every error, go through annotate.Offsets, built on first need:
// its table costs four bytes per character, which on a large import was a fifth of
// the decoding.
type spanBuilder struct{ st *spanText }

type spanText struct {
	text    string
	unit    annotate.Unit
	offsets *annotate.Offsets // nil until needed
	length  int               // in code points; -1 until counted
	walk    annotate.Walker   // at the previous span's start
}

func newSpanBuilder(text string, unit annotate.Unit) spanBuilder {
	if unit == "" {
		unit = annotate.UnitCodepoint
	}
	return spanBuilder{&spanText{text: text, unit: unit, length: -1, walk: annotate.NewWalker(text)}}
}

// span makes a validated span from offsets in the file's unit. If want is not nil
// the covered text must equal *want: a mismatch almost always means the file counts
// in another unit than the one given.
func (b spanBuilder) span(where string, start, end int, label string, want *string) (annotate.Span, error) {
	label = annotate.NormalizeLabelName(label)
	if label == "" {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%s has an empty label", where)
	}
	if start >= end {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%s: start %d is not before end %d", where, start, end)
	}
	st := b.st
	var span annotate.Span
	if st.unit == annotate.UnitCodepoint && st.offsets == nil && start >= 0 && end <= st.codePoints() {
		// In range, and start < end: exactly what FromUnit and Validate check here.
		span = annotate.Span{Start: start, End: end, Label: label, Text: st.slice(start, end)}
	} else {
		if st.offsets == nil {
			st.offsets = annotate.NewOffsets(st.text)
		}
		cpStart, err := st.offsets.FromUnit(start, st.unit)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("%s: start: %w", where, err)
		}
		cpEnd, err := st.offsets.FromUnit(end, st.unit)
		if err != nil {
			return annotate.Span{}, fmt.Errorf("%s: end: %w", where, err)
		}
		span = annotate.Span{Start: cpStart, End: cpEnd, Label: label, Text: st.offsets.Slice(cpStart, cpEnd)}
		if err := span.Validate(st.offsets.Len()); err != nil {
			return annotate.Span{}, fmt.Errorf("%s: %w", where, err)
		}
	}
	if want != nil && *want != span.Text {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%s: offsets %d-%d (%s) cover %q but the span's text is %q (are the offsets in another unit? try --offsets utf16 or byte)", where, start, end, st.unit, annotate.Clip(span.Text), annotate.Clip(*want))
	}
	return span, nil
}

func (st *spanText) codePoints() int {
	if st.length < 0 {
		st.length = utf8.RuneCountInString(st.text)
	}
	return st.length
}

// slice is text[start:end] in code points (0 <= start < end <= length). The walk
// starts at the previous span's start, or from the beginning if this one starts
// before it; the walker stays at this span's start.
func (st *spanText) slice(start, end int) string {
	st.walk.Seek(start)
	toEnd := st.walk
	toEnd.Seek(end)
	return st.text[st.walk.Byte():toEnd.Byte()]
}

// documentFromMeta builds a document from a record's text and meta: the title,
// source and metadata fields come from meta when present (Document.ApplyMeta); other keys
// stay in Document.Meta.
func documentFromMeta(text string, meta map[string]any, origin string) annotate.Document {
	doc := annotate.Document{Text: text, Hash: annotate.ContentHash(text), Source: origin}
	doc.ApplyMeta(meta)
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(text)
	}
	return doc
}
