package dataset

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// HFEncoder writes Hugging Face token-classification JSONL, one document a line:
//
//	{"id": "1", "tokens": ["The", ...], "ner_tags": ["O", "B-DEMAND", ...]}
//
// Tokens come from Tokenize; tags follow the BIO rule of bioTags. TagNames gives
// the names for labels.json. Offsets do not appear, so the unit does not matter.
type HFEncoder struct {
	j    *jsonWriter
	tags tagSet
	ch   Changes
}

// NewHFEncoder writes to w; opts.Labels fixes the order of TagNames.
func NewHFEncoder(w io.Writer, opts EncodeOptions) *HFEncoder {
	return &HFEncoder{j: newJSONWriter(w), tags: newTagSet(opts.Labels)}
}

// Encode writes one document line.
func (e *HFEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if e.j.err != nil {
		return e.j.err
	}
	if _, err := convertSpans(doc, annotate.NewOffsets(doc.Document.Text), annotate.UnitCodepoint); err != nil {
		return err
	}
	tokens := Tokenize(doc.Document.Text)
	tags := bioTags(tokens, doc.Spans, &e.ch)
	j := e.j
	j.raw(`{"id": `)
	j.str(docIDString(doc.Document))
	j.raw(`, "tokens": [`)
	for i, tok := range tokens {
		if i > 0 {
			j.raw(", ")
		}
		j.str(tok.Text)
	}
	j.raw(`], "ner_tags": [`)
	for i, tag := range tags {
		if i > 0 {
			j.raw(", ")
		}
		j.str(tag)
		e.tags.see(tag)
	}
	j.raw("]}\n")
	return j.flush()
}

// Close flushes the output.
func (e *HFEncoder) Close() error { return e.j.close() }

// Changes reports the spans the BIO rule widened or dropped.
func (e *HFEncoder) Changes() Changes { return e.ch }

// TagNames lists tag names in id order for labels.json: "O", then "B-L", "I-L" for
// each label in label order, then labels met in the data but not in the list.
func (e *HFEncoder) TagNames() []string { return e.tags.names() }

// LabelsJSON is the content of labels.json.
func (e *HFEncoder) LabelsJSON() []byte {
	data, _ := json.MarshalIndent(e.TagNames(), "", "  ")
	return append(data, '\n')
}

// tagSet keeps the label order for labels.json.
type tagSet struct {
	order []string
	known map[string]bool
}

func newTagSet(labels []annotate.Label) tagSet {
	t := tagSet{known: map[string]bool{}}
	for _, l := range labels {
		t.add(l.Name)
	}
	return t
}

func (t *tagSet) add(label string) {
	if !t.known[label] {
		t.known[label] = true
		t.order = append(t.order, label)
	}
}

func (t *tagSet) see(tag string) {
	if tag != "O" {
		t.add(strings.TrimPrefix(strings.TrimPrefix(tag, "B-"), "I-"))
	}
}

func (t *tagSet) names() []string {
	names := []string{"O"}
	for _, l := range t.order {
		names = append(names, "B-"+l, "I-"+l)
	}
	return names
}
