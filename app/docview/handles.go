package docview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/newsmark/newsmark/annotate"
)

// The selected highlight shows a handle at each end while OnHighlightResized is
// set. Dragging a handle moves that end (snapped to a word edge unless the
// selection is exact); the selection shows the new range while dragging, and
// the drag's end reports it through OnHighlightResized. The view does not change
// the highlight itself: the caller stores the resize and sets the highlights.

const (
	handleWidth = 4 // drawn width of a handle bar
	handleGrab  = 7 // how far from a handle, in pixels, a press takes it
)

// handleDrag follows a drag of one end of the selected highlight.
type handleDrag struct {
	active     bool
	id         int64
	atEnd      bool // the end handle (else the start handle)
	start, end int  // the range the drag has made so far
}

// handleEnds returns the selected highlight's range when it shows handles.
func (v *View) handleEnds() (h Highlight, ok bool) {
	if v.OnHighlightResized == nil {
		return Highlight{}, false
	}
	i := v.highlightIndex(v.selected)
	if i < 0 {
		return Highlight{}, false
	}
	return v.highlights[i], true
}

// handlePoint returns the widget position of the top of the handle at offset:
// the start handle sits before the span's first character, the end handle after
// its last (on the last character's row, not at the start of the next one).
func (v *View) handlePoint(offset int, atEnd bool) fyne.Position {
	row := v.rowOf(offset)
	if atEnd && offset > 0 {
		row = v.rowOf(offset - 1)
	}
	return fyne.NewPos(v.padding()+v.xOf(row, offset), v.rowTop(row)-v.scrollY)
}

// startHandleDrag starts a handle drag when origin (widget coordinates) is on a
// handle of the selected highlight.
func (v *View) startHandleDrag(origin fyne.Position) bool {
	h, ok := v.handleEnds()
	if !ok {
		return false
	}
	for _, atEnd := range []bool{true, false} {
		offset := h.Start
		if atEnd {
			offset = h.End
		}
		p := v.handlePoint(offset, atEnd)
		if abs32(origin.X-p.X) <= handleGrab && origin.Y >= p.Y-handleGrab/2 && origin.Y <= p.Y+v.rowHeight+handleGrab/2 {
			v.drag.handle = handleDrag{active: true, id: h.ID, atEnd: atEnd, start: h.Start, end: h.End}
			return true
		}
	}
	return false
}

// dragHandleTo moves the dragged end to offset, keeping at least one character.
func (v *View) dragHandleTo(offset int) {
	d := &v.drag.handle
	h, ok := v.handleEnds()
	if !ok || h.ID != d.id {
		d.active = false
		return
	}
	if d.atEnd {
		end := max(offset, h.Start+1)
		if !v.exactSelection() {
			if _, snapped := annotate.SnapToWords(v.text, h.Start, end); snapped > h.Start {
				end = snapped
			}
		}
		d.start, d.end = h.Start, min(end, len(v.text))
	} else {
		start := min(offset, h.End-1)
		if !v.exactSelection() {
			if snapped, _ := annotate.SnapToWords(v.text, start, h.End); snapped < h.End {
				start = snapped
			}
		}
		d.start, d.end = max(start, 0), h.End
	}
	// Word snapping ends on cluster boundaries already; an exact drag could stop
	// inside one ("e" + combining accent), and a span never cuts a cluster.
	d.start, d.end = snapToGraphemes(v.text, d.start, d.end)
	// Show the new range as the selection, keeping the highlight selected.
	v.anchor, v.caret, v.goalX = d.start, d.end, -1
	if !d.atEnd {
		v.anchor, v.caret = d.end, d.start
	}
	v.Refresh()
}

// endHandleDrag reports the dragged range if it changed and puts the selection
// back on the highlight.
func (v *View) endHandleDrag() {
	d := v.drag.handle
	v.drag.handle = handleDrag{}
	h, ok := v.handleEnds()
	if !ok || h.ID != d.id {
		return
	}
	v.anchor, v.caret = h.Start, h.End
	v.Refresh()
	if (d.start != h.Start || d.end != h.End) && d.start < d.end {
		v.OnHighlightResized(h.ID, d.start, d.end)
	}
}

// appendHandles adds the handle bars that fall on row to objects.
func (v *View) appendHandles(objects []fyne.CanvasObject, row int, rect func() *canvas.Rectangle, textHeight float32) []fyne.CanvasObject {
	h, ok := v.handleEnds()
	if !ok {
		return objects
	}
	start, end := h.Start, h.End
	if v.drag.handle.active {
		start, end = v.drag.handle.start, v.drag.handle.end
	}
	for _, e := range []struct {
		offset int
		atEnd  bool
	}{{start, false}, {end, true}} {
		rowOfHandle := v.rowOf(e.offset)
		if e.atEnd && e.offset > 0 {
			rowOfHandle = v.rowOf(e.offset - 1)
		}
		if rowOfHandle != row {
			continue
		}
		p := v.handlePoint(e.offset, e.atEnd)
		bar := rect()
		bar.FillColor = fillColor(h.Color, 0xff)
		bar.StrokeColor = color.White
		bar.StrokeWidth = 1
		bar.CornerRadius = handleWidth / 2
		bar.Move(fyne.NewPos(p.X-handleWidth/2, p.Y-2))
		bar.Resize(fyne.NewSize(handleWidth, textHeight+4))
		objects = append(objects, bar)
	}
	return objects
}
