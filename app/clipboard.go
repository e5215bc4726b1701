package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
)

// File ▸ New from clipboard (Ctrl+Shift+V): the text on the clipboard becomes a
// document, exactly as it is (line breaks included), with a small form for the
// title, outlet, date and URL. Its source reads "clipboard".

// clipboardSource is the Source of a document made from the clipboard.
const clipboardSource = "clipboard"

// onNewFromClipboard reads the clipboard and asks for the metadata.
func (im *importer) onNewFromClipboard() {
	text := im.win.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		im.flash("The clipboard holds no text")
		return
	}
	form := newClipboardForm(text)
	var dlg *dialog.ConfirmDialog
	dlg = dialog.NewCustomConfirm("New document from the clipboard", "Create", "Cancel", form.content(im.win), func(create bool) {
		if !create {
			return
		}
		doc, err := form.document()
		if err == nil {
			err = im.storeClipboardDocument(doc)
		}
		if err != nil {
			form.message.SetText(err.Error())
			dlg.Show() // a confirm dialog hides itself before calling back
		}
	}, im.win)
	dlg.Resize(fyne.NewSize(520, 0))
	im.dialogs.show(dlg)
}

// clipboardForm is the small form of New from clipboard.
type clipboardForm struct {
	text                     string
	title, outlet, date, url *widget.Entry
	message                  *widget.Label
	body                     fyne.CanvasObject
}

func newClipboardForm(text string) *clipboardForm {
	f := &clipboardForm{text: text}
	f.title = widget.NewEntry()
	f.title.SetText(annotate.TitleFromText(text))
	f.outlet = widget.NewEntry()
	f.outlet.SetPlaceHolder("The publication, e.g. The Guardian")
	f.date = widget.NewEntry()
	f.date.SetPlaceHolder("2024-03-05 or 5 March 2024")
	f.url = widget.NewEntry()
	f.url.SetPlaceHolder("https://…")
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance
	return f
}

// content is the form with a line saying how much text the clipboard holds.
func (f *clipboardForm) content(win fyne.Window) fyne.CanvasObject {
	if f.body != nil {
		return f.body
	}
	lines := strings.Count(f.text, "\n") + 1
	about := widget.NewLabel(fmt.Sprintf("%s on %s from the clipboard.",
		plural(utf8.RuneCountInString(f.text), "character"), plural(lines, "line")))
	about.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("Date", f.date),
		widget.NewFormItem("URL", f.url),
	)
	f.body = fitToWindow(win, container.NewVBox(about, form), f.message)
	return f.body
}

// document builds the document the form describes; an error names the field.
func (f *clipboardForm) document() (annotate.Document, error) {
	doc := annotate.Document{
		Title:  strings.TrimSpace(f.title.Text),
		Source: clipboardSource,
		Text:   f.text,
		Outlet: strings.TrimSpace(f.outlet.Text),
		URL:    strings.TrimSpace(f.url.Text),
	}
	if doc.Title == "" {
		doc.Title = annotate.TitleFromText(f.text)
	}
	if date := strings.TrimSpace(f.date.Text); date != "" {
		iso, err := annotate.ParseDate(date)
		if err != nil {
			return doc, err
		}
		doc.Published = iso
	}
	return doc, doc.Validate()
}

// storeClipboardDocument stores the document (or finds the same text already
// stored) and opens it.
func (im *importer) storeClipboardDocument(doc annotate.Document) error {
	rec := annotate.ImportRecord{Origin: clipboardSource, Document: doc}
	result, err := im.ed.Store().Import(context.Background(), func(yield func(annotate.ImportRecord, error) bool) {
		yield(rec, nil)
	}, annotate.ImportOptions{Annotator: im.ed.Annotator()})
	if err != nil {
		return err
	}
	im.afterImport(result)
	if result.Duplicates > 0 {
		im.flash("That text is already in the library; opened it")
	}
	return nil
}
