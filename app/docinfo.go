package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// docInfo is the document-info panel (Document ▸ Document info…): the open
// document's title, outlet, authors, date, URL, language and free key/values in a
// form. Saving is one undoable edit (Ctrl+Z takes it back).
type docInfo struct {
	ed  *editor.Editor
	win fyne.Window

	title, outlet, authors, date, url, language *widget.Entry
	extra                                       *widget.Entry
	// titleReads shows a right-to-left or complex-script title as it reads:
	// Fyne's entry lays its runs out left to right (fyne-io/fyne#90).
	titleReads *docview.Line
	message    *widget.Label
	dlg        *dialog.ConfirmDialog
}

// showDocumentInfo opens the panel for the open document; show tracks the dialog.
func showDocumentInfo(ed *editor.Editor, win fyne.Window, show func(dialog.Dialog)) {
	doc := ed.Doc()
	if doc == nil {
		return
	}
	d := newDocInfo(ed, win, doc.Metadata(), doc.Source)
	show(d.dlg)
}

func newDocInfo(ed *editor.Editor, win fyne.Window, meta annotate.Metadata, source string) *docInfo {
	d := &docInfo{ed: ed, win: win}
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	d.title = entry(meta.Title, "Headline")
	d.titleReads = docview.NewLine("")
	d.titleReads.ColorName = theme.ColorNamePlaceHolder
	d.showTitleReading(meta.Title)
	d.title.OnChanged = d.showTitleReading
	d.outlet = entry(meta.Outlet, "The publication, e.g. The Guardian")
	d.authors = entry(strings.Join(meta.Authors, "; "), "Names separated by ; or ,")
	d.date = entry(meta.Published, "2024-03-05, 5 March 2024 or 2024-03-05T14:30:00+01:00")
	d.url = entry(meta.URL, "https://…")
	d.language = entry(meta.Language, "en, de, pt-BR…")
	d.extra = widget.NewMultiLineEntry()
	d.extra.SetText(formatExtra(meta.Extra))
	d.extra.SetPlaceHolder("key: value, one a line")
	d.extra.SetMinRowsVisible(3)
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.message.Importance = widget.DangerImportance
	sourceLabel := widget.NewLabel(source)
	sourceLabel.Truncation = fyne.TextTruncateEllipsis
	form := widget.NewForm(
		widget.NewFormItem("Title", container.NewVBox(d.title, d.titleReads)),
		widget.NewFormItem("Outlet", d.outlet),
		widget.NewFormItem("Authors", d.authors),
		widget.NewFormItem("Date", d.date),
		widget.NewFormItem("URL", d.url),
		widget.NewFormItem("Language", d.language),
		widget.NewFormItem("Other", d.extra),
		widget.NewFormItem("Source", sourceLabel),
	)
	content := fitToWindow(win, form, d.message)
	d.dlg = dialog.NewCustomConfirm("Document information", "Save", "Cancel", content, d.onClose, win)
	d.dlg.Resize(fyne.NewSize(560, 0))
	return d
}

// showTitleReading shows the title laid out by the document view's rules when
// Fyne's entry would misorder it (right-to-left or shaped text), else nothing.
func (d *docInfo) showTitleReading(title string) {
	if !docview.NeedsLayout(title) {
		d.titleReads.Hide()
		return
	}
	d.titleReads.SetText(title)
	d.titleReads.Show()
}

// metadata reads the form; an error names the field.
func (d *docInfo) metadata() (annotate.Metadata, error) {
	meta := annotate.Metadata{
		Title:    strings.TrimSpace(d.title.Text),
		Outlet:   strings.TrimSpace(d.outlet.Text),
		URL:      strings.TrimSpace(d.url.Text),
		Language: strings.TrimSpace(d.language.Text),
	}
	if names := strings.TrimSpace(d.authors.Text); names != "" {
		meta.Authors = annotate.ParseAuthors(names)
	}
	if date := strings.TrimSpace(d.date.Text); date != "" {
		iso, err := annotate.ParseDate(date)
		if err != nil {
			return meta, err
		}
		meta.Published = iso
	}
	extra, err := parseExtra(d.extra.Text)
	if err != nil {
		return meta, err
	}
	meta.Extra = extra
	return meta, meta.Validate()
}

// onClose saves on Save; a refused field keeps the dialog open with the reason.
func (d *docInfo) onClose(save bool) {
	if !save {
		return
	}
	meta, err := d.metadata()
	if err == nil {
		err = d.ed.SetMetadata(meta)
	}
	if err != nil {
		d.message.SetText(err.Error())
		d.dlg.Show() // a confirm dialog hides itself before calling back
	}
}

// formatExtra writes free key/values one a line, "key: value"; values that are
// not text are written as JSON, so they read back as what they were.
func formatExtra(extra map[string]any) string {
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		value, isText := extra[k].(string)
		if !isText || looksLikeJSON(value) {
			data, err := json.Marshal(extra[k])
			if err != nil {
				continue
			}
			value = string(data)
		}
		fmt.Fprintf(&b, "%s: %s\n", k, value)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// parseExtra reads "key: value" lines. A value that reads as JSON (a number,
// true, false, null, a "quoted string", an array or an object) is kept as that
// JSON value; anything else is text. Blank lines are skipped.
func parseExtra(text string) (map[string]any, error) {
	extra := map[string]any{}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" {
			return nil, annotate.Errorf(annotate.EINVALID, "other information, line %d: want “key: value”", i+1)
		}
		if looksLikeJSON(value) {
			dec := json.NewDecoder(bytes.NewReader([]byte(value)))
			dec.UseNumber()
			var v any
			if dec.Decode(&v) == nil && !dec.More() {
				extra[key] = v
				continue
			}
		}
		extra[key] = value
	}
	if len(extra) == 0 {
		return nil, nil
	}
	return extra, nil
}

func looksLikeJSON(s string) bool {
	if s == "true" || s == "false" || s == "null" {
		return true
	}
	if s == "" {
		return false
	}
	c := s[0]
	return c == '"' || c == '[' || c == '{' || c == '-' || (c >= '0' && c <= '9') && json.Valid([]byte(s))
}
