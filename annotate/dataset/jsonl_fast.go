package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// The fast path decodes a well-formed spacy, doccano or plain JSONL line in one pass
// into typed fields. encoding/json.Unmarshal validates a value before decoding it,
// and the careful path decodes each key again for precise messages; on a 3 KB
// article that triple scan of the text dominated import time. Any irregularity
// (a wrong type, a missing key, a bad offset) makes the fast path give up, and the
// careful path then produces the record or the error message, so both paths accept
// and refuse exactly the same lines.

type fastRecord struct {
	Text  *string        `json:"text"`
	Meta  map[string]any `json:"meta"`
	Spans []fastSpan     `json:"spans"`
	Label [][]any        `json:"label"`
	// Entities (doccano 1.6+) goes to the careful path.
	Entities json.RawMessage `json:"entities"`
	Tokens   json.RawMessage `json:"tokens"`
	NerTags  json.RawMessage `json:"ner_tags"`
	Answer   *string         `json:"answer"`
	// Relations, and attrs on spans, go to the careful path.
	Relations json.RawMessage `json:"relations"`
}

type fastSpan struct {
	Start       *int            `json:"start"`
	End         *int            `json:"end"`
	Label       *string         `json:"label"`
	Text        *string         `json:"text"`
	Annotator   *string         `json:"annotator"`
	Note        *string         `json:"note"`
	Attrs       json.RawMessage `json:"attrs"`
	ParsedAttrs json.RawMessage `json:"parsed_attrs"`
}

// fastLine returns ok=false whenever the careful path must look at the line.
func (d *JSONLDecoder) fastLine(line []byte) (annotate.ImportRecord, bool) {
	var raw fastRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil || int(dec.InputOffset()) != len(line) {
		return annotate.ImportRecord{}, false
	}
	shape := d.opts.Format
	if shape == FormatJSONL || shape == FormatAuto || shape == "" {
		switch {
		case raw.Text == nil && len(raw.Tokens) > 0 && len(raw.NerTags) > 0:
			shape = FormatHF
		case raw.Spans != nil:
			shape = FormatSpacy
		case raw.Label != nil:
			shape = FormatDoccano
		default:
			shape = FormatJSONL
		}
	}
	if len(raw.Entities) > 0 && !isNull(raw.Entities) || len(raw.Relations) > 0 && !isNull(raw.Relations) {
		return annotate.ImportRecord{}, false
	}
	if shape == FormatHF || raw.Text == nil || strings.TrimSpace(*raw.Text) == "" {
		return annotate.ImportRecord{}, false
	}
	if bytes.Contains(line, []byte(`"meta"`)) && raw.Meta == nil {
		return annotate.ImportRecord{}, false // meta given but null or not an object
	}
	if _, bad := nonStringName(raw.Meta); bad {
		return annotate.ImportRecord{}, false // the careful path names the wrong type
	}
	text := *raw.Text
	rec := annotate.ImportRecord{Origin: d.origin(), Document: documentFromMeta(text, raw.Meta, d.origin())}
	if rec.Document.Validate() != nil {
		return annotate.ImportRecord{}, false
	}
	builder := newSpanBuilder(text, d.opts.Unit)
	switch shape {
	case FormatSpacy:
		rec.SpanField = "spans"
		rec.Spans = make([]annotate.Span, 0, len(raw.Spans))
		for i, s := range raw.Spans {
			if s.Start == nil || s.End == nil || s.Label == nil || len(s.Attrs) > 0 || len(s.ParsedAttrs) > 0 {
				return annotate.ImportRecord{}, false
			}
			span, err := builder.span(fmt.Sprintf("spans[%d]", i), *s.Start, *s.End, *s.Label, s.Text)
			if err != nil {
				return annotate.ImportRecord{}, false
			}
			if s.Annotator != nil {
				span.Annotator = *s.Annotator
			}
			if s.Note != nil {
				span.Note = *s.Note
			}
			rec.Spans = append(rec.Spans, span)
		}
	case FormatDoccano:
		rec.Spans = make([]annotate.Span, 0, len(raw.Label))
		for i, triple := range raw.Label {
			if len(triple) != 3 {
				return annotate.ImportRecord{}, false
			}
			start, ok1 := jsonWholeNumber(triple[0])
			end, ok2 := jsonWholeNumber(triple[1])
			label, ok3 := triple[2].(string)
			if !ok1 || !ok2 || !ok3 {
				return annotate.ImportRecord{}, false
			}
			span, err := builder.span(fmt.Sprintf("label[%d]", i), start, end, label, nil)
			if err != nil {
				return annotate.ImportRecord{}, false
			}
			rec.Spans = append(rec.Spans, span)
		}
	}
	if raw.Answer != nil {
		switch *raw.Answer {
		case "reject", "ignore":
			rec.Spans = nil
		case "accept":
			rec.Document.Status = annotate.StatusDone
		}
	}
	return rec, true
}

func jsonWholeNumber(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}
