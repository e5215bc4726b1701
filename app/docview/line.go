package docview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Line is a short read-only text — a document title, a span's text, a
// search snippet — laid out the way the View lays out its rows: bidi levels
// (UAX #9) and reordering, Arabic, Hebrew, Devanagari and Bengali shaped in
// the bundled fonts, right-to-left text right-aligned. Fyne's Label and
// RichText lay their runs out left to right (fyne-io/fyne#90), which puts the
// words of an Arabic sentence holding a number or an English name in the
// wrong order and its full stop on the wrong side; list rows use a Line for
// text that may be in any script.
//
// White space runs (line ends, tabs) show as one space each, so offsets of
// marks stay those of the text. Text that needs more than MaxLines rows ends
// in "…" at its logical end (the left in right-to-left text).
type Line struct {
	widget.BaseWidget
	// MaxLines is the number of rows the text may wrap to (0 counts as 1);
	// the Line is that many rows tall whatever its text.
	MaxLines  int
	TextStyle fyne.TextStyle      // for text in the theme font (bold titles)
	SizeName  fyne.ThemeSizeName  // "" is the theme's text size
	ColorName fyne.ThemeColorName // "" is the foreground colour
	// Direction is the paragraph direction; DirectionAuto (the default) takes
	// it from the first strong character.
	Direction Direction

	text    []rune
	marks   []Mark
	version int // bumped when the text or marks change
}

// Mark is a range of a Line's text (code points, end exclusive) drawn on a
// tinted background, in as many pieces as the range takes on screen. Strong
// marks are darker (matched characters inside a lightly marked span).
type Mark struct {
	Start, End int
	Strong     bool
}

// NewLine returns a one-row Line showing text.
func NewLine(text string) *Line {
	l := &Line{}
	l.ExtendBaseWidget(l)
	l.setText(text)
	return l
}

// SetText shows text (and drops the marks); it does nothing if the text is
// unchanged, so list rows can call it on every update.
func (l *Line) SetText(text string) {
	if string(l.text) == text && l.marks == nil {
		return
	}
	l.setText(text)
	l.Refresh()
}

func (l *Line) setText(text string) {
	l.text = []rune(text)
	for i, c := range l.text {
		if c == '\t' || paragraphSeparator(c) {
			l.text[i] = ' '
		}
	}
	l.marks = nil
	l.version++
}

// SetMarks tints ranges of the text (clipped to it).
func (l *Line) SetMarks(marks []Mark) {
	l.marks = nil
	for _, m := range marks {
		m.Start, m.End = clamp(m.Start, 0, len(l.text)), clamp(m.End, 0, len(l.text))
		if m.Start < m.End {
			l.marks = append(l.marks, m)
		}
	}
	l.version++
	l.Refresh()
}

// SetDirection sets the paragraph direction (a document's forced one).
func (l *Line) SetDirection(d Direction) {
	if l.Direction == d {
		return
	}
	l.Direction = d
	l.version++
	l.Refresh()
}

// Text returns the text as set (white space runs shown as spaces).
func (l *Line) Text() string { return string(l.text) }

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (l *Line) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	return &lineRenderer{line: l}
}

func (l *Line) maxLines() int { return max(l.MaxLines, 1) }

func (l *Line) textSize() float32 {
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return l.Theme().Size(name)
}

// lineRenderer lays the text out for the current width when the width, the
// text or the text size changes, and draws it from pools of objects.
type lineRenderer struct {
	line    *Line
	widths  *runeWidths
	laidOut struct {
		width   float32
		version int
		size    float32
		style   fyne.TextStyle
		dir     Direction
	}
	shown   []rune     // the text as drawn: cut and ended in "…" when too long
	rows    []*rowGeom // one per visible row
	texts   []*canvas.Text
	rects   []*canvas.Rectangle
	objects []fyne.CanvasObject
	word    []rune
	spans   [][2]float32
}

const ellipsis = '…'

func (r *lineRenderer) MinSize() fyne.Size {
	l := r.line
	th := l.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	size := l.textSize()
	h := fyne.MeasureText("M", size, l.TextStyle).Height
	n := float32(l.maxLines())
	return fyne.NewSize(fyne.MeasureText(string(ellipsis), size, l.TextStyle).Width+2*pad,
		n*h+(n-1)*th.Size(theme.SizeNameLineSpacing)+2*pad)
}

func (r *lineRenderer) Layout(fyne.Size) { r.build() }

func (r *lineRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.line)
}

func (r *lineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *lineRenderer) Destroy() {}

// layout wraps the text to width, at most MaxLines rows, and lays out each.
func (r *lineRenderer) layout(width float32) {
	l := r.line
	size := l.textSize()
	lo := &r.laidOut
	if r.rows != nil && lo.width == width && lo.version == l.version && lo.size == size && lo.style == l.TextStyle && lo.dir == l.Direction {
		return
	}
	if r.widths == nil || lo.size != size || lo.style != l.TextStyle {
		r.widths = newRuneWidths(size, l.TextStyle, fyne.MeasureText)
		r.widths.shaper = newShaper(size)
		r.widths.shaper.style = l.TextStyle
	}
	lo.width, lo.version, lo.size, lo.style, lo.dir = width, l.version, size, l.TextStyle, l.Direction
	var starts []int32
	r.shown, starts = fitRows(l.text, width, l.maxLines(), r.widths)
	levels := bidiLevels(r.shown, l.Direction)
	r.rows = r.rows[:0]
	for i, s := range starts {
		start, end := int(s), len(r.shown)
		if i+1 < len(starts) {
			end = int(starts[i+1])
		}
		var rowLevels []uint8
		if levels != nil {
			rowLevels = levels[start:end]
		}
		r.rows = append(r.rows, layoutRow(r.shown, start, end, rowLevels, r.widths, width))
	}
}

// fitRows returns text, or text cut at a grapheme boundary and ended in "…"
// so that it wraps to at most maxLines rows of width, with the starts of the
// rows it wraps to (wrapRows).
func fitRows(text []rune, width float32, maxLines int, w *runeWidths) ([]rune, []int32) {
	starts := wrapRows(text, width, w)
	if len(starts) <= maxLines {
		return text, starts
	}
	cut := int(starts[maxLines])
	shown := make([]rune, 0, cut+1)
	for cut > 0 {
		end := cut
		for end > 0 && breakSpace(text[end-1]) {
			end--
		}
		shown = append(append(shown[:0], text[:end]...), ellipsis)
		if starts := wrapRows(shown, width, w); len(starts) <= maxLines {
			return shown, starts
		}
		cut = prevGrapheme(text, end)
	}
	shown = []rune{ellipsis}
	return shown, wrapRows(shown, width, w)
}

func (r *lineRenderer) build() {
	l := r.line
	r.objects = r.objects[:0]
	size := l.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	th := l.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNameInnerPadding)
	r.layout(max(size.Width-2*pad, 1))

	colorName := l.ColorName
	if colorName == "" {
		colorName = theme.ColorNameForeground
	}
	fg := th.Color(colorName, variant)
	textSize := l.textSize()
	textHeight := fyne.MeasureText("M", textSize, l.TextStyle).Height
	step := textHeight + th.Size(theme.SizeNameLineSpacing)
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	snap := func(x float32) float32 { return float32(math.Round(float64(x*scale))) / scale }

	usedRects, usedTexts := 0, 0
	newText := func() *canvas.Text {
		if usedTexts == len(r.texts) {
			r.texts = append(r.texts, &canvas.Text{})
		}
		t := r.texts[usedTexts]
		usedTexts++
		t.FontSource = nil
		return t
	}
	var words []fyne.CanvasObject
	for i, g := range r.rows {
		top := pad + float32(i)*step
		for _, m := range l.marks {
			if m.Start >= len(r.shown) {
				continue
			}
			r.spans = g.spans(m.Start, min(m.End, len(r.shown)), r.spans)
			for _, seg := range r.spans {
				if seg[1] <= seg[0] {
					continue
				}
				if usedRects == len(r.rects) {
					r.rects = append(r.rects, &canvas.Rectangle{})
				}
				rect := r.rects[usedRects]
				usedRects++
				alpha := uint8(0x1c)
				if m.Strong {
					alpha = 0x48
				}
				rect.FillColor = fillColor(fg, alpha)
				rect.CornerRadius = 2
				rect.Move(fyne.NewPos(snap(pad+seg[0]), snap(top)))
				rect.Resize(fyne.NewSize(seg[1]-seg[0], textHeight))
				r.objects = append(r.objects, rect)
			}
		}
		words = appendRowPieces(words, r.shown, g, r.widths.shaper,
			pieceStyle{color: fg, size: textSize, height: textHeight, style: l.TextStyle}, pad, top, snap, newText, &r.word)
	}
	r.objects = append(r.objects, words...)
}

// Isolate wraps user text that needs the bidi algorithm in First Strong
// Isolate … Pop Directional Isolate (U+2068, U+2069), for a Line that shows it
// inside a sentence of ours: without them an Arabic name followed by " (3)"
// takes the number and brackets into its right-to-left run ("Statements of (3)
// الاسم:"). Other text is returned as it is.
func Isolate(text string) string {
	if !NeedsLayout(text) {
		return text
	}
	return "\u2068" + text + "\u2069"
}

// NeedsLayout reports whether Fyne's own text widgets would show text wrongly
// or, on a machine without the fonts, not at all: it holds a right-to-left
// character, an explicit direction control, or a script the view shapes in a
// bundled font. Rows can keep a Label or RichText for other text.
func NeedsLayout(text string) bool {
	for _, r := range text {
		if r < 0x0590 {
			continue
		}
		if scriptClass(r) != fontTheme || rtlRune(r) {
			return true
		}
	}
	return false
}
