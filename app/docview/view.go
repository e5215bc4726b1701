// Package docview is the document widget of the workbench: it shows an article's
// text wrapped in the theme's proportional font, draws annotations as coloured
// backgrounds and lets the user select code-point ranges with mouse and keyboard.
//
// All offsets are Unicode code points into the text, end exclusive.
//
// Callbacks fire for user actions only (mouse, keyboard, wheel). The programmatic
// setters (SetText, SetHighlights, Select, SelectHighlight, ScrollToOffset,
// SetScrollPosition) never fire them, so a caller reacting to a callback by
// calling a setter cannot loop.
package docview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Highlight is one annotation as the view draws it.
type Highlight struct {
	ID         int64
	Start, End int         // code points, end exclusive
	Color      color.Color // the label colour; the view derives a translucent fill from it
	Label      string      // shown in tooltips/legend if you like; may be ignored
}

// View is the document widget. It scrolls itself (do not put it in a
// container.Scroll) and creates canvas objects only for the rows on screen.
type View struct {
	widget.BaseWidget
	OnSelectionChanged  func(start, end int) // caret moved or selection changed; start==end means just a caret
	OnHighlightSelected func(id int64)       // a highlight was clicked or reached by Tab/Shift+Tab; 0 when deselected
	OnTypedRune         func(r rune)         // runes the view doesn't use (digits tag/relabel)
	OnDelete            func()               // Delete or Backspace pressed
	OnScrolled          func(offset float32) // user scrolled (for remembering the position)
	// OnHighlightResized reports a drag of one of the selected highlight's end
	// handles: the range it should now have. The handles show only when it is set.
	OnHighlightResized func(id int64, start, end int)
	// ExactSelection makes mouse selections take exact characters; by default they
	// snap outward to whole words (and Alt held while dragging takes exact ones).
	ExactSelection bool
	// OnKey, if set, sees keys before the view does; returning true takes the key
	// (the workbench's "link source" mode takes Enter and Esc).
	OnKey func(name fyne.KeyName) bool

	text        []rune
	highlights  []Highlight // sorted by start, longer first; see sortHighlights
	suggestions []Highlight // proposed spans, drawn dashed (suggestions.go)
	links       []Link      // drawn between highlights (links.go)
	depths      []int       // nesting depth of highlights[i]
	anchor      int         // fixed end of the selection
	caret       int         // moving end of the selection
	goalX       float32     // x kept by Up/Down across short rows; <0 when unset
	selected    int64
	scrollY     float32
	focused     bool
	keys        modifierKeys

	// suggestionsEndBy[i] is the furthest end of suggestions[0..i]
	// (firstSuggestionEndingAfter).
	suggestionsEndBy []int

	// Layout, rebuilt lazily when the text, the width or the text size changes.
	widths      *runeWidths
	rows        []int32 // start offset of each row
	wrapWidth   float32 // text width rows were wrapped for; <0 when stale
	textHeight  float32
	rowHeight   float32
	prefixCache map[int][]float32
	direction   Direction        // base direction of paragraphs (SetDirection)
	bidi        *paragraphBidi   // bidi levels of the paragraphs laid out so far
	geomCache   map[int]*rowGeom // visual layout of rows that need it; nil entries for plain rows
	reveal      revealRequest    // the caller's last scroll request, until the user acts

	drag   dragState
	clicks clickState
	find   findState
}

// revealRequest is a scroll the caller asked for: to an offset, or (offset < 0)
// to a pixel position. It is applied again after every re-wrap until the user
// scrolls or moves the selection, so a position restored before the window has
// its final size still holds once it has.
type revealRequest struct {
	pending bool
	offset  int
	center  bool
	y       float32
	// top puts the row of offset at the top of the view, scrolled on by
	// within of a row (SetScrollAnchor).
	top    bool
	within float32
}

// New returns an empty view.
func New() *View {
	v := &View{bidi: &paragraphBidi{}, goalX: -1, wrapWidth: -1, prefixCache: map[int][]float32{}, geomCache: map[int]*rowGeom{}}
	v.ExtendBaseWidget(v)
	return v
}

// SetText shows a new document: caret 0, no selection, no highlights, scrolled to
// the top.
func (v *View) SetText(text string) {
	var rtl bool
	v.text, rtl = decodeText(v.text, text)
	v.bidi = newParagraphBidi(v.text, v.direction, rtl)
	v.highlights, v.depths, v.suggestions, v.suggestionsEndBy = nil, nil, nil, nil
	v.anchor, v.caret, v.goalX, v.selected, v.scrollY = 0, 0, -1, 0, 0
	v.reveal = revealRequest{}
	v.DragEnd()
	v.drag, v.clicks, v.find = dragState{}, clickState{}, findState{}
	v.invalidateLayout()
	v.Refresh()
}

// SetDirection sets the base direction of the document's paragraphs:
// DirectionAuto (the default) takes each paragraph's from its first strong
// character; right-to-left paragraphs are right-aligned.
func (v *View) SetDirection(d Direction) {
	if d == v.direction {
		return
	}
	v.direction = d
	v.bidi = newParagraphBidi(v.text, d, hasRTL(v.text))
	v.invalidateLayout()
	v.Refresh()
}

// Direction returns the direction SetDirection set.
func (v *View) Direction() Direction { return v.direction }

// Text returns the document text.
func (v *View) Text() string { return string(v.text) }

// Slice returns the text between two code-point offsets, clamped to the text.
func (v *View) Slice(start, end int) string {
	start, end = max(0, min(start, len(v.text))), max(0, min(end, len(v.text)))
	if start >= end {
		return ""
	}
	return string(v.text[start:end])
}

// SetHighlights replaces all highlights. Highlights outside the text are clipped
// and empty ones ignored. The selection is kept; the selected
// highlight stays selected if its ID is still present.
func (v *View) SetHighlights(hs []Highlight) {
	v.highlights, v.depths = arrangeHighlights(hs, len(v.text))
	if v.selected != 0 && v.highlightIndex(v.selected) < 0 {
		v.selected = 0
	}
	v.Refresh()
}

// SelectHighlight outlines the highlight, selects its range and scrolls it into
// view; 0 (or an unknown ID) clears the outline and keeps the selection.
func (v *View) SelectHighlight(id int64) {
	i := v.highlightIndex(id)
	if i < 0 {
		v.selected = 0
		v.Refresh()
		return
	}
	h := v.highlights[i]
	v.selected = id
	v.anchor, v.caret, v.goalX = h.Start, h.End, -1
	v.requestReveal(revealRequest{offset: h.Start, center: true})
	v.Refresh()
}

// SelectedHighlight returns the ID of the outlined highlight, 0 if none.
func (v *View) SelectedHighlight() int64 { return v.selected }

// Select selects the code points [start, end) (clamped to the text) with the
// caret at end, and scrolls the caret into view. start == end places the caret.
func (v *View) Select(start, end int) {
	n := len(v.text)
	v.anchor, v.caret, v.goalX = clamp(start, 0, n), clamp(end, 0, n), -1
	v.unselectHighlightIfMoved()
	v.requestReveal(revealRequest{offset: v.caret})
	v.Refresh()
}

// Selection returns the selected range ordered start <= end.
func (v *View) Selection() (start, end int) {
	return min(v.anchor, v.caret), max(v.anchor, v.caret)
}

// Caret returns the caret offset in code points.
func (v *View) Caret() int { return v.caret }

// ScrollToOffset brings the row holding the code point offset into view
// (roughly a third from the top when it has to scroll). It does not fire OnScrolled.
func (v *View) ScrollToOffset(offset int) {
	v.requestReveal(revealRequest{offset: clamp(offset, 0, len(v.text)), center: true})
	v.Refresh()
}

// ScrollPosition returns the vertical scroll offset in pixels.
func (v *View) ScrollPosition() float32 { return v.scrollY }

// SetScrollPosition scrolls to y pixels (clamped once the view is laid out).
// It does not fire OnScrolled.
func (v *View) SetScrollPosition(y float32) {
	v.scrollY = y
	v.requestReveal(revealRequest{offset: -1, y: y})
	v.Refresh()
}

// ScrollAnchor is where the view is scrolled to, in terms of its text rather
// than pixels: the start offset of the row at the top of the viewport and how
// far into that row (0 to 1 of a row height) it is scrolled. Views of the same
// text at the same width and text size show the same lines after
// SetScrollAnchor with it, which keeps stacked views of one document in step.
func (v *View) ScrollAnchor() (offset int, within float32) {
	if len(v.text) == 0 {
		return 0, 0
	}
	v.ensureLayout()
	y := v.scrollY
	r := clamp(int(math.Floor(float64(y/v.rowHeight))), 0, len(v.rows)-1)
	start, _ := v.rowRange(r)
	return start, min(max((y-float32(r)*v.rowHeight)/v.rowHeight, 0), 1)
}

// SetScrollAnchor scrolls so the row holding offset is at the top of the
// viewport, scrolled on by within of a row (see ScrollAnchor). It does not
// fire OnScrolled.
func (v *View) SetScrollAnchor(offset int, within float32) {
	v.requestReveal(revealRequest{offset: clamp(offset, 0, len(v.text)), top: true, within: within})
	v.Refresh()
}

// FirstVisibleOffset returns the code point offset at the start of the first row
// whose top is inside the viewport (the first row at all when none is), so a
// caller can put the caret where the reader is looking.
func (v *View) FirstVisibleOffset() int {
	if len(v.text) == 0 {
		return 0
	}
	first, last := v.visibleRows()
	if v.rowTop(first) < v.scrollY && first < last {
		first++
	}
	start, _ := v.rowRange(first)
	return start
}

// OffsetVisible reports whether the row holding offset is inside the viewport.
func (v *View) OffsetVisible(offset int) bool {
	if v.Size().Height <= 0 {
		return false
	}
	v.ensureLayout()
	return v.rowInView(v.rowOf(clamp(offset, 0, len(v.text))))
}

// rowInView reports whether row r lies wholly inside the viewport.
func (v *View) rowInView(r int) bool {
	top := v.rowTop(r)
	return top >= v.scrollY && top+v.rowHeight <= v.scrollY+v.Size().Height
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	v.ExtendBaseWidget(v)
	return newRenderer(v)
}

// highlightIndex returns the index of the highlight with this ID, -1 if absent.
func (v *View) highlightIndex(id int64) int {
	if id == 0 {
		return -1
	}
	for i, h := range v.highlights {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// unselectHighlightIfMoved drops the outline once the selection no longer
// covers exactly the selected highlight; it reports whether it did.
func (v *View) unselectHighlightIfMoved() bool {
	if v.selected == 0 {
		return false
	}
	start, end := v.Selection()
	if i := v.highlightIndex(v.selected); i >= 0 && v.highlights[i].Start == start && v.highlights[i].End == end {
		return false
	}
	v.selected = 0
	return true
}

// metrics of the text area, derived from the theme.
func (v *View) padding() float32 { return v.Theme().Size(theme.SizeNameInnerPadding) }

func (v *View) scrollBarWidth() float32 { return 2 * v.Theme().Size(theme.SizeNameScrollBarSmall) }

// textWidth is the width rows are wrapped to.
func (v *View) textWidth() float32 {
	return v.Size().Width - 2*v.padding() - v.scrollBarWidth()
}

func (v *View) invalidateLayout() {
	v.wrapWidth = -1
	v.rows = nil
	clear(v.prefixCache)
	clear(v.geomCache)
}

// ensureLayout wraps the text if the width, the text or the text size changed.
// Before the view has a size, it wraps only at line ends so offsets still map
// to rows.
func (v *View) ensureLayout() {
	th := v.Theme()
	size := th.Size(theme.SizeNameText)
	sizeChanged := v.widths == nil || v.widths.size != size
	width := v.textWidth()
	if v.Size().Width <= 0 {
		width = float32(math.MaxFloat32)
	}
	width = max(width, 1)
	if !sizeChanged && v.rows != nil && width == v.wrapWidth {
		return
	}
	// Keep the reading position across a re-wrap (a resize, or a new text size):
	// the row that was at the top stays at the top, as far into it as it was.
	// A pending scroll to a pixel position was meant for the old text size: the
	// place it shows is kept instead. (A pending reveal of an offset stays valid.)
	if sizeChanged && v.reveal.pending && v.reveal.offset < 0 && v.rows != nil {
		v.reveal = revealRequest{}
	}
	topOffset, intoRow := -1, float32(0)
	if v.rows != nil && v.rowHeight > 0 && v.scrollY > 0 && !v.reveal.pending {
		first := clamp(int((v.scrollY-v.padding())/v.rowHeight), 0, len(v.rows)-1)
		topOffset, intoRow = int(v.rows[first]), (v.scrollY-v.rowTop(first))/v.rowHeight
	}
	if sizeChanged {
		v.widths = newRuneWidths(size, fyne.TextStyle{}, fyne.MeasureText)
		v.widths.shaper = newShaper(size)
		v.textHeight = fyne.MeasureText("M", size, fyne.TextStyle{}).Height
		v.rowHeight = float32(math.Ceil(float64(v.textHeight))) + 3*bandHeight
		v.invalidateLayout()
	}
	v.rows = wrapRows(v.text, width, v.widths)
	v.wrapWidth = width
	clear(v.prefixCache)
	clear(v.geomCache)
	if topOffset >= 0 {
		v.scrollY = v.rowTop(v.rowOf(topOffset)) + intoRow*v.rowHeight
	}
	if v.Size().Height > 0 {
		v.applyReveal()
		v.clampScroll()
	}
}

// contentHeight is the height of all rows plus the padding above and below.
func (v *View) contentHeight() float32 {
	return float32(len(v.rows))*v.rowHeight + 2*v.padding()
}

func (v *View) maxScroll() float32 {
	return max(0, v.contentHeight()-v.Size().Height)
}

func (v *View) clampScroll() {
	if v.rows == nil || v.Size().Height <= 0 {
		return
	}
	v.scrollY = min(max(v.scrollY, 0), v.maxScroll())
}

// rowTop returns the y of row r in content coordinates (0 = top of the text).
func (v *View) rowTop(r int) float32 { return v.padding() + float32(r)*v.rowHeight }

// requestReveal records a scroll the caller asked for and applies it if the
// view has a size (else ensureLayout does once it has).
func (v *View) requestReveal(r revealRequest) {
	r.pending = true
	v.reveal = r
	if v.Size().Height > 0 {
		v.ensureLayout()
		v.applyReveal()
	}
}

// applyReveal applies the caller's pending scroll request to the current layout.
func (v *View) applyReveal() {
	switch r := v.reveal; {
	case !r.pending:
	case r.offset < 0:
		v.scrollY = r.y
		v.clampScroll()
	case r.top:
		v.scrollY = float32(v.rowOf(r.offset))*v.rowHeight + r.within*v.rowHeight
		v.clampScroll()
	default:
		v.revealRow(r.offset, r.center)
	}
}

// scrollIntoView is the user's scroll to an offset: it replaces any request
// of the caller.
func (v *View) scrollIntoView(offset int, center bool) {
	v.reveal = revealRequest{}
	if v.Size().Height <= 0 {
		return
	}
	v.ensureLayout()
	v.revealRow(offset, center)
}

// revealRow scrolls so the row of offset is visible: minimally, or with the
// row a third down the view when center is set and the row is off screen.
func (v *View) revealRow(offset int, center bool) {
	height := v.Size().Height
	r := v.rowOf(offset)
	top := v.rowTop(r)
	bottom := top + v.rowHeight
	switch {
	case v.rowInView(r):
		return
	case center:
		v.scrollY = top - height/3
	case top < v.scrollY:
		v.scrollY = top - v.padding()
	default:
		v.scrollY = bottom + v.padding() - height
	}
	v.clampScroll()
}

// visibleRows returns the rows [first, last] that intersect the viewport.
func (v *View) visibleRows() (first, last int) {
	v.ensureLayout()
	pad := v.padding()
	first = int(math.Floor(float64((v.scrollY - pad) / v.rowHeight)))
	last = int(math.Floor(float64((v.scrollY + v.Size().Height - pad) / v.rowHeight)))
	return clamp(first, 0, len(v.rows)-1), clamp(last, 0, len(v.rows)-1)
}

// offsetAt returns the caret offset nearest to a point in widget coordinates.
// Points above the text map to 0, below it to the end.
func (v *View) offsetAt(pos fyne.Position) int {
	v.ensureLayout()
	y := pos.Y + v.scrollY - v.padding()
	if y < 0 {
		return 0
	}
	r := int(y / v.rowHeight)
	if r >= len(v.rows) {
		return len(v.text)
	}
	return v.offsetInRow(r, pos.X-v.padding())
}

// charAt returns the code point drawn under a point in widget coordinates.
func (v *View) charAt(pos fyne.Position) (int, bool) {
	v.ensureLayout()
	y := pos.Y + v.scrollY - v.padding()
	if y < 0 {
		return 0, false
	}
	r := int(y / v.rowHeight)
	if r >= len(v.rows) {
		return 0, false
	}
	return v.charInRow(r, pos.X-v.padding())
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
