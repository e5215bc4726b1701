package suggest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// JSONLEncoder writes suggestions as spaCy/Prodigy JSONL in the canonical shape of
// FORMATS.md ("Attributes and relations"), one document a line:
//
//	{"text": …, "spans": [{"start", "end", "label", "text", "rule", "confidence"[, "attrs"]}],
//	 "relations": [{"head_span", "child_span", "label": "SOURCE_OF"}],
//	 "meta": {"doc_id", "title", "source"}}
//
// Statements carry attrs.source; each source mention is a SOURCE span (written
// once however many statements it names), linked to its statements by SOURCE_OF
// relations; CASUALTY spans carry their parsed attributes. Offsets are code
// points. There is no "answer": these are proposals, not accepted annotations.
type JSONLEncoder struct {
	w   io.Writer
	buf []byte
}

// NewJSONLEncoder writes to w.
func NewJSONLEncoder(w io.Writer) *JSONLEncoder { return &JSONLEncoder{w: w} }

type jsonSpan struct {
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Label      string         `json:"label"`
	Text       string         `json:"text"`
	Rule       string         `json:"rule"`
	Confidence float64        `json:"confidence"`
	Attrs      map[string]any `json:"attrs,omitempty"`
	Source     string         // written as attrs.source (statements have no other attrs)
}

type jsonRef struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

type jsonRelation struct {
	Head  jsonRef `json:"head_span"`
	Child jsonRef `json:"child_span"`
}

// Encode writes one document with its suggestions.
func (e *JSONLEncoder) Encode(doc annotate.Document, suggestions []Suggestion) error {
	spans := make([]jsonSpan, 0, len(suggestions)+len(suggestions)/2)
	relations := make([]jsonRelation, 0, len(suggestions))
	mentions := map[[2]int]bool{}
	var sourceSpans []jsonSpan
	for _, s := range suggestions {
		spans = append(spans, jsonSpan{Start: s.Start, End: s.End, Label: s.Label, Text: s.Text, Rule: s.Rule, Confidence: s.Confidence, Attrs: s.Attrs, Source: s.Source})
		if s.Mention == nil {
			continue
		}
		key := [2]int{s.Mention.Start, s.Mention.End}
		if !mentions[key] {
			mentions[key] = true
			sourceSpans = append(sourceSpans, jsonSpan{Start: s.Mention.Start, End: s.Mention.End, Label: LabelSource, Text: s.Mention.Text, Rule: "SOURCE: " + s.Mention.SourceRule, Confidence: s.Confidence})
		}
		relations = append(relations, jsonRelation{
			Head:  jsonRef{Start: s.Start, End: s.End, Label: s.Label},
			Child: jsonRef{Start: s.Mention.Start, End: s.Mention.End, Label: LabelSource},
		})
	}
	spans = mergeByStart(spans, sourceSpans)

	// Written by hand: encoding/json's reflection cost as much as finding the
	// suggestions. Key order follows FORMATS.md.
	b := e.buf[:0]
	b = append(b, `{"text": `...)
	b = dataset.AppendJSONString(b, doc.Text)
	b = append(b, `, "spans": [`...)
	for i, s := range spans {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendRefFields(append(b, '{'), s.Start, s.End, s.Label)
		b = append(b, `, "text": `...)
		b = dataset.AppendJSONString(b, s.Text)
		b = append(b, `, "rule": `...)
		b = dataset.AppendJSONString(b, s.Rule)
		b = append(b, `, "confidence": `...)
		b = strconv.AppendFloat(b, s.Confidence, 'g', -1, 64)
		if s.Source != "" && len(s.Attrs) == 0 {
			b = append(b, `, "attrs": {"source": `...)
			b = dataset.AppendJSONString(b, s.Source)
			b = append(b, '}')
		} else if len(s.Attrs) > 0 {
			attrs := s.Attrs
			if s.Source != "" {
				attrs = maps.Clone(attrs)
				attrs["source"] = s.Source
			}
			b = append(b, `, "attrs": `...)
			var err error
			if b, err = appendAttrs(b, attrs); err != nil {
				return fmt.Errorf("encode document %d: %w", doc.ID, err)
			}
		}
		b = append(b, '}')
	}
	b = append(b, `], "relations": [`...)
	for i, r := range relations {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, `{"head_span": `...)
		b = appendRef(b, r.Head)
		b = append(b, `, "child_span": `...)
		b = appendRef(b, r.Child)
		b = append(b, `, "label": "SOURCE_OF"}`...)
	}
	b = append(b, `], "meta": {"title": `...)
	b = dataset.AppendJSONString(b, doc.Title)
	if doc.ID != 0 {
		b = append(b, `, "doc_id": `...)
		b = dataset.AppendJSONString(b, strconv.FormatInt(doc.ID, 10))
	}
	if doc.Source != "" {
		b = append(b, `, "source": `...)
		b = dataset.AppendJSONString(b, doc.Source)
	}
	b = append(b, "}}\n"...)
	e.buf = b
	_, err := e.w.Write(b)
	return err
}

func appendRef(b []byte, r jsonRef) []byte {
	return append(appendRefFields(append(b, '{'), r.Start, r.End, r.Label), '}')
}

// appendRefFields writes the "start", "end" and "label" members that open both a
// span and a relation's reference to one.
func appendRefFields(b []byte, start, end int, label string) []byte {
	b = append(b, `"start": `...)
	b = strconv.AppendInt(b, int64(start), 10)
	b = append(b, `, "end": `...)
	b = strconv.AppendInt(b, int64(end), 10)
	b = append(b, `, "label": `...)
	return dataset.AppendJSONString(b, label)
}

// appendAttrs writes attributes in a fixed key order (source, count, min, max,
// kind, qualifier, group, then any other key sorted).
func appendAttrs(b []byte, attrs map[string]any) ([]byte, error) {
	keys := make([]string, 0, len(attrs))
	for _, k := range attrOrder {
		if _, ok := attrs[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range attrs {
		if !slices.Contains(attrOrder, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	keys = append(keys, rest...)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = dataset.AppendJSONString(b, k)
		b = append(b, ": "...)
		switch v := attrs[k].(type) {
		case string:
			b = dataset.AppendJSONString(b, v)
		case int64:
			b = strconv.AppendInt(b, v, 10)
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		case float64:
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		case bool:
			b = strconv.AppendBool(b, v)
		default:
			raw, err := json.Marshal(v)
			if err != nil {
				return nil, fmt.Errorf("attribute %s: %w", k, err)
			}
			b = append(b, raw...)
		}
	}
	return append(b, '}'), nil
}

var attrOrder = []string{"source", "count", "min", "max", "kind", "qualifier", "group"}

// mergeByStart merges two span lists, each sorted by start (then longer first).
func mergeByStart(a, b []jsonSpan) []jsonSpan {
	if len(b) == 0 {
		return a
	}
	sortSpans(b)
	out := make([]jsonSpan, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && (a[i].Start < b[j].Start || a[i].Start == b[j].Start && a[i].End >= b[j].End) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// sortSpans sorts by start, then longer first, keeping the order of equal spans.
func sortSpans(spans []jsonSpan) {
	slices.SortStableFunc(spans, func(x, y jsonSpan) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		return cmp.Compare(y.End, x.End)
	})
}
