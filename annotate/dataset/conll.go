package dataset

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// CoNLLEncoder writes CoNLL-2003 style text: "-DOCSTART- -X- O" and a blank line
// before each document, then one "TOKEN -X- _ TAG" line per token with BIO tags and
// a blank line after each sentence.
//
// A sentence is a line of the document: tokens separated by a line break start a new
// sentence. News text keeps one paragraph a line, so sentences are paragraphs. This
// rule (rather than splitting at full stops) keeps "U.S." and "3 p.m." intact and
// lets an imported CoNLL file, whose sentences become lines, export unchanged.
type CoNLLEncoder struct {
	w  *bufio.Writer
	ch Changes
}

// NewCoNLLEncoder writes to w. Offsets do not appear, so the unit does not matter.
func NewCoNLLEncoder(w io.Writer, opts EncodeOptions) *CoNLLEncoder {
	return &CoNLLEncoder{w: bufio.NewWriterSize(w, 256<<10)}
}

// Encode writes one document.
func (e *CoNLLEncoder) Encode(doc annotate.AnnotatedDocument) error {
	offsets := annotate.NewOffsets(doc.Document.Text)
	if _, err := convertSpans(doc, offsets, annotate.UnitCodepoint); err != nil {
		return err
	}
	tokens := Tokenize(doc.Document.Text)
	tags := bioTags(tokens, doc.Spans, &e.ch)
	w := e.w
	w.WriteString("-DOCSTART- -X- O\n\n")
	for i, tok := range tokens {
		if i > 0 && strings.ContainsAny(offsets.Slice(tokens[i-1].End, tok.Start), "\n\r\u2028\u2029\u0085") {
			w.WriteString("\n")
		}
		w.WriteString(tok.Text)
		w.WriteString(" -X- _ ")
		w.WriteString(tags[i])
		w.WriteByte('\n')
	}
	if len(tokens) > 0 {
		w.WriteString("\n")
	}
	return nil
}

// Close flushes the output.
func (e *CoNLLEncoder) Close() error { return e.w.Flush() }

// Changes reports the spans the BIO rule widened or dropped.
func (e *CoNLLEncoder) Changes() Changes { return e.ch }

// CoNLLDecoder reads CoNLL files: documents start at -DOCSTART- lines (a file
// without any is one document), sentences are separated by blank lines, the first
// column is the token and the last the BIO tag. The document text is its sentences
// joined by "\n", each sentence's tokens joined by single spaces.
type CoNLLDecoder struct {
	r       *bufio.Reader
	name    string
	line    int
	done    bool
	pending bool // a -DOCSTART- was read that starts the next document
	docs    int  // documents returned, good or bad
}

// NewCoNLLDecoder reads from r; name is the file path for errors.
func NewCoNLLDecoder(r io.Reader, name string, opts DecodeOptions) *CoNLLDecoder {
	return &CoNLLDecoder{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Decode returns the next document, io.EOF at the end.
func (d *CoNLLDecoder) Decode() (annotate.ImportRecord, error) {
	if d.done {
		return annotate.ImportRecord{}, io.EOF
	}
	var (
		text      strings.Builder
		tags      []string
		starts    []int
		ends      []int
		pos       int
		startLine = d.line + 1
		sentence  = false // the current sentence has a token
		bad       error
		badLine   int
	)
	if d.pending {
		startLine, d.pending = d.line, false
	}
	for {
		raw, err := d.r.ReadString('\n')
		if err != nil && err != io.EOF {
			d.done = true
			return annotate.ImportRecord{}, annotate.RecordError{Origin: fmt.Sprintf("%s:%d", d.name, d.line+1), Err: fmt.Errorf("cannot read: %w", err)}
		}
		if raw == "" && err == io.EOF {
			d.done = true
			break
		}
		d.line++
		line := strings.TrimRight(raw, "\r\n")
		if d.line == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.HasPrefix(line, "-DOCSTART-") {
			if len(tags) > 0 || bad != nil {
				d.pending = true
				break
			}
			startLine = d.line
			continue
		}
		if strings.TrimSpace(line) == "" {
			sentence = false
			continue
		}
		if bad != nil {
			continue // skip the rest of a bad document
		}
		if !utf8.ValidString(line) {
			bad, badLine = annotate.Errorf(annotate.EINVALID, "is not valid UTF-8: bad byte at byte offset %d of the line", invalidUTF8At([]byte(line))), d.line
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			// Columns are separated by a space or a tab, so the token column is
			// empty; splitting on white space would take the next column for it.
			bad, badLine = annotate.Errorf(annotate.EINVALID, "line %q starts with white space: its token (the first column) is empty", annotate.Clip(line)), d.line
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			bad, badLine = annotate.Errorf(annotate.EINVALID, "line %q has one column, want TOKEN ... TAG", annotate.Clip(line)), d.line
			continue
		}
		if _, _, err := splitTag(fields[len(fields)-1]); err != nil {
			bad, badLine = annotate.Errorf(annotate.EINVALID, "%v", err), d.line
			continue
		}
		if len(tags) > 0 {
			if sentence {
				text.WriteByte(' ')
			} else {
				text.WriteByte('\n')
			}
			pos++
		}
		starts = append(starts, pos)
		text.WriteString(fields[0])
		pos += utf8.RuneCountInString(fields[0])
		ends = append(ends, pos)
		tags = append(tags, fields[len(fields)-1])
		sentence = true
		if text.Len() > annotate.MaxDocumentBytes {
			bad, badLine = annotate.Errorf(annotate.EINVALID, "document is over the limit of %d bytes", annotate.MaxDocumentBytes), d.line
		}
	}
	if bad != nil {
		d.docs++
		return annotate.ImportRecord{}, annotate.RecordError{Origin: fmt.Sprintf("%s:%d", d.name, badLine), Err: bad}
	}
	if len(tags) == 0 {
		if d.docs == 0 {
			d.docs++
			return annotate.ImportRecord{}, annotate.RecordError{Origin: d.name, Err: annotate.Errorf(annotate.EINVALID, "holds no tokens")}
		}
		return annotate.ImportRecord{}, io.EOF
	}
	d.docs++
	origin := fmt.Sprintf("%s:%d", d.name, startLine)
	doc := documentFromMeta(text.String(), nil, origin)
	if err := doc.Validate(); err != nil {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: origin, Err: err}
	}
	offsets := annotate.NewOffsets(doc.Text)
	spans, err := spansFromBIO(tags, starts, ends, offsets, "tags")
	if err != nil {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: origin, Err: err}
	}
	return annotate.ImportRecord{Origin: origin, Document: doc, Spans: spans}, nil
}
