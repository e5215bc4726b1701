package docview

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

const (
	bandHeight     = 2    // height of one nesting band under the text
	maxBands       = 3    // deeper nesting shares the last band
	fillAlpha      = 0x48 // highlight fill; nested fills add up, so keep it light
	bandAlpha      = 0xe0
	outlineWidth   = 2
	caretWidth     = 2
	minThumbHeight = 24
)

// renderer draws the rows in the viewport from pools of rectangles and texts
// that it reuses on every refresh, so scrolling a long article never creates
// objects for rows off screen. Each word is its own text object placed at the
// x the layout model computed (see runeWidths).
type renderer struct {
	view    *View
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	objects []fyne.CanvasObject
	below   []fyne.CanvasObject // scratch: fills, bands, selection
	words   []fyne.CanvasObject // scratch: texts
	above   []fyne.CanvasObject // scratch: outline, caret, scroll bar
	word    []rune              // scratch for the drawn form of a word
	spans   [][2]float32        // scratch: visual pieces of a range on a row
}

func newRenderer(v *View) *renderer {
	r := &renderer{view: v}
	r.build()
	return r
}

func (r *renderer) Layout(fyne.Size) { r.build() }

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(120, 80) }

func (r *renderer) Refresh() {
	r.build()
	canvas.Refresh(r.view)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// paint holds what one build needs, computed once per refresh.
type paint struct {
	pad, top, textHeight float32
	fg, selection, caret color.Color
	textSize             float32
}

func (r *renderer) build() {
	v := r.view
	r.objects, r.below, r.words, r.above = r.objects[:0], r.below[:0], r.words[:0], r.above[:0]
	usedRects, usedTexts := 0, 0
	rect := func() *canvas.Rectangle {
		if usedRects == len(r.rects) {
			r.rects = append(r.rects, &canvas.Rectangle{})
		}
		rc := r.rects[usedRects]
		usedRects++
		rc.StrokeWidth, rc.StrokeColor, rc.CornerRadius = 0, nil, 0
		return rc
	}
	text := func() *canvas.Text {
		if usedTexts == len(r.texts) {
			r.texts = append(r.texts, &canvas.Text{})
		}
		t := r.texts[usedTexts]
		usedTexts++
		t.FontSource = nil // pooled: a shaped piece may have set it
		return t
	}

	size := v.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	v.ensureLayout()
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	p := paint{
		pad:        v.padding(),
		textHeight: v.textHeight,
		fg:         th.Color(theme.ColorNameForeground, variant),
		selection:  th.Color(theme.ColorNameSelection, variant),
		caret:      th.Color(theme.ColorNamePrimary, variant),
		textSize:   th.Size(theme.SizeNameText),
	}
	// Text textures drawn at fractional pixel positions are resampled and look
	// blurred and dimmer than their neighbours: snap words to device pixels.
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	snap := func(x float32) float32 { return float32(math.Round(float64(x*scale))) / scale }
	first, last := v.visibleRows()
	visStart, _ := v.rowRange(first)
	_, visEnd := v.rowRange(last)

	// Highlights on screen, in drawing order: outer (shallow) first.
	var onScreen []int
	for i, h := range v.highlights {
		if h.Start >= visEnd {
			break
		}
		if h.End > visStart {
			onScreen = append(onScreen, i)
		}
	}
	slices.SortStableFunc(onScreen, func(a, b int) int { return v.depths[a] - v.depths[b] })
	selStart, selEnd := v.Selection()
	selectedIndex := v.highlightIndex(v.selected)
	// A selected highlight shows its outline; the selection colour on top of it
	// would hide the label colour.
	selectionIsHighlight := selectedIndex >= 0 && v.highlights[selectedIndex].Start == selStart && v.highlights[selectedIndex].End == selEnd

	for row := first; row <= last; row++ {
		rowStart, rowEnd := v.rowRange(row)
		geom := v.rowGeometry(row)
		var prefix []float32
		if geom == nil {
			prefix = v.rowPrefix(row)
		}
		top := snap(v.rowTop(row) - v.scrollY)
		xOf := func(offset int) float32 { return p.pad + prefix[offset-rowStart] }
		// segments returns the x extents of [start, end) on this row, left to
		// right: one for left-to-right text, one per visual piece in a row
		// with bidirectional text.
		segments := func(start, end int) [][2]float32 {
			start, end = max(start, rowStart), min(end, rowEnd)
			if start >= end {
				return nil
			}
			if geom != nil {
				r.spans = geom.spans(start, end, r.spans)
				for k := range r.spans {
					r.spans[k][0] += p.pad
					r.spans[k][1] += p.pad
				}
				return r.spans
			}
			r.spans = append(r.spans[:0], [2]float32{xOf(start), xOf(end)})
			return r.spans
		}

		for _, i := range onScreen {
			h := v.highlights[i]
			for _, seg := range segments(h.Start, h.End) {
				x0, x1 := seg[0], seg[1]
				fill := rect()
				fill.FillColor = fillColor(h.Color, fillAlpha)
				fill.Move(fyne.NewPos(x0, top))
				fill.Resize(fyne.NewSize(x1-x0, p.textHeight))
				band := rect()
				band.FillColor = fillColor(h.Color, bandAlpha)
				band.Move(fyne.NewPos(x0, top+p.textHeight+float32(min(v.depths[i], maxBands-1)*bandHeight)))
				band.Resize(fyne.NewSize(x1-x0, bandHeight))
				r.below = append(r.below, fill, band)
			}
		}
		r.below = v.appendSuggestionDashes(r.below, rowStart, rowEnd, segments, rect, top, p.textHeight)
		r.below = v.appendFindMarks(r.below, rowStart, rowEnd, segments, rect, top, p.textHeight)
		if !selectionIsHighlight {
			segs := segments(selStart, selEnd)
			for k, seg := range segs {
				x0, x1 := seg[0], seg[1]
				if k == len(segs)-1 && geom == nil && selEnd > rowEnd-1 && rowEnd > rowStart && v.text[rowEnd-1] == '\n' {
					x1 += v.widths.width(' ') // show that the line end is selected
				}
				sel := rect()
				sel.FillColor = p.selection
				sel.Move(fyne.NewPos(x0, top))
				sel.Resize(fyne.NewSize(x1-x0, p.textHeight))
				r.below = append(r.below, sel)
			}
		}
		if selectedIndex >= 0 {
			h := v.highlights[selectedIndex]
			for _, seg := range segments(h.Start, h.End) {
				x0, x1 := seg[0], seg[1]
				outline := rect()
				outline.FillColor = color.Transparent
				outline.StrokeColor = fillColor(h.Color, 0xff)
				outline.StrokeWidth = outlineWidth
				// The stroke is drawn inside the rectangle: start it a stroke
				// width out so it frames the first and last glyphs instead of
				// cutting into them.
				out := float32(outlineWidth + 1)
				outline.Move(fyne.NewPos(x0-out, top-1))
				outline.Resize(fyne.NewSize(x1-x0+2*out, p.textHeight+2+float32(maxBands*bandHeight)))
				r.above = append(r.above, outline)
			}
		}
		r.above = v.appendHandles(r.above, row, rect, p.textHeight)

		if geom != nil {
			r.words = r.appendPieces(r.words, geom, p, top, snap, text)
			continue
		}
		// Words: runs of code points between break spaces, without the
		// zero-width ones ('\r', joiners, controls) that would draw as boxes.
		content := v.rowContentEnd(row)
		for i := rowStart; i < content; {
			if breakSpace(v.text[i]) {
				i++
				continue
			}
			j := i
			r.word = r.word[:0]
			for j < content && !breakSpace(v.text[j]) {
				if c := v.text[j]; !controlRune(c) {
					r.word = append(r.word, c)
				}
				j++
			}
			if len(r.word) > 0 {
				t := text()
				t.Text = string(r.word)
				t.Color = p.fg
				t.TextSize = p.textSize
				t.TextStyle = fyne.TextStyle{}
				// The model's slot is the sum of per-rune advances; kerning makes
				// the drawn word up to a pixel or two narrower. Drawn at the slot's
				// left edge, all of that shows as one wide gap after the word
				// ("Valmera  left"); centred, it splits between both sides and
				// the spaces look even. Fyne caches the measurement, and the GL
				// painter measures every text it draws anyway.
				slot := xOf(j) - xOf(i)
				drawn := fyne.MeasureText(t.Text, p.textSize, t.TextStyle).Width
				t.Move(fyne.NewPos(snap(xOf(i)+(slot-drawn)/2), top))
				t.Resize(fyne.NewSize(drawn, p.textHeight))
				r.words = append(r.words, t)
			}
			i = j
		}
	}

	r.above = append(r.above, v.linkLines(first, last)...)
	if v.focused && selStart == selEnd {
		row := v.rowOf(v.caret)
		if row >= first && row <= last {
			c := rect()
			c.FillColor = p.caret
			c.Move(fyne.NewPos(p.pad+v.xOf(row, v.caret)-caretWidth/2, v.rowTop(row)-v.scrollY))
			c.Resize(fyne.NewSize(caretWidth, p.textHeight))
			r.above = append(r.above, c)
		}
	}
	if total := v.contentHeight(); total > size.Height {
		thumbHeight := max(size.Height*size.Height/total, minThumbHeight)
		y := v.scrollY / v.maxScroll() * (size.Height - thumbHeight)
		bar := rect()
		bar.FillColor = th.Color(theme.ColorNameScrollBar, variant)
		bar.CornerRadius = v.scrollBarWidth() / 4
		bar.Move(fyne.NewPos(size.Width-v.scrollBarWidth()*3/4, y))
		bar.Resize(fyne.NewSize(v.scrollBarWidth()/2, thumbHeight))
		r.above = append(r.above, bar)
	}

	r.objects = append(append(append(r.objects[:0], r.below...), r.words...), r.above...)
}

// controlRune reports zero-width code points that have no glyph and would draw
// as a box; joiners and combining marks are zero-width too but part of a glyph.
func controlRune(c rune) bool {
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff || c == 0xad || c == 0x200b || c == 0x2060
}

// pieceStyle is how a row's text objects are drawn.
type pieceStyle struct {
	color  color.Color
	size   float32
	height float32        // of a text object
	style  fyne.TextStyle // for theme-font pieces; a bundled script font has one style
}

// appendPieces draws a row laid out by rowGeometry: each piece at its visual
// x, shaped runs in their script's bundled font (Fyne shapes a text object
// itself, so a right-to-left run drawn as one object comes out joined and in
// visual order), neutrals at right-to-left levels mirrored.
func (r *renderer) appendPieces(objects []fyne.CanvasObject, g *rowGeom, p paint, top float32, snap func(float32) float32, text func() *canvas.Text) []fyne.CanvasObject {
	v := r.view
	return appendRowPieces(objects, v.text, g, v.widths.shaper, pieceStyle{color: p.fg, size: p.textSize, height: p.textHeight}, p.pad, top, snap, text, &r.word)
}

// appendRowPieces draws the pieces of g, a row of text, with the row's left
// edge at left; word is scratch space.
func appendRowPieces(objects []fyne.CanvasObject, all []rune, g *rowGeom, sh *shaper, ps pieceStyle, left, top float32, snap func(float32) float32, newText func() *canvas.Text, word *[]rune) []fyne.CanvasObject {
	for _, pc := range g.pieces {
		*word = (*word)[:0]
		for _, c := range all[pc.start:pc.end] {
			if !controlRune(c) {
				if pc.rtl && pc.end-pc.start == 1 {
					c = mirrored(c)
				}
				*word = append(*word, c)
			}
		}
		if len(*word) == 0 {
			continue
		}
		t := newText()
		t.Text = string(*word)
		t.Color = ps.color
		t.TextSize = ps.size
		t.TextStyle = fyne.TextStyle{}
		t.FontSource = sh.resource(pc.class)
		if t.FontSource == nil {
			t.TextStyle = ps.style
		}
		x0, x1 := g.extent(pc.start, pc.end)
		t.Move(fyne.NewPos(snap(left+x0), snap(top+sh.baselineShift(pc.class))))
		t.Resize(fyne.NewSize(x1-x0, ps.height))
		objects = append(objects, t)
	}
	return objects
}

// mirrored returns the mirror image of a paired punctuation mark drawn at a
// right-to-left level (UAX #9 L4) when it is drawn alone.
func mirrored(c rune) rune {
	switch c {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '<':
		return '>'
	case '>':
		return '<'
	case '«':
		return '»'
	case '»':
		return '«'
	case '‹':
		return '›'
	case '›':
		return '‹'
	}
	return c
}
