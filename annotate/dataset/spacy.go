package dataset

import (
	"fmt"
	"io"

	"github.com/newsmark/newsmark/annotate"
)

// SpacyEncoder writes Prodigy/spaCy JSONL, one document a line:
//
//	{"text": ..., "spans": [{"start", "end", "label", "text"[, "token_start", "token_end"][, "annotator"][, "note"][, "attrs", "parsed_attrs"]}],
//	 ["relations": [{["head", "child",] "head_span": {"start", "end", "label"}, "child_span": {...}, "label"}],]
//	 ["tokens": [{"text", "start", "end", "id"}],] "meta": {"doc_id", "title", "source", ...}[, "answer": "accept"]}
//
// Only a document marked done carries "answer": "accept": to Prodigy and spaCy an
// accepted example says "reviewed: what is not tagged is not an entity", so a
// document nobody finished must not claim it. token_end is inclusive (Prodigy's convention). "annotator" and "note" appear only
// when set; Prodigy and spaCy ignore span keys they do not know.
type SpacyEncoder struct {
	j    *jsonWriter
	opts EncodeOptions
}

// NewSpacyEncoder writes to w.
func NewSpacyEncoder(w io.Writer, opts EncodeOptions) *SpacyEncoder {
	return &SpacyEncoder{j: newJSONWriter(w), opts: opts}
}

// Encode writes one document line.
func (e *SpacyEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if e.j.err != nil {
		return e.j.err
	}
	var offsets *annotate.Offsets // only tokens need every character's offset
	var spans []unitSpan
	var err error
	if e.opts.Tokens {
		offsets = annotate.NewOffsets(doc.Document.Text)
		spans, err = convertSpans(doc, offsets, e.opts.Unit)
	} else {
		spans, err = convertSpansFast(doc, e.opts.Unit)
	}
	if err != nil {
		return err
	}
	var tokens []Token
	if e.opts.Tokens {
		tokens = Tokenize(doc.Document.Text)
	}
	j := e.j
	j.raw(`{"text": `)
	j.str(doc.Document.Text)
	j.raw(`, "spans": [`)
	for i, span := range spans {
		if i > 0 {
			j.raw(", ")
		}
		j.raw(`{"start": `)
		j.int(span.UnitStart)
		j.raw(`, "end": `)
		j.int(span.UnitEnd)
		j.raw(`, "label": `)
		j.str(span.Label)
		j.raw(`, "text": `)
		j.str(span.Text)
		if e.opts.Tokens {
			if first, last, ok := tokenRange(tokens, span.Start, span.End); ok {
				j.raw(`, "token_start": `)
				j.int(first)
				j.raw(`, "token_end": `)
				j.int(last)
			}
		}
		if span.Annotator != "" {
			j.raw(`, "annotator": `)
			j.str(span.Annotator)
		}
		if span.Note != "" {
			j.raw(`, "note": `)
			j.str(span.Note)
		}
		if err := j.writeSpanAttrs(doc.Document.ID, span); err != nil {
			return err
		}
		j.raw("}")
	}
	j.raw("]")
	if refs := linkRefs(spans, doc.Links); len(refs) > 0 {
		j.raw(`, "relations": [`)
		for i, ref := range refs {
			if i > 0 {
				j.raw(", ")
			}
			head, child := spans[ref.head], spans[ref.child]
			if e.opts.Tokens {
				if first, _, ok := tokenRange(tokens, head.Start, head.End); ok {
					j.raw(`{"head": `)
					j.int(first)
					j.raw(", ")
				} else {
					j.raw("{")
				}
				if first, _, ok := tokenRange(tokens, child.Start, child.End); ok {
					j.raw(`"child": `)
					j.int(first)
					j.raw(", ")
				}
			} else {
				j.raw("{")
			}
			j.raw(`"head_span": `)
			writeSpanRef(j, head)
			j.raw(`, "child_span": `)
			writeSpanRef(j, child)
			j.raw(`, "label": `)
			j.str(ref.label)
			j.raw("}")
		}
		j.raw("]")
	}
	if e.opts.Tokens {
		j.raw(`, "tokens": [`)
		for i, tok := range tokens {
			if i > 0 {
				j.raw(", ")
			}
			start, _ := offsets.ToUnit(tok.Start, e.opts.Unit)
			end, _ := offsets.ToUnit(tok.End, e.opts.Unit)
			j.raw(`{"text": `)
			j.str(tok.Text)
			j.raw(`, "start": `)
			j.int(start)
			j.raw(`, "end": `)
			j.int(end)
			j.raw(`, "id": `)
			j.int(i)
			j.raw("}")
		}
		j.raw("]")
	}
	j.raw(`, "meta": `)
	if err := j.writeMeta([][2]string{{"title", doc.Document.Title}, {"source", doc.Document.Source}}, docIDString(doc.Document), exportMeta(doc.Document)); err != nil {
		return fmt.Errorf("document %d: %w", doc.Document.ID, err)
	}
	if doc.Document.Status == annotate.StatusDone {
		j.raw(`, "answer": "accept"`)
	}
	j.raw("}\n")
	return j.flush()
}

// Close flushes the output.
func (e *SpacyEncoder) Close() error { return e.j.close() }

// writeSpanRef writes the start, end and label that identify a span of the record.
func writeSpanRef(j *jsonWriter, span unitSpan) {
	j.raw(`{"start": `)
	j.int(span.UnitStart)
	j.raw(`, "end": `)
	j.int(span.UnitEnd)
	j.raw(`, "label": `)
	j.str(span.Label)
	j.raw("}")
}

// tokenRange finds the first and last (inclusive) tokens a code-point range
// touches; ok is false if it touches none (only whitespace).
func tokenRange(tokens []Token, start, end int) (first, last int, ok bool) {
	lo, hi := 0, len(tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if tokens[mid].End > start {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	first = lo
	last = first - 1
	for i := first; i < len(tokens) && tokens[i].Start < end; i++ {
		last = i
	}
	return first, last, last >= first
}
