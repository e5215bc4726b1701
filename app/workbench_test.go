package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/app/internal/testdb"
	"github.com/newsmark/newsmark/storage"
)

// trickyText holds every character that breaks offset arithmetic: curly quotes,
// an apostrophe, an em dash, a no-break space, an emoji outside the BMP (two UTF-16
// units, four bytes) and CRLF line ends.
const trickyText = "“Ceasefire” talks — it’s\u00a0over 😀\r\n" +
	"“We will stay,” said Ana Pavić.\r\n" +
	"At least 14 civilians were killed.\r\n"

// wbFixture is a workbench on a real database in a temp folder.
type wbFixture struct {
	t   testing.TB
	db  *storage.DB
	w   *Workbench
	ctx context.Context
	ids []int64 // documents in import order
}

// newWBFixture seeds the default labels, imports the texts as documents and opens
// the first.
func newWBFixture(t *testing.T, texts ...string) *wbFixture {
	t.Helper()
	return newWBFixtureTB(t, texts...)
}

// newWBFixtureTB is newWBFixture for tests and benchmarks.
func newWBFixtureTB(t testing.TB, texts ...string) *wbFixture {
	t.Helper()
	a := test.NewTempApp(t)
	db, ids := testdb.Open(t, texts...)
	f := &wbFixture{t: t, db: db, ctx: context.Background(), ids: ids}
	var open int64
	if len(f.ids) > 0 {
		open = f.ids[0]
	}
	f.w = NewWorkbench(a, db, Options{Annotator: "tester", OpenDocID: open})
	f.w.annotations.saveDelay = 0 // notes save on Enter/focus loss only: no timers in tests
	f.w.tasks.Wait()
	f.w.Window().Resize(fyne.NewSize(1200, 800))
	return f
}

// spans reads the stored spans of a document.
func (f *wbFixture) spans(docID int64) []annotate.Span {
	f.t.Helper()
	spans, err := f.db.Spans(f.ctx, docID)
	if err != nil {
		f.t.Fatalf("read spans: %v", err)
	}
	return spans
}

// cp returns the code-point offset of the first occurrence of sub in text.
func cp(t testing.TB, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return annotate.RuneLen(text[:i])
}

// tagText selects sub in the open document and presses the digit.
func (f *wbFixture) tagText(sub string, digit rune) annotate.Span {
	f.t.Helper()
	start := cp(f.t, f.w.ed.Doc().Text, sub)
	end := start + annotate.RuneLen(sub)
	f.w.view.Select(start, end)
	f.w.view.OnTypedRune(digit)
	for _, s := range f.spans(f.w.ed.DocID()) {
		if s.Start == start && s.End == end {
			return s
		}
	}
	f.t.Fatalf("no span stored at %d–%d after pressing %c", start, end, digit)
	return annotate.Span{}
}

type spanRow struct {
	Start, End int
	Label      string
	Text       string
}

func rows(spans []annotate.Span) []spanRow {
	out := make([]spanRow, 0, len(spans))
	for _, s := range spans {
		out = append(out, spanRow{s.Start, s.End, s.Label, s.Text})
	}
	return out
}

func TestTaggingTheSelectionStoresExactCodePoints(t *testing.T) {
	f := newWBFixture(t, trickyText)
	quote := "“We will stay,”"
	start := cp(t, trickyText, quote)
	// The quote follows an emoji and a CRLF: byte and UTF-16 offsets differ from code points.
	if start != 33 {
		t.Fatalf("fixture: quote starts at code point %d, want 33", start)
	}
	span := f.tagText(quote, '2')

	want := []spanRow{{33, 33 + 15, "QUOTE", quote}}
	if got := rows(f.spans(f.w.ed.DocID())); !slices.Equal(got, want) {
		t.Fatalf("stored spans = %+v, want %+v", got, want)
	}
	if span.Annotator != "tester" {
		t.Errorf("annotator = %q, want tester", span.Annotator)
	}
	// Labelling goes on from the span's end: no selection left, caret at the end.
	if s, e := f.w.view.Selection(); s != span.End || e != span.End {
		t.Errorf("selection after tagging = %d–%d, want caret at %d", s, e, span.End)
	}
	if got := f.w.status.selection.Text; got != "Caret 48" {
		t.Errorf("status selection = %q, want Caret 48", got)
	}
	if got := f.w.status.count.Text; got != "1 annotation" {
		t.Errorf("status count = %q", got)
	}
	if got := f.w.status.progress.Text; got != "Document 1 of 1 · in progress" {
		t.Errorf("status progress = %q", got)
	}
	if len(f.w.annotations.spans) != 1 || f.w.annotations.spans[0].ID != span.ID {
		t.Errorf("annotation list = %+v, want the new span", f.w.annotations.spans)
	}
	doc, err := f.db.Document(f.ctx, f.w.ed.DocID())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Status != annotate.StatusInProgress || f.w.ed.Documents()[0].Status != annotate.StatusInProgress || f.w.ed.Documents()[0].SpanCount != 1 {
		t.Errorf("status after first span: store %s, library %s with %d spans", doc.Status, f.w.ed.Documents()[0].Status, f.w.ed.Documents()[0].SpanCount)
	}
	if hits := f.w.ed.Engine().Search("will stay", search.Options{}); len(hits) == 0 || hits[0].Record.ID != span.ID {
		t.Errorf("search for the new span found %+v", hits)
	}
}

func TestSelectionAcrossEmojiAndCRLFIsStoredAsPythonWouldSliceIt(t *testing.T) {
	f := newWBFixture(t, trickyText)
	// From the no-break space through the CRLF into the next line.
	sub := "\u00a0over 😀\r\n“We"
	start := cp(t, f.w.ed.Doc().Text, sub)
	f.w.view.Select(start, start+annotate.RuneLen(sub))
	f.w.view.OnTypedRune('1')
	got := f.spans(f.w.ed.DocID())
	// Python: the selection starts at code point 24 and len(sub) == 12; the
	// leading no-break space is trimmed off, so the span is 25–36.
	want := "over 😀\r\n“We"
	if len(got) != 1 || got[0].Text != want || got[0].Start != 25 || got[0].End != 36 {
		t.Fatalf("spans = %+v, want one CLAIM 25–36 %q", rows(got), want)
	}
}

func TestDigitWithoutSelectionOrUnknownHotkeyStoresNothing(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.w.view.Select(5, 5)
	f.w.view.OnTypedRune('2')
	f.w.view.Select(0, 4)
	f.w.view.OnTypedRune('9') // no label has hotkey 9
	f.w.view.OnTypedRune('x')
	if got := f.spans(f.w.ed.DocID()); len(got) != 0 {
		t.Fatalf("spans = %+v, want none", rows(got))
	}
}

func TestDigitRelabelsTheSelectedAnnotation(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("“We will stay,”", '2')
	f.w.view.SelectHighlight(span.ID)
	f.w.view.OnTypedRune('1')
	got := f.spans(f.w.ed.DocID())
	if len(got) != 1 || got[0].ID != span.ID || got[0].Label != "CLAIM" {
		t.Fatalf("after relabel: %+v, want span %d as CLAIM", got, span.ID)
	}
	if f.w.view.SelectedHighlight() != span.ID {
		t.Errorf("relabelled span is no longer selected")
	}
}

func TestDeleteRemovesTheSelectedAnnotation(t *testing.T) {
	f := newWBFixture(t, trickyText)
	keep := f.tagText("At least 14 civilians", '4')
	gone := f.tagText("“We will stay,”", '2')
	f.w.view.SelectHighlight(gone.ID)
	f.w.view.OnDelete()
	got := f.spans(f.w.ed.DocID())
	if len(got) != 1 || got[0].ID != keep.ID {
		t.Fatalf("after delete: %+v, want only span %d", rows(got), keep.ID)
	}
	if len(f.w.annotations.spans) != 1 {
		t.Errorf("annotation list still shows %d rows", len(f.w.annotations.spans))
	}
	if hits := f.w.ed.Engine().Search("will stay", search.Options{}); len(hits) != 0 {
		t.Errorf("deleted span still found by search: %+v", hits)
	}
	// With nothing selected, Delete does nothing.
	f.w.view.Select(0, 0)
	f.w.view.SelectHighlight(0)
	f.w.view.OnDelete()
	if got := f.spans(f.w.ed.DocID()); len(got) != 1 {
		t.Errorf("Delete without a selected annotation removed something: %+v", rows(got))
	}
}

func TestUndoAndRedoReplayCreateRelabelNoteAndDeleteAgainstTheStore(t *testing.T) {
	f := newWBFixture(t, trickyText)
	quote := "“We will stay,”"
	span := f.tagText(quote, '2') // create
	f.w.view.SelectHighlight(span.ID)
	f.w.view.OnTypedRune('1')            // relabel QUOTE → CLAIM
	f.w.onNoteEdited(span.ID, "checked") // note
	f.w.view.SelectHighlight(span.ID)
	f.w.view.OnDelete() // delete

	type state struct {
		n           int
		label, note string
	}
	check := func(step string, want state) {
		t.Helper()
		got := f.spans(f.w.ed.DocID())
		if len(got) != want.n {
			t.Fatalf("%s: %d spans stored, want %d", step, len(got), want.n)
		}
		if want.n == 1 && (got[0].ID != span.ID || got[0].Label != want.label || got[0].Note != want.note || got[0].Text != quote) {
			t.Fatalf("%s: stored %+v, want id %d %s note %q", step, got[0], span.ID, want.label, want.note)
		}
		if len(f.w.ed.Spans()) != want.n {
			t.Fatalf("%s: screen shows %d spans, store has %d", step, len(f.w.ed.Spans()), want.n)
		}
	}
	check("after delete", state{0, "", ""})
	f.w.onUndo()
	check("undo delete", state{1, "CLAIM", "checked"})
	if f.w.view.SelectedHighlight() != span.ID {
		t.Errorf("undo delete: restored span is not selected")
	}
	f.w.onUndo()
	check("undo note", state{1, "CLAIM", ""})
	f.w.onUndo()
	check("undo relabel", state{1, "QUOTE", ""})
	f.w.onUndo()
	check("undo create", state{0, "", ""})
	f.w.onUndo() // nothing left: no change, no error
	check("undo on empty history", state{0, "", ""})

	f.w.onRedo()
	check("redo create", state{1, "QUOTE", ""})
	f.w.onRedo()
	check("redo relabel", state{1, "CLAIM", ""})
	f.w.onRedo()
	check("redo note", state{1, "CLAIM", "checked"})
	f.w.onRedo()
	check("redo delete", state{0, "", ""})

	// A new edit after undo ends the redo chain.
	f.w.onUndo()
	check("undo delete again", state{1, "CLAIM", "checked"})
	f.tagText("At least 14 civilians", '4')
	if f.w.ed.CanRedo() {
		t.Errorf("redo still possible after a new edit")
	}
}

func TestUndoOpensTheDocumentTheStepBelongsTo(t *testing.T) {
	f := newWBFixture(t, trickyText, "Second article.\nNothing else.")
	span := f.tagText("At least 14 civilians", '4')
	f.w.openDocument(f.ids[1])
	f.w.onUndo()
	if f.w.ed.DocID() != f.ids[0] {
		t.Fatalf("undo left document %d open, want %d", f.w.ed.DocID(), f.ids[0])
	}
	if got := f.spans(f.ids[0]); len(got) != 0 {
		t.Fatalf("span %d still stored after undo: %+v", span.ID, got)
	}
}

func TestChoosingAnAnnotationRowSelectsAndScrollsToItsHighlight(t *testing.T) {
	f := newWBFixture(t, trickyText)
	first := f.tagText("“Ceasefire”", '2')
	second := f.tagText("At least 14 civilians", '4')
	// The list is in text order; row 1 is the casualty figure.
	f.w.annotations.list.Select(1) // what a tap on the row does
	if got := f.w.view.SelectedHighlight(); got != second.ID {
		t.Fatalf("selected highlight = %d, want %d", got, second.ID)
	}
	if s, e := f.w.view.Selection(); s != second.Start || e != second.End {
		t.Errorf("selection = %d–%d, want %d–%d", s, e, second.Start, second.End)
	}
	if got := f.w.status.selection.Text; got != "Selection 66–87 (21 chars)" {
		t.Errorf("status = %q", got)
	}
	// And the other way: selecting a highlight in the view marks its row.
	f.w.view.SelectHighlight(first.ID)
	f.w.view.OnHighlightSelected(first.ID)
	if f.w.annotations.selected != first.ID {
		t.Errorf("list marks %d, want %d", f.w.annotations.selected, first.ID)
	}
}

func TestASignalQuitsLikeFileQuitSavingTheNoteBeingTyped(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("“We will stay,”", '2')
	test.Type(f.noteEntryFor(span.ID), "unsaved — so far")
	signals := make(chan os.Signal, 1)
	quitOnSignal(signals, f.w.onQuit)
	signals <- syscall.SIGTERM
	// The deadline only guards against a hang.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if f.spans(f.w.ed.DocID())[0].Note == "unsaved — so far" {
			return
		}
	}
	t.Fatalf("after SIGTERM the note is %q; want the note being typed saved", f.spans(f.w.ed.DocID())[0].Note)
}

func TestEditingANoteSavesItOnEnterAndOnFocusLoss(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("“We will stay,”", '2')
	entry := f.noteEntryFor(span.ID)
	test.Type(entry, "said twice — check")
	if got := f.spans(f.w.ed.DocID())[0].Note; got != "" {
		t.Fatalf("note saved while typing (%q); want it saved on Enter", got)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.spans(f.w.ed.DocID())[0].Note; got != "said twice — check" {
		t.Fatalf("note after Enter = %q", got)
	}
	test.Type(entry, " 😀")
	f.w.win.Canvas().Focus(entry)
	f.w.win.Canvas().Unfocus()
	if got := f.spans(f.w.ed.DocID())[0].Note; got != "said twice — check 😀" {
		t.Fatalf("note after focus loss = %q", got)
	}
	f.w.onUndo()
	if got := f.spans(f.w.ed.DocID())[0].Note; got != "said twice — check" {
		t.Fatalf("note after undo = %q", got)
	}
}

// walkObjects visits obj and everything its renderers draw, as laid out on the
// window. (test.LaidOutObjects would first resize obj to its minimum size, which for
// a list means different, freshly made rows.)
func walkObjects(obj fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(obj)
	switch o := obj.(type) {
	case *fyne.Container:
		for _, child := range o.Objects {
			walkObjects(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(o).Objects() {
			walkObjects(child, visit)
		}
	}
}

// noteEntryFor finds the note field of a span's row in the rendered list.
func (f *wbFixture) noteEntryFor(spanID int64) *noteEntry {
	f.t.Helper()
	var found *noteEntry
	walkObjects(f.w.annotations.list, func(obj fyne.CanvasObject) {
		if e, ok := obj.(*noteEntry); ok && e.spanID == spanID && found == nil {
			found = e
		}
	})
	if found != nil {
		return found
	}
	f.t.Fatalf("no note field for span %d on screen", spanID)
	return nil
}

func TestTitleFollowsTheOpenDocument(t *testing.T) {
	f := newWBFixture(t, trickyText, "Second article\nbody")
	if got := f.w.win.Title(); got != "Newsmark — “Ceasefire” talks — it’s\u00a0over 😀" {
		t.Errorf("title = %q", got)
	}
	f.w.stepDocument(+1)
	if got := f.w.win.Title(); got != "Newsmark — Second article" {
		t.Errorf("title after Next = %q", got)
	}
	f.w.onMarkDone()
	f.w.deleteDocument(f.ids[1])
	if got, want := f.w.status.message.Text, "Deleted “Second article”"; got != want {
		t.Errorf("status after deleting reads %q, want %q", got, want)
	}
	f.w.deleteDocument(f.ids[0])
	if got := f.w.win.Title(); got != "Newsmark" {
		t.Errorf("title with no document = %q", got)
	}
	if !f.w.emptyHint.Visible() || f.w.view.Visible() {
		t.Errorf("empty state not shown with no documents")
	}
	if got := f.w.status.selection.Text; got != "" {
		t.Errorf("with no document the status bar shows %q", got)
	}
	if got := f.w.annotations.empty.Text; got != noDocumentHint {
		t.Errorf("with no document the annotation list says %q", got)
	}
}

func TestEmptyDatabaseShowsTheStartHint(t *testing.T) {
	f := newWBFixture(t)
	if got := f.w.win.Title(); got != "Newsmark" {
		t.Errorf("title = %q", got)
	}
	if !f.w.emptyHint.Visible() {
		t.Errorf("start hint hidden")
	}
	f.w.view.OnTypedRune('1') // must not panic with nothing open
	f.w.onMarkDone()
	f.w.onUndo()
}

func TestMarkDoneMovesToTheNextDocumentNotDone(t *testing.T) {
	f := newWBFixture(t, "one\n", "two\n", "three\n")
	if err := f.db.SetDocumentStatus(f.ctx, f.ids[1], annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := f.w.ed.ReloadDocuments(); err != nil {
		t.Fatal(err)
	}
	f.w.onMarkDone()
	doc, err := f.db.Document(f.ctx, f.ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if doc.Status != annotate.StatusDone {
		t.Errorf("stored status = %s, want done", doc.Status)
	}
	if f.w.ed.DocID() != f.ids[2] {
		t.Errorf("open document = %d, want %d (the next not done)", f.w.ed.DocID(), f.ids[2])
	}
	if got := f.w.status.progress.Text; got != "Document 3 of 3 · new" {
		t.Errorf("progress = %q", got)
	}
}

func TestMarkDoneAndReopenAreUndoable(t *testing.T) {
	f := newWBFixture(t, "one\n", "two\n")
	stored := func(id int64) annotate.Status {
		t.Helper()
		doc, err := f.db.Document(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return doc.Status
	}
	first := f.ids[0]
	f.w.onMarkDone() // by mistake: it moves on to "two"
	if stored(first) != annotate.StatusDone || f.w.ed.DocID() != f.ids[1] {
		t.Fatalf("after Mark done: %s, open %d", stored(first), f.w.ed.DocID())
	}
	f.w.onUndo()
	if got := stored(first); got != annotate.StatusNew {
		t.Errorf("after Ctrl+Z the document is %s, want new again", got)
	}
	if f.w.ed.DocID() != first {
		t.Errorf("Ctrl+Z left document %d open, want the one it changed (%d)", f.w.ed.DocID(), first)
	}
	if got := f.w.ed.Documents()[f.w.ed.DocIndex(first)].Status; got != annotate.StatusNew {
		t.Errorf("the library still shows %s", got)
	}
	f.w.onRedo()
	if got := stored(first); got != annotate.StatusDone {
		t.Errorf("after redo the document is %s, want done", got)
	}

	f.w.openDocument(first)
	f.w.onReopen()
	if got := stored(first); got != annotate.StatusInProgress {
		t.Errorf("after Reopen the document is %s, want in progress", got)
	}
	f.w.onReopen() // not done any more: nothing to do, nothing recorded
	f.w.onUndo()
	if got := stored(first); got != annotate.StatusDone {
		t.Errorf("undoing Reopen left %s, want done", got)
	}
}

func TestLibraryFilterAndOpen(t *testing.T) {
	f := newWBFixture(t, "Harbour talks\n", "Ceasefire news\n", "Harbour fire\n")
	f.w.library.filter.SetText("harbour")
	if len(f.w.library.shown) != 2 {
		t.Fatalf("filter shows %d documents, want 2", len(f.w.library.shown))
	}
	if got := f.w.library.header.Text; got != "Documents (2 of 3)" {
		t.Errorf("header = %q", got)
	}
	if f.w.library.noMatch.Visible() {
		t.Errorf("'no match' shown beside 2 matches")
	}
	f.w.library.filter.SetText("zaporizhzhia ")
	if !f.w.library.noMatch.Visible() || f.w.library.noMatch.Text != "No title, source, outlet, author or date contains “zaporizhzhia”." {
		t.Errorf("a filter that hides everything says %q (visible %v)", f.w.library.noMatch.Text, f.w.library.noMatch.Visible())
	}
	f.w.library.filter.SetText("harbour")
	if f.w.library.noMatch.Visible() {
		t.Errorf("'no match' still shown after the filter matched again")
	}
	f.w.library.list.Select(1) // a click on "Harbour fire"
	if f.w.ed.DocID() != f.ids[2] {
		t.Errorf("open document = %d, want %d", f.w.ed.DocID(), f.ids[2])
	}
}

func TestSessionIsRememberedInPreferences(t *testing.T) {
	f := newWBFixture(t, "one\n", "two\n")
	f.w.stepDocument(+1)
	f.w.saveSession()
	again := NewWorkbench(f.w.app, f.db, Options{Annotator: "tester"})
	again.tasks.Wait()
	if again.ed.DocID() != f.ids[1] {
		t.Errorf("reopened on document %d, want the last one %d", again.ed.DocID(), f.ids[1])
	}
	if got := loadSession(f.w.prefs).WindowWidth; got != 1200 {
		t.Errorf("saved window width = %v, want 1200", got)
	}
}

func TestReopenPutsTheCaretWhereTheReaderLeftOff(t *testing.T) {
	long := strings.Repeat("“Quote,” she said — a line of news.\r\n", 400)
	f := newWBFixture(t, long)
	reopen := func() *Workbench {
		t.Helper()
		f.w.saveSession()
		again := NewWorkbench(f.w.app, f.db, Options{Annotator: "tester"})
		again.tasks.Wait()
		again.Window().Resize(fyne.NewSize(1200, 800))
		return again
	}

	// Scrolled far down with the wheel, caret left at 0: the caret comes back on
	// screen, at the start of a row (a multiple of the 37-code-point line here).
	f.w.view.SetScrollPosition(5000)
	again := reopen()
	caret := again.view.Caret()
	if caret == 0 || caret%37 != 0 {
		t.Errorf("caret after reopening = %d, want the start of a row far below 0", caret)
	}
	if !again.view.OffsetVisible(caret) {
		t.Errorf("caret %d is off screen after reopening (scroll %v)", caret, again.view.ScrollPosition())
	}
	if got, want := again.status.selection.Text, fmt.Sprintf("Caret %d", caret); got != want {
		t.Errorf("status bar says %q after reopening, want %q", got, want)
	}
	if got := again.view.ScrollPosition(); got != 5000 {
		t.Errorf("scroll after reopening = %v, want 5000", got)
	}

	// A caret the reader placed on screen is kept exactly.
	f.w = again
	place := caret + 40
	f.w.view.Select(place, place)
	if !f.w.view.OffsetVisible(place) {
		t.Fatalf("test setup: offset %d not on screen", place)
	}
	if third := reopen(); third.view.Caret() != place {
		t.Errorf("caret after second reopen = %d, want %d", third.view.Caret(), place)
	}
}

func TestSearchResultOpensItsDocumentWithTheSpanSelected(t *testing.T) {
	f := newWBFixture(t, trickyText, "other\n")
	span := f.tagText("At least 14 civilians", '4')
	f.w.openDocument(f.ids[1])
	f.w.onSearchOpen(f.ids[0], span.ID)
	if f.w.ed.DocID() != f.ids[0] || f.w.view.SelectedHighlight() != span.ID {
		t.Fatalf("search open: document %d, highlight %d; want %d, %d", f.w.ed.DocID(), f.w.view.SelectedHighlight(), f.ids[0], span.ID)
	}
}

func TestPaletteClickTagsTheSelection(t *testing.T) {
	f := newWBFixture(t, trickyText)
	chips := f.w.palette.box.Objects
	if len(chips) != 5 {
		t.Fatalf("palette shows %d labels, want 5", len(chips))
	}
	start := cp(t, trickyText, "Ana Pavić")
	f.w.view.Select(start, start+9)
	test.Tap(chips[0].(*labelChip)) // CLAIM
	got := f.spans(f.w.ed.DocID())
	if len(got) != 1 || got[0].Label != "CLAIM" || got[0].Text != "Ana Pavić" {
		t.Fatalf("spans = %+v", rows(got))
	}
}

func TestImportingFilesOpensTheFirstAndListsBadOnes(t *testing.T) {
	f := newWBFixture(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(good, []byte(trickyText), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(bad, []byte("{\"text\": \"fine\"}\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var result annotate.ImportResult
	f.w.imports.importPaths([]string{good, bad}, func(r annotate.ImportResult, err error) {
		if err != nil {
			t.Errorf("import: %v", err)
		}
		result = r
	})
	f.w.tasks.Wait()
	if len(result.DocIDs) != 2 {
		t.Fatalf("imported %v, want 2 documents", result.DocIDs)
	}
	if f.w.ed.Doc() == nil || f.w.ed.Doc().Text != trickyText {
		t.Fatalf("first imported document not open")
	}
	if len(f.w.ed.Documents()) != 2 {
		t.Errorf("library shows %d documents", len(f.w.ed.Documents()))
	}
	if !overlayHasText(f.w.win, "b.jsonl:2") {
		t.Errorf("no dialog names the bad line b.jsonl:2")
	}
}

// overlayHasText reports whether the top dialog shows a label containing text.
func overlayHasText(win fyne.Window, text string) bool {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	found := false
	walkObjects(top, func(obj fyne.CanvasObject) {
		if l, ok := obj.(*widget.Label); ok && strings.Contains(l.Text, text) {
			found = true
		}
	})
	return found
}

// tapOverlayButton taps the button with this text in the top dialog.
func tapOverlayButton(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	var button *widget.Button
	if top != nil {
		walkObjects(top, func(obj fyne.CanvasObject) {
			if b, ok := obj.(*widget.Button); ok && b.Text == text && button == nil {
				button = b
			}
		})
	}
	if button != nil {
		test.Tap(button)
		return
	}
	t.Fatalf("no %q button in the top dialog", text)
}

func TestSpansImportedThroughTheImportDialogBecomeSearchable(t *testing.T) {
	f := newWBFixture(t, trickyText)
	text := "Officials said “the port is closed” on Monday.\n"
	quote := "“the port is closed”"
	start := cp(t, text, quote)
	record := annotate.ImportRecord{
		Origin:   "dialog.jsonl:1",
		Document: annotate.Document{Title: "Port", Text: text},
		Spans:    []annotate.Span{{Start: start, End: start + annotate.RuneLen(quote), Label: "QUOTE"}},
	}
	result, err := f.db.Import(f.ctx, func(yield func(annotate.ImportRecord, error) bool) { yield(record, nil) }, annotate.ImportOptions{Annotator: "importer"})
	if err != nil {
		t.Fatal(err)
	}
	f.w.imports.onImportDialogDone(result)
	f.w.tasks.Wait()
	if f.w.ed.DocID() != result.DocIDs[0] || len(f.w.ed.Documents()) != 2 {
		t.Fatalf("imported document not opened/listed: open %d, library %d", f.w.ed.DocID(), len(f.w.ed.Documents()))
	}
	hits := f.w.ed.Engine().Search("port is closed", search.Options{})
	if len(hits) == 0 || hits[0].Record.Text != quote || hits[0].Record.DocTitle != "Port" {
		t.Fatalf("search after import found %+v", hits)
	}
}

func TestDroppedFilesAreImportedAndTheFirstOpened(t *testing.T) {
	f := newWBFixture(t, "already here\n")
	path := filepath.Join(t.TempDir(), "dropped.txt")
	if err := os.WriteFile(path, []byte(trickyText), 0o644); err != nil {
		t.Fatal(err)
	}
	f.w.imports.onDropped(fyne.NewPos(10, 10), []fyne.URI{fynestorage.NewFileURI(path)})
	f.w.tasks.Wait()
	if f.w.ed.Doc() == nil || f.w.ed.Doc().Text != trickyText || f.w.ed.Doc().Source != path {
		t.Fatalf("dropped file not open: %+v", f.w.ed.Doc())
	}
	if len(f.w.ed.Documents()) != 2 {
		t.Errorf("library holds %d documents, want 2", len(f.w.ed.Documents()))
	}
}

func TestFilesNamedAtStartAreImportedAndOpened(t *testing.T) {
	f := newWBFixture(t)
	path := filepath.Join(t.TempDir(), "start.txt")
	if err := os.WriteFile(path, []byte(trickyText), 0o644); err != nil {
		t.Fatal(err)
	}
	w := NewWorkbench(f.w.app, f.db, Options{Annotator: "tester", ImportPaths: []string{path}})
	w.tasks.Wait()
	if w.ed.Doc() == nil || w.ed.Doc().Text != trickyText {
		t.Fatalf("file named at start not open")
	}
	if got := w.win.Title(); got != "Newsmark — “Ceasefire” talks — it’s\u00a0over 😀" {
		t.Errorf("title = %q", got)
	}
}

func TestTaggingTheSameTextTwiceSaysSoInTheStatusBar(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.tagText("“We will stay,”", '2')
	start := cp(t, trickyText, "“We will stay,”")
	f.w.view.Select(start, start+15)
	f.w.view.OnTypedRune('2')
	if got := len(f.spans(f.w.ed.DocID())); got != 1 {
		t.Fatalf("%d spans stored, want 1", got)
	}
	if top := f.w.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog interrupts the user for a duplicate")
	}
	if msg := f.w.status.message.Text; !strings.Contains(msg, "Not tagged") {
		t.Errorf("status message = %q", msg)
	}
}

func TestDeleteDocumentAsksThenOpensTheNeighbour(t *testing.T) {
	f := newWBFixture(t, "one\n", "two\n", "three\n")
	f.w.openDocument(f.ids[1])
	f.w.onDeleteDocument()
	if !overlayHasText(f.w.win, "Delete “two”?") {
		t.Fatal("no confirmation naming the document")
	}
	tapOverlayButton(t, f.w.win, "Delete")
	if _, err := f.db.Document(f.ctx, f.ids[1]); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Fatalf("document still stored (err %v)", err)
	}
	if f.w.ed.DocID() != f.ids[2] || len(f.w.ed.Documents()) != 2 {
		t.Errorf("after delete: open %d, %d documents; want %d open of 2", f.w.ed.DocID(), len(f.w.ed.Documents()), f.ids[2])
	}
}

func TestDeleteDocumentQuestionNamesTheDocumentBriefly(t *testing.T) {
	if got, want := deleteDocumentQuestion("Floods", 0), "Delete “Floods”?\nThis cannot be undone."; got != want {
		t.Errorf("no annotations: %q, want %q", got, want)
	}
	if got, want := deleteDocumentQuestion("Floods", 1), "Delete “Floods” and its 1 annotation?\nThis cannot be undone."; got != want {
		t.Errorf("one annotation: %q, want %q", got, want)
	}
	long := strings.Repeat("Ceasefire talks — “stalled” again 😀 ", 5)
	got := deleteDocumentQuestion(long, 3)
	title := strings.TrimSuffix(strings.TrimPrefix(strings.Split(got, "\n")[0], "Delete “"), "” and its 3 annotations?")
	if n := len([]rune(title)); n > 60 || !strings.HasSuffix(title, "…") || !strings.HasPrefix(long, strings.TrimSuffix(title, "…")) {
		t.Errorf("long title shown as %q (%d code points)", title, n)
	}
}

func TestEnterOrEscInANoteSavesItAndGivesTheKeysBackToTheDocument(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("“We will stay,”", '2')
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		entry := f.noteEntryFor(span.ID)
		f.w.win.Canvas().Focus(entry)
		test.Type(entry, string(key))
		entry.TypedKey(&fyne.KeyEvent{Name: key})
		if got := f.w.win.Canvas().Focused(); got != f.w.view {
			t.Errorf("after %s in a note the focus is on %T, want the document view", key, got)
		}
		if got := f.spans(f.w.ed.DocID())[0].Note; !strings.HasSuffix(got, string(key)) {
			t.Errorf("after %s the stored note is %q", key, got)
		}
	}
}

func TestImportWordingSaysPlainlyWhenNothingCameIn(t *testing.T) {
	bad := []annotate.RecordError{{Origin: "broken.txt:1"}}
	title, intro := importProblemsWording(annotate.ImportResult{Invalid: bad})
	if title != "Nothing was imported" || strings.Contains(intro, "Imported 0") {
		t.Errorf("nothing imported: %q / %q", title, intro)
	}
	if got := importSummary(annotate.ImportResult{Invalid: bad}); got != "Nothing imported" {
		t.Errorf("status after importing nothing: %q", got)
	}
	title, intro = importProblemsWording(annotate.ImportResult{Documents: 2, Invalid: bad})
	if title != "Some files were not imported" || intro != "Imported 2 documents. These could not be imported:" {
		t.Errorf("partly imported: %q / %q", title, intro)
	}
}
