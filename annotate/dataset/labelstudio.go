package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsmark/newsmark/annotate"
)

// LabelStudioEncoder writes a Label Studio JSON array of tasks, one task a line:
//
//	[{"id": 1, "data": {"text": ..., "title": ..., "source": ...}, "annotations": [{"result": [
//	  {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
//	   "value": {"start", "end", "text", "labels": ["QUOTE"]}[, "meta": {"text": [note]}]}]}]}]
//
// "from_name"/"to_name" match the default NER labelling config (<Labels
// name="label" toName="text">, <Text name="text" value="$text">). A span's note goes
// in the region's "meta", where Label Studio keeps region notes; the annotator has
// no place and is left out. The document's own Meta goes in the task's "meta".
type LabelStudioEncoder struct {
	j     *jsonWriter
	opts  EncodeOptions
	tasks int
}

// NewLabelStudioEncoder writes to w.
func NewLabelStudioEncoder(w io.Writer, opts EncodeOptions) *LabelStudioEncoder {
	return &LabelStudioEncoder{j: newJSONWriter(w), opts: opts}
}

// Encode writes one task.
func (e *LabelStudioEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if e.j.err != nil {
		return e.j.err
	}
	spans, err := convertSpansFast(doc, e.opts.Unit)
	if err != nil {
		return err
	}
	j := e.j
	if e.tasks == 0 {
		j.raw("[")
	} else {
		j.raw(",\n")
	}
	e.tasks++
	j.raw(`{"id": `)
	j.int(int(doc.Document.ID))
	j.raw(`, "data": {"text": `)
	j.str(doc.Document.Text)
	j.raw(`, "title": `)
	j.str(doc.Document.Title)
	j.raw(`, "source": `)
	j.str(doc.Document.Source)
	j.raw(`}, "annotations": [{"result": [`)
	for i, span := range spans {
		if i > 0 {
			j.raw(", ")
		}
		j.raw(`{"id": "a`)
		j.int(i + 1)
		j.raw(`", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": `)
		j.int(span.UnitStart)
		j.raw(`, "end": `)
		j.int(span.UnitEnd)
		j.raw(`, "text": `)
		j.str(span.Text)
		j.raw(`, "labels": [`)
		j.str(span.Label)
		j.raw("]}")
		if span.Note != "" {
			j.raw(`, "meta": {"text": [`)
			j.str(span.Note)
			j.raw("]}")
		}
		j.raw("}")
	}
	j.raw("]}]")
	if meta := exportMeta(doc.Document); len(meta) > 0 {
		j.raw(`, "meta": `)
		if err := j.writeMeta(nil, "", meta); err != nil {
			return fmt.Errorf("document %d: %w", doc.Document.ID, err)
		}
	}
	j.raw("}")
	return j.flush()
}

// Close ends the array and flushes.
func (e *LabelStudioEncoder) Close() error {
	if e.tasks == 0 {
		e.j.raw("[")
	}
	e.j.raw("]\n")
	return e.j.close()
}

// maxLabelStudioBytes bounds a Label Studio file, which is one JSON array read whole.
const maxLabelStudioBytes = 2 << 30

// LabelStudioDecoder reads a Label Studio JSON export (an array of tasks). Each
// task's text is data.text; its title and source come from data.title/data.source
// when present. Every "labels" result in every annotation becomes a span (one per
// label if a region has several); identical regions from several annotations are
// kept once. Predictions and other result types are ignored.
type LabelStudioDecoder struct {
	name  string
	opts  DecodeOptions
	r     io.Reader
	data  []byte
	dec   *json.Decoder
	done  bool
	lines lineCounter
}

// NewLabelStudioDecoder reads from r; name is the file path for errors.
func NewLabelStudioDecoder(r io.Reader, name string, opts DecodeOptions) *LabelStudioDecoder {
	return &LabelStudioDecoder{name: name, opts: opts, r: r}
}

// lineCounter turns byte offsets, met in increasing order, into line numbers.
type lineCounter struct {
	data   []byte
	offset int
	line   int
}

func (c *lineCounter) at(offset int) int {
	if offset > len(c.data) {
		offset = len(c.data)
	}
	if offset < c.offset {
		c.offset, c.line = 0, 1
	}
	c.line += bytes.Count(c.data[c.offset:offset], []byte("\n"))
	c.offset = offset
	return c.line
}

func (d *LabelStudioDecoder) fail(offset int, err error) (annotate.ImportRecord, error) {
	return annotate.ImportRecord{}, annotate.RecordError{Origin: fmt.Sprintf("%s:%d", d.name, d.lines.at(offset)), Err: err}
}

func (d *LabelStudioDecoder) stop(offset int, err error) (annotate.ImportRecord, error) {
	d.done = true
	return d.fail(offset, err)
}

// syntaxErrorAt is the byte offset a JSON stream error points at.
func (d *LabelStudioDecoder) syntaxErrorAt(err error) int {
	if se, ok := err.(*json.SyntaxError); ok {
		return int(se.Offset)
	}
	return int(d.dec.InputOffset())
}

// streamJSONError describes an error of the whole-file JSON stream; the line is in
// the origin, so no column is given.
func streamJSONError(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return annotate.Errorf(annotate.EINVALID, "malformed JSON: the file ends before the array is closed")
	}
	if se, ok := err.(*json.SyntaxError); ok {
		return annotate.Errorf(annotate.EINVALID, "malformed JSON: %s", se.Error())
	}
	return describeJSONError(err)
}

// Decode returns the next task's document, io.EOF at the end.
func (d *LabelStudioDecoder) Decode() (annotate.ImportRecord, error) {
	if d.done {
		return annotate.ImportRecord{}, io.EOF
	}
	if d.dec == nil {
		data, err := io.ReadAll(io.LimitReader(d.r, maxLabelStudioBytes+1))
		if err != nil {
			d.done = true
			return annotate.ImportRecord{}, annotate.RecordError{Origin: d.name, Err: fmt.Errorf("cannot read: %w", err)}
		}
		if len(data) > maxLabelStudioBytes {
			d.done = true
			return annotate.ImportRecord{}, annotate.RecordError{Origin: d.name, Err: annotate.Errorf(annotate.EINVALID, "file is over %d bytes, the limit for a Label Studio export", maxLabelStudioBytes)}
		}
		data = bytes.TrimPrefix(data, utf8BOM)
		d.data = data
		d.lines = lineCounter{data: data, line: 1}
		if len(bytes.TrimSpace(data)) == 0 {
			return d.stop(0, annotate.Errorf(annotate.EINVALID, "is empty"))
		}
		d.dec = json.NewDecoder(bytes.NewReader(data))
		d.dec.UseNumber()
		tok, err := d.dec.Token()
		if err != nil {
			return d.stop(d.syntaxErrorAt(err), streamJSONError(err))
		}
		if delim, ok := tok.(json.Delim); !ok || delim != '[' {
			return d.stop(0, annotate.Errorf(annotate.EINVALID, "malformed Label Studio export: want a JSON array of tasks [...]"))
		}
	}
	if !d.dec.More() {
		d.done = true
		if _, err := d.dec.Token(); err != nil {
			return d.stop(d.syntaxErrorAt(err), streamJSONError(err))
		}
		return annotate.ImportRecord{}, io.EOF
	}
	// The element starts after the separator and blanks that precede it.
	start := int(d.dec.InputOffset())
	for start < len(d.data) && (d.data[start] == ',' || d.data[start] == ' ' || d.data[start] == '\n' || d.data[start] == '\r' || d.data[start] == '\t') {
		start++
	}
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		return d.stop(d.syntaxErrorAt(err), streamJSONError(err))
	}
	origin := fmt.Sprintf("%s:%d", d.name, d.lines.at(start))
	rec, err := d.task(raw, origin)
	if err != nil {
		return d.fail(start, err)
	}
	return rec, nil
}

type lsTask struct {
	Data        json.RawMessage `json:"data"`
	Annotations json.RawMessage `json:"annotations"`
	Meta        json.RawMessage `json:"meta"`
}

type lsData struct {
	Text   json.RawMessage `json:"text"`
	Title  json.RawMessage `json:"title"`
	Source json.RawMessage `json:"source"`
}

type lsAnnotation struct {
	Result json.RawMessage `json:"result"`
}

type lsResult struct {
	Type  json.RawMessage `json:"type"`
	Value json.RawMessage `json:"value"`
	Meta  json.RawMessage `json:"meta"`
}

type lsValue struct {
	Start  json.RawMessage `json:"start"`
	End    json.RawMessage `json:"end"`
	Text   json.RawMessage `json:"text"`
	Labels json.RawMessage `json:"labels"`
}

func (d *LabelStudioDecoder) task(raw json.RawMessage, origin string) (annotate.ImportRecord, error) {
	var task lsTask
	if err := rawObject(raw, "task", "an object", &task); err != nil {
		return annotate.ImportRecord{}, err
	}
	var data lsData
	if err := rawObject(task.Data, `task "data"`, `an object with "text"`, &data); err != nil {
		return annotate.ImportRecord{}, err
	}
	text, err := rawString(data.Text, "data.text")
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	if text == "" {
		return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "data.text is empty")
	}
	meta, err := rawMeta(task.Meta, "meta")
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	if meta == nil {
		meta = map[string]any{}
	}
	if title, err := rawString(data.Title, "data.title"); err == nil {
		meta["title"] = title
	}
	if source, err := rawString(data.Source, "data.source"); err == nil {
		meta["source"] = source
	}
	rec := annotate.ImportRecord{Origin: origin, Document: documentFromMeta(text, meta, origin)}
	if err := rec.Document.Validate(); err != nil {
		return annotate.ImportRecord{}, err
	}
	builder := newSpanBuilder(text, d.opts.Unit)
	annotations, err := rawArray(task.Annotations, "annotations")
	if err != nil {
		return annotate.ImportRecord{}, err
	}
	type key struct {
		start, end int
		label      string
	}
	seen := map[key]bool{}
	for a, rawAnn := range annotations {
		var ann lsAnnotation
		if err := rawObject(rawAnn, fmt.Sprintf("annotations[%d]", a), "an object", &ann); err != nil {
			return annotate.ImportRecord{}, err
		}
		results, err := rawArray(ann.Result, fmt.Sprintf("annotations[%d].result", a))
		if err != nil {
			return annotate.ImportRecord{}, err
		}
		for r, rawResult := range results {
			where := fmt.Sprintf("annotations[%d].result[%d]", a, r)
			var result lsResult
			if err := rawObject(rawResult, where, "an object", &result); err != nil {
				return annotate.ImportRecord{}, err
			}
			if typ, _ := rawString(result.Type, "type"); typ != "labels" {
				continue
			}
			var value lsValue
			if err := rawObject(result.Value, where+".value", "an object", &value); err != nil {
				return annotate.ImportRecord{}, err
			}
			start, err := rawInt(value.Start, where+".value.start")
			if err != nil {
				return annotate.ImportRecord{}, err
			}
			end, err := rawInt(value.End, where+".value.end")
			if err != nil {
				return annotate.ImportRecord{}, err
			}
			var want *string
			if !isNull(value.Text) {
				s, err := rawString(value.Text, where+".value.text")
				if err != nil {
					return annotate.ImportRecord{}, err
				}
				want = &s
			}
			labelItems, err := rawArray(value.Labels, where+".value.labels")
			if err != nil {
				return annotate.ImportRecord{}, err
			}
			if len(labelItems) == 0 {
				return annotate.ImportRecord{}, annotate.Errorf(annotate.EINVALID, "%s.value.labels is empty", where)
			}
			var note string
			if !isNull(result.Meta) {
				var m struct {
					Text json.RawMessage `json:"text"`
				}
				if json.Unmarshal(result.Meta, &m) == nil {
					if notes, err := rawArray(m.Text, "meta.text"); err == nil && len(notes) > 0 {
						note, _ = rawString(notes[0], "meta.text[0]")
					}
				}
			}
			for l, item := range labelItems {
				label, err := rawString(item, fmt.Sprintf("%s.value.labels[%d]", where, l))
				if err != nil {
					return annotate.ImportRecord{}, err
				}
				span, err := builder.span(where, start, end, label, want)
				if err != nil {
					return annotate.ImportRecord{}, err
				}
				k := key{span.Start, span.End, span.Label}
				if seen[k] {
					continue
				}
				seen[k] = true
				span.Note = note
				rec.Spans = append(rec.Spans, span)
			}
		}
	}
	return rec, nil
}
