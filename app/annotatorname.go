package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
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

// setAnnotator makes name the one written on new annotations, now and at the next
// start (a --annotator given at start still wins then).
func (w *Workbench) setAnnotator(name string) error {
	if err := validateAnnotatorName(name); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	w.ed.SetAnnotator(name)
	w.prefs.SetString(prefAnnotator, name)
	w.status.setAnnotator(name)
	return nil
}

// onAnnotatorName is Edit ▸ Annotator name… (or a click on the name in the status
// bar): who the new annotations are by. Several people sharing one database each
// set their own, which later lets their annotations be compared.
func (w *Workbench) onAnnotatorName() {
	entry := newEscEntry()
	entry.SetText(w.ed.Annotator())
	entry.Validator = validateAnnotatorName
	hint := widget.NewLabel("Written on every annotation you make from now on. Annotations already made keep their name.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	items := []*widget.FormItem{widget.NewFormItem("Your name", entry), widget.NewFormItem("", hint)}
	form := dialog.NewForm("Annotator name", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if err := w.setAnnotator(entry.Text); err != nil {
			w.showError(err)
			return
		}
		w.status.flash("New annotations are by " + w.ed.Annotator())
	}, w.win)
	form.Resize(fyne.NewSize(520, 220))
	entry.OnSubmitted = func(string) { form.Submit() }
	entry.onEscape = form.Hide
	w.dialogs.show(form)
	w.win.Canvas().Focus(entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}
