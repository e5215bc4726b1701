package editor

import "github.com/newsmark/newsmark/annotate"

// Kind says what changed in an Event.
type Kind int

const (
	// DocumentOpened: Doc() is now another document, or nil when the open one
	// was closed (deleted). Spans() holds its spans.
	DocumentOpened Kind = iota + 1
	// SpansChanged: the open document's span list changed (a span added,
	// removed, relabelled, restored, or the list reread). Event.Span is the span
	// as it now stands when one span changed, else zero.
	SpansChanged
	// NoteChanged: only the note of Event.Span changed. Spans() holds it; ranges
	// and labels are as before, so highlights need no redraw.
	NoteChanged
	// LabelsChanged: the label set changed (added, edited, reordered, deleted).
	LabelsChanged
	// LibraryChanged: the document list was reread (Documents()).
	LibraryChanged
	// DocumentChanged: one library row (span count, status) of Event.DocID
	// changed; Documents() holds it.
	DocumentChanged
	// IndexFailed: the search index could not be (re)loaded; Event.Err says why.
	// Search still answers from what it holds.
	IndexFailed
	// MetadataChanged: the title, outlet, authors, date, URL, language or free
	// key/values of Event.DocID changed (Doc() holds them if it is the open one).
	MetadataChanged
	// SuggestionsChanged: the open document's suggestions arrived, or one was
	// rejected or brought back (accepting one publishes SpansChanged). Err set:
	// they could not be read; the document is open without them.
	SuggestionsChanged
)

// Event reports one change of the editor's state to its subscribers. The editor
// publishes it after the store committed and its own state is updated, so a
// subscriber reads a consistent editor.
type Event struct {
	Kind  Kind
	DocID int64
	Span  annotate.Span
	Err   error
}
