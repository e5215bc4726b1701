package annotate

import (
	"fmt"
	"slices"
	"strings"
)

// ImportRecord is one document read from a file, with the spans the file gave it.
// Spans carry code-point offsets: decoders convert from the file's unit first.
type ImportRecord struct {
	Origin   string // "path" or "path:line", named in every error about this record
	Document Document
	Spans    []Span // with their Attrs, if the file gave any
	Links    []ImportLink
	// SpanField or SpanWhere, if set, name the spans as the file does, for
	// errors found when they are stored (a bad attribute value): SpanField is the
	// JSON array they came from ("spans" names span 2 "spans[2]"), SpanWhere
	// names each ("T3 (line 4)").
	SpanField string
	SpanWhere []string
}

// Where names span i of the record for an error message.
func (r ImportRecord) Where(i int) string {
	if i < len(r.SpanWhere) && r.SpanWhere[i] != "" {
		return r.SpanWhere[i]
	}
	if r.SpanField != "" {
		return fmt.Sprintf("%s[%d]", r.SpanField, i)
	}
	return fmt.Sprintf("span %d", i+1)
}

// ImportOptions steer how records are stored.
type ImportOptions struct {
	// Annotator is written on imported spans that name none of their own.
	Annotator string
	// OnlyAnnotator imports only Annotator's spans: a span the file gives to
	// somebody else is skipped (and counted), so bringing in one colleague's
	// work never adds to another person's layer.
	OnlyAnnotator bool
	// RequireMatch refuses the import when the database holds documents (other
	// than the sample) and none of the records' texts is among them: a file
	// meant to add annotations to the same documents that matches none was made
	// from other texts, and would only add near-duplicates.
	RequireMatch bool
	// SkipInvalid imports the good records and lists the bad ones instead of
	// aborting the whole import at the first bad record.
	SkipInvalid bool
	// RefuseUnknownLabels makes a span with a label the database does not know an
	// error; by default such labels are created with a fallback colour.
	RefuseUnknownLabels bool
	// Progress, if set, is called after each record with the number done so far.
	Progress func(done int)
	// ParseCasualty, if set, fills in the attributes of CASUALTY spans that come
	// without any, marked as parsed (not confirmed).
	ParseCasualty CasualtyParser
}

// ImportResult says what an import did.
type ImportResult struct {
	Documents     int      // documents added
	Duplicates    int      // records whose text was already stored
	Spans         int      // spans added
	SpansExisting int      // spans already stored, not added again
	LabelsCreated []string // unknown labels that were created
	AttrsDeclared []string // attributes labels did not declare, declared as "LABEL.name"
	SourcesAdded  []string // source names met for the first time
	DocIDs        []int64  // every document the records map to, in record order
	Invalid       []RecordError

	// SpansOtherAnnotators counts spans skipped under OnlyAnnotator because the
	// file gives them to the annotators listed in OtherAnnotators.
	SpansOtherAnnotators int
	OtherAnnotators      []string
}

// RecordError is a problem with one record or file.
type RecordError struct {
	Origin string
	Err    error
}

func (e RecordError) Error() string { return QuotePath(e.Origin) + ": " + e.Err.Error() }
func (e RecordError) Unwrap() error { return e.Err }

// MaxReportedErrors caps how many bad records an import error lists.
const MaxReportedErrors = 20

// ImportError is returned when an import is aborted: it lists every bad record
// found (up to MaxReportedErrors, then a count of the rest).
type ImportError struct {
	Problems []RecordError
	Total    int // all problems found, listed or not
}

func (e *ImportError) Error() string {
	var b strings.Builder
	if e.Total == 1 {
		b.WriteString("import aborted, nothing was stored: 1 problem")
	} else {
		fmt.Fprintf(&b, "import aborted, nothing was stored: %d problems", e.Total)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	if e.Total > len(e.Problems) {
		fmt.Fprintf(&b, "\n  … and %d more", e.Total-len(e.Problems))
	}
	return b.String()
}

// Add records a problem, keeping at most MaxReportedErrors of them.
func (e *ImportError) Add(p RecordError) {
	e.Total++
	if len(e.Problems) < MaxReportedErrors {
		e.Problems = append(e.Problems, p)
	}
}

// PreparedRecord is an import record that passed validation, with its defaults
// filled in, ready to store.
type PreparedRecord struct {
	Document Document     // titled, with a status and its content hash
	Length   int          // the text's length in code points
	Spans    []Span       // label names normalised, annotator set, Text cut from the document
	Links    []ImportLink // the record's relations, checked: both ends are among Spans
}

// Prepare validates a record without touching any database and fills in what an
// import defaults: the title (from the text), the status (new), the content hash,
// normalised label names, the annotator on spans that name none, and each span's
// text, cut from the document after checking its code point range.
func (rec ImportRecord) Prepare(annotator string) (PreparedRecord, error) {
	doc := rec.Document
	if doc.Title == "" {
		doc.Title = TitleFromText(doc.Text)
	}
	if doc.Status == "" {
		doc.Status = StatusNew
	}
	if err := doc.Validate(); err != nil {
		return PreparedRecord{}, err
	}
	doc.Hash = ContentHash(doc.Text)
	prepared := PreparedRecord{Document: doc, Length: RuneLen(doc.Text)}
	for i, l := range rec.Links {
		if l.Head < 0 || l.Head >= len(rec.Spans) || l.Child < 0 || l.Child >= len(rec.Spans) {
			return PreparedRecord{}, Errorf(EINVALID, "relation %d links a span the record does not have", i+1)
		}
		link := Link{Head: 1, Child: 2, Label: NormalizeLabelName(l.Label)}
		if l.Head == l.Child {
			link.Child = link.Head
		}
		if err := link.Validate(); err != nil {
			return PreparedRecord{}, fmt.Errorf("relation %d (%s): %w", i+1, rec.Where(l.Head), err)
		}
		prepared.Links = append(prepared.Links, ImportLink{Head: l.Head, Child: l.Child, Label: link.Label})
	}
	if len(rec.Spans) == 0 {
		return prepared, nil
	}
	prepared.Spans = make([]Span, 0, len(rec.Spans))
	for i, span := range rec.Spans {
		span.Label = NormalizeLabelName(span.Label)
		if err := span.Validate(prepared.Length); err != nil {
			return PreparedRecord{}, fmt.Errorf("%s: %w", rec.Where(i), err)
		}
		span.Links = nil // links come from rec.Links, by span index
		span.ID, span.DocID = 0, 0
		if span.Annotator == "" {
			span.Annotator = annotator
		}
		prepared.Spans = append(prepared.Spans, span)
	}
	cutSpanTexts(doc.Text, prepared.Spans)
	return prepared, nil
}

// cutSpanTexts sets each span's Text from text. The boundaries are found in one
// walk over the text in ascending order (Walker), not through Offsets, whose
// table costs four bytes per character of every document.
func cutSpanTexts(text string, spans []Span) {
	points := make([]int, 0, 2*len(spans))
	for _, span := range spans {
		points = append(points, span.Start, span.End)
	}
	slices.Sort(points)
	points = slices.Compact(points)
	bytePos := make([]int, len(points))
	w := NewWalker(text)
	for k, p := range points {
		w.Seek(p)
		bytePos[k] = w.Byte()
	}
	at := func(cp int) int {
		k, _ := slices.BinarySearch(points, cp)
		return bytePos[k]
	}
	for i := range spans {
		spans[i].Text = text[at(spans[i].Start):at(spans[i].End)]
	}
}
