package dataset

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// BratEncoder writes a brat standoff folder: DOC.txt (the text, UTF-8, byte for
// byte) and DOC.ann per document, and annotation.conf listing the labels so brat
// shows them. DOC is "doc-" and the document id padded to six digits.
//
//	T1	QUOTE 12 40	“...”
//	#1	AnnotatorNotes T1	free-text note
//
// brat lines cannot hold line breaks, so a span that crosses one is written as
// fragments split at the line breaks ("T1	QUOTE 0 5;6 10	first second", brat's
// own convention) and read back as one span from the first start to the last end;
// line breaks in notes become spaces. Span annotators have no place in brat.
type BratEncoder struct {
	dir       string
	opts      EncodeOptions
	labels    tagSet
	relations tagSet // link labels met
	attrs     tagSet // attribute names met
	n         int
}

// NewBratEncoder writes into dir, which must exist.
func NewBratEncoder(dir string, opts EncodeOptions) *BratEncoder {
	return &BratEncoder{dir: dir, opts: opts, labels: newTagSet(opts.Labels), relations: newTagSet(nil), attrs: newTagSet(nil)}
}

// Encode writes DOC.txt and DOC.ann.
func (e *BratEncoder) Encode(doc annotate.AnnotatedDocument) error {
	e.n++
	id := doc.Document.ID
	if id == 0 {
		id = int64(e.n)
	}
	stem := filepath.Join(e.dir, fmt.Sprintf("doc-%06d", id))
	offsets := annotate.NewOffsets(doc.Document.Text)
	spans, err := convertSpans(doc, offsets, e.opts.Unit)
	if err != nil {
		return err
	}
	if err := os.WriteFile(stem+".txt", []byte(doc.Document.Text), 0o644); err != nil {
		return fmt.Errorf("write brat text: %w", err)
	}
	if err := writeBratMeta(stem, doc.Document); err != nil {
		return err
	}
	var b strings.Builder
	for i, span := range spans {
		e.labels.add(span.Label)
		fmt.Fprintf(&b, "T%d\t%s ", i+1, span.Label)
		var texts []string
		for f, frag := range fragments(offsets, span.Start, span.End) {
			if f > 0 {
				b.WriteByte(';')
			}
			start, _ := offsets.ToUnit(frag[0], e.opts.Unit)
			end, _ := offsets.ToUnit(frag[1], e.opts.Unit)
			b.WriteString(strconv.Itoa(start))
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(end))
			texts = append(texts, offsets.Slice(frag[0], frag[1]))
		}
		b.WriteByte('\t')
		b.WriteString(flattenLine(strings.Join(texts, " ")))
		b.WriteByte('\n')
	}
	attrs := 0
	for i, span := range spans {
		for _, name := range span.Attrs.Names() {
			e.attrs.add(name)
			attrs++
			v := span.Attrs[name]
			switch {
			case v.Type == annotate.AttrBool && v.Bool:
				fmt.Fprintf(&b, "A%d\t%s T%d\n", attrs, name, i+1) // brat's binary attribute
			default:
				fmt.Fprintf(&b, "A%d\t%s T%d %s\n", attrs, name, i+1, flattenLine(v.String()))
			}
		}
		if parsed := parsedNames(span.Attrs); len(parsed) > 0 {
			attrs++
			fmt.Fprintf(&b, "A%d\t%s T%d %s\n", attrs, parsedAttrsKey, i+1, strings.Join(parsed, ","))
		}
	}
	for r, ref := range linkRefs(spans, doc.Links) {
		e.relations.add(ref.label)
		fmt.Fprintf(&b, "R%d\t%s Arg1:T%d Arg2:T%d\n", r+1, ref.label, ref.head+1, ref.child+1)
	}
	notes := 0
	for i, span := range spans {
		if span.Note != "" {
			notes++
			fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", notes, i+1, flattenLine(span.Note))
		}
	}
	if err := os.WriteFile(stem+".ann", []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write brat annotations: %w", err)
	}
	return nil
}

// Close writes annotation.conf.
func (e *BratEncoder) Close() error {
	var b strings.Builder
	b.WriteString("# Written by Newsmark: the labels of this export.\n[entities]\n")
	for _, label := range e.labels.order {
		b.WriteString(label)
		b.WriteByte('\n')
	}
	b.WriteString("[relations]\n")
	for _, rel := range e.relations.order {
		fmt.Fprintf(&b, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", rel)
	}
	b.WriteString("\n[events]\n\n[attributes]\n")
	for _, name := range e.attrs.order {
		// brat lists the values of a multi-valued attribute; choices have them.
		var options []string
		for _, l := range e.opts.Labels {
			if d, ok := l.FindDecl(name); ok && d.Type == annotate.AttrChoice {
				for _, o := range d.Options {
					if !slices.Contains(options, o) {
						options = append(options, o)
					}
				}
			}
		}
		if len(options) > 0 {
			fmt.Fprintf(&b, "%s\tArg:<ENTITY>, Value:%s\n", name, strings.Join(options, "|"))
		} else {
			fmt.Fprintf(&b, "%s\tArg:<ENTITY>\n", name)
		}
	}
	if err := os.WriteFile(filepath.Join(e.dir, "annotation.conf"), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write brat annotation.conf: %w", err)
	}
	return nil
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\v' || r == '\f'
}

// flattenLine replaces line breaks and tabs, which would break a brat line.
func flattenLine(s string) string {
	return strings.Map(func(r rune) rune {
		if isLineBreak(r) || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// fragments splits a code-point range at line breaks into the runs between them.
// A range holding only line breaks stays one fragment.
func fragments(offsets *annotate.Offsets, start, end int) [][2]int {
	var frags [][2]int
	fragStart := -1
	pos := start
	for _, r := range offsets.Slice(start, end) {
		if isLineBreak(r) {
			if fragStart >= 0 {
				frags = append(frags, [2]int{fragStart, pos})
				fragStart = -1
			}
		} else if fragStart < 0 {
			fragStart = pos
		}
		pos++
	}
	if fragStart >= 0 {
		frags = append(frags, [2]int{fragStart, end})
	}
	if len(frags) == 0 {
		frags = [][2]int{{start, end}}
	}
	return frags
}

// brat reads one DOC.ann and its DOC.txt.
func (r *reader) brat(annPath string) bool {
	rec, err := readBrat(annPath, r.opts.Unit)
	if err != nil {
		var re annotate.RecordError
		if !errors.As(err, &re) {
			re = annotate.RecordError{Origin: annPath, Err: err}
		}
		return r.yield(annotate.ImportRecord{}, re)
	}
	return r.yield(rec, nil)
}

// readBrat reads a brat document given its .ann (or .txt) path.
func readBrat(path string, unit annotate.Unit) (annotate.ImportRecord, error) {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	annPath, txtPath := stem+".ann", stem+".txt"
	info, err := os.Stat(txtPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return annotate.ImportRecord{}, annotate.RecordError{Origin: annPath, Err: annotate.Errorf(annotate.ENOTFOUND, "brat annotations without their text: %s is missing", filepath.Base(txtPath))}
		}
		return annotate.ImportRecord{}, annotate.RecordError{Origin: txtPath, Err: fmt.Errorf("cannot read: %w", err)}
	}
	if !info.Mode().IsRegular() {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: txtPath, Err: annotate.Errorf(annotate.EINVALID, "is %s, not a regular file; it was not read", describeMode(info.Mode()))}
	}
	if info.Size() > annotate.MaxDocumentBytes {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: txtPath, Err: tooLarge(info.Size())}
	}
	data, err := readLimited(txtPath)
	if err != nil {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: txtPath, Err: err}
	}
	text, err := checkText(data)
	if err != nil {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: txtPath, Err: err}
	}
	f, err := os.Open(annPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// A .txt without .ann is a document without annotations.
			rec := annotate.ImportRecord{Origin: txtPath, Document: documentFromMeta(text, nil, txtPath)}
			return rec, readBratMeta(stem, &rec.Document)
		}
		return annotate.ImportRecord{}, annotate.RecordError{Origin: annPath, Err: fmt.Errorf("cannot read: %w", err)}
	}
	defer f.Close()
	rec, err := DecodeBrat(text, f, annPath, txtPath, unit)
	if err == nil {
		err = readBratMeta(stem, &rec.Document)
	}
	return rec, err
}

// DecodeBrat reads brat standoff annotations for text. Text-bound annotations
// (T lines) become spans, AnnotatorNotes (#) on them become notes, attributes
// (A, and the older M) on them span attributes, relations (R) links; events and
// normalisations are ignored. annName names the .ann in
// errors; source becomes the document's source.
func DecodeBrat(text string, ann io.Reader, annName, source string, unit annotate.Unit) (annotate.ImportRecord, error) {
	doc := documentFromMeta(text, nil, source)
	if err := doc.Validate(); err != nil {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: source, Err: err}
	}
	builder := newSpanBuilder(text, unit)
	rec := annotate.ImportRecord{Origin: annName, Document: doc}
	byID := map[string]int{}
	type note struct {
		target, text string
		line         int
	}
	var notes []note
	type pendingLine struct {
		id, rest string
		line     int
	}
	var attrLines, relLines []pendingLine
	scanner := bufio.NewScanner(ann)
	scanner.Buffer(make([]byte, 64<<10), annotate.MaxDocumentBytes)
	line := 0
	fail := func(err error) (annotate.ImportRecord, error) {
		return annotate.ImportRecord{}, annotate.RecordError{Origin: fmt.Sprintf("%s:%d", annName, line), Err: err}
	}
	for scanner.Scan() {
		line++
		raw := strings.TrimRight(scanner.Text(), "\r")
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		fields := strings.SplitN(raw, "\t", 3)
		id := fields[0]
		switch {
		case strings.HasPrefix(id, "T"):
			if len(fields) < 2 {
				return fail(annotate.Errorf(annotate.EINVALID, "text-bound annotation %q needs ID<TAB>LABEL START END<TAB>TEXT", annotate.Clip(raw)))
			}
			span, err := bratSpan(builder, fields)
			if err != nil {
				return fail(err)
			}
			if _, dup := byID[id]; dup {
				return fail(annotate.Errorf(annotate.EINVALID, "annotation id %s is used twice", id))
			}
			byID[id] = len(rec.Spans)
			rec.Spans = append(rec.Spans, span)
			rec.SpanWhere = append(rec.SpanWhere, fmt.Sprintf("%s (line %d)", id, line))
		case strings.HasPrefix(id, "A") || strings.HasPrefix(id, "M"):
			if len(fields) >= 2 {
				attrLines = append(attrLines, pendingLine{id, fields[1], line})
			}
		case strings.HasPrefix(id, "R"):
			if len(fields) >= 2 {
				relLines = append(relLines, pendingLine{id, fields[1], line})
			}
		case strings.HasPrefix(id, "#"):
			if len(fields) < 2 {
				continue
			}
			kind := strings.Fields(fields[1])
			if len(kind) == 2 && kind[0] == "AnnotatorNotes" {
				text := ""
				if len(fields) == 3 {
					text = fields[2]
				}
				notes = append(notes, note{target: kind[1], text: text, line: line})
			}
		}
	}
	if err := scanner.Err(); err != nil {
		line++
		return fail(fmt.Errorf("cannot read: %w", err))
	}
	var parsedLines []pendingLine
	for _, a := range attrLines {
		line = a.line
		parts := strings.SplitN(a.rest, " ", 3)
		if len(parts) < 2 {
			return fail(annotate.Errorf(annotate.EINVALID, "attribute %s needs NAME TARGET [VALUE]", a.id))
		}
		name, target := parts[0], parts[1]
		i, ok := byID[target]
		if !ok {
			if strings.HasPrefix(target, "T") {
				return fail(annotate.Errorf(annotate.EINVALID, "attribute %s is on %s, which the file does not have", a.id, target))
			}
			continue // an attribute of a relation or event
		}
		if name == parsedAttrsKey {
			if len(parts) == 3 {
				parsedLines = append(parsedLines, pendingLine{target, parts[2], a.line})
			}
			continue
		}
		v := annotate.BoolValue(true) // brat's binary attribute: present means yes
		if len(parts) == 3 {
			v = bratValue(parts[2])
		}
		if rec.Spans[i].Attrs == nil {
			rec.Spans[i].Attrs = annotate.Attrs{}
		}
		rec.Spans[i].Attrs[name] = v
	}
	for _, p := range parsedLines {
		for _, name := range strings.Split(p.rest, ",") {
			markParsedName(rec.Spans[byID[p.id]].Attrs, name)
		}
	}
	for _, r := range relLines {
		line = r.line
		parts := strings.Fields(r.rest)
		if len(parts) != 3 || !strings.HasPrefix(parts[1], "Arg1:") || !strings.HasPrefix(parts[2], "Arg2:") {
			return fail(annotate.Errorf(annotate.EINVALID, "relation %s needs LABEL Arg1:T1 Arg2:T2", r.id))
		}
		head, ok1 := byID[strings.TrimPrefix(parts[1], "Arg1:")]
		child, ok2 := byID[strings.TrimPrefix(parts[2], "Arg2:")]
		if !ok1 || !ok2 {
			missing := parts[1]
			if ok1 {
				missing = parts[2]
			}
			return fail(annotate.Errorf(annotate.EINVALID, "relation %s links %s, which the file does not have", r.id, missing))
		}
		rec.Links = append(rec.Links, annotate.ImportLink{Head: head, Child: child, Label: parts[0]})
	}
	for _, n := range notes {
		i, ok := byID[n.target]
		if !ok {
			continue // a note on a relation or event
		}
		if rec.Spans[i].Note != "" {
			rec.Spans[i].Note += "\n"
		}
		rec.Spans[i].Note += n.text
	}
	return rec, nil
}

// bratValue reads an attribute value: a number where it is one (brat has only
// text; a text attribute takes it back as written), else text. Storage converts
// to the declared type.
func bratValue(s string) annotate.AttrValue {
	if n, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(n, 0) && !math.IsNaN(n) && strconv.FormatFloat(n, 'f', -1, 64) == s {
		return annotate.NumberValue(n)
	}
	return annotate.TextValue(s)
}

// bratSpan reads "LABEL START END[;START END]*" and checks the text column.
func bratSpan(b spanBuilder, fields []string) (annotate.Span, error) {
	labelAndRanges := fields[1]
	sp := strings.IndexByte(labelAndRanges, ' ')
	if sp < 0 {
		return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%q has a label but no offsets", labelAndRanges)
	}
	label := labelAndRanges[:sp]
	var frags [][2]int
	for _, part := range strings.Split(labelAndRanges[sp+1:], ";") {
		nums := strings.Fields(part)
		if len(nums) != 2 {
			return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "offsets %q are not START END", part)
		}
		start, err1 := strconv.Atoi(nums[0])
		end, err2 := strconv.Atoi(nums[1])
		if err1 != nil || err2 != nil {
			return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "offsets %q are not whole numbers", part)
		}
		frags = append(frags, [2]int{start, end})
	}
	sort.SliceStable(frags, func(i, j int) bool { return frags[i][0] < frags[j][0] })
	var texts []string
	for i, f := range frags {
		where := fields[0]
		if len(frags) > 1 {
			where = fmt.Sprintf("%s fragment %d", fields[0], i+1)
		}
		fragSpan, err := b.span(where, f[0], f[1], label, nil)
		if err != nil {
			return annotate.Span{}, err
		}
		texts = append(texts, fragSpan.Text)
	}
	span, err := b.span(fields[0], frags[0][0], frags[len(frags)-1][1], label, nil)
	if err != nil {
		return annotate.Span{}, err
	}
	if len(fields) == 3 {
		got := flattenLine(strings.Join(texts, " "))
		if flattenLine(fields[2]) != got {
			return annotate.Span{}, annotate.Errorf(annotate.EINVALID, "%s: offsets cover %q but the annotation's text is %q (are the offsets in another unit? try --offsets utf16 or byte)", fields[0], annotate.Clip(got), annotate.Clip(fields[2]))
		}
	}
	return span, nil
}
