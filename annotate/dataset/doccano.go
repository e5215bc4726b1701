package dataset

import (
	"fmt"
	"io"

	"github.com/newsmark/newsmark/annotate"
)

// DoccanoEncoder writes doccano sequence-labelling JSONL:
//
//	{"id": 1, "text": ..., "label": [[start, end, "LABEL"], ...], "meta": {"title", "source", ...}}
//
// doccano has no place for a span's annotator or note; they are left out. A
// document with attributes or links is written in the shape doccano exports
// when relations are on, spans as "entities" and links as "relations":
//
//	{"id": 1, "text": ..., "entities": [{"id": 1, "start_offset", "end_offset", "label"[, "attrs", "parsed_attrs"]}],
//	 "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "SOURCE_OF"}], "meta": {...}}
type DoccanoEncoder struct {
	j    *jsonWriter
	opts EncodeOptions
}

// NewDoccanoEncoder writes to w.
func NewDoccanoEncoder(w io.Writer, opts EncodeOptions) *DoccanoEncoder {
	return &DoccanoEncoder{j: newJSONWriter(w), opts: opts}
}

// Encode writes one document line.
func (e *DoccanoEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if e.j.err != nil {
		return e.j.err
	}
	spans, err := convertSpansFast(doc, e.opts.Unit)
	if err != nil {
		return err
	}
	j := e.j
	j.raw(`{"id": `)
	j.int(int(doc.Document.ID))
	j.raw(`, "text": `)
	j.str(doc.Document.Text)
	if hasExtras(doc) {
		if err := e.writeEntities(spans, doc); err != nil {
			return err
		}
	} else {
		e.writeTriples(spans)
	}
	j.raw(`, "meta": `)
	if err := j.writeMeta([][2]string{{"title", doc.Document.Title}, {"source", doc.Document.Source}}, "", exportMeta(doc.Document)); err != nil {
		return fmt.Errorf("document %d: %w", doc.Document.ID, err)
	}
	j.raw("}\n")
	return j.flush()
}

// writeTriples writes the spans as doccano's "label": [[start, end, "LABEL"], ...].
func (e *DoccanoEncoder) writeTriples(spans []unitSpan) {
	j := e.j
	j.raw(`, "label": [`)
	for i, span := range spans {
		if i > 0 {
			j.raw(", ")
		}
		j.raw("[")
		j.int(span.UnitStart)
		j.raw(", ")
		j.int(span.UnitEnd)
		j.raw(", ")
		j.str(span.Label)
		j.raw("]")
	}
	j.raw("]")
}

// writeEntities writes the spans as "entities" (ids 1, 2, … in text order) and
// the links between them as "relations".
func (e *DoccanoEncoder) writeEntities(spans []unitSpan, doc annotate.AnnotatedDocument) error {
	j := e.j
	j.raw(`, "entities": [`)
	for i, span := range spans {
		if i > 0 {
			j.raw(", ")
		}
		j.raw(`{"id": `)
		j.int(i + 1)
		j.raw(`, "start_offset": `)
		j.int(span.UnitStart)
		j.raw(`, "end_offset": `)
		j.int(span.UnitEnd)
		j.raw(`, "label": `)
		j.str(span.Label)
		if err := j.writeSpanAttrs(doc.Document.ID, span); err != nil {
			return err
		}
		j.raw("}")
	}
	j.raw(`], "relations": [`)
	for i, ref := range linkRefs(spans, doc.Links) {
		if i > 0 {
			j.raw(", ")
		}
		j.raw(`{"id": `)
		j.int(i + 1)
		j.raw(`, "from_id": `)
		j.int(ref.head + 1)
		j.raw(`, "to_id": `)
		j.int(ref.child + 1)
		j.raw(`, "type": `)
		j.str(ref.label)
		j.raw("}")
	}
	j.raw("]")
	return nil
}

// Close flushes the output.
func (e *DoccanoEncoder) Close() error { return e.j.close() }
