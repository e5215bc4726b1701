package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// swatchColors is the colour choice offered for labels: the Okabe–Ito palette the
// default labels use (its yellow darkened to #B8A200), then the fallback colours
// (Paul Tol's muted scheme, adjusted), all distinguishable with the common forms
// of colour blindness and visible as highlights on both themes. Any other colour
// can be typed as hex; the form warns when it is too faint.
func swatchColors() []string {
	colours := []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A200"}
	for i := range 8 {
		colours = append(colours, annotate.FallbackColor(i))
	}
	return colours
}

// hotkeyNone is how the hotkey selector shows "no hotkey".
const hotkeyNone = "none"

// labelManager is the Manage labels dialog: add, rename, recolour, change hotkey,
// reorder and edit guidelines. Every change is stored at once; the workbench is told
// so it can redraw the palette, highlights and list.
type labelManager struct {
	ed        *editor.Editor
	win       fyne.Window
	show      func(dialog.Dialog) // shows a dialog so Esc closes it
	showError func(error)
	rows      *fyne.Container
	dialog    dialog.Dialog
}

// showLabelManager opens the label manager over win.
func showLabelManager(ed *editor.Editor, win fyne.Window, show func(dialog.Dialog), showError func(error)) *labelManager {
	m := &labelManager{ed: ed, win: win, show: show, showError: showError}
	m.dialog = dialog.NewCustom("Manage labels", "Close", m.build(), win)
	m.dialog.Resize(fyne.NewSize(640, 460))
	show(m.dialog)
	return m
}

func (m *labelManager) build() fyne.CanvasObject {
	m.rows = container.NewVBox()
	m.refresh()
	add := widget.NewButtonWithIcon("Add label", theme.ContentAddIcon(), m.onAdd)
	add.Importance = widget.HighImportance
	help := widget.NewLabel("Digits 1–9 tag with a label's hotkey. Spans keep their label when it is renamed or recoloured.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	return container.NewBorder(nil, container.NewVBox(help, container.NewHBox(add)), nil, nil, container.NewVScroll(m.rows))
}

// refresh redraws one row per label.
func (m *labelManager) refresh() {
	m.rows.Objects = nil
	labels := m.ed.Labels()
	for i, l := range labels {
		swatch := canvas.NewRectangle(labelcolor.Parse(l.Color))
		swatch.SetMinSize(fyne.NewSquareSize(18))
		swatch.CornerRadius = 3
		key := l.Hotkey
		if key == "" {
			key = "–"
		}
		name := widget.NewLabelWithStyle(key+"  "+l.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		// A guideline may be written in Arabic or Hebrew: a textCell orders it.
		guideline := newTextCell()
		guideline.Label.Truncation = fyne.TextTruncateEllipsis
		guideline.Label.Importance = widget.LowImportance
		guideline.Label.SizeName = theme.SizeNameCaptionText
		guideline.Line.ColorName = theme.ColorNamePlaceHolder
		guideline.Line.SizeName = theme.SizeNameCaptionText
		guideline.SetText(snippet(l.Description))
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { m.onMove(l.Name, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { m.onMove(l.Name, +1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(labels)-1 {
			down.Disable()
		}
		edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { m.onEdit(l) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { m.onDelete(l.Name) })
		attrs := widget.NewButton(fmt.Sprintf("Attributes (%d)", len(l.Attrs)), func() {
			showLabelAttrs(m.ed, m.win, m.show, m.showError, l.Name)
		})
		buttons := container.NewHBox(up, down, edit, attrs, del)
		m.rows.Add(container.NewBorder(nil, nil, container.NewHBox(container.NewCenter(swatch), name), buttons, guideline))
	}
	m.rows.Refresh()
}

func (m *labelManager) onAdd() {
	label := annotate.Label{Color: m.unusedColor(), Hotkey: m.unusedHotkey()}
	m.showForm("Add label", label, func(edited annotate.Label) error {
		return m.ed.AddLabel(edited)
	})
}

func (m *labelManager) onEdit(label annotate.Label) {
	m.showForm("Edit label "+label.Name, label, func(edited annotate.Label) error {
		return m.ed.UpdateLabel(label, edited)
	})
}

func (m *labelManager) onMove(name string, delta int) {
	if err := m.ed.MoveLabel(name, delta); err != nil {
		m.showError(err)
	}
	m.refresh()
}

// onDelete deletes a label, first saying how many annotations go with it.
func (m *labelManager) onDelete(name string) {
	usage, err := m.ed.LabelUsage(name)
	if err != nil {
		m.showError(err)
		return
	}
	message := fmt.Sprintf("Delete label %s? No annotation uses it.", name)
	if usage > 0 {
		message = fmt.Sprintf("Delete label %s?\nIt is used by %s, which will be deleted too.\nThis cannot be undone.", name, plural(usage, "annotation"))
	}
	confirm := dialog.NewConfirm("Delete label", message, func(ok bool) {
		if !ok {
			return
		}
		if _, err := m.ed.DeleteLabel(name); err != nil {
			m.showError(err)
		}
		m.refresh()
	}, m.win)
	confirm.SetConfirmText("Delete")
	confirm.SetDismissText("Cancel")
	confirm.SetConfirmImportance(widget.DangerImportance)
	m.show(confirm)
}

// labelForm is the add/edit form's fields.
type labelForm struct {
	name    *widget.Entry
	nameBox *escEntry // name's widget: it takes Enter (save) and Esc (cancel)
	hex     *escEntry
	preview *canvas.Rectangle
	// colourNote warns when the colour would be too faint as a highlight.
	colourNote *widget.Label
	hotkey     *widget.Select
	// hotkeyNote says, before saving, what happens to the label that holds the
	// chosen hotkey, so a swap is never a surprise.
	hotkeyNote *widget.Label
	guidance   *escEntry
}

// showForm edits a label; save stores it and reports a refusal (a clashing name,
// say) in an error dialog, leaving the manager open.
func (m *labelManager) showForm(title string, label annotate.Label, save func(annotate.Label) error) {
	f := m.newForm(label)
	items := []*widget.FormItem{
		widget.NewFormItem("Name", f.nameBox),
		widget.NewFormItem("Colour", f.colourPicker()),
		widget.NewFormItem("Hotkey", container.NewVBox(f.hotkey, f.hotkeyNote)),
		widget.NewFormItem("Guideline", f.guidance),
	}
	form := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if err := save(f.label(label)); err != nil {
			m.showError(err)
		}
		m.refresh()
	}, m.win)
	form.Resize(fyne.NewSize(560, 420))
	f.nameBox.OnSubmitted = func(string) { form.Submit() } // Submit refuses while invalid
	f.nameBox.onEscape = form.Hide
	f.hex.onEscape = form.Hide
	f.guidance.onEscape = form.Hide
	m.show(form)
	// Typing the name is the first thing to do; with the focus in the field,
	// Esc reaches the field, not the window, hence onEscape.
	m.win.Canvas().Focus(f.nameBox)
}

func (m *labelManager) newForm(label annotate.Label) *labelForm {
	nameBox := newEscEntry()
	f := &labelForm{
		name:     &nameBox.Entry,
		nameBox:  nameBox,
		hex:      newEscEntry(),
		preview:  canvas.NewRectangle(labelcolor.Parse(label.Color)),
		guidance: newMultiLineEscEntry(),
	}
	f.name.SetText(label.Name)
	f.name.SetPlaceHolder("e.g. SOURCE")
	f.name.Validator = func(text string) error {
		probe := annotate.Label{Name: annotate.NormalizeLabelName(text), Color: "#000000"}
		return probe.Validate()
	}
	f.hex.SetText(label.Color)
	f.hex.Validator = func(text string) error {
		probe := annotate.Label{Name: "probe", Color: strings.TrimSpace(text)}
		return probe.Validate()
	}
	f.colourNote = widget.NewLabel("")
	f.colourNote.Importance = widget.WarningImportance
	f.colourNote.Wrapping = fyne.TextWrapWord
	f.hex.OnChanged = func(text string) {
		if f.hex.Validate() == nil {
			f.preview.FillColor = labelcolor.Parse(strings.TrimSpace(text))
			f.preview.Refresh()
		}
		note := labelColourWarning(text)
		f.colourNote.SetText(note)
		f.colourNote.Hidden = note == ""
		f.colourNote.Refresh()
	}
	f.hex.OnChanged(label.Color)
	options := hotkeyOptions(m.ed.Labels())
	f.hotkeyNote = widget.NewLabel("")
	f.hotkeyNote.Importance = widget.LowImportance
	f.hotkeyNote.Wrapping = fyne.TextWrapWord
	f.hotkeyNote.Hide()
	f.hotkey = widget.NewSelect(options, func(option string) {
		note := hotkeyTakeover(m.ed.Labels(), label, hotkeyOfOption(option))
		f.hotkeyNote.SetText(note)
		f.hotkeyNote.Hidden = note == ""
		f.hotkeyNote.Refresh()
	})
	f.hotkey.SetSelected(hotkeyNone)
	for _, option := range options {
		if label.Hotkey != "" && hotkeyOfOption(option) == label.Hotkey {
			f.hotkey.SetSelected(option)
		}
	}
	f.guidance.SetText(label.Description)
	f.guidance.SetPlaceHolder("What to tag and what not to")
	f.guidance.Wrapping = fyne.TextWrapWord
	f.guidance.SetMinRowsVisible(4)
	return f
}

// colourPicker is a row of swatches (click to pick) plus the hex field.
func (f *labelForm) colourPicker() fyne.CanvasObject {
	swatches := container.NewGridWithColumns(8)
	for _, hex := range swatchColors() {
		swatches.Add(newColourSwatch(hex, func(picked string) { f.hex.SetText(picked) }))
	}
	f.preview.SetMinSize(fyne.NewSquareSize(24))
	f.preview.CornerRadius = 4
	return container.NewVBox(swatches, container.NewBorder(nil, nil, f.preview, nil, f.hex), f.colourNote)
}

// label is the edited label, keeping the ID and order of the original.
func (f *labelForm) label(original annotate.Label) annotate.Label {
	edited := original
	edited.Name = annotate.NormalizeLabelName(f.name.Text)
	edited.Color = strings.ToUpper(strings.TrimSpace(f.hex.Text))
	edited.Hotkey = hotkeyOfOption(f.hotkey.Selected)
	edited.Description = strings.TrimSpace(f.guidance.Text)
	return edited
}

func (m *labelManager) unusedColor() string {
	used := map[string]bool{}
	for _, l := range m.ed.Labels() {
		used[strings.ToUpper(l.Color)] = true
	}
	for _, c := range swatchColors() {
		if !used[c] {
			return c
		}
	}
	return annotate.FallbackColor(len(m.ed.Labels()))
}

func (m *labelManager) unusedHotkey() string {
	used := map[string]bool{}
	for _, l := range m.ed.Labels() {
		used[l.Hotkey] = true
	}
	for d := '1'; d <= '9'; d++ {
		if !used[string(d)] {
			return string(d)
		}
	}
	return ""
}

// colourSwatch is a clickable colour square in the label form.
type colourSwatch struct {
	widget.BaseWidget
	hex    string
	onPick func(hex string)
}

func newColourSwatch(hex string, onPick func(string)) *colourSwatch {
	s := &colourSwatch{hex: hex, onPick: onPick}
	s.ExtendBaseWidget(s)
	return s
}

func (s *colourSwatch) Tapped(*fyne.PointEvent) { s.onPick(s.hex) }

func (s *colourSwatch) CreateRenderer() fyne.WidgetRenderer {
	rect := canvas.NewRectangle(labelcolor.Parse(s.hex))
	rect.CornerRadius = 4
	rect.SetMinSize(fyne.NewSquareSize(26))
	return widget.NewSimpleRenderer(rect)
}

// hotkeyOptions are the hotkey selector's choices: none, then the digits 1-9,
// each followed by the label that holds it ("2 · QUOTE"), so a taken key shows
// as taken before it is picked.
func hotkeyOptions(labels []annotate.Label) []string {
	holders := map[string]string{}
	for _, l := range labels {
		if l.Hotkey != "" {
			holders[l.Hotkey] = l.Name
		}
	}
	options := []string{hotkeyNone}
	for d := '1'; d <= '9'; d++ {
		option := string(d)
		if name, taken := holders[option]; taken {
			option += " · " + name
		}
		options = append(options, option)
	}
	return options
}

// hotkeyOfOption is the hotkey a selector choice stands for ("" for none).
func hotkeyOfOption(option string) string {
	if option == hotkeyNone {
		return ""
	}
	key, _, _ := strings.Cut(option, " ")
	return key
}

// hotkeyTakeover describes what saving label with hotkey key does to the label
// that holds key now ("" when no other label does): an edit swaps the two keys, a
// new label takes the key and leaves the other without one. It mirrors
// addLabel and updateLabel.
func hotkeyTakeover(labels []annotate.Label, label annotate.Label, key string) string {
	if key == "" || key == hotkeyNone {
		return ""
	}
	for _, other := range labels {
		if other.Hotkey != key || (label.ID != 0 && other.ID == label.ID) {
			continue
		}
		if label.ID != 0 && label.Hotkey != "" {
			return fmt.Sprintf("%s has key %s now; it will get %s instead.", other.Name, key, label.Hotkey)
		}
		return fmt.Sprintf("%s has key %s now; it will have no hotkey.", other.Name, key)
	}
	return ""
}
