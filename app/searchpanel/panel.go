// Package searchpanel is the workbench's search over every annotation (Ctrl+F,
// Ctrl+K): a query entry, filters and a live result list in a modal overlay. It
// gets the search index, the label set and callbacks; the ranking and the text
// shown around a result are annotate/search's.
package searchpanel

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// searchDebounce is how long typing must pause before a search runs: long enough
// to skip the intermediate queries of a fast typist, short enough to feel live.
const searchDebounce = 120 * time.Millisecond

// Display sizes of the panel and its results, in code points where they count text.
const (
	searchPanelWidth  = 760
	searchPanelHeight = 520
	searchPanelLimit  = 100 // results listed; more is scrolling nobody does
)

// Panel is the command-palette style search over every annotation: an entry
// and a live result list in a modal overlay. Typing schedules a search after a short
// pause; the search runs off the UI goroutine, and a generation counter discards the
// results of queries that were overtaken by newer typing. Up/Down move through the
// results, Enter opens one, Esc closes.
type Panel struct {
	OnHidden func() // after the panel closes: the workbench takes the keyboard back
	engine   *search.Engine
	labels   func() []annotate.Label
	onOpen   func(docID, spanID int64)
	// CurrentDoc is the open document (0 for none), for the "This document" filter.
	CurrentDoc func() int64
	// Surroundings reads the text around a span (nil: results show no context).
	// It is asked only for the rows on screen, and its answers are kept: a span's
	// offsets into its document never change.
	Surroundings func(rec annotate.SpanRecord) (before, after string)
	contexts     map[int64][2]string // by span ID; guarded by mu

	win     fyne.Window
	popup   *widget.PopUp
	entry   *searchEntry
	filters *searchFilters
	list    *widget.List
	status  *widget.Label

	generation atomic.Uint64 // bumped by every query typed; results carry the one they answer
	// do runs a function on the UI goroutine: fyne.Do, or in tests a stand-in that
	// lets the test goroutine play the UI goroutine.
	do func(func())

	// With the real driver fyne.Do runs on the UI goroutine, so everything below is
	// touched by one goroutine; the headless test driver runs it on the caller's,
	// and the mutexes keep that race-free too. mu guards the data and is never held
	// while calling into widgets (the list calls back for its rows); uiMu
	// serialises the widget updates themselves.
	mu       sync.Mutex
	uiMu     sync.Mutex
	timer    *time.Timer
	results  []search.Result
	shownGen uint64 // the generation the listed results answer
	selected int
	colors   labelcolor.Map
	// selecting is set while the panel moves the list selection itself, so that the
	// list's OnSelected (meant for clicks) does not open the result.
	selecting atomic.Bool
}

// New makes the panel over engine; labels gives the label set (for colours and the
// label filter) and onOpen opens a chosen result.
func New(engine *search.Engine, labels func() []annotate.Label, onOpen func(docID, spanID int64)) *Panel {
	return &Panel{engine: engine, labels: labels, onOpen: onOpen, do: fyne.Do}
}

// StoreSurroundings reads the document text around a result from store, for
// Panel.Surroundings. A failure only costs the result its context, so it is not
// reported.
func StoreSurroundings(store annotate.Store) func(rec annotate.SpanRecord) (before, after string) {
	return func(rec annotate.SpanRecord) (before, after string) {
		// One code point more than is shown tells whether the context was cut.
		before, after, err := store.Surroundings(context.Background(), rec.DocID, rec.Start, rec.End, search.ContextWidth+1)
		if err != nil {
			return "", ""
		}
		return before, after
	}
}

// Show opens the panel over win with the keyboard in the entry, listing the results
// for what the entry holds (the most recent annotations when it is empty).
func (p *Panel) Show(win fyne.Window) {
	if p.popup == nil || p.win != win {
		p.win = win
		p.popup = widget.NewModalPopUp(p.build(), win.Canvas())
	}
	var labels []annotate.Label
	if p.labels != nil {
		labels = p.labels()
	}
	p.mu.Lock()
	p.colors = labelcolor.Of(labels)
	p.mu.Unlock()
	p.filters.refresh(labels, p.engine.Annotators(), p.currentDocID() != 0)
	size := win.Canvas().Size()
	p.popup.Resize(fyne.NewSize(min(searchPanelWidth, size.Width*0.9), min(searchPanelHeight, size.Height*0.85)))
	p.popup.Show()
	win.Canvas().Focus(p.entry)
	if p.entry.Text != "" {
		// The last query stays, selected: Enter repeats it, typing replaces it.
		p.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	p.searchNow() // the index may have changed since the panel was last open
}

// Hide closes the panel and forgets any search still pending.
func (p *Panel) Hide() {
	p.generation.Add(1)
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Unlock()
	if p.popup != nil && p.popup.Visible() {
		p.popup.Hide()
		if p.OnHidden != nil {
			p.OnHidden()
		}
	}
}

func (p *Panel) build() fyne.CanvasObject {
	p.entry = newSearchEntry(p.onKey)
	p.entry.SetPlaceHolder("Find annotations: words, names, typos welcome")
	p.entry.OnChanged = p.onChanged
	p.filters = newSearchFilters(p.onFilterChanged)
	p.list = widget.NewList(p.resultCount, p.newResultRow, p.updateResultRow)
	p.list.OnSelected = p.onListSelected
	p.status = widget.NewLabel("")
	p.status.Importance = widget.LowImportance
	p.status.SizeName = theme.SizeNameCaptionText
	hint := widget.NewLabel("↑↓ move · Enter open · Esc close")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	footer := container.NewBorder(nil, nil, p.status, hint)
	return container.NewBorder(container.NewVBox(p.entry, p.filters.build()), footer, nil, nil, p.list)
}

// onFilterChanged searches again with the new choice and gives the keyboard back
// to the entry (a click on a choice took it).
func (p *Panel) onFilterChanged() {
	p.searchNow()
	if p.win != nil && p.popup != nil && p.popup.Visible() {
		p.win.Canvas().Focus(p.entry)
	}
}

// searchOptions are the filters' options with the panel's limit. It reads
// widgets, so it runs on the UI goroutine; searches off it get a copy.
func (p *Panel) searchOptions() search.Options {
	opts := search.Options{Limit: searchPanelLimit}
	if p.filters != nil {
		opts = p.filters.options(p.currentDocID())
		opts.Limit = searchPanelLimit
	}
	return opts
}

func (p *Panel) currentDocID() int64 {
	if p.CurrentDoc == nil {
		return 0
	}
	return p.CurrentDoc()
}

// onChanged schedules a search for the new text once typing pauses.
func (p *Panel) onChanged(query string) {
	gen := p.generation.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
	}
	opts := p.searchOptions()
	p.timer = time.AfterFunc(searchDebounce, func() { p.runSearch(query, opts, gen) })
}

// runSearch computes the results off the UI goroutine and hands them over, unless a
// newer query has been typed meanwhile.
func (p *Panel) runSearch(query string, opts search.Options, gen uint64) {
	if p.generation.Load() != gen {
		return // overtaken before it started
	}
	results := p.engine.Search(query, opts)
	p.do(func() { p.apply(results, gen) })
}

// searchNow runs the search for the entry's text at once, on the calling (UI)
// goroutine; used when the panel opens and when a key needs fresh results.
func (p *Panel) searchNow() {
	gen := p.generation.Add(1)
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Unlock()
	p.apply(p.engine.Search(p.entry.Text, p.searchOptions()), gen)
}

// apply shows results if they answer the latest query.
func (p *Panel) apply(results []search.Result, gen uint64) {
	p.uiMu.Lock()
	defer p.uiMu.Unlock()
	p.mu.Lock()
	if p.generation.Load() != gen {
		p.mu.Unlock()
		return // stale: a newer query is on its way
	}
	p.results, p.shownGen, p.selected = results, gen, 0
	p.mu.Unlock()
	empty := strings.TrimSpace(p.entry.Text) == ""
	filtered := p.filters != nil && p.filters.active()
	switch {
	case len(results) == 0 && empty && filtered:
		p.status.SetText("No annotations pass the filters")
	case len(results) == 0 && empty:
		p.status.SetText("No annotations yet")
	case len(results) == 0 && filtered:
		p.status.SetText("No matches with these filters")
	case len(results) == 0:
		p.status.SetText("No matches")
	case empty:
		p.status.SetText(fmt.Sprintf("%d most recent", len(results)))
	case len(results) == searchPanelLimit:
		p.status.SetText(fmt.Sprintf("Best %d matches", len(results)))
	default:
		p.status.SetText(matchCount(len(results)))
	}
	p.list.Refresh()
	p.showSelection(0)
}

// onKey handles the keys the entry passes on; it reports whether it used the key.
func (p *Panel) onKey(key fyne.KeyName) bool {
	switch key {
	case fyne.KeyEscape:
		p.Hide()
	case fyne.KeyDown, fyne.KeyUp:
		p.freshen()
		step := 1
		if key == fyne.KeyUp {
			step = -1
		}
		p.mu.Lock()
		next := p.selected + step
		p.mu.Unlock()
		p.uiMu.Lock()
		p.showSelection(next)
		p.uiMu.Unlock()
	case fyne.KeyReturn, fyne.KeyEnter:
		p.freshen()
		p.openSelected()
	default:
		return false
	}
	return true
}

// freshen makes the list answer what the entry says before a key acts on it: a
// typist who presses Enter within the debounce pause means the query as typed.
func (p *Panel) freshen() {
	p.mu.Lock()
	stale := p.shownGen != p.generation.Load()
	p.mu.Unlock()
	if stale {
		p.searchNow()
	}
}

// showSelection moves the highlighted result to i, clamped to the list. The caller
// holds uiMu.
func (p *Panel) showSelection(i int) {
	p.mu.Lock()
	n := len(p.results)
	i = max(0, min(i, n-1))
	p.selected = i
	p.mu.Unlock()
	p.selecting.Store(true)
	defer p.selecting.Store(false)
	if n == 0 {
		p.list.UnselectAll()
		return
	}
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// onListSelected opens a result the user clicked.
func (p *Panel) onListSelected(id widget.ListItemID) {
	if p.selecting.Load() {
		return
	}
	p.mu.Lock()
	p.selected = id
	p.mu.Unlock()
	p.openSelected()
}

// openSelected hides the panel and hands the highlighted result to onOpen.
func (p *Panel) openSelected() {
	p.mu.Lock()
	if p.selected < 0 || p.selected >= len(p.results) {
		p.mu.Unlock()
		return
	}
	rec := p.results[p.selected].Record
	p.mu.Unlock()
	p.Hide()
	if p.onOpen != nil {
		p.onOpen(rec.DocID, rec.ID)
	}
}

func (p *Panel) resultCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.results)
}

// resultRow is one listed result: label colour, span text with the matched
// characters in bold, and a caption with label, document title and context.
// Text in a right-to-left or complex script is shown by a docview.Line instead
// (Fyne's RichText would put its runs in the wrong order): the span tinted,
// its matches tinted darker.
type resultRow struct {
	swatch      *canvas.Rectangle
	text        *widget.RichText
	line        *docview.Line
	caption     *widget.Label
	captionLine *docview.Line
}

func (p *Panel) newResultRow() fyne.CanvasObject {
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.SetMinSize(fyne.NewSize(6, 0))
	swatch.CornerRadius = 2
	text := widget.NewRichText()
	text.Wrapping = fyne.TextWrapOff
	text.Truncation = fyne.TextTruncateEllipsis
	caption := widget.NewLabel("")
	caption.SizeName = theme.SizeNameCaptionText
	caption.Importance = widget.LowImportance // below the span text, which comes first
	caption.Truncation = fyne.TextTruncateEllipsis
	line := docview.NewLine("")
	line.Hide()
	captionLine := docview.NewLine("")
	captionLine.SizeName = theme.SizeNameCaptionText
	captionLine.ColorName = theme.ColorNamePlaceHolder
	captionLine.Hide()
	body := container.NewVBox(container.NewStack(text, line), container.NewStack(caption, captionLine))
	return container.NewBorder(nil, nil, swatch, nil, body)
}

func (p *Panel) updateResultRow(id widget.ListItemID, obj fyne.CanvasObject) {
	p.mu.Lock()
	if id < 0 || id >= len(p.results) {
		p.mu.Unlock()
		return
	}
	r := p.results[id]
	swatchColor, ok := p.colors[r.Record.Label]
	p.mu.Unlock()
	if !ok {
		swatchColor = theme.Color(theme.ColorNameDisabled)
	}
	row := rowParts(obj)
	row.swatch.FillColor = swatchColor
	row.swatch.Refresh()
	before, after := p.contextOf(r.Record)
	snippet := search.MakeSnippet(before, r.Record.Text, after, r.Matched, search.SnippetWindow)
	if line, marks := snippetLine(snippet); docview.NeedsLayout(line) {
		row.text.Hide()
		row.line.SetText(line)
		row.line.SetMarks(marks)
		row.line.Show()
	} else {
		row.line.Hide()
		row.text.Segments = snippetSegments(snippet)
		row.text.Show()
		row.text.Refresh()
	}
	caption := resultCaption(r)
	if docview.NeedsLayout(caption) {
		row.caption.Hide()
		row.captionLine.SetText(caption)
		row.captionLine.Show()
	} else {
		row.captionLine.Hide()
		row.caption.SetText(caption)
		row.caption.Show()
	}
}

// snippetLine is a result's line as one text for a docview.Line, with the
// span marked and its matched runs marked strongly.
func snippetLine(s search.Snippet) (string, []docview.Mark) {
	var b strings.Builder
	b.WriteString(s.Before)
	at := annotate.RuneLen(s.Before)
	span := docview.Mark{Start: at}
	var marks []docview.Mark
	for _, part := range s.Parts {
		n := annotate.RuneLen(part.Text)
		if part.Matched {
			marks = append(marks, docview.Mark{Start: at, End: at + n, Strong: true})
		}
		b.WriteString(part.Text)
		at += n
	}
	span.End = at
	b.WriteString(s.After)
	return b.String(), append([]docview.Mark{span}, marks...)
}

// contextOf returns the text around a result's span, read once per span.
func (p *Panel) contextOf(rec annotate.SpanRecord) (before, after string) {
	if p.Surroundings == nil {
		return "", ""
	}
	p.mu.Lock()
	c, ok := p.contexts[rec.ID]
	p.mu.Unlock()
	if ok {
		return c[0], c[1]
	}
	before, after = p.Surroundings(rec)
	p.mu.Lock()
	if p.contexts == nil || len(p.contexts) > 10000 {
		p.contexts = map[int64][2]string{}
	}
	p.contexts[rec.ID] = [2]string{before, after}
	p.mu.Unlock()
	return before, after
}

// rowParts finds the widgets of a row built by newResultRow.
func rowParts(obj fyne.CanvasObject) resultRow {
	border := obj.(*fyne.Container)
	var row resultRow
	for _, o := range border.Objects {
		switch o := o.(type) {
		case *canvas.Rectangle:
			row.swatch = o
		case *fyne.Container:
			text, caption := o.Objects[0].(*fyne.Container), o.Objects[1].(*fyne.Container)
			row.text, row.line = text.Objects[0].(*widget.RichText), text.Objects[1].(*docview.Line)
			row.caption, row.captionLine = caption.Objects[0].(*widget.Label), caption.Objects[1].(*docview.Line)
		}
	}
	return row
}

// resultCaption is the line under a result: label, document, and the note if any.
func resultCaption(r search.Result) string {
	// The title and the context are isolated so that a digit or bracket of ours
	// next to an Arabic title does not join its right-to-left run.
	parts := []string{r.Record.Label, docview.Isolate(r.Record.DocTitle)}
	if r.Context != "" {
		parts = append(parts, docview.Isolate(r.Context))
	}
	return strings.Join(parts, " · ")
}

// matchCount writes "1 match" / "7 matches".
func matchCount(n int) string {
	if n == 1 {
		return "1 match"
	}
	return fmt.Sprintf("%d matches", n)
}

// snippetSegments renders a result's line (search.MakeSnippet) for a
// RichText: the span's text with its matched characters in bold, between a
// little of the document text before and after it in the secondary colour.
func snippetSegments(snippet search.Snippet) []widget.RichTextSegment {
	dim := widget.RichTextStyleInline
	dim.ColorName = theme.ColorNamePlaceHolder
	var segments []widget.RichTextSegment
	if snippet.Before != "" {
		segments = append(segments, &widget.TextSegment{Text: snippet.Before, Style: dim})
	}
	segments = append(segments, highlightSegments(snippet.Parts)...)
	if snippet.After != "" {
		segments = append(segments, &widget.TextSegment{Text: snippet.After, Style: dim})
	}
	return segments
}

// highlightSegments renders the span's runs: matches in bold, in the text colour
// (the primary blue would vanish on the selected row, whose background is that
// blue).
func highlightSegments(parts []search.SnippetPart) []widget.RichTextSegment {
	segments := make([]widget.RichTextSegment, 0, len(parts))
	for _, part := range parts {
		style := widget.RichTextStyleInline
		if part.Matched {
			style = widget.RichTextStyleStrong
			style.ColorName = theme.ColorNameForeground
		}
		segments = append(segments, &widget.TextSegment{Text: part.Text, Style: style})
	}
	return segments
}

// searchEntry is the panel's entry. The keyboard focus stays in it, so the keys that
// drive the list (Up, Down, Enter, Esc) arrive here and are passed to the panel.
type searchEntry struct {
	widget.Entry
	onKey func(fyne.KeyName) bool
}

func newSearchEntry(onKey func(fyne.KeyName) bool) *searchEntry {
	e := &searchEntry{onKey: onKey}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes the list keys to the panel and everything else to the entry.
func (e *searchEntry) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if e.onKey != nil && e.onKey(key.Name) {
			return
		}
	}
	e.Entry.TypedKey(key)
}
