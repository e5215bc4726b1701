package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// palette is the labels above the document: swatch, hotkey and name. A click
// tags the selection, exactly like the label's digit. The chips wrap to as many
// rows as they need (a fifth label never hides behind a scroll bar), and the
// hint takes what room is left on a single row.
type palette struct {
	onTag func(label string)
	tip   *hoverTip       // a chip's guideline, shown while the pointer rests on it
	box   *fyne.Container // the chips, in a flowLayout
	row   *fyne.Container // chips and hint
}

func newPalette(onTag func(label string)) *palette {
	return &palette{onTag: onTag, tip: newHoverTip()}
}

func (p *palette) build() fyne.CanvasObject {
	p.box = container.New(&flowLayout{})
	hint := widget.NewLabel("Select text, then press a label's digit or click it")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	hint.Alignment = fyne.TextAlignTrailing
	hint.Truncation = fyne.TextTruncateEllipsis
	p.row = container.New(&paletteLayout{chips: p.box}, p.box, hint)
	return container.NewVBox(p.row, widget.NewSeparator())
}

// minPaletteHint is the narrowest room worth showing the hint in; below it
// the hint hides rather than showing as "Select te…".
const minPaletteHint = 160

// paletteLayout gives the label chips one row when they and the hint fit, else
// the whole width to wrap in (the hint hides).
type paletteLayout struct{ chips *fyne.Container }

func (l *paletteLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	chips, hint := objects[0], objects[1]
	oneRow := l.chips.Layout.(*flowLayout).naturalWidth(l.chips.Objects)
	rest := size.Width - oneRow - theme.Padding()
	chips.Move(fyne.NewPos(0, 0))
	if rest < minPaletteHint {
		hint.Hide()
		chips.Resize(fyne.NewSize(size.Width, chips.MinSize().Height))
		return
	}
	chips.Resize(fyne.NewSize(oneRow, chips.MinSize().Height))
	hint.Show()
	hintHeight := hint.MinSize().Height
	hint.Move(fyne.NewPos(size.Width-rest, (chips.Size().Height-hintHeight)/2))
	hint.Resize(fyne.NewSize(rest, hintHeight))
}

func (l *paletteLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	height := max(l.chips.MinSize().Height, objects[1].MinSize().Height)
	return fyne.NewSize(0, height)
}

// flowLayout places objects left to right at their minimum size and starts a new
// row when the next one does not fit. Its minimum height is that of the rows at
// the width it was last laid out at, so the rows above and below make room (the
// window re-lays out its parents when a minimum size changes).
type flowLayout struct{ width float32 }

func (l *flowLayout) naturalWidth(objects []fyne.CanvasObject) float32 {
	w := float32(0)
	for i, o := range objects {
		if i > 0 {
			w += theme.Padding()
		}
		w += o.MinSize().Width
	}
	return w
}

// place lays the objects out in width (moving them only if move) and returns the
// height used.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, rowHeight := float32(0), float32(0), float32(0)
	for _, o := range objects {
		size := o.MinSize()
		if x > 0 && x+size.Width > width {
			x, y, rowHeight = 0, y+rowHeight+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(size)
		}
		x += size.Width + pad
		rowHeight = max(rowHeight, size.Height)
	}
	return y + rowHeight
}

func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	widest := float32(0)
	for _, o := range objects {
		widest = max(widest, o.MinSize().Width)
	}
	width := l.width
	if width <= 0 {
		width = l.naturalWidth(objects)
	}
	return fyne.NewSize(widest, l.place(objects, width, false))
}

// setLabels shows the label set in its order, at once: the row is laid out again
// so a new, renamed or removed chip takes its place without a resize.
func (p *palette) setLabels(labels []annotate.Label) {
	objects := make([]fyne.CanvasObject, 0, len(labels))
	for _, l := range labels {
		objects = append(objects, newLabelChip(l, p.onTag, p.tip))
	}
	p.tip.hide() // its chip may be gone
	p.box.Objects = objects
	p.box.Refresh()
	if p.row != nil {
		p.row.Refresh()
	}
}

// labelChip is one palette entry. It is tappable but not focusable, so clicking it
// leaves the keyboard focus (and the selection) in the document view.
type labelChip struct {
	widget.BaseWidget
	label   annotate.Label
	onTap   func(label string)
	tip     *hoverTip // nil: no guideline on hover
	hovered bool
}

func newLabelChip(label annotate.Label, onTap func(string), tip *hoverTip) *labelChip {
	c := &labelChip{label: label, onTap: onTap, tip: tip}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped tags with this chip's label.
func (c *labelChip) Tapped(*fyne.PointEvent) {
	if c.tip != nil {
		c.tip.hide()
	}
	if c.onTap != nil {
		c.onTap(c.label.Name)
	}
}

// Cursor shows a hand: the chip acts like a button.
func (c *labelChip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn lights the chip and, after a moment, shows the label's guideline.
func (c *labelChip) MouseIn(*desktop.MouseEvent) {
	c.hovered = true
	c.Refresh()
	if c.tip != nil {
		c.tip.showSoon(c, chipTipTitle(c.label), guidelineOf(c.label))
	}
}

func (c *labelChip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the light and the guideline away.
func (c *labelChip) MouseOut() {
	c.hovered = false
	c.Refresh()
	if c.tip != nil {
		c.tip.hide()
	}
}

// chipTipTitle heads a chip's tip: the label and its key.
func chipTipTitle(l annotate.Label) string {
	if l.Hotkey == "" {
		return l.Name
	}
	return l.Name + " (key " + l.Hotkey + ")"
}

// guidelineOf is what a label's tip says: its description, the guideline of
// what its spans cover.
func guidelineOf(l annotate.Label) string {
	if text := strings.TrimSpace(l.Description); text != "" {
		return text
	}
	return "No guideline yet: Labels ▸ Manage labels… gives the label a description."
}

func (c *labelChip) CreateRenderer() fyne.WidgetRenderer {
	r := &labelChipRenderer{
		chip:       c,
		background: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		swatch:     canvas.NewRectangle(labelcolor.Parse(c.label.Color)),
		key:        canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		name:       canvas.NewText(c.label.Name, theme.Color(theme.ColorNameForeground)),
	}
	r.background.CornerRadius = theme.InputRadiusSize()
	r.swatch.CornerRadius = 3
	r.key.TextStyle = fyne.TextStyle{Bold: true}
	r.name.TextStyle = fyne.TextStyle{Bold: true}
	r.Refresh()
	return r
}

// labelChipRenderer draws a rounded chip: colour swatch, hotkey, name.
type labelChipRenderer struct {
	chip       *labelChip
	background *canvas.Rectangle
	swatch     *canvas.Rectangle
	key        *canvas.Text
	name       *canvas.Text
}

const chipSwatch = 14

func (r *labelChipRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.background.Resize(size)
	r.swatch.Resize(fyne.NewSquareSize(chipSwatch))
	r.swatch.Move(fyne.NewPos(pad*1.5, (size.Height-chipSwatch)/2))
	x := pad*1.5 + chipSwatch + pad
	keySize := r.key.MinSize()
	r.key.Move(fyne.NewPos(x, (size.Height-keySize.Height)/2))
	r.key.Resize(keySize)
	if keySize.Width > 0 {
		x += keySize.Width + pad
	}
	nameSize := r.name.MinSize()
	r.name.Move(fyne.NewPos(x, (size.Height-nameSize.Height)/2))
	r.name.Resize(nameSize)
}

func (r *labelChipRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	keyWidth := r.key.MinSize().Width
	if keyWidth > 0 {
		keyWidth += pad
	}
	nameSize := r.name.MinSize()
	return fyne.NewSize(pad*3+chipSwatch+pad+keyWidth+nameSize.Width, nameSize.Height+pad*2)
}

func (r *labelChipRenderer) Refresh() {
	l := r.chip.label
	r.key.Text = l.Hotkey
	r.name.Text = l.Name
	r.swatch.FillColor = labelcolor.Parse(l.Color)
	if r.chip.hovered {
		r.background.FillColor = theme.Color(theme.ColorNameHover)
	} else {
		r.background.FillColor = theme.Color(theme.ColorNameInputBackground)
	}
	r.key.Color = theme.Color(theme.ColorNamePlaceHolder)
	r.name.Color = theme.Color(theme.ColorNameForeground)
	r.background.Refresh()
	r.swatch.Refresh()
	r.key.Refresh()
	r.name.Refresh()
}

func (r *labelChipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.background, r.swatch, r.key, r.name}
}

func (r *labelChipRenderer) Destroy() {}
