package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// palette is the row of labels above the document: swatch, hotkey and name. A click
// tags the selection, exactly like the label's digit.
type palette struct {
	onTag func(label string)
	box   *fyne.Container
}

func newPalette(onTag func(label string)) *palette {
	return &palette{onTag: onTag}
}

func (p *palette) build() fyne.CanvasObject {
	p.box = container.NewHBox()
	hint := widget.NewLabel("Select text, then press a label's digit or click it")
	hint.Importance = widget.LowImportance
	hint.SizeName = theme.SizeNameCaptionText
	hint.Alignment = fyne.TextAlignTrailing
	hint.Truncation = fyne.TextTruncateEllipsis
	row := container.New(&paletteLayout{chips: p.box}, container.NewHScroll(p.box), hint)
	return container.NewVBox(row, widget.NewSeparator())
}

// minPaletteHint is the narrowest room worth showing the hint in; below it
// the hint hides rather than showing as "Select te…".
const minPaletteHint = 160

// paletteLayout gives the label chips the width they need (scrolling only when
// the window is too narrow even for them) and the hint what is left. In a Border
// layout the hint kept its full width and the chips scrolled out of sight first,
// although they are what the row is for.
type paletteLayout struct{ chips *fyne.Container }

func (l *paletteLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	scroll, hint := objects[0], objects[1]
	chipsWidth := min(l.chips.MinSize().Width, size.Width)
	scroll.Move(fyne.NewPos(0, 0))
	scroll.Resize(fyne.NewSize(chipsWidth, size.Height))
	rest := size.Width - chipsWidth - theme.Padding()
	if rest < minPaletteHint {
		hint.Hide()
		return
	}
	hint.Show()
	hintHeight := hint.MinSize().Height
	hint.Move(fyne.NewPos(size.Width-rest, (size.Height-hintHeight)/2))
	hint.Resize(fyne.NewSize(rest, hintHeight))
}

func (l *paletteLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	height := max(l.chips.MinSize().Height, objects[1].MinSize().Height)
	return fyne.NewSize(0, height)
}

// setLabels shows the label set in its order.
func (p *palette) setLabels(labels []annotate.Label) {
	objects := make([]fyne.CanvasObject, 0, len(labels))
	for _, l := range labels {
		objects = append(objects, newLabelChip(l, p.onTag))
	}
	p.box.Objects = objects
	p.box.Refresh()
}

// labelChip is one palette entry. It is tappable but not focusable, so clicking it
// leaves the keyboard focus (and the selection) in the document view.
type labelChip struct {
	widget.BaseWidget
	label   annotate.Label
	onTap   func(label string)
	hovered bool
}

func newLabelChip(label annotate.Label, onTap func(string)) *labelChip {
	c := &labelChip{label: label, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped tags with this chip's label.
func (c *labelChip) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(c.label.Name)
	}
}

// Cursor shows a hand: the chip acts like a button.
func (c *labelChip) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *labelChip) MouseIn(*desktop.MouseEvent)    { c.hovered = true; c.Refresh() }
func (c *labelChip) MouseMoved(*desktop.MouseEvent) {}
func (c *labelChip) MouseOut()                      { c.hovered = false; c.Refresh() }

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
