package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/editor"
)

// labelAttrsDialog edits the attributes a label declares: one row per attribute
// with a button to remove it (asking first when values would go with it), and a
// row to add one (name, type, and the options of a choice, comma-separated).
type labelAttrsDialog struct {
	ed        *editor.Editor
	win       fyne.Window
	showError func(error)
	label     string

	rows    *fyne.Container
	name    *widget.Entry
	typ     *widget.Select
	options *widget.Entry
	dialog  dialog.Dialog
}

func showLabelAttrs(ed *editor.Editor, win fyne.Window, show func(dialog.Dialog), showError func(error), label string) *labelAttrsDialog {
	d := &labelAttrsDialog{ed: ed, win: win, showError: showError, label: label}
	d.dialog = dialog.NewCustom("Attributes of "+label, "Close", d.build(), win)
	d.dialog.Resize(fyne.NewSize(560, 420))
	show(d.dialog)
	return d
}

func (d *labelAttrsDialog) build() fyne.CanvasObject {
	d.rows = container.NewVBox()
	d.name = widget.NewEntry()
	d.name.PlaceHolder = "name, e.g. tone"
	types := make([]string, 0, len(annotate.AttrTypes()))
	for _, t := range annotate.AttrTypes() {
		types = append(types, string(t))
	}
	d.typ = widget.NewSelect(types, func(t string) {
		if t == string(annotate.AttrChoice) {
			d.options.Enable()
		} else {
			d.options.Disable()
		}
	})
	d.options = widget.NewEntry()
	d.options.PlaceHolder = "choices: a, b, c"
	d.typ.SetSelected(string(annotate.AttrText))
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), d.onAdd)
	d.name.OnSubmitted = func(string) { d.onAdd() }
	d.refresh()
	adder := container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(3, d.name, d.typ, d.options))
	help := widget.NewLabel("source: a person, organisation or group, shared by all documents (the Sources ledger counts it). Values are set on the annotation, in the form under the list.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	return container.NewBorder(nil, container.NewVBox(help, adder), nil, nil, container.NewVScroll(d.rows))
}

// refresh redraws the declared attributes.
func (d *labelAttrsDialog) refresh() {
	d.rows.Objects = nil
	label, _ := d.ed.Label(d.label)
	if len(label.Attrs) == 0 {
		d.rows.Add(widget.NewLabel("No attributes yet."))
	}
	for _, decl := range label.Attrs {
		name := decl.Name
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.onRemove(name) })
		d.rows.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(decl.Describe())))
	}
	d.rows.Refresh()
}

func (d *labelAttrsDialog) onAdd() {
	decl := annotate.AttrDecl{Name: strings.TrimSpace(d.name.Text), Type: annotate.AttrType(d.typ.Selected)}
	if decl.Type == annotate.AttrChoice {
		for _, o := range strings.Split(d.options.Text, ",") {
			if o = strings.TrimSpace(o); o != "" {
				decl.Options = append(decl.Options, o)
			}
		}
	}
	if err := d.ed.DeclareAttribute(d.label, decl); err != nil {
		d.showError(err)
		return
	}
	d.name.SetText("")
	d.options.SetText("")
	d.refresh()
}

func (d *labelAttrsDialog) onRemove(name string) {
	dialog.ShowConfirm("Remove attribute",
		fmt.Sprintf("Remove the attribute %s of %s, with its value on every annotation? This cannot be undone.", name, d.label),
		func(ok bool) {
			if !ok {
				return
			}
			if _, err := d.ed.RemoveAttribute(d.label, name); err != nil {
				d.showError(err)
			}
			d.refresh()
		}, d.win)
}
