package annotate

import (
	"context"
	"iter"
)

// DocumentFilter narrows the document list.
type DocumentFilter struct {
	Status Status // "" for any
}

// ExportFilter picks what an export writes.
type ExportFilter struct {
	Labels    []string // only spans with these labels; empty for all
	Annotator string   // only spans by this annotator; "" for all
	Status    Status   // only documents with this status; "" for all
}

// Stats counts what the database holds.
type Stats struct {
	Documents   int
	Annotations int
	Labels      map[string]int // spans per label, every label present, zeros included
	ByStatus    map[Status]int
}

// Store is what the UI, the command line and the search index need of the
// database. storage.DB implements it; tests may use a small fake.
type Store interface {
	Labels(ctx context.Context) ([]Label, error)
	CreateLabel(ctx context.Context, label Label) (Label, error)
	UpdateLabel(ctx context.Context, label Label) error // by ID: rename, recolour, hotkey, guideline, order
	ReorderLabels(ctx context.Context, namesInOrder []string) error
	LabelUsage(ctx context.Context, name string) (int, error)
	DeleteLabel(ctx context.Context, name string) (spansRemoved int, err error)

	Documents(ctx context.Context, filter DocumentFilter) ([]DocumentSummary, error)
	Document(ctx context.Context, id int64) (Document, error)
	// Surroundings is up to width code points of the text before start and after
	// end, without reading the whole document.
	Surroundings(ctx context.Context, docID int64, start, end, width int) (before, after string, err error)
	SetDocumentStatus(ctx context.Context, id int64, status Status) error
	DeleteDocument(ctx context.Context, id int64) error

	Spans(ctx context.Context, docID int64) ([]Span, error) // in text order
	Span(ctx context.Context, id int64) (Span, error)
	CreateSpan(ctx context.Context, span Span) (Span, error)
	DeleteSpan(ctx context.Context, id int64, annotator string) error
	RestoreSpan(ctx context.Context, span Span, annotator string) (Span, error) // re-inserts a deleted span under its old ID
	RelabelSpan(ctx context.Context, id int64, label, annotator string) (Span, error)
	SetSpanNote(ctx context.Context, id int64, note, annotator string) (Span, error)
	History(ctx context.Context, docID int64) ([]Change, error)

	// Precision tagging (issue 9): move a span's boundaries.
	//
	// ResizeSpan sets a span's start and end (its text follows), keeping its ID,
	// label, annotator and note, in one transaction with a history row.
	ResizeSpan(ctx context.Context, id int64, start, end int, annotator string) (Span, error)

	// AllSpans streams every span with its document's title and status, for the
	// search index.
	AllSpans(ctx context.Context) iter.Seq2[SpanRecord, error]
	// Export streams documents with their spans, in document order, holding one
	// document in memory at a time.
	Export(ctx context.Context, filter ExportFilter) iter.Seq2[AnnotatedDocument, error]
	// Import stores records in one transaction: all or nothing unless
	// opts.SkipInvalid. A record whose text is already stored attaches its spans to
	// the existing document.
	Import(ctx context.Context, records iter.Seq2[ImportRecord, error], opts ImportOptions) (ImportResult, error)

	Stats(ctx context.Context) (Stats, error)

	// Suggestions (issue 12): pending suggestions stored by `newsmark suggest
	// --apply` for the workbench, and rejected ones, never proposed again for
	// their document.
	//
	// ReplacePendingSuggestions replaces a document's pending suggestions in one
	// transaction, leaving out those rejected before and those an annotation of
	// the same label and range already holds; it returns how many it stored.
	ReplacePendingSuggestions(ctx context.Context, docID int64, suggestions []StoredSuggestion) (stored int, err error)
	PendingSuggestions(ctx context.Context, docID int64) ([]StoredSuggestion, error) // in text order
	// RejectSuggestion remembers a rejection and drops the pending suggestion of
	// that label and range; UnrejectSuggestion takes the rejection back (undo).
	RejectSuggestion(ctx context.Context, docID int64, label string, start, end int, annotator string) error
	UnrejectSuggestion(ctx context.Context, docID int64, label string, start, end int) error
	// RejectedSuggestions lists a document's rejections (Label, Start and End set).
	RejectedSuggestions(ctx context.Context, docID int64) ([]StoredSuggestion, error)

	// Several annotators: agreement, curation and progress (issue 13).

	// Layers streams the documents that filter picks, in id order, each with the
	// chosen annotators' spans.
	Layers(ctx context.Context, filter LayerFilter) iter.Seq2[DocumentLayers, error]
	// AnnotatorProgress counts documents and spans per annotator and lists the
	// documents that only one annotator has worked on; curator's layer is listed
	// but does not count as an annotator.
	AnnotatorProgress(ctx context.Context, curator string) (Progress, error)
	// AddSpans stores, in one transaction, each span (DocID, Start, End, Label
	// and Annotator; Note and Attrs when set, Attrs checked against the label)
	// not stored yet, with a history entry by `by`; spans already stored are
	// skipped (their note and attributes untouched), so running it twice adds
	// nothing. An offset outside its document, an unknown label or a value its
	// label refuses stores nothing.
	AddSpans(ctx context.Context, spans []Span, by string) (added int, err error)
	// AddLinkedSpans is AddSpans (a span's Attrs stored with it, checked) and
	// then the links given, each end named by range and label, in the same
	// transaction; a link already stored is skipped (curate --auto agreed).
	AddLinkedSpans(ctx context.Context, spans []Span, links []RangeLink, by string) (added, linked int, err error)
	// Curation rejections (issue 13): a curator's "no" to a candidate span,
	// stored by document, curated layer, range and label so that it outlasts
	// the session; undo takes it back.
	RejectCandidate(ctx context.Context, docID int64, label string, start, end int, curator, by string) error
	UnrejectCandidate(ctx context.Context, docID int64, label string, start, end int, curator string) error
	RejectedCandidates(ctx context.Context, docID int64, curator string) ([]Span, error) // in text order
	// Overview (issue 14): the aggregated counts the overview charts are drawn from.
	OverviewFacts(ctx context.Context) (OverviewFacts, error)
	// Attributes, sources and links (issue 11: who said it, and how many).
	// Every change to a span's attributes or links is one transaction with a
	// history row (actions attr, link, unlink), so it can be undone like a tag.
	DeclareAttribute(ctx context.Context, label string, decl AttrDecl) (Label, error) // add, or change the declaration of that name
	RemoveAttribute(ctx context.Context, label, name string) (valuesRemoved int, err error)
	SetSpanAttrs(ctx context.Context, id int64, attrs Attrs, annotator string) (Span, error) // replaces them all: set, clear, confirm, undo
	SetSpanAttr(ctx context.Context, id int64, name string, value AttrValue, annotator string) (Span, error)
	ClearSpanAttr(ctx context.Context, id int64, name, annotator string) (Span, error)
	Links(ctx context.Context, docID int64) ([]Link, error)
	LinkSpans(ctx context.Context, link Link, annotator string) (Link, error)
	UnlinkSpans(ctx context.Context, linkID int64, annotator string) error
	Sources(ctx context.Context) ([]Source, error)
	FindSource(ctx context.Context, name string) (Source, error) // by name or alias, ignoring case
	CreateSource(ctx context.Context, source Source) (Source, error)
	UpdateSource(ctx context.Context, source Source) (Source, error)
	MergeSources(ctx context.Context, from, into string) (Source, error)
	SourceLedger(ctx context.Context) ([]LedgerEntry, error)
	SourceStatements(ctx context.Context, sourceID int64) ([]SpanRecord, error)
	Casualties(ctx context.Context) ([]Casualty, error)
	// Document metadata and originals (issue 15: HTML, Word, clipboard, metadata).
	// SetDocumentMetadata replaces title, outlet, authors, date, URL, language and
	// free key/values in one transaction; DocumentOriginal returns the file an HTML
	// document was extracted from (ENOTFOUND for documents without one).
	SetDocumentMetadata(ctx context.Context, id int64, meta Metadata) error
	DocumentOriginal(ctx context.Context, id int64) (Original, error)
}

// AnnotatedDocument is a document with its spans in text order, as encoders take
// it. Spans carry their Attrs; Links are the links between the spans exported
// (each span's own Links field is left empty here).
type AnnotatedDocument struct {
	Document Document
	Spans    []Span
	Links    []Link
}
