package suggest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
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
	buf bytes.Buffer
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
}

type jsonRef struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

type jsonRelation struct {
	Head  jsonRef `json:"head_span"`
	Child jsonRef `json:"child_span"`
	Label string  `json:"label"`
}

type jsonRecord struct {
	Text      string         `json:"text"`
	Spans     []jsonSpan     `json:"spans"`
	Relations []jsonRelation `json:"relations"`
	Meta      map[string]any `json:"meta"`
}

// Encode writes one document with its suggestions.
func (e *JSONLEncoder) Encode(doc annotate.Document, suggestions []Suggestion) error {
	rec := jsonRecord{Text: doc.Text, Spans: []jsonSpan{}, Relations: []jsonRelation{}, Meta: map[string]any{"title": doc.Title}}
	if doc.ID != 0 {
		rec.Meta["doc_id"] = strconv.FormatInt(doc.ID, 10)
	}
	if doc.Source != "" {
		rec.Meta["source"] = doc.Source
	}
	mentions := map[[2]int]bool{}
	var sourceSpans []jsonSpan
	for _, s := range suggestions {
		span := jsonSpan{Start: s.Start, End: s.End, Label: s.Label, Text: s.Text, Rule: s.Rule, Confidence: s.Confidence, Attrs: s.Attrs}
		if s.Source != "" {
			span.Attrs = map[string]any{"source": s.Source}
		}
		rec.Spans = append(rec.Spans, span)
		if s.Mention == nil {
			continue
		}
		key := [2]int{s.Mention.Start, s.Mention.End}
		if !mentions[key] {
			mentions[key] = true
			sourceSpans = append(sourceSpans, jsonSpan{Start: s.Mention.Start, End: s.Mention.End, Label: LabelSource, Text: s.Mention.Text, Rule: "SOURCE: " + s.Mention.SourceRule, Confidence: s.Confidence})
		}
		rec.Relations = append(rec.Relations, jsonRelation{
			Head:  jsonRef{Start: s.Start, End: s.End, Label: s.Label},
			Child: jsonRef{Start: s.Mention.Start, End: s.Mention.End, Label: LabelSource},
			Label: "SOURCE_OF",
		})
	}
	rec.Spans = mergeByStart(rec.Spans, sourceSpans)
	e.buf.Reset()
	enc := json.NewEncoder(&e.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return fmt.Errorf("encode document %d: %w", doc.ID, err)
	}
	_, err := e.w.Write(e.buf.Bytes())
	return err
}

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

func sortSpans(spans []jsonSpan) {
	for i := 1; i < len(spans); i++ {
		for k := i; k > 0 && (spans[k].Start < spans[k-1].Start || spans[k].Start == spans[k-1].Start && spans[k].End > spans[k-1].End); k-- {
			spans[k], spans[k-1] = spans[k-1], spans[k]
		}
	}
}
