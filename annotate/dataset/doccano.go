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
// doccano has no place for a span's annotator or note; they are left out.
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
	j.raw(`], "meta": `)
	if err := j.writeMeta([][2]string{{"title", doc.Document.Title}, {"source", doc.Document.Source}}, "", exportMeta(doc.Document)); err != nil {
		return fmt.Errorf("document %d: %w", doc.Document.ID, err)
	}
	j.raw("}\n")
	return j.flush()
}

// Close flushes the output.
func (e *DoccanoEncoder) Close() error { return e.j.close() }
