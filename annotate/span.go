package annotate

import (
	"time"
	"unicode"
)

// Span is one annotation: a range of a document's text tagged with a label.
// Start and End are code points, End exclusive: Python's text[Start:End].
type Span struct {
	ID        int64
	DocID     int64
	Start     int
	End       int
	Label     string // the label's name
	Text      string // the covered text, filled in by storage and decoders
	Annotator string
	Note      string
	Attrs     Attrs  // attribute values by name; nil for none
	Links     []Link // links this span is the head or child of, in id order
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the span against the length of its document in code points.
func (s Span) Validate(docLength int) error {
	if s.Label == "" {
		return Errorf(EINVALID, "span %d-%d has no label", s.Start, s.End)
	}
	if s.Start < 0 || s.End > docLength {
		return Errorf(EINVALID, "span %d-%d is outside the document (length %d)", s.Start, s.End, docLength)
	}
	if s.Start >= s.End {
		return Errorf(EINVALID, "span %d-%d is empty or reversed: start must be less than end", s.Start, s.End)
	}
	return nil
}

// SpanRecord is a span together with what a search result or an export row shows
// of its document.
type SpanRecord struct {
	Span
	DocTitle  string
	DocStatus Status
}

// Action names a change to an annotation in the history.
type Action string

const (
	ActionCreate  Action = "create"
	ActionDelete  Action = "delete"
	ActionRelabel Action = "relabel"
	ActionNote    Action = "note"
	ActionRestore Action = "restore" // an undone delete or a redone create
	// ActionResize is a change of a span's start or end. The database's history
	// records it as a "restore" row that carries both the span before and after
	// (its schema knows no "resize" action yet); the editor's undo steps name it.
	ActionResize Action = "resize"
	ActionAttr   Action = "attr"   // an attribute set, changed or cleared
	ActionLink   Action = "link"   // a link added; the change's span is the link's head
	ActionUnlink Action = "unlink" // a link removed
)

// Change is one entry of the append-only annotation history that feeds undo/redo
// and audit. Before is nil for a create, After is nil for a delete.
type Change struct {
	ID        int64
	SpanID    int64
	DocID     int64
	Action    Action
	Before    *Span
	After     *Span
	Annotator string
	At        time.Time
}

// TrimToContent narrows the range [start, end) whose text is covered so that it
// neither starts nor ends with white space (spaces, U+00A0, tabs, CR and LF):
// a selection made by word-wise keys or a sloppy drag often takes the space
// before a word, and no dataset wants it. A range that is all white space
// comes back empty (start == end).
func TrimToContent(covered string, start, end int) (int, int) {
	runes := []rune(covered)
	lead := 0
	for lead < len(runes) && unicode.IsSpace(runes[lead]) {
		lead++
	}
	trail := 0
	for trail < len(runes)-lead && unicode.IsSpace(runes[len(runes)-1-trail]) {
		trail++
	}
	if lead == len(runes) {
		return start + lead, start + lead
	}
	return start + lead, end - trail
}
