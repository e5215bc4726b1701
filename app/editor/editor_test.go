package editor

import (
	"context"
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/app/internal/testdb"
	"github.com/newsmark/newsmark/storage"
)

// trickyText holds what offsets trip over: curly quotes, an em dash, NBSP, an
// emoji outside the BMP and a CRLF line end.
const trickyText = "“Ceasefire now,” said the mayor’s aide\u00a0— 😀 twice.\r\nPort closed."

// fixture is an editor over a real SQLite file with the default labels and some
// documents, the first one open.
type fixture struct {
	t      *testing.T
	db     *storage.DB
	ctx    context.Context
	ids    []int64
	ed     *Editor
	events []Event
}

func newFixture(t *testing.T, texts ...string) *fixture {
	t.Helper()
	db, ids := testdb.Open(t, texts...)
	f := &fixture{t: t, db: db, ctx: context.Background(), ids: ids}
	f.ed = New(db, Options{Annotator: "tester"})
	f.ed.Subscribe(func(ev Event) { f.events = append(f.events, ev) })
	f.must(f.ed.ReloadLabels())
	f.must(f.ed.ReloadDocuments())
	f.must(f.ed.Open(f.ids[0]))
	f.ed.LoadIndex()
	f.ed.Wait()
	f.events = nil
	return f
}

func (f *fixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
}

// stored is what the database holds for a document.
// renameLabel renames the label named from to to, through the editor.
func (f *fixture) renameLabel(from, to string) {
	f.t.Helper()
	old, _ := f.ed.Label(from)
	renamed := old
	renamed.Name = to
	f.must(f.ed.UpdateLabel(old, renamed))
}

func (f *fixture) stored(docID int64) []annotate.Span {
	f.t.Helper()
	spans, err := f.db.Spans(f.ctx, docID)
	f.must(err)
	return spans
}

// inStep checks that the editor's spans are the database's, in the same order.
func (f *fixture) inStep(when string) {
	f.t.Helper()
	got, want := f.ed.Spans(), f.stored(f.ed.DocID())
	if len(got) != len(want) {
		f.t.Fatalf("%s: editor holds %d spans, database %d", when, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Start != w.Start || g.End != w.End || g.Label != w.Label || g.Note != w.Note {
			f.t.Fatalf("%s: span %d is %+v in the editor, %+v in the database", when, i, g, w)
		}
	}
}

// kinds lists the events seen since the last call.
func (f *fixture) kinds() []Kind {
	var k []Kind
	for _, ev := range f.events {
		k = append(k, ev.Kind)
	}
	f.events = nil
	return k
}

// found says whether a search for query finds span id.
func (f *fixture) found(query string, id int64) bool {
	for _, h := range f.ed.Engine().Search(query, search.Options{}) {
		if h.Record.ID == id {
			return true
		}
	}
	return false
}

// cps finds sub in text and returns its code point range.
func cps(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	runes, want := []rune(text), []rune(sub)
	for i := 0; i+len(want) <= len(runes); i++ {
		if string(runes[i:i+len(want)]) == sub {
			return i, i + len(want)
		}
	}
	t.Fatalf("%q not in %q", sub, text)
	return 0, 0
}

func TestTagStoresTheSpanAndKeepsLibraryAndIndexInStep(t *testing.T) {
	f := newFixture(t, trickyText, "second\n")
	start, end := cps(t, trickyText, "mayor’s aide\u00a0— 😀")
	span, err := f.ed.Tag(start, end, "QUOTE")
	f.must(err)
	if span.Text != "mayor’s aide\u00a0— 😀" || span.Annotator != "tester" {
		t.Errorf("stored span %+v: want the text by code points and the editor's annotator", span)
	}
	f.inStep("after tagging")
	if got := f.kinds(); !slices.Equal(got, []Kind{SpansChanged, DocumentChanged}) {
		t.Errorf("events %v, want SpansChanged then DocumentChanged", got)
	}
	row := f.ed.Documents()[f.ed.DocIndex(f.ids[0])]
	if row.SpanCount != 1 || row.Status != annotate.StatusInProgress || f.ed.DocStatus() != annotate.StatusInProgress {
		t.Errorf("library row %+v: want 1 span, in progress", row)
	}
	if !f.found("mayors aide", span.ID) {
		t.Error("the new span is not in the search index")
	}

	_, err = f.ed.Tag(start, end, "QUOTE")
	if annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Errorf("tagging the same range twice: %v, want a conflict", err)
	}
	f.inStep("after the refused second tag")
}

func TestTagKeepsSpansInTextOrder(t *testing.T) {
	f := newFixture(t, trickyText)
	for _, sub := range []string{"Port closed", "twice", "“Ceasefire now,” said", "Ceasefire"} {
		start, end := cps(t, trickyText, sub)
		if _, err := f.ed.Tag(start, end, "CLAIM"); err != nil {
			t.Fatalf("tag %q: %v", sub, err)
		}
	}
	f.inStep("after four tags")
	if !slices.IsSortedFunc(f.ed.Spans(), annotate.CompareSpans) {
		t.Errorf("spans not in text order: %+v", f.ed.Spans())
	}
}

func TestRelabelDeleteAndNoteUndoAndRedo(t *testing.T) {
	f := newFixture(t, trickyText)
	start, end := cps(t, trickyText, "said the mayor’s aide")
	span, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)

	before, after, changed, err := f.ed.Relabel(span.ID, "QUOTE")
	f.must(err)
	if !changed || before.Label != "CLAIM" || after.Label != "QUOTE" {
		t.Fatalf("relabel: %v %s → %s", changed, before.Label, after.Label)
	}
	if _, _, changed, _ := f.ed.Relabel(span.ID, "QUOTE"); changed {
		t.Error("relabelling to the same label reported a change")
	}
	f.kinds()
	changed, err = f.ed.SetNote(span.ID, "check — twice 😀")
	f.must(err)
	if got := f.kinds(); !changed || !slices.Equal(got, []Kind{NoteChanged}) {
		t.Errorf("note: changed %v, events %v; want only NoteChanged (no redraw)", changed, got)
	}
	if changed, _ := f.ed.SetNote(span.ID, "check — twice 😀"); changed {
		t.Error("the same note again was written")
	}
	if s, _ := f.ed.Span(span.ID); s.Note != "check — twice 😀" {
		t.Errorf("note in the editor: %q", s.Note)
	}
	if !f.found("check twice", span.ID) {
		t.Error("the note is not searchable")
	}
	removed, ok, err := f.ed.Delete(span.ID)
	f.must(err)
	if !ok || removed.ID != span.ID {
		t.Fatalf("delete: %v %+v", ok, removed)
	}
	f.inStep("after delete")

	// Undo walks back: delete, note, relabel, create; redo walks forward again.
	type state struct {
		n     int
		label string
		note  string
	}
	check := func(when string, want state) {
		t.Helper()
		f.inStep(when)
		got := f.stored(f.ids[0])
		if len(got) != want.n {
			t.Fatalf("%s: %d spans stored, want %d", when, len(got), want.n)
		}
		if want.n == 1 && (got[0].ID != span.ID || got[0].Label != want.label || got[0].Note != want.note) {
			t.Fatalf("%s: stored %+v, want ID %d %s %q", when, got[0], span.ID, want.label, want.note)
		}
	}
	steps := []state{
		{1, "QUOTE", "check — twice 😀"}, // delete undone
		{1, "QUOTE", ""},                // note undone
		{1, "CLAIM", ""},                // relabel undone
		{0, "", ""},                     // create undone
	}
	for i, want := range steps {
		applied, ok, err := f.ed.Undo()
		f.must(err)
		if !ok {
			t.Fatalf("undo %d: nothing to undo", i+1)
		}
		check("undo "+applied.Step.Describe(), want)
	}
	if _, ok, _ := f.ed.Undo(); ok {
		t.Error("a fifth undo found something to undo")
	}
	for i := len(steps) - 2; i >= -1; i-- {
		applied, ok, err := f.ed.Redo()
		f.must(err)
		if !ok {
			t.Fatalf("redo: nothing to redo")
		}
		want := state{0, "", ""}
		if i >= 0 {
			want = steps[i]
		}
		check("redo "+applied.Step.Describe(), want)
	}
	if f.ed.CanRedo() {
		t.Error("redo chain not used up")
	}
	if f.found("mayors aide", span.ID) {
		t.Error("the deleted span is still in the search index after redoing its delete")
	}
}

func TestUndoReportsWhereADeletedSpanWas(t *testing.T) {
	f := newFixture(t, trickyText)
	start, end := cps(t, trickyText, "twice")
	span, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)
	applied, _, err := f.ed.Undo()
	f.must(err)
	if applied.Span.ID != 0 || applied.Gone.ID != span.ID || applied.Gone.Start != start {
		t.Errorf("undo of a tag: %+v, want the span gone from %d", applied, start)
	}
	applied, _, err = f.ed.Redo()
	f.must(err)
	if applied.Span.ID != span.ID || applied.Span.Start != start {
		t.Errorf("redo of a tag: %+v, want span %d back at %d", applied, span.ID, start)
	}
	if row := f.ed.Documents()[0]; row.SpanCount != 1 {
		t.Errorf("library count after undo and redo: %d, want 1", row.SpanCount)
	}
}

func TestUndoOpensTheDocumentItChanges(t *testing.T) {
	f := newFixture(t, trickyText, "second document\n")
	start, end := cps(t, trickyText, "twice")
	_, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)
	f.must(f.ed.Open(f.ids[1]))
	f.kinds()
	_, ok, err := f.ed.Undo()
	f.must(err)
	if !ok || f.ed.DocID() != f.ids[0] {
		t.Fatalf("undo left document %d open, want %d", f.ed.DocID(), f.ids[0])
	}
	if got := f.kinds(); len(got) == 0 || got[0] != DocumentOpened {
		t.Errorf("events %v: want DocumentOpened first", got)
	}
	f.inStep("after undo in the other document")
}

func TestMarkDoneReopenAndUndo(t *testing.T) {
	f := newFixture(t, "one\n", "two\n", "three\n")
	f.must(f.db.SetDocumentStatus(f.ctx, f.ids[1], annotate.StatusDone))
	f.must(f.ed.ReloadDocuments())

	next, err := f.ed.MarkDone()
	f.must(err)
	if next != f.ids[2] {
		t.Errorf("next not done: %d, want %d (two is done)", next, f.ids[2])
	}
	doc, err := f.db.Document(f.ctx, f.ids[0])
	f.must(err)
	if doc.Status != annotate.StatusDone || f.ed.DocStatus() != annotate.StatusDone || f.ed.CountNotDone() != 1 {
		t.Fatalf("after mark done: stored %s, editor %s, %d not done", doc.Status, f.ed.DocStatus(), f.ed.CountNotDone())
	}
	applied, _, err := f.ed.Undo()
	f.must(err)
	if applied.Step.Status == nil || applied.Step.Describe() != "marking done" {
		t.Errorf("undo applied %+v", applied.Step)
	}
	doc, err = f.db.Document(f.ctx, f.ids[0])
	f.must(err)
	if doc.Status != annotate.StatusNew || f.ed.Documents()[0].Status != annotate.StatusNew {
		t.Errorf("after undo: stored %s, library %s; want new", doc.Status, f.ed.Documents()[0].Status)
	}

	if reopened, err := f.ed.Reopen(); err != nil || reopened {
		t.Errorf("reopen of a document not done: %v %v", reopened, err)
	}
	_, err = f.ed.MarkDone()
	f.must(err)
	reopened, err := f.ed.Reopen()
	f.must(err)
	doc, err = f.db.Document(f.ctx, f.ids[0])
	f.must(err)
	if !reopened || doc.Status != annotate.StatusInProgress {
		t.Errorf("reopen: %v, stored %s", reopened, doc.Status)
	}
	_, _, err = f.ed.Undo()
	f.must(err)
	if doc, _ = f.db.Document(f.ctx, f.ids[0]); doc.Status != annotate.StatusDone {
		t.Errorf("undo of reopen: stored %s, want done", doc.Status)
	}
}

func TestMarkDoneWhenEveryDocumentIsDone(t *testing.T) {
	f := newFixture(t, "only one\n")
	next, err := f.ed.MarkDone()
	f.must(err)
	if next != 0 {
		t.Errorf("next = %d with every document done, want 0", next)
	}
}

func TestDeleteDocumentOpensTheNeighbourAndForgetsItsSteps(t *testing.T) {
	f := newFixture(t, trickyText, "second\n")
	start, end := cps(t, trickyText, "twice")
	span, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)
	title, err := f.ed.DeleteDocument(f.ids[0])
	f.must(err)
	if title == "" || f.ed.DocID() != f.ids[1] || len(f.ed.Documents()) != 1 {
		t.Fatalf("after delete: %q, open %d, %d documents", title, f.ed.DocID(), len(f.ed.Documents()))
	}
	if f.ed.CanUndo() {
		t.Error("undo still holds a step of the deleted document")
	}
	if f.found("twice", span.ID) {
		t.Error("the deleted document's span is still searchable")
	}
	_, err = f.ed.DeleteDocument(f.ids[1])
	f.must(err)
	if f.ed.Doc() != nil || len(f.ed.Spans()) != 0 {
		t.Error("deleting the last document left one open")
	}
}

func TestLabelRenameKeepsUndoValid(t *testing.T) {
	f := newFixture(t, trickyText)
	start, end := cps(t, trickyText, "twice")
	span, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)
	_, _, _, err = f.ed.Relabel(span.ID, "QUOTE")
	f.must(err)
	f.renameLabel("CLAIM", "ASSERTION")
	f.ed.Wait()
	_, _, err = f.ed.Undo() // the relabel: back to the renamed label
	f.must(err)
	if got := f.stored(f.ids[0]); got[0].Label != "ASSERTION" {
		t.Errorf("undo after rename set %s, want ASSERTION", got[0].Label)
	}
	f.inStep("after undo past a rename")

	removed, err := f.ed.DeleteLabel("ASSERTION")
	f.must(err)
	f.ed.Wait()
	if removed != 1 || len(f.ed.Spans()) != 0 || f.ed.CanUndo() {
		t.Errorf("delete label: %d removed, %d spans left, undo %v", removed, len(f.ed.Spans()), f.ed.CanUndo())
	}
}

func TestIndexReloadKeepsEditsMadeMeanwhile(t *testing.T) {
	f := newFixture(t, trickyText)
	start, end := cps(t, trickyText, "Port closed")
	// The reload streams on its own goroutine; an edit made before it is
	// applied is journalled and replayed, so it is searchable afterwards.
	f.ed.LoadIndex()
	span, err := f.ed.Tag(start, end, "CLAIM")
	f.must(err)
	f.ed.Wait()
	if !f.found("port closed", span.ID) {
		t.Error("a span tagged during an index reload is not searchable")
	}
}
