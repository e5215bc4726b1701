package dataset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// EncodeOptions steer an encoder.
type EncodeOptions struct {
	Unit   annotate.Unit    // offsets in the file; "" means code points
	Tokens bool             // spacy: write "tokens" and token_start/token_end
	Labels []annotate.Label // hf: the label order for labels.json
}

// Encoder writes documents in one format. Close flushes and returns the first error.
type Encoder interface {
	Encode(doc annotate.AnnotatedDocument) error
	Close() error
}

// BIOEncoder is an encoder that had to alter spans to fit BIO tags.
type BIOEncoder interface {
	Encoder
	Changes() Changes
}

// NewEncoder makes the encoder for a single-file format.
func NewEncoder(format Format, w io.Writer, opts EncodeOptions) (Encoder, error) {
	switch format {
	case FormatSpacy:
		return NewSpacyEncoder(w, opts), nil
	case FormatDoccano:
		return NewDoccanoEncoder(w, opts), nil
	case FormatHF:
		return NewHFEncoder(w, opts), nil
	case FormatCoNLL:
		return NewCoNLLEncoder(w, opts), nil
	case FormatLabelStudio:
		return NewLabelStudioEncoder(w, opts), nil
	case FormatCSV:
		return NewCSVEncoder(w, opts), nil
	}
	return nil, annotate.Errorf(annotate.EINVALID, "format %s is not a single-file export format", format)
}

// sortedSpans returns the spans in text order (annotate.CompareSpans) without
// touching the caller's slice, so output does not depend on the order spans
// arrived in.
func sortedSpans(spans []annotate.Span) []annotate.Span {
	out := slices.Clone(spans)
	annotate.SortSpans(out) // the store hands them over sorted, usually
	return out
}

// unitSpan is a span with its offsets in the export unit and its text.
type unitSpan struct {
	annotate.Span
	UnitStart, UnitEnd int
}

// convertSpans checks every span against the text and converts its offsets.
func convertSpans(doc annotate.AnnotatedDocument, offsets *annotate.Offsets, unit annotate.Unit) ([]unitSpan, error) {
	spans := sortedSpans(doc.Spans)
	out := make([]unitSpan, len(spans))
	for i, span := range spans {
		if err := span.Validate(offsets.Len()); err != nil {
			return nil, fmt.Errorf("document %d %q: %w", doc.Document.ID, doc.Document.Title, err)
		}
		span.Text = offsets.Slice(span.Start, span.End)
		start, _ := offsets.ToUnit(span.Start, unit)
		end, _ := offsets.ToUnit(span.End, unit)
		out[i] = unitSpan{Span: span, UnitStart: start, UnitEnd: end}
	}
	return out, nil
}

// jsonWriter builds JSON by hand: it is several times faster than encoding/json on
// big texts, writes keys in a fixed order, and keeps non-ASCII characters as they
// are (like Python's ensure_ascii=False) so files stay readable.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
}

// jsonWriteSize is how much the writer gathers before handing it on: records are
// built straight into this buffer, so the text is copied once on its way out
// rather than once more through a bufio.Writer.
const jsonWriteSize = 256 << 10

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: w, buf: make([]byte, 0, jsonWriteSize+64<<10)}
}

// flush ends a record: the records gathered go to the writer once they fill
// jsonWriteSize. It returns the first write error.
func (j *jsonWriter) flush() error {
	if len(j.buf) >= jsonWriteSize {
		j.write()
	}
	return j.err
}

func (j *jsonWriter) write() {
	if j.err == nil {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

func (j *jsonWriter) close() error {
	if len(j.buf) > 0 {
		j.write()
	}
	return j.err
}

func (j *jsonWriter) raw(s string) { j.buf = append(j.buf, s...) }
func (j *jsonWriter) int(n int)    { j.buf = strconv.AppendInt(j.buf, int64(n), 10) }
func (j *jsonWriter) str(s string) { j.buf = appendJSONString(j.buf, s) }
func (j *jsonWriter) key(k string) {
	j.buf = appendJSONString(j.buf, k)
	j.buf = append(j.buf, ": "...)
}
func (j *jsonWriter) value(v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	j.buf = append(j.buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
	return nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string: quotes, backslashes and control
// characters escaped, everything else as UTF-8. Invalid UTF-8 (never stored) would
// become U+FFFD.
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plainJSONWord(word(s, i)) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, s[start:i]...)
				buf = append(buf, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"':
			buf = append(buf, '\\', '"')
		case '\\':
			buf = append(buf, '\\', '\\')
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// writeMeta writes a meta object: the given fixed pairs first, then the document's
// own Meta in sorted key order (keys already written are skipped).
func (j *jsonWriter) writeMeta(fixed [][2]string, docID string, meta map[string]any) error {
	j.raw("{")
	n := 0
	written := map[string]bool{}
	if docID != "" {
		j.key("doc_id")
		j.str(docID)
		written["doc_id"] = true
		n++
	}
	for _, kv := range fixed {
		if n > 0 {
			j.raw(", ")
		}
		j.key(kv[0])
		j.str(kv[1])
		written[kv[0]] = true
		n++
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		if !written[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if n > 0 {
			j.raw(", ")
		}
		j.key(k)
		if err := j.value(meta[k]); err != nil {
			return fmt.Errorf("meta %q: %w", k, err)
		}
		n++
	}
	j.raw("}")
	return nil
}

func docIDString(doc annotate.Document) string { return strconv.FormatInt(doc.ID, 10) }
