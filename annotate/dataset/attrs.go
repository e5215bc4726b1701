package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// Attributes and links, in every format that can carry them (FORMATS.md,
// "Attributes and relations"):
//
//   - spacy: a span's "attrs" object ({"count": 14, "kind": "killed", "source":
//     "Ilse Marrow"}), "parsed_attrs" listing the values a parser filled in and
//     nobody confirmed, and the record's Prodigy-style "relations" with
//     "head_span"/"child_span" given by start, end and label (and "head"/"child"
//     token indices, the spans' first tokens, with --tokens).
//   - doccano: a document with attributes or links is written in doccano's
//     relation shape, "entities" ({"id", "start_offset", "end_offset", "label"}
//     plus "attrs" and "parsed_attrs", which doccano keeps as extra keys) and
//     "relations" ({"id", "from_id", "to_id", "type"}).
//   - Label Studio: per-region results bound to the region's id, from_name the
//     attribute's name: "number" for numbers, "choices" for choices and yes/no
//     ("true"/"false"), "textarea" for text and sources; "relation" results with
//     from_id, to_id and labels; parsed_attrs in the region's meta.
//   - brat: "A" lines (A1	kind T3 killed; the value is the rest of the line, so
//     "at least" and "Ilse Marrow" keep their spaces; a yes/no attribute that is
//     true is written without a value, brat's binary attribute), "R" lines
//     (R1	SOURCE_OF Arg1:T1 Arg2:T2) and an "A" line parsed_attrs T3 count,kind.
//   - csv: one column per attribute the labels declare.
//   - hf, conll: nowhere (token tags only).

// parsedAttrsKey names the values of a span that a parser filled in.
const parsedAttrsKey = "parsed_attrs"

// parsedNames lists, sorted, the attributes whose values are unconfirmed parses.
func parsedNames(attrs annotate.Attrs) []string {
	var names []string
	for _, name := range attrs.Names() {
		if attrs[name].Parsed {
			names = append(names, name)
		}
	}
	return names
}

// writeAttrs writes attrs as a JSON object in name order.
func (j *jsonWriter) writeAttrs(attrs annotate.Attrs) error {
	j.raw("{")
	for i, name := range attrs.Names() {
		if i > 0 {
			j.raw(", ")
		}
		j.key(name)
		if err := j.value(attrs[name].JSON()); err != nil {
			return fmt.Errorf("attribute %s: %w", name, err)
		}
	}
	j.raw("}")
	return nil
}

// writeSpanAttrs writes a span's "attrs" key and, when a parser filled in values
// nobody confirmed, its "parsed_attrs" key (spacy, doccano); nothing for a span
// without attributes.
func (j *jsonWriter) writeSpanAttrs(docID int64, span unitSpan) error {
	if len(span.Attrs) == 0 {
		return nil
	}
	j.raw(`, "attrs": `)
	if err := j.writeAttrs(span.Attrs); err != nil {
		return fmt.Errorf("document %d span %d-%d: %w", docID, span.Start, span.End, err)
	}
	if parsed := parsedNames(span.Attrs); len(parsed) > 0 {
		j.raw(`, "` + parsedAttrsKey + `": `)
		j.writeNames(parsed)
	}
	return nil
}

// writeNames writes a JSON array of strings.
func (j *jsonWriter) writeNames(names []string) {
	j.raw("[")
	for i, n := range names {
		if i > 0 {
			j.raw(", ")
		}
		j.str(n)
	}
	j.raw("]")
}

// decodeAttrs reads an "attrs" object. The keys note and annotator are the
// span's note and annotator (FORMATS.md), returned apart.
func decodeAttrs(raw json.RawMessage, where string) (attrs annotate.Attrs, note, annotator *string, err error) {
	if isNull(raw) {
		return nil, nil, nil, nil
	}
	var values map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&values); err != nil || values == nil {
		return nil, nil, nil, annotate.Errorf(annotate.EINVALID, "%s must be an object of attribute values, not %s", where, jsonType(raw))
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		field := where + "." + name
		switch name {
		case "note", "annotator":
			s, ok := values[name].(string)
			if !ok {
				return nil, nil, nil, annotate.Errorf(annotate.EINVALID, "%s must be a string", field)
			}
			if name == "note" {
				note = &s
			} else {
				annotator = &s
			}
			continue
		}
		v, err := annotate.ValueFromJSON(field, values[name])
		if err != nil {
			return nil, nil, nil, err
		}
		if attrs == nil {
			attrs = annotate.Attrs{}
		}
		attrs[name] = v
	}
	return attrs, note, annotator, nil
}

// markParsed reads a "parsed_attrs" list and marks those values as parsed.
func markParsed(attrs annotate.Attrs, raw json.RawMessage, where string) error {
	if isNull(raw) {
		return nil
	}
	items, err := rawArray(raw, where)
	if err != nil {
		return err
	}
	for i, item := range items {
		name, err := rawString(item, fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return err
		}
		markParsedName(attrs, name)
	}
	return nil
}

func markParsedName(attrs annotate.Attrs, name string) {
	if v, ok := attrs[strings.TrimSpace(name)]; ok {
		v.Parsed = true
		attrs[strings.TrimSpace(name)] = v
	}
}

// linkRef is a link between two spans by their index in the encoder's sorted
// span list.
type linkRef struct {
	head, child int
	label       string
}

// linkRefs places the document's links among its sorted spans by span id; a
// link to a span not exported is left out.
func linkRefs(spans []unitSpan, links []annotate.Link) []linkRef {
	if len(links) == 0 {
		return nil
	}
	index := make(map[int64]int, len(spans))
	for i, s := range spans {
		index[s.ID] = i
	}
	var refs []linkRef
	for _, l := range links {
		head, ok1 := index[l.Head]
		child, ok2 := index[l.Child]
		if ok1 && ok2 {
			refs = append(refs, linkRef{head, child, l.Label})
		}
	}
	return refs
}

// hasExtras reports whether a document has attributes or links to write.
func hasExtras(doc annotate.AnnotatedDocument) bool {
	if len(doc.Links) > 0 {
		return true
	}
	for _, s := range doc.Spans {
		if len(s.Attrs) > 0 {
			return true
		}
	}
	return false
}

// spanKey finds a span of a record by code-point offsets and label.
type spanKey struct {
	start, end int
	label      string
}

// spanIndex maps each span of a record to its index (the first of duplicates).
func spanIndex(spans []annotate.Span) map[spanKey]int {
	index := make(map[spanKey]int, len(spans))
	for i, s := range spans {
		k := spanKey{s.Start, s.End, s.Label}
		if _, dup := index[k]; !dup {
			index[k] = i
		}
	}
	return index
}

// RecordDocument turns an import record into the document an encoder takes, the
// spans given ids 1, 2, … in record order and the links tied to them. It lets a
// file be read and written again without a database (tests, conversions).
func RecordDocument(rec annotate.ImportRecord) annotate.AnnotatedDocument {
	doc := annotate.AnnotatedDocument{Document: rec.Document, Spans: make([]annotate.Span, len(rec.Spans))}
	for i, s := range rec.Spans {
		s.ID = int64(i + 1)
		doc.Spans[i] = s
	}
	for _, l := range rec.Links {
		doc.Links = append(doc.Links, annotate.Link{Head: int64(l.Head + 1), Child: int64(l.Child + 1), Label: l.Label})
	}
	return doc
}
