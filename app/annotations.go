package app

import (
	"fmt"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// noteSaveDelay is how long typing in a note must pause before it is saved: long
// enough not to write on every key, short enough that nothing typed is at risk.
const noteSaveDelay = 700 * time.Millisecond

// annotationList is the right-hand panel: the open document's annotations in text
// order, each with its label colour and name, a snippet, the annotator and a note.
type annotationList struct {
	onChoose func(id int64)
	onNote   func(id int64, note string)
	// onNoteDone runs when the user leaves a note with Enter or Esc: the
	// workbench gives the keyboard back to the document, where digits tag.
	onNoteDone func()
	// saveDelay debounces note saves; 0 saves only on Enter and focus loss.
	saveDelay time.Duration

	spans     []annotate.Span
	direction docview.Direction // the open document's forced direction, for the snippets
	colors    labelcolor.Map
	selected  int64
	updating  bool

	mu      sync.Mutex // guards pending and timer, which the debounce timer touches
	pending map[int64]string
	timer   *time.Timer

	header   *widget.Label
	list     *widget.List
	empty    *widget.Label
	rowIndex map[fyne.CanvasObject]*annotationRow
}

func newAnnotationList(onChoose func(id int64), onNote func(id int64, note string)) *annotationList {
	return &annotationList{
		onChoose:  onChoose,
		onNote:    onNote,
		saveDelay: noteSaveDelay,
		colors:    labelcolor.Map{},
		pending:   map[int64]string{},
	}
}

func (a *annotationList) build() fyne.CanvasObject {
	a.header = widget.NewLabelWithStyle("Annotations", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.list = widget.NewList(a.length, a.createRow, a.updateRow)
	a.list.OnSelected = a.onSelected
	a.empty = widget.NewLabel(noAnnotationsHint)
	a.empty.Importance = widget.LowImportance
	a.empty.Wrapping = fyne.TextWrapWord
	return container.NewBorder(a.header, nil, nil, nil, container.NewStack(a.list, container.NewVBox(a.empty)))
}

// What the empty list says, with a document open and without.
const (
	noAnnotationsHint = "No annotations yet.\nSelect text and press a label's digit."
	noDocumentHint    = "No document open."
)

// setDocumentOpen words the empty list for whether there is a document to annotate.
func (a *annotationList) setDocumentOpen(open bool) {
	text := noDocumentHint
	if open {
		text = noAnnotationsHint
	}
	if a.empty.Text != text {
		a.empty.SetText(text)
	}
}

// setDirection lays the snippets out in the open document's direction.
func (a *annotationList) setDirection(d docview.Direction) {
	if a.direction != d {
		a.direction = d
		a.list.Refresh()
	}
}

// setLabels updates the colours rows are drawn with.
func (a *annotationList) setLabels(labels []annotate.Label) {
	a.colors = labelcolor.Of(labels)
}

// setSpans shows spans (in text order) and marks the selected one. A note still
// being typed is saved first, while its field is bound to its span (rows are
// reused: after a delete the field shows another span), and the list keeps its
// scroll position, so the cards around a deleted one stay where they were.
func (a *annotationList) setSpans(spans []annotate.Span, selected int64) {
	a.flushNotes()
	offset := a.list.GetScrollOffset()
	a.spans = spans
	a.header.SetText(fmt.Sprintf("Annotations (%d)", len(spans)))
	if len(spans) == 0 {
		a.empty.Show()
	} else {
		a.empty.Hide()
	}
	a.list.Refresh()
	a.list.ScrollToOffset(offset)
	a.setSelected(selected)
}

// wheelStep is how far one notch of the wheel scrolls the list: Fyne's list
// moves about 7 px a notch, a fifth of a card.
const wheelStep = 4

// scrollBy scrolls the list by a wheel delta (over a card, its note field too).
func (a *annotationList) scrollBy(dy float32) {
	a.list.ScrollToOffset(max(a.list.GetScrollOffset()-dy*wheelStep, 0))
}

// setSelected marks the row of span id (0: none) without acting on it.
func (a *annotationList) setSelected(id int64) {
	a.selected = id
	a.updating = true
	defer func() { a.updating = false }()
	for i, s := range a.spans {
		if s.ID == id {
			a.list.Select(i)
			return
		}
	}
	a.list.UnselectAll()
}

// choose acts as if the user clicked row i.
func (a *annotationList) choose(i int) {
	if i < 0 || i >= len(a.spans) {
		return
	}
	a.selected = a.spans[i].ID
	a.onChoose(a.spans[i].ID)
}

func (a *annotationList) onSelected(i widget.ListItemID) {
	if a.updating {
		return
	}
	a.choose(i)
}

func (a *annotationList) length() int { return len(a.spans) }

// annotationRow holds the widgets of one row, reused as the list scrolls.
type annotationRow struct {
	swatch  *canvas.Rectangle
	title   *widget.Label
	snippet *docview.Line // laid out by the document view's rules: Arabic or Hebrew reads right to left
	note    *noteEntry
}

func (a *annotationList) createRow() fyne.CanvasObject {
	row := &annotationRow{
		swatch:  canvas.NewRectangle(color.Transparent),
		title:   widget.NewLabelWithStyle("LABEL · 0–0 · annotator", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		snippet: docview.NewLine("snippet"),
		note:    newNoteEntry(),
	}
	row.swatch.SetMinSize(fyne.NewSize(5, 5))
	row.swatch.CornerRadius = 2
	row.title.Truncation = fyne.TextTruncateEllipsis
	row.title.SizeName = theme.SizeNameCaptionText
	// Two lines of the span's text, so a long span shows where it ends too.
	row.snippet.MaxLines = 2
	row.note.OnChanged = func(text string) { a.noteChanged(row.note, text) }
	row.note.OnSubmitted = func(string) { a.noteDone() }
	row.note.onEscape = a.noteDone
	row.note.onFocusLost = a.flushNotes
	body := container.NewVBox(row.title, row.snippet, row.note)
	// The wheel area lies on top of the card: the wheel scrolls the list wherever
	// the pointer is, the note field included, while clicks and typing go through
	// to the card and its field beneath (the area takes only the wheel).
	wheel := newWheelArea(a.scrollBy)
	obj := container.NewStack(container.NewBorder(nil, nil, row.swatch, nil, body), wheel)
	rows := a.rowsByObject()
	rows[obj] = row
	return obj
}

func (a *annotationList) updateRow(i widget.ListItemID, obj fyne.CanvasObject) {
	row := a.rowsByObject()[obj]
	if row == nil || i < 0 || i >= len(a.spans) {
		return
	}
	s := a.spans[i]
	c := a.colors.Get(s.Label)
	if row.swatch.FillColor != c {
		row.swatch.FillColor = c
		row.swatch.Refresh()
	}
	// Labels re-shape their text on every SetText; rows whose span did not change
	// (most of them, on each tagging keystroke) are left alone.
	setLabelText(row.title, fmt.Sprintf("%s · %d–%d · %s", s.Label, s.Start, s.End, s.Annotator))
	row.snippet.SetText(snippet(s.Text))
	row.snippet.SetDirection(a.direction)

	a.mu.Lock()
	note, typing := a.pending[s.ID]
	a.mu.Unlock()
	if !typing {
		note = s.Note
	}
	row.note.show(s.ID, note)
}

// rowsByObject maps the list's reusable row containers to their parts.
func (a *annotationList) rowsByObject() map[fyne.CanvasObject]*annotationRow {
	if a.rowIndex == nil {
		a.rowIndex = map[fyne.CanvasObject]*annotationRow{}
	}
	return a.rowIndex
}

// noteChanged queues the note for saving once typing pauses.
func (a *annotationList) noteChanged(entry *noteEntry, text string) {
	if entry.loading || entry.spanID == 0 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending[entry.spanID] = text
	if a.saveDelay <= 0 {
		return
	}
	if a.timer != nil {
		a.timer.Stop()
	}
	a.timer = time.AfterFunc(a.saveDelay, func() { fyne.Do(a.flushNotes) })
}

// noteDone saves the notes and hands the keyboard back.
func (a *annotationList) noteDone() {
	a.flushNotes()
	if a.onNoteDone != nil {
		a.onNoteDone()
	}
}

// flushNotes saves every note typed but not yet saved.
func (a *annotationList) flushNotes() {
	a.mu.Lock()
	pending := a.pending
	a.pending = map[int64]string{}
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	for id, note := range pending {
		a.onNote(id, note)
	}
}

// setLabelText changes a label's text only if it differs.
func setLabelText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// snippet is the span text with its white space run together, for a list row.
func snippet(text string) string {
	const maxRunes = 400
	oneLine := strings.Join(strings.Fields(text), " ")
	if runes := []rune(oneLine); len(runes) > maxRunes {
		return string(runes[:maxRunes]) + "…"
	}
	return oneLine
}

// noteEntry is the note field of a row. It knows which span it edits (rows are
// reused) and reports focus loss, one of the moments a note is saved.
type noteEntry struct {
	escEntry    // Esc leaves the note
	spanID      int64
	loading     bool // set while the list fills it, so that is not taken as typing
	onFocusLost func()
}

func newNoteEntry() *noteEntry {
	e := &noteEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Add a note…")
	return e
}

// show binds the entry to a span and its note.
func (e *noteEntry) show(spanID int64, note string) {
	e.loading = true
	e.spanID = spanID
	if e.Text != note {
		e.SetText(note)
	}
	e.loading = false
}

// FocusLost saves the note when the user leaves the field.
func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// wheelArea is an invisible widget that takes the mouse wheel and nothing else.
type wheelArea struct {
	widget.BaseWidget
	onScroll func(dy float32)
}

func newWheelArea(onScroll func(dy float32)) *wheelArea {
	w := &wheelArea{onScroll: onScroll}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled hands the wheel to the list.
func (w *wheelArea) Scrolled(ev *fyne.ScrollEvent) { w.onScroll(ev.Scrolled.DY) }

// CreateRenderer draws nothing.
func (w *wheelArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
