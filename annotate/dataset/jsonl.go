package dataset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// maxLineBytes bounds one JSONL line: a document at the size limit with every
// character escaped still fits.
const maxLineBytes = 2*annotate.MaxDocumentBytes + 1<<20

// JSONLDecoder reads JSON Lines: plain {"text", "meta"} records, Prodigy/spaCy
// records with "spans", doccano records with "label" triples and Hugging Face
// records with "tokens" and "ner_tags". Under jsonl or auto each line is sniffed by
// its keys; spacy, doccano and hf insist on their shape. Blank lines are skipped.
//
// Prodigy records with "answer": "reject" or "ignore" are imported without spans:
// the annotator said the spans are wrong. A record with "answer": "accept" was
// reviewed: its document is imported as done (what the spaCy export writes for
// done documents only).
type JSONLDecoder struct {
	r      *bufio.Reader
	name   string
	opts   DecodeOptions
	line   int
	done   bool
	buf    []byte   // the line buffer, reused: decoded records copy what they keep
	labels []string // hf tag names in id order, read from labels.json on first need
	loaded bool
}

// NewJSONLDecoder reads JSON lines from r; name (the file path) is used in errors
// and to find labels.json beside an hf file whose tags are numbers.
func NewJSONLDecoder(r io.Reader, name string, opts DecodeOptions) *JSONLDecoder {
	return &JSONLDecoder{r: bufio.NewReaderSize(r, 64<<10), name: name, opts: opts}
}

func (d *JSONLDecoder) origin() string { return fmt.Sprintf("%s:%d", d.name, d.line) }

// Decode returns the next record, io.EOF at the end.
func (d *JSONLDecoder) Decode() (annotate.ImportRecord, error) {
	for !d.done {
		line, err := d.readLine()
		if err != nil {
			d.done = true
			if err == io.EOF {
				break
			}
			return annotate.ImportRecord{}, annotate.RecordError{Origin: d.origin(), Err: err}
		}
		if d.line == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		rec, err := d.decodeLine(line)
		if err != nil {
			return annotate.ImportRecord{}, annotate.RecordError{Origin: d.origin(), Err: err}
		}
		return rec, nil
	}
	return annotate.ImportRecord{}, io.EOF
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline; a line over maxLineBytes is
// skipped and reported.
func (d *JSONLDecoder) readLine() ([]byte, error) {
	line := d.buf[:0]
	defer func() { d.buf = line[:0] }()
	tooLong := false
	for {
		chunk, err := d.r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > maxLineBytes {
				tooLong, line = true, line[:0]
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			d.line++
			return nil, fmt.Errorf("cannot read: %w", err)
		}
		if err == io.EOF && len(chunk) == 0 && len(line) == 0 && !tooLong {
			return nil, io.EOF
		}
		d.line++
		if tooLong {
			return nil, annotate.Errorf(annotate.EINVALID, "line is over %d bytes, the limit for one record", maxLineBytes)
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if line == nil {
			line = []byte{}
		}
		return line, nil
	}
}

// jsonlRecord holds every key any JSONL shape uses, raw, so that wrong types get
// messages naming the key.
type jsonlRecord struct {
	Text  json.RawMessage `json:"text"`
	Meta  json.RawMessage `json:"meta"`
	Spans json.RawMessage `json:"spans"`
	Label json.RawMessage `json:"label"`
	// Entities is how doccano 1.6 and later export sequence labels:
	// [{"id": 1, "label": "QUOTE", "start_offset": 12, "end_offset": 40}].
	Entities json.RawMessage `json:"entities"`
	Tokens   json.RawMessage `json:"tokens"`
	NerTags  json.RawMessage `json:"ner_tags"`
	Answer   json.RawMessage `json:"answer"`
}

func (d *JSONLDecoder) decodeLine(line []byte) (annotate.ImportRecord, error) {
	if !utf8.Valid(line) {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "is not valid UTF-8: bad byte at byte offset %d of the line", invalidUTF8At(line))
	}
	trimmed := bytes.TrimSpace(line)
	if trimmed[0] != '{' {
		if !json.Valid(trimmed) {
			return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "malformed JSON: the line is not JSON (it starts %q); a record must be an object {...}", firstRunes(trimmed, 12))
		}
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "malformed JSON: a record must be an object {...}, got %s", jsonType(trimmed))
	}
	if rec, ok := d.fastLine(trimmed); ok {
		return rec, nil
	}
	return d.decodeCareful(trimmed)
}

// decodeCareful decodes a line key by key, naming the key of any problem.
func (d *JSONLDecoder) decodeCareful(trimmed []byte) (annotate.ImportRecord, error) {
	var raw jsonlRecord
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return annotate.ImportRecord{}, describeJSONError(err)
	}
	shape := d.opts.Format
	if shape == FormatJSONL || shape == FormatAuto || shape == "" {
		switch {
		case len(raw.Text) == 0 && len(raw.Tokens) > 0 && len(raw.NerTags) > 0:
			shape = FormatHF
		case !isNull(raw.Spans):
			shape = FormatSpacy
		case !isNull(raw.Label), !isNull(raw.Entities):
			shape = FormatDoccano
		default:
			shape = FormatJSONL
		}
	}
	if shape == FormatHF {
		return d.decodeHF(raw)
	}
	if len(raw.Text) == 0 {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, `record has no "text" key`)
	}
	text, err := rawString(raw.Text, `"text"`)
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	if strings.TrimSpace(text) == "" {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, `"text" is empty`)
	}
	meta, err := rawMeta(raw.Meta, `"meta"`)
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	rec := annotate.ImportRecord{Origin: d.origin(), Document: documentFromMeta(text, meta, d.origin())}
	if err := rec.Document.Validate(); err != nil {
		return annotate.ImportRecord{}, err
	}
	builder := newSpanBuilder(text, d.opts.Unit)
	switch shape {
	case FormatSpacy:
		rec.Spans, err = spacySpans(builder, raw.Spans)
	case FormatDoccano:
		if !isNull(raw.Entities) {
			rec.Spans, err = doccanoEntities(builder, raw.Entities)
		} else {
			rec.Spans, err = doccanoSpans(builder, raw.Label)
		}
	}
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	switch answer, _ := rawString(raw.Answer, "answer"); answer {
	case "reject", "ignore":
		rec.Spans = nil
	case "accept":
		rec.Document.Status = annotate.StatusDone
	}
	return rec, nil
}

// spacySpan is one Prodigy span; token_start/token_end are ignored on import
// because Newsmark tokenises afresh.
type spacySpan struct {
	Start     json.RawMessage `json:"start"`
	End       json.RawMessage `json:"end"`
	Label     json.RawMessage `json:"label"`
	Text      json.RawMessage `json:"text"`
	Annotator json.RawMessage `json:"annotator"`
	Note      json.RawMessage `json:"note"`
}

func spacySpans(b spanBuilder, raw json.RawMessage) ([]annotate.Span, error) {
	return eachSpan(raw, "spans", func(where string, item json.RawMessage) (annotate.Span, error) {
		var s spacySpan
		if err := rawObject(item, where, "an object with start, end and label", &s); err != nil {
			return annotate.Span{}, err
		}
		start, end, label, err := spanFields(
			s.Start, where+".start", s.End, where+".end", s.Label, where+".label")
		if err != nil {
			return annotate.Span{}, err
		}
		var want *string
		if !isNull(s.Text) {
			text, err := rawString(s.Text, where+".text")
			if err != nil {
				return annotate.Span{}, err
			}
			want = &text
		}
		span, err := b.span(where, start, end, label, want)
		if err != nil {
			return annotate.Span{}, err
		}
		if !isNull(s.Annotator) {
			if span.Annotator, err = rawString(s.Annotator, where+".annotator"); err != nil {
				return annotate.Span{}, err
			}
		}
		if !isNull(s.Note) {
			if span.Note, err = rawString(s.Note, where+".note"); err != nil {
				return annotate.Span{}, err
			}
		}
		return span, nil
	})
}

// eachSpan reads the array in field (null or missing: no spans), naming the
// items field[0], field[1], ... in errors, and turns each into a span with one.
func eachSpan(raw json.RawMessage, field string, one func(where string, item json.RawMessage) (annotate.Span, error)) ([]annotate.Span, error) {
	items, err := rawArray(raw, `"`+field+`"`)
	if err != nil {
		return nil, err
	}
	spans := make([]annotate.Span, 0, len(items))
	for i, item := range items {
		span, err := one(fmt.Sprintf("%s[%d]", field, i), item)
		if err != nil {
			return nil, err
		}
		spans = append(spans, span)
	}
	return spans, nil
}

// spanFields reads the start, end and label every span shape carries, each named
// in errors as the record spells it (spans[0].start, label[0][1] (end), ...).
func spanFields(rawStart json.RawMessage, startName string, rawEnd json.RawMessage, endName string,
	rawLabel json.RawMessage, labelName string) (start, end int, label string, err error) {
	if start, err = rawInt(rawStart, startName); err != nil {
		return 0, 0, "", err
	}
	if end, err = rawInt(rawEnd, endName); err != nil {
		return 0, 0, "", err
	}
	if label, err = rawString(rawLabel, labelName); err != nil {
		return 0, 0, "", err
	}
	return start, end, label, nil
}

// doccanoSpans reads doccano's [[start, end, "LABEL"], ...].
func doccanoSpans(b spanBuilder, raw json.RawMessage) ([]annotate.Span, error) {
	return eachSpan(raw, "label", func(where string, item json.RawMessage) (annotate.Span, error) {
		triple, err := rawArray(item, where)
		if err != nil {
			return annotate.Span{}, err
		}
		if len(triple) != 3 {
			return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%s has %d items, want [start, end, \"LABEL\"]", where, len(triple))
		}
		start, end, label, err := spanFields(
			triple[0], where+"[0] (start)", triple[1], where+"[1] (end)", triple[2], where+"[2] (label)")
		if err != nil {
			return annotate.Span{}, err
		}
		return b.span(where, start, end, label, nil)
	})
}

type doccanoEntity struct {
	Label       json.RawMessage `json:"label"`
	StartOffset json.RawMessage `json:"start_offset"`
	EndOffset   json.RawMessage `json:"end_offset"`
}

// doccanoEntities reads doccano 1.6+'s [{"label", "start_offset", "end_offset"}].
func doccanoEntities(b spanBuilder, raw json.RawMessage) ([]annotate.Span, error) {
	return eachSpan(raw, "entities", func(where string, item json.RawMessage) (annotate.Span, error) {
		var e doccanoEntity
		if err := rawObject(item, where, "an object with label, start_offset and end_offset", &e); err != nil {
			return annotate.Span{}, err
		}
		start, end, label, err := spanFields(
			e.StartOffset, where+".start_offset", e.EndOffset, where+".end_offset", e.Label, where+".label")
		if err != nil {
			return annotate.Span{}, err
		}
		return b.span(where, start, end, label, nil)
	})
}

// decodeHF rebuilds a document from Hugging Face tokens and BIO tags: the tokens
// joined by single spaces, spans from the tags (an I- tag without its B- starts a
// span). Tags given as numbers are looked up in labels.json beside the file.
func (d *JSONLDecoder) decodeHF(raw jsonlRecord) (annotate.ImportRecord, error) {
	tokenItems, err := rawArray(raw.Tokens, `"tokens"`)
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	tagItems, err := rawArray(raw.NerTags, `"ner_tags"`)
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	if len(tokenItems) != len(tagItems) {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, `"tokens" has %d items but "ner_tags" has %d`, len(tokenItems), len(tagItems))
	}
	tokens := make([]string, len(tokenItems))
	tags := make([]string, len(tagItems))
	for i := range tokenItems {
		if tokens[i], err = rawString(tokenItems[i], fmt.Sprintf("tokens[%d]", i)); err != nil {
			return annotate.ImportRecord{}, err
		}
		if tokens[i] == "" || strings.ContainsAny(tokens[i], " \t\r\n") {
			return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "tokens[%d] is %q: a token must be non-empty and hold no spaces", i, tokens[i])
		}
		where := fmt.Sprintf("ner_tags[%d]", i)
		if jsonType(tagItems[i]) == "a number" {
			id, err := rawInt(tagItems[i], where)
			if err != nil {
				return annotate.ImportRecord{}, err
			}
			names, err := d.hfLabels()
			if err != nil {
				return annotate.ImportRecord{}, fmt.Errorf("%s is a number: %w", where, err)
			}
			if id < 0 || id >= len(names) {
				return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "%s is %d but labels.json names %d tags", where, id, len(names))
			}
			tags[i] = names[id]
		} else if tags[i], err = rawString(tagItems[i], where); err != nil {
			return annotate.ImportRecord{}, err
		}
	}
	var text strings.Builder
	starts := make([]int, len(tokens)) // code points
	pos := 0
	for i, tok := range tokens {
		if i > 0 {
			text.WriteByte(' ')
			pos++
		}
		starts[i] = pos
		text.WriteString(tok)
		pos += utf8.RuneCountInString(tok)
	}
	if text.Len() == 0 {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, `"tokens" is empty`)
	}
	meta, err := rawMeta(raw.Meta, `"meta"`)
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	rec := annotate.ImportRecord{Origin: d.origin(), Document: documentFromMeta(text.String(), meta, d.origin())}
	if err := rec.Document.Validate(); err != nil {
		return annotate.ImportRecord{}, err
	}
	ends := make([]int, len(tokens))
	for i, tok := range tokens {
		ends[i] = starts[i] + utf8.RuneCountInString(tok)
	}
	rec.Spans, err = spansFromBIO(tags, starts, ends, annotate.NewOffsets(rec.Document.Text), "ner_tags")
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	return rec, nil
}

// hfLabels reads labels.json beside the file once.
func (d *JSONLDecoder) hfLabels() ([]string, error) {
	if d.loaded {
		if d.labels == nil {
			return nil, annotate.Errorf(annotate.EINVALID, "no readable labels.json beside %s maps tag numbers to names", d.name)
		}
		return d.labels, nil
	}
	d.loaded = true
	path := filepath.Join(filepath.Dir(d.name), "labels.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "no labels.json beside %s maps tag numbers to names", d.name)
	}
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return nil, annotate.Errorf(annotate.EINVALID, "%s is not a JSON array of tag names: %v", path, err)
	}
	d.labels = names
	return names, nil
}

// spansFromBIO turns per-token BIO tags into spans; starts/ends are code points.
func spansFromBIO(tags []string, starts, ends []int, offsets *annotate.Offsets, field string) ([]annotate.Span, error) {
	var spans []annotate.Span
	open := -1
	for i, tag := range tags {
		prefix, label, err := splitTag(tag)
		if err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s[%d]: %v", field, i, err)
		}
		continues := prefix == 'I' && open >= 0 && spans[open].Label == label
		if continues {
			spans[open].End = ends[i]
			continue
		}
		open = -1
		if prefix == 'O' {
			continue
		}
		spans = append(spans, annotate.Span{Start: starts[i], End: ends[i], Label: label})
		open = len(spans) - 1
	}
	for i := range spans {
		spans[i].Text = offsets.Slice(spans[i].Start, spans[i].End)
	}
	return spans, nil
}

// splitTag reads "O", "B-LABEL" or "I-LABEL" (IOB1 and BIOES-free).
func splitTag(tag string) (byte, string, error) {
	if tag == "O" {
		return 'O', "", nil
	}
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && (tag[1] == '-' || tag[1] == '_') {
		label := annotate.NormalizeLabelName(tag[2:])
		if label != "" {
			return tag[0], label, nil
		}
	}
	return 0, "", fmt.Errorf("tag %q is not O, B-LABEL or I-LABEL", tag)
}

// firstRunes is the start of a line, for quoting it in an error.
func firstRunes(line []byte, n int) string {
	runes := []rune(string(line))
	if len(runes) > n {
		return string(runes[:n]) + "…"
	}
	return string(runes)
}
