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
	// Relations links spans of the record: Prodigy's {"head_span", "child_span",
	// "label"} or doccano's {"from_id", "to_id", "type"} (with "entities").
	Relations json.RawMessage `json:"relations"`
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
	if err := checkJSONLine(trimmed); err != nil {
		return annotate.ImportRecord{}, err
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
		if rec.Spans, err = spacySpans(builder, raw.Spans); err == nil {
			rec.Links, err = prodigyRelations(builder, rec.Spans, raw.Relations)
		}
		rec.SpanField = "spans"
	case FormatDoccano:
		if !isNull(raw.Entities) {
			var ids []int64
			if rec.Spans, ids, err = doccanoEntities(builder, raw.Entities); err == nil {
				rec.Links, err = doccanoRelations(ids, raw.Relations)
			}
			rec.SpanField = "entities"
		} else {
			rec.Spans, err = doccanoSpans(builder, raw.Label)
		}
	}
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	switch answer, _ := rawString(raw.Answer, "answer"); answer {
	case "reject", "ignore":
		rec.Spans, rec.Links = nil, nil
	case "accept":
		rec.Document.Status = annotate.StatusDone
	}
	return rec, nil
}

// spacySpan is one Prodigy span; token_start/token_end are ignored on import
// because Newsmark tokenises afresh.
type spacySpan struct {
	Start       json.RawMessage `json:"start"`
	End         json.RawMessage `json:"end"`
	Label       json.RawMessage `json:"label"`
	Text        json.RawMessage `json:"text"`
	Annotator   json.RawMessage `json:"annotator"`
	Note        json.RawMessage `json:"note"`
	Attrs       json.RawMessage `json:"attrs"`
	ParsedAttrs json.RawMessage `json:"parsed_attrs"`
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
		if err := spanAttrs(&span, s.Attrs, s.ParsedAttrs, where); err != nil {
			return annotate.Span{}, err
		}
		return span, nil
	})
}

// spanAttrs reads a span's "attrs" and "parsed_attrs" into it; attrs.note and
// attrs.annotator fill a note or annotator the span does not give otherwise.
func spanAttrs(span *annotate.Span, rawAttrs, rawParsed json.RawMessage, where string) error {
	attrs, note, annotator, err := decodeAttrs(rawAttrs, where+".attrs")
	if err != nil {
		return err
	}
	if err := markParsed(attrs, rawParsed, where+".parsed_attrs"); err != nil {
		return err
	}
	span.Attrs = attrs
	if note != nil && span.Note == "" {
		span.Note = *note
	}
	if annotator != nil && span.Annotator == "" {
		span.Annotator = *annotator
	}
	return nil
}

type prodigyRelation struct {
	HeadSpan  json.RawMessage `json:"head_span"`
	ChildSpan json.RawMessage `json:"child_span"`
	Label     json.RawMessage `json:"label"`
}

type spanRef struct {
	Start json.RawMessage `json:"start"`
	End   json.RawMessage `json:"end"`
	Label json.RawMessage `json:"label"`
}

// prodigyRelations reads Prodigy's relations, finding head_span and child_span
// among the record's spans by start, end and label (in the file's unit).
func prodigyRelations(b spanBuilder, spans []annotate.Span, raw json.RawMessage) ([]annotate.ImportLink, error) {
	items, err := rawArray(raw, `"relations"`)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	index := spanIndex(spans)
	find := func(rawRef json.RawMessage, where string) (int, error) {
		var ref spanRef
		if err := rawObject(rawRef, where, "an object with start, end and label", &ref); err != nil {
			return 0, err
		}
		start, end, label, err := spanFields(ref.Start, where+".start", ref.End, where+".end", ref.Label, where+".label")
		if err != nil {
			return 0, err
		}
		span, err := b.span(where, start, end, label, nil)
		if err != nil {
			return 0, err
		}
		i, ok := index[spanKey{span.Start, span.End, span.Label}]
		if !ok {
			return 0, annotate.Errorf(annotate.EINVALID, "%s (%d-%d %s, %q) is not one of the record's spans", where, start, end, span.Label, annotate.Clip(span.Text))
		}
		return i, nil
	}
	links := make([]annotate.ImportLink, 0, len(items))
	for i, item := range items {
		where := fmt.Sprintf("relations[%d]", i)
		var rel prodigyRelation
		if err := rawObject(item, where, "an object with head_span, child_span and label", &rel); err != nil {
			return nil, err
		}
		head, err := find(rel.HeadSpan, where+".head_span")
		if err != nil {
			return nil, err
		}
		child, err := find(rel.ChildSpan, where+".child_span")
		if err != nil {
			return nil, err
		}
		label, err := rawString(rel.Label, where+".label")
		if err != nil {
			return nil, err
		}
		links = append(links, annotate.ImportLink{Head: head, Child: child, Label: label})
	}
	return links, nil
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
	ID          json.RawMessage `json:"id"`
	Label       json.RawMessage `json:"label"`
	StartOffset json.RawMessage `json:"start_offset"`
	EndOffset   json.RawMessage `json:"end_offset"`
	Attrs       json.RawMessage `json:"attrs"`
	ParsedAttrs json.RawMessage `json:"parsed_attrs"`
}

// doccanoEntities reads doccano 1.6+'s [{"id", "label", "start_offset",
// "end_offset"}] (Newsmark adds "attrs" and "parsed_attrs"), and returns each
// entity's id (0 if it has none) for the relations.
func doccanoEntities(b spanBuilder, raw json.RawMessage) ([]annotate.Span, []int64, error) {
	var ids []int64
	spans, err := eachSpan(raw, "entities", func(where string, item json.RawMessage) (annotate.Span, error) {
		var e doccanoEntity
		if err := rawObject(item, where, "an object with label, start_offset and end_offset", &e); err != nil {
			return annotate.Span{}, err
		}
		start, end, label, err := spanFields(
			e.StartOffset, where+".start_offset", e.EndOffset, where+".end_offset", e.Label, where+".label")
		if err != nil {
			return annotate.Span{}, err
		}
		var id int
		if !isNull(e.ID) {
			if id, err = rawInt(e.ID, where+".id"); err != nil {
				return annotate.Span{}, err
			}
		}
		ids = append(ids, int64(id))
		span, err := b.span(where, start, end, label, nil)
		if err != nil {
			return annotate.Span{}, err
		}
		return span, spanAttrs(&span, e.Attrs, e.ParsedAttrs, where)
	})
	return spans, ids, err
}

type doccanoRelation struct {
	FromID json.RawMessage `json:"from_id"`
	ToID   json.RawMessage `json:"to_id"`
	Type   json.RawMessage `json:"type"`
}

// doccanoRelations reads doccano's [{"id", "from_id", "to_id", "type"}], the ids
// those of the entities.
func doccanoRelations(ids []int64, raw json.RawMessage) ([]annotate.ImportLink, error) {
	items, err := rawArray(raw, `"relations"`)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	index := map[int64]int{}
	for i, id := range ids {
		if _, dup := index[id]; !dup && id != 0 {
			index[id] = i
		}
	}
	links := make([]annotate.ImportLink, 0, len(items))
	for i, item := range items {
		where := fmt.Sprintf("relations[%d]", i)
		var rel doccanoRelation
		if err := rawObject(item, where, "an object with from_id, to_id and type", &rel); err != nil {
			return nil, err
		}
		from, err := rawInt(rel.FromID, where+".from_id")
		if err != nil {
			return nil, err
		}
		to, err := rawInt(rel.ToID, where+".to_id")
		if err != nil {
			return nil, err
		}
		label, err := rawString(rel.Type, where+".type")
		if err != nil {
			return nil, err
		}
		head, ok1 := index[int64(from)]
		child, ok2 := index[int64(to)]
		if !ok1 || !ok2 {
			missing := from
			if ok1 {
				missing = to
			}
			return nil, annotate.Errorf(annotate.EINVALID, "%s links entity %d, which the record does not have", where, missing)
		}
		links = append(links, annotate.ImportLink{Head: head, Child: child, Label: label})
	}
	return links, nil
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
