package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// attrForm is the side form under the annotation list: the attributes of the
// selected annotation, one field per attribute its label declares, and its links.
// A text, number or source field applies on Enter, a choice or yes/no at once;
// every change is one undoable edit. A value the label refuses (a word in a
// number field) is refused with a message and the field shows the stored value
// again. Values a parser filled in are marked "parsed" until confirmed.
type attrForm struct {
	ed      *editor.Editor
	flash   func(string)
	showErr func(error)
	onDone  func() // the keyboard goes back to the document

	spanID  int64
	header  *widget.Label
	body    *fyne.Container
	fields  map[string]fyne.CanvasObject // by attribute name, for tests
	confirm *widget.Button
	names   []string // source names for completion, read when a span is shown
}

func newAttrForm(ed *editor.Editor, flash func(string), showErr func(error), onDone func()) *attrForm {
	return &attrForm{ed: ed, flash: flash, showErr: showErr, onDone: onDone, fields: map[string]fyne.CanvasObject{}}
}

func (f *attrForm) build() fyne.CanvasObject {
	f.header = widget.NewLabelWithStyle("Attributes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.body = container.NewVBox()
	f.show(0)
	return container.NewBorder(f.header, nil, nil, nil, container.NewVScroll(f.body))
}

// show fills the form for the span (0 or a span not open: a hint).
func (f *attrForm) show(id int64) {
	if f.body == nil {
		return
	}
	f.spanID = id
	f.fields = map[string]fyne.CanvasObject{}
	f.confirm = nil
	span, ok := f.ed.Span(id)
	if !ok {
		f.spanID = 0
		hint := widget.NewLabel("Select an annotation to see its attributes.")
		hint.Importance = widget.LowImportance
		hint.Wrapping = fyne.TextWrapWord
		f.body.Objects = []fyne.CanvasObject{hint}
		f.body.Refresh()
		return
	}
	label, _ := f.ed.Label(span.Label)
	f.header.SetText(fmt.Sprintf("Attributes of %s %d–%d", span.Label, span.Start, span.End))
	var rows []fyne.CanvasObject
	if len(label.Attrs) == 0 {
		hint := widget.NewLabel(fmt.Sprintf("%s declares no attributes (Labels ▸ Manage labels…).", span.Label))
		hint.Importance = widget.LowImportance
		hint.Wrapping = fyne.TextWrapWord
		rows = append(rows, hint)
	}
	if names, err := f.ed.SourceNames(); err == nil {
		f.names = names
	}
	for _, decl := range label.Attrs {
		value, has := span.Attrs[decl.Name]
		caption := decl.Name
		if has && value.Parsed {
			caption += " (parsed)"
		}
		field := f.field(span, decl, value, has)
		f.fields[decl.Name] = field
		rows = append(rows, widget.NewLabel(caption), field)
	}
	// Values the label does not declare (kept from before a relabel) are shown
	// and can be removed, not edited.
	for _, name := range span.Attrs.Names() {
		if _, declared := label.FindDecl(name); declared {
			continue
		}
		attr := name
		text := widget.NewLabel(fmt.Sprintf("%s (not an attribute of %s): %s", name, span.Label, span.Attrs[name].String()))
		text.Wrapping = fyne.TextWrapWord
		remove := widget.NewButton("Remove", func() { f.apply(func() (annotate.Span, error) { return f.ed.ClearAttr(f.spanID, attr) }) })
		rows = append(rows, container.NewBorder(nil, nil, nil, remove, text))
	}
	if !span.Attrs.Confirmed() {
		f.confirm = widget.NewButton("Confirm parsed values", func() { f.apply(func() (annotate.Span, error) { return f.ed.ConfirmAttrs(f.spanID) }) })
		rows = append(rows, f.confirm)
	}
	rows = append(rows, f.linkRows(span)...)
	f.body.Objects = rows
	f.body.Refresh()
}

// field makes the input for one attribute, showing its stored value.
func (f *attrForm) field(span annotate.Span, decl annotate.AttrDecl, value annotate.AttrValue, has bool) fyne.CanvasObject {
	name := decl.Name
	set := func(v annotate.AttrValue) {
		f.apply(func() (annotate.Span, error) { return f.ed.SetAttr(f.spanID, name, v) })
	}
	clear := func() { f.apply(func() (annotate.Span, error) { return f.ed.ClearAttr(f.spanID, name) }) }
	shown := ""
	if has {
		shown = value.String()
	}
	switch decl.Type {
	case annotate.AttrChoice:
		sel := widget.NewSelect(append([]string{"—"}, decl.Options...), nil)
		sel.PlaceHolder = "—"
		if has {
			sel.SetSelected(shown)
		}
		sel.OnChanged = func(choice string) {
			if choice == "—" {
				clear()
				return
			}
			set(annotate.TextValue(choice))
		}
		return sel
	case annotate.AttrBool:
		check := widget.NewCheck("yes", nil)
		check.SetChecked(has && value.Bool)
		check.OnChanged = func(on bool) { set(annotate.BoolValue(on)) }
		return check
	case annotate.AttrSource:
		entry := widget.NewSelectEntry(editor.SuggestSources(f.names, "", 8))
		entry.SetText(shown)
		entry.PlaceHolder = "who said it (type to find a known source)"
		entry.OnChanged = func(typed string) { entry.SetOptions(editor.SuggestSources(f.names, typed, 8)) }
		entry.OnSubmitted = func(text string) {
			if strings.TrimSpace(text) == "" {
				clear()
				return
			}
			set(annotate.SourceValue(text))
		}
		return entry
	}
	entry := widget.NewEntry()
	entry.SetText(shown)
	if decl.Type == annotate.AttrNumber {
		entry.PlaceHolder = "a number; Enter applies"
	} else {
		entry.PlaceHolder = "Enter applies"
	}
	entry.OnSubmitted = func(text string) {
		if strings.TrimSpace(text) == "" {
			clear()
			return
		}
		set(annotate.TextValue(text)) // the store converts "14" for a number attribute, or refuses
	}
	return entry
}

// linkRows lists the span's links with a button to remove each.
func (f *attrForm) linkRows(span annotate.Span) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, l := range span.Links {
		other, ok := f.ed.Span(l.Other(span.ID))
		if !ok {
			continue
		}
		what := "source mention"
		if l.Child == span.ID {
			what = "source of"
		}
		linkID := l.ID
		// The linked span's text may be Arabic or Hebrew: a docview.Line orders it.
		text := docview.NewLine(fmt.Sprintf("%s (%s): %s", what, l.Label, docview.Isolate(snippet(other.Text))))
		text.MaxLines = 2
		unlink := widget.NewButton("Unlink", func() {
			if err := f.ed.Unlink(linkID); err != nil {
				f.showErr(err)
				return
			}
			f.flash("Unlinked (Ctrl+Z links again)")
			f.show(f.spanID)
		})
		rows = append(rows, container.NewBorder(nil, nil, nil, unlink, text))
	}
	if len(rows) > 0 {
		rows = append([]fyne.CanvasObject{widget.NewSeparator()}, rows...)
	}
	return rows
}

// apply runs an edit; a refusal is shown and the form shows the stored values.
func (f *attrForm) apply(edit func() (annotate.Span, error)) {
	if f.spanID == 0 {
		return
	}
	_, err := edit()
	if err != nil {
		f.flash("Not saved: " + err.Error())
	} else {
		f.flash("Attribute saved")
	}
	f.show(f.spanID)
}
