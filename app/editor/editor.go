// Package editor is the model of the open document, without any widget: it owns
// the document on screen, its spans in text order, the label set, the library's
// document list, the session's undo/redo history, the annotator's name and the
// search index, and keeps the store and the index in step after every write.
//
// Every edit is a method (Tag, Relabel, Delete, SetNote, MarkDone, Reopen, Undo,
// Redo, and the label and document edits): it commits to the store first, then
// updates the editor's state and the search index, then tells subscribers what
// changed (Subscribe). The window renders from those events and never writes to
// the store itself, so edits are tested here without a Fyne app.
//
// An Editor is used from one goroutine (the UI's). Background work (loading the
// search index) hands its result back through Options.Do.
package editor

import (
	"context"
	"sync"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
	"github.com/newsmark/newsmark/annotate/search"
)

// Options configure an Editor.
type Options struct {
	// Annotator is the name written on new annotations.
	Annotator string
	// Do runs f on the goroutine that uses the editor (fyne.Do in the app). Nil
	// runs f at once, on the calling goroutine: fine for tests and tools that
	// wait for background work (Wait) before using the editor again.
	Do func(f func())
	// Tasks, if set, counts the editor's background work as well (the app waits
	// on one group for imports and index loads alike). Nil uses the editor's own.
	Tasks *sync.WaitGroup
	// Curator is the annotator of the curated layer; "" for annotate.DefaultCurator.
	Curator string
	// ParseCasualty, if set, fills in a new CASUALTY span's attributes from its
	// text, marked parsed until the annotator confirms or corrects them.
	ParseCasualty annotate.CasualtyParser
	// Suggest, if set, proposes spans for a document's text (annotate/suggest in
	// the app); it runs off the editor's goroutine when a document opens.
	Suggest func(text string) []annotate.StoredSuggestion
}

// Editor is the open document and every edit made to it. The zero value is not
// usable; call New.
type Editor struct {
	ctx       context.Context
	store     annotate.Store
	annotator string
	do        func(func())
	tasks     *sync.WaitGroup

	parseCasualty annotate.CasualtyParser
	names         nameCache // names in the open document, for source completion

	engine  *search.Engine // fuzzy search over every span, kept fresh after each edit
	journal indexJournal   // edits made while the index reloads

	labels  []annotate.Label
	docs    []annotate.DocumentSummary // library order
	doc     *annotate.Document         // nil when no document is open
	spans   []annotate.Span            // the open document's spans, in text order
	history history

	layer    Layer                            // what the view shows (layers.go)
	curator  string                           // the curated layer's annotator
	rejected map[int64]map[agreement.Key]bool // curation's "no"s of this session, by document

	suggest     func(text string) []annotate.StoredSuggestion
	suggestions []annotate.StoredSuggestion // the open document's, in text order (suggestions.go)
	sugRejected map[agreement.Key]bool      // the open document's stored rejections
	sugGen      int                         // counts opens, so a late result for another document is dropped

	subscribers []func(Event)
}

// New makes an editor over store. Nothing is read yet: call ReloadLabels,
// ReloadDocuments, Open and LoadIndex as the window starts.
func New(store annotate.Store, opts Options) *Editor {
	e := &Editor{
		ctx:       context.Background(),
		store:     store,
		annotator: opts.Annotator,
		do:        opts.Do,
		tasks:     opts.Tasks,
		engine:    search.New(),
		curator:   opts.Curator,

		parseCasualty: opts.ParseCasualty,
		suggest:       opts.Suggest,
	}
	if e.curator == "" {
		e.curator = annotate.DefaultCurator
	}
	if e.do == nil {
		e.do = func(f func()) { f() }
	}
	if e.tasks == nil {
		e.tasks = new(sync.WaitGroup)
	}
	return e
}

// Subscribe calls fn after every change, in the order changes happen, until the
// returned function is called.
func (e *Editor) Subscribe(fn func(Event)) (unsubscribe func()) {
	e.subscribers = append(e.subscribers, fn)
	i := len(e.subscribers) - 1
	return func() { e.subscribers[i] = nil }
}

func (e *Editor) publish(ev Event) {
	for _, fn := range e.subscribers {
		if fn != nil {
			fn(ev)
		}
	}
}

// Wait blocks until the editor's background work (index loads) is done.
func (e *Editor) Wait() { e.tasks.Wait() }

// Store is the store the editor writes to, for readers (dialogs, search context)
// that need nothing of the open document.
func (e *Editor) Store() annotate.Store { return e.store }

// Engine is the search index the editor keeps fresh.
func (e *Editor) Engine() *search.Engine { return e.engine }

// Annotator is the name written on new annotations.
func (e *Editor) Annotator() string { return e.annotator }

// SetAnnotator changes the name written on annotations made from now on.
func (e *Editor) SetAnnotator(name string) { e.annotator = name }

// Doc is the open document, nil when none is open. Callers must not change it.
func (e *Editor) Doc() *annotate.Document { return e.doc }

// DocID is the open document's ID, 0 when none is open.
func (e *Editor) DocID() int64 {
	if e.doc == nil {
		return 0
	}
	return e.doc.ID
}

// Spans are the open document's spans in text order (annotate.CompareSpans). The
// slice is the editor's own: read it, don't change or keep it past the next event.
func (e *Editor) Spans() []annotate.Span { return e.spans }

// Span finds a span of the open document.
func (e *Editor) Span(id int64) (annotate.Span, bool) {
	for _, s := range e.spans {
		if s.ID == id {
			return s, true
		}
	}
	return annotate.Span{}, false
}

// spanNotOpen is the error for a span ID the open document does not hold.
func spanNotOpen(id int64) error {
	return annotate.Errorf(annotate.ENOTFOUND, "span %d is not in the open document", id)
}

// Labels is a copy of the label set in palette order.
func (e *Editor) Labels() []annotate.Label {
	return append([]annotate.Label(nil), e.labels...)
}

// LabelForHotkey finds the label a key tags with.
func (e *Editor) LabelForHotkey(key string) (annotate.Label, bool) {
	for _, l := range e.labels {
		if l.Hotkey != "" && l.Hotkey == key {
			return l, true
		}
	}
	return annotate.Label{}, false
}

// Documents is the library, in its order. The slice is the editor's own: read it,
// don't change or keep it past the next event.
func (e *Editor) Documents() []annotate.DocumentSummary { return e.docs }

// DocIndex is the position of a document in the library, -1 if absent.
func (e *Editor) DocIndex(id int64) int {
	for i, d := range e.docs {
		if d.ID == id {
			return i
		}
	}
	return -1
}

// DocStatus is the open document's status as the library knows it (it follows
// edits: new becomes in progress with the first span).
func (e *Editor) DocStatus() annotate.Status {
	if e.doc == nil {
		return ""
	}
	if i := e.DocIndex(e.doc.ID); i >= 0 {
		return e.docs[i].Status
	}
	return e.doc.Status
}

// CountNotDone counts the library's documents not marked done.
func (e *Editor) CountNotDone() int {
	n := 0
	for _, d := range e.docs {
		if d.Status != annotate.StatusDone {
			n++
		}
	}
	return n
}

// CanUndo and CanRedo say whether Undo and Redo have a step to apply.
func (e *Editor) CanUndo() bool { return e.history.canUndo() }
func (e *Editor) CanRedo() bool { return e.history.canRedo() }
