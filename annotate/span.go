package annotate

import "time"

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
