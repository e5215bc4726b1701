package annotate

import (
	"fmt"
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
