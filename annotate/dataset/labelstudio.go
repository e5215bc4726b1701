package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsmark/newsmark/annotate"
)

// LabelStudioEncoder writes a Label Studio JSON array of tasks, one task a line
// (attributes and relations as package dataset's comment on attributes says):
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
		parsed := parsedNames(span.Attrs)
		if span.Note != "" || len(parsed) > 0 {
			j.raw(`, "meta": {`)
			if span.Note != "" {
				j.raw(`"text": [`)
				j.str(span.Note)
				j.raw("]")
			}
			if len(parsed) > 0 {
				if span.Note != "" {
					j.raw(", ")
				}
				j.raw(`"parsed_attrs": `)
				j.writeNames(parsed)
			}
			j.raw("}")
		}
		j.raw("}")
		for _, name := range span.Attrs.Names() {
			writeLSAttr(j, i+1, span, name, span.Attrs[name])
		}
	}
	for _, ref := range linkRefs(spans, doc.Links) {
		j.raw(`, {"type": "relation", "from_id": "a`)
		j.int(ref.head + 1)
		j.raw(`", "to_id": "a`)
		j.int(ref.child + 1)
		j.raw(`", "direction": "right", "labels": [`)
		j.str(ref.label)
		j.raw("]}")
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

// writeLSAttr writes one attribute as a per-region result bound to region aN:
// a number as "number", a choice or yes/no as "choices", text and sources as
// "textarea", from_name the attribute's name.
func writeLSAttr(j *jsonWriter, region int, span unitSpan, name string, v annotate.AttrValue) {
	j.raw(`, {"id": "a`)
	j.int(region)
	j.raw(`", "from_name": `)
	j.str(name)
	j.raw(`, "to_name": "text", "type": `)
	switch v.Type {
	case annotate.AttrNumber:
		j.raw(`"number"`)
	case annotate.AttrChoice, annotate.AttrBool:
		j.raw(`"choices"`)
	default:
		j.raw(`"textarea"`)
	}
	j.raw(`, "value": {"start": `)
	j.int(span.UnitStart)
	j.raw(`, "end": `)
	j.int(span.UnitEnd)
	switch v.Type {
	case annotate.AttrNumber:
		j.raw(`, "number": `)
		j.raw(v.String())
	case annotate.AttrChoice, annotate.AttrBool:
		j.raw(`, "choices": [`)
		j.str(v.String())
		j.raw("]")
	default:
		j.raw(`, "text": [`)
		j.str(v.Text)
		j.raw("]")
	}
	j.raw("}}")
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
	ID       json.RawMessage `json:"id"`
	FromName json.RawMessage `json:"from_name"`
	Type     json.RawMessage `json:"type"`
	Value    json.RawMessage `json:"value"`
	Meta     json.RawMessage `json:"meta"`
	// relation results
	FromID json.RawMessage `json:"from_id"`
	ToID   json.RawMessage `json:"to_id"`
	Labels json.RawMessage `json:"labels"`
}

type lsValue struct {
	Start   json.RawMessage `json:"start"`
	End     json.RawMessage `json:"end"`
	Text    json.RawMessage `json:"text"`
	Labels  json.RawMessage `json:"labels"`
	Number  json.RawMessage `json:"number"`
	Choices json.RawMessage `json:"choices"`
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
	seen := map[key]int{}
	regions := map[string][]int{} // a region's id: the indexes of its spans
	var parsedMarks [][2]string   // region id, attribute name
	type later struct {
		where  string
		result lsResult
	}
	var pending []later // attribute and relation results, read once every region is known
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
			typ, _ := rawString(result.Type, "type")
			switch typ {
			case "number", "choices", "textarea", "relation":
				pending = append(pending, later{where, result})
				continue
			case "labels":
			default:
				continue
			}
			regionID, _ := rawString(result.ID, where+".id")
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
					Text        json.RawMessage `json:"text"`
					ParsedAttrs json.RawMessage `json:"parsed_attrs"`
				}
				if json.Unmarshal(result.Meta, &m) == nil {
					if notes, err := rawArray(m.Text, "meta.text"); err == nil && len(notes) > 0 {
						note, _ = rawString(notes[0], "meta.text[0]")
					}
					if names, err := rawArray(m.ParsedAttrs, "meta.parsed_attrs"); err == nil {
						for _, n := range names {
							if name, err := rawString(n, "meta.parsed_attrs[]"); err == nil {
								parsedMarks = append(parsedMarks, [2]string{regionID, name})
							}
						}
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
				if at, dup := seen[k]; dup {
					if regionID != "" {
						regions[regionID] = append(regions[regionID], at)
					}
					continue
				}
				seen[k] = len(rec.Spans)
				if regionID != "" {
					regions[regionID] = append(regions[regionID], len(rec.Spans))
				}
				span.Note = note
				rec.Spans = append(rec.Spans, span)
			}
		}
	}
	for _, p := range pending {
		if err := lsExtra(&rec, regions, p.where, p.result); err != nil {
			return annotate.ImportRecord{}, err
		}
	}
	for _, m := range parsedMarks {
		for _, i := range regions[m[0]] {
			markParsedName(rec.Spans[i].Attrs, m[1])
		}
	}
	return rec, nil
}

// lsExtra reads a per-region attribute result (number, choices, textarea) onto
// its region's spans, or a relation result into a link between two regions.
func lsExtra(rec *annotate.ImportRecord, regions map[string][]int, where string, result lsResult) error {
	typ, _ := rawString(result.Type, "type")
	if typ == "relation" {
		from, err := rawString(result.FromID, where+".from_id")
		if err != nil {
			return err
		}
		to, err := rawString(result.ToID, where+".to_id")
		if err != nil {
			return err
		}
		label := annotate.RelationSource
		if labels, err := rawArray(result.Labels, where+".labels"); err == nil && len(labels) > 0 {
			if label, err = rawString(labels[0], where+".labels[0]"); err != nil {
				return err
			}
		}
		heads, children := regions[from], regions[to]
		if len(heads) == 0 || len(children) == 0 {
			missing := from
			if len(heads) > 0 {
				missing = to
			}
			return annotate.Errorf(annotate.EINVALID, "%s links region %q, which is not a labelled region of the task", where, missing)
		}
		rec.Links = append(rec.Links, annotate.ImportLink{Head: heads[0], Child: children[0], Label: label})
		return nil
	}
	id, err := rawString(result.ID, where+".id")
	if err != nil {
		return err
	}
	spans, ok := regions[id]
	if !ok {
		return nil // a per-region result of a region that is not a span (a classification)
	}
	name, err := rawString(result.FromName, where+".from_name")
	if err != nil {
		return err
	}
	var value lsValue
	if err := rawObject(result.Value, where+".value", "an object", &value); err != nil {
		return err
	}
	var v annotate.AttrValue
	switch typ {
	case "number":
		var n any
		dec := json.NewDecoder(bytes.NewReader(value.Number))
		dec.UseNumber()
		if err := dec.Decode(&n); err != nil {
			return annotate.Errorf(annotate.EINVALID, "%s.value.number is not a number", where)
		}
		if v, err = annotate.ValueFromJSON(where+".value.number", n); err != nil {
			return err
		}
		if v.Type != annotate.AttrNumber {
			return annotate.Errorf(annotate.EINVALID, "%s.value.number is not a number", where)
		}
	default:
		field := where + ".value.text"
		raw := value.Text
		if typ == "choices" {
			field, raw = where+".value.choices", value.Choices
		}
		items, err := rawArray(raw, field)
		if err != nil {
			return err
		}
		if len(items) != 1 {
			return annotate.Errorf(annotate.EINVALID, "%s holds %d values; an attribute takes one", field, len(items))
		}
		text, err := rawString(items[0], field+"[0]")
		if err != nil {
			return err
		}
		v = annotate.TextValue(text)
	}
	for _, i := range spans {
		if rec.Spans[i].Attrs == nil {
			rec.Spans[i].Attrs = annotate.Attrs{}
		}
		rec.Spans[i].Attrs[name] = v
	}
	return nil
}
