package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/editor"
)

// maxAnnotatorName bounds the name written on every annotation; exports and
// agreement reports print it in columns.
const maxAnnotatorName = 64

// validateAnnotatorName refuses a name no one could tell apart from none.
func validateAnnotatorName(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return fmt.Errorf("enter the name to write on your annotations")
	case utf8.RuneCountInString(name) > maxAnnotatorName:
		return fmt.Errorf("at most %d characters", maxAnnotatorName)
	case strings.ContainsAny(name, "\r\n\t"):
		return fmt.Errorf("one line, without tabs")
	case name == annotate.DefaultCurator:
		// Your annotations would be taken for the gold set; the curated layer
		// is reached from View ▸ Curated layer instead.
		return fmt.Errorf("%q is the curated layer's name; use View ▸ Curated layer to annotate it", name)
	}
	return nil
}

// annotatorName is Edit ▸ Annotator name…: who the new annotations are by. It
// gets the narrow things it needs from the workbench.
type annotatorName struct {
	ed        *editor.Editor
	prefs     fyne.Preferences // holds prefAnnotator for the next start
	win       fyne.Window
	dialogs   *dialogStack
	showName  func(string) // the status bar's annotator name
	flash     func(string)
	showError func(error)
}

// setAnnotator makes name the one written on new annotations, now and at the next
// start (a --annotator given at start still wins then).
func (n *annotatorName) setAnnotator(name string) error {
	if err := validateAnnotatorName(name); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	n.ed.SetAnnotator(name)
	n.prefs.SetString(prefAnnotator, name)
	n.showName(name)
	return nil
}

// onAnnotatorName is Edit ▸ Annotator name… (or a click on the name in the status
// bar): who the new annotations are by. Several people sharing one database each
// set their own, which later lets their annotations be compared.
func (n *annotatorName) onAnnotatorName() {
	entry := newEscEntry()
	entry.SetText(n.ed.Annotator())
	entry.Validator = validateAnnotatorName
	hint := widget.NewLabel("Written on every annotation you make from now on. Annotations already made keep their name.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	items := []*widget.FormItem{widget.NewFormItem("Your name", entry), widget.NewFormItem("", hint)}
	form := dialog.NewForm("Annotator name", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if err := n.setAnnotator(entry.Text); err != nil {
			n.showError(err)
			return
		}
		n.flash("New annotations are by " + n.ed.Annotator())
	}, n.win)
	form.Resize(fyne.NewSize(520, 220))
	entry.OnSubmitted = func(string) { form.Submit() }
	entry.onEscape = form.Hide
	n.dialogs.show(form)
	n.win.Canvas().Focus(entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}
