package docview

import "math"

// rowGeom is the visual layout of a row that is not plain left-to-right text
// of unshaped scripts: where each of its code points is drawn once the row is
// reordered (UAX #9 L1, L2), shaped, and right-aligned in a right-to-left
// paragraph. Offsets stay logical; only x positions are visual.
type rowGeom struct {
	start   int       // the row's first code point
	left    []float32 // left edge of code point start+k, text coordinates
	adv     []float32 // its advance
	levels  []uint8   // its embedding level after L1
	rtlPara bool
	pieces  []drawPiece // what to draw, one text object each
}

// drawPiece is a logical range drawn as one text object at x: a shaped run of
// one script and direction, a word of theme-font text, or one mirrored neutral.
type drawPiece struct {
	start, end int // code points
	class      fontClass
	rtl        bool
	x          float32
}

// rowGeometry returns the visual layout of row r, or nil when the row is
// plain left-to-right text that rowPrefix describes (the fast path).
func (v *View) rowGeometry(r int) *rowGeom {
	if g, ok := v.geomCache[r]; ok {
		return g
	}
	start, end := v.rowRange(r)
	needed := complexWord(v.text[start:end])
	if !needed {
		for _, l := range v.bidi.rowLevels(v.text, start, end) {
			if l != 0 {
				needed = true
				break
			}
		}
	}
	var g *rowGeom
	if needed {
		g = v.buildGeometry(start, end)
	}
	if len(v.geomCache) >= 512 {
		clear(v.geomCache)
	}
	v.geomCache[r] = g
	return g
}

func (v *View) buildGeometry(start, end int) *rowGeom {
	return layoutRow(v.text, start, end, v.bidi.rowLevels(v.text, start, end), v.widths, v.wrapWidth)
}

// layoutRow lays out the row text[start:end] visually. rowLevels are the
// row's bidi levels with the rtlParagraph bit (nil: all 0); a row of a
// right-to-left paragraph is right-aligned to alignWidth unless that is not
// a real width (<= 0 or unbounded). The View and Line share it.
func layoutRow(all []rune, start, end int, rowLevels []uint8, widths *runeWidths, alignWidth float32) *rowGeom {
	text := all[start:end]
	n := len(text)
	g := &rowGeom{start: start, left: make([]float32, n), adv: make([]float32, n), levels: make([]uint8, n)}
	levels := make([]uint8, n)
	copy(levels, rowLevels)
	g.rtlPara = n > 0 && levels[0]&rtlParagraph != 0
	order := lineOrder(text, levels, nil)
	for k := range levels {
		g.levels[k] = levels[k] &^ rtlParagraph
	}
	applyL1(text, g.levels, g.rtlPara)

	sh := widths.shaper
	classes := sh.classes(text, nil)
	// Advances in logical order: shaped segments of one class and level
	// between break spaces, the rest per code point.
	for i := 0; i < n; {
		if classes[i] == fontTheme || breakSpace(text[i]) {
			g.adv[i] = widths.width(text[i])
			i++
			continue
		}
		j := i + 1
		for j < n && classes[j] == classes[i] && g.levels[j] == g.levels[i] && !breakSpace(text[j]) {
			j++
		}
		shaped := sh.shape(classes[i], text[i:j])
		copy(g.adv[i:j], shaped.advances)
		i = j
	}
	var x float32
	for _, k := range order {
		g.left[k] = x
		x += g.adv[k]
	}
	if g.rtlPara && alignWidth > 0 && alignWidth < math.MaxFloat32/2 {
		shift := alignWidth - x
		for k := range g.left {
			g.left[k] += shift
		}
	}
	// Pieces to draw, in logical order.
	for i := 0; i < n; {
		c := text[i]
		if breakSpace(c) || controlRune(c) {
			i++
			continue
		}
		rtl := g.levels[i]%2 == 1
		j := i + 1
		if classes[i] == fontTheme && !rtl {
			for j < n && classes[j] == fontTheme && g.levels[j] == g.levels[i] && !breakSpace(text[j]) && !controlRune(text[j]) {
				j++
			}
		} else if classes[i] != fontTheme {
			for j < n && classes[j] == classes[i] && g.levels[j] == g.levels[i] && !breakSpace(text[j]) {
				j++
			}
		}
		g.addPieces(text, i, j, classes[i], rtl)
		i = j
	}
	return g
}

// addPieces adds the logical range [i, j) of the row. Fyne draws a text
// object as a left-to-right paragraph, so a right-to-left piece is drawn from
// its first to its last strong character, and the neutrals around them
// (which Fyne would place on the wrong side) one by one.
func (g *rowGeom) addPieces(text []rune, i, j int, class fontClass, rtl bool) {
	if !rtl || j-i == 1 {
		g.pieces = append(g.pieces, g.piece(i, j, class, rtl))
		return
	}
	first, last := i, j-1
	for first <= last && !strongRTL(text[first]) {
		first++
	}
	for last >= first && !strongRTL(text[last]) {
		last--
	}
	if first > last {
		for k := i; k < j; k++ {
			g.pieces = append(g.pieces, g.piece(k, k+1, class, rtl))
		}
		return
	}
	for k := i; k < first; k++ {
		g.pieces = append(g.pieces, g.piece(k, k+1, class, rtl))
	}
	g.pieces = append(g.pieces, g.piece(first, last+1, class, rtl))
	for k := last + 1; k < j; k++ {
		g.pieces = append(g.pieces, g.piece(k, k+1, class, rtl))
	}
}

func (g *rowGeom) piece(i, j int, class fontClass, rtl bool) drawPiece {
	x0, _ := g.extent(g.start+i, g.start+j)
	return drawPiece{start: g.start + i, end: g.start + j, class: class, rtl: rtl, x: x0}
}

// extent is the smallest x interval holding the code points [start, end).
func (g *rowGeom) extent(start, end int) (x0, x1 float32) {
	x0, x1 = float32(math.MaxFloat32), -float32(math.MaxFloat32)
	for k := start - g.start; k < end-g.start; k++ {
		x0 = min(x0, g.left[k])
		x1 = max(x1, g.left[k]+g.adv[k])
	}
	return x0, x1
}

// caretX is the x of the caret before code point offset (or after the
// row's last code point when offset is the row's end).
func (g *rowGeom) caretX(offset int) float32 {
	k := offset - g.start
	n := len(g.left)
	switch {
	case n == 0:
		return 0
	case k >= n:
		k = n - 1
		if g.levels[k]%2 == 1 {
			return g.left[k]
		}
		return g.left[k] + g.adv[k]
	case k < 0:
		k = 0
	}
	if g.levels[k]%2 == 1 {
		return g.left[k] + g.adv[k]
	}
	return g.left[k]
}

// spans returns the visual pieces [x0, x1) of the logical range [start, end)
// on the row, left to right, touching pieces merged.
func (g *rowGeom) spans(start, end int, out [][2]float32) [][2]float32 {
	out = out[:0]
	start, end = max(start, g.start), min(end, g.start+len(g.left))
	if start >= end {
		return out
	}
	type box struct{ x0, x1 float32 }
	var boxes []box
	for k := start - g.start; k < end-g.start; k++ {
		if g.adv[k] > 0 {
			boxes = append(boxes, box{g.left[k], g.left[k] + g.adv[k]})
		}
	}
	if len(boxes) == 0 {
		x := g.caretX(start)
		return append(out, [2]float32{x, x})
	}
	// insertion sort: rows are short
	for i := 1; i < len(boxes); i++ {
		for j := i; j > 0 && boxes[j].x0 < boxes[j-1].x0; j-- {
			boxes[j], boxes[j-1] = boxes[j-1], boxes[j]
		}
	}
	cur := [2]float32{boxes[0].x0, boxes[0].x1}
	for _, b := range boxes[1:] {
		if b.x0 <= cur[1]+0.5 {
			cur[1] = max(cur[1], b.x1)
			continue
		}
		out = append(out, cur)
		cur = [2]float32{b.x0, b.x1}
	}
	return append(out, cur)
}

// hit returns the code point whose box holds x, or -1.
func (g *rowGeom) hit(x float32, limit int) int {
	for k := 0; k < min(limit, len(g.left)); k++ {
		if g.adv[k] > 0 && x >= g.left[k] && x < g.left[k]+g.adv[k] {
			return g.start + k
		}
	}
	return -1
}

// offsetNear returns the caret offset in [g.start, g.start+limit] nearest to x.
func (g *rowGeom) offsetNear(x float32, limit int) int {
	best, bestDist := g.start, float32(math.MaxFloat32)
	for k := 0; k <= limit; k++ {
		if d := abs32(g.caretX(g.start+k) - x); d < bestDist {
			best, bestDist = g.start+k, d
		}
	}
	return best
}
