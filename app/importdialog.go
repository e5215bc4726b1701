package app

import (
	"context"
	"errors"
	"fmt"
	"os/user"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// showImportDialog opens File > Import…: pick files and folders, the format, the
// offset unit, the annotator name and whether to skip invalid records. The import
// runs in the background with progress; a failed import shows every problem (file,
// line, what) in the dialog so the user can fix it or tick "skip invalid" and retry.
// onDone runs on the UI goroutine after a successful import; the dialog closes then.
func showImportDialog(win fyne.Window, store annotate.Store, onDone func(annotate.ImportResult)) dialog.Dialog {
	d := newImportDialog(win, store, onDone)
	d.dlg.Show()
	return &closingDialog{Dialog: d.dlg, close: d.onClose}
}

// importDialog is the import form and its running import.
type importDialog struct {
	win    fyne.Window
	store  annotate.Store
	onDone func(annotate.ImportResult)
	dlg    dialog.Dialog

	paths       []string
	pathList    *widget.Label
	addFile     *widget.Button
	addFolder   *widget.Button
	clear       *widget.Button
	format      *widget.Select
	offsets     *widget.Select
	annotator   *escEntry
	skipInvalid *widget.Check
	// colleague: the file is another annotator's work on documents already
	// stored: only that annotator's spans are added, and a file matching none of
	// the stored documents is refused (as `import --annotator NAME`).
	colleague *widget.Check
	clean     *widget.Check // remove boilerplate lines from text files
	split     *widget.Check // one document per article of a Word file
	cleaned   *dataset.CleanLog
	progress  *widget.ProgressBarInfinite
	message   *widget.Label
	importBtn *widget.Button
	closeBtn  *widget.Button

	cancel context.CancelFunc // set while an import runs
	// done, if set, receives the outcome of each import (for tests).
	done func(annotate.ImportResult, error)
}

func newImportDialog(win fyne.Window, store annotate.Store, onDone func(annotate.ImportResult)) *importDialog {
	d := &importDialog{win: win, store: store, onDone: onDone}
	d.pathList = widget.NewLabel("No files chosen.")
	d.pathList.Wrapping = fyne.TextWrapWord
	d.addFile = widget.NewButton("Add file…", d.onAddFile)
	d.addFolder = widget.NewButton("Add folder…", d.onAddFolder)
	d.clear = widget.NewButton("Clear", d.onClear)
	var formats []string
	for _, f := range dataset.ImportFormats() {
		formats = append(formats, string(f))
	}
	d.format = widget.NewSelect(formats, nil)
	d.format.SetSelected(string(dataset.FormatAuto))
	d.offsets = widget.NewSelect([]string{string(annotate.UnitCodepoint), string(annotate.UnitUTF16), string(annotate.UnitByte)}, nil)
	d.offsets.SetSelected(string(annotate.UnitCodepoint))
	d.annotator = newEscEntry()
	d.annotator.onEscape = d.onClose // as the Close button: cancels a running import first
	d.annotator.SetText(loginNameForImport())
	d.skipInvalid = widget.NewCheck("Skip invalid files and records (import the good ones, list the bad)", nil)
	d.colleague = widget.NewCheck("Another annotator's work on these documents: add only this annotator's spans", nil)
	d.clean = widget.NewCheck("Clean boilerplate: remove menus, copyright and comment lines at the start and end of text files", nil)
	d.split = widget.NewCheck("Split Word files holding several articles (at “End of Document” or page breaks)", nil)
	d.progress = widget.NewProgressBarInfinite()
	d.progress.Stop()
	d.progress.Hide()
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.importBtn = widget.NewButton("Import", d.onImport)
	d.importBtn.Importance = widget.HighImportance
	d.closeBtn = widget.NewButton("Close", d.onClose)

	// The dialog takes its size when shown, so the growing parts (the chosen paths,
	// the problems of a failed import) get fixed, scrolling areas.
	pathArea := container.NewVScroll(d.pathList)
	pathArea.SetMinSize(fyne.NewSize(440, 64))
	form := widget.NewForm(
		widget.NewFormItem("Files", container.NewVBox(pathArea, container.NewHBox(d.addFile, d.addFolder, d.clear))),
		widget.NewFormItem("Format", d.format),
		widget.NewFormItem("Offsets", d.offsets),
		widget.NewFormItem("Annotator", d.annotator),
		widget.NewFormItem("", d.colleague),
		widget.NewFormItem("", d.skipInvalid),
		widget.NewFormItem("", d.clean),
		widget.NewFormItem("", d.split),
	)
	hint := widget.NewLabel("Offsets: codepoint for spaCy, Prodigy, Label Studio and brat; utf16 for files from doccano's or INCEpTION's web editor.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	buttons := container.NewHBox(layout.NewSpacer(), d.closeBtn, d.importBtn)
	messageArea := container.NewVScroll(d.message)
	messageArea.SetMinSize(fyne.NewSize(560, 120))
	content := fitToWindow(win, container.NewVBox(form, hint, d.progress, messageArea), buttons, d.progress)
	d.dlg = dialog.NewCustomWithoutButtons("Import", content, win)
	d.dlg.Resize(fyne.NewSize(600, 0))
	return d
}

// loginNameForImport is the default annotator for imported spans that name none.
func loginNameForImport() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// addPaths adds chosen files or folders, once each.
func (d *importDialog) addPaths(paths ...string) {
	for _, p := range paths {
		known := false
		for _, have := range d.paths {
			known = known || have == p
		}
		if !known && p != "" {
			d.paths = append(d.paths, p)
		}
	}
	if len(paths) > 0 {
		d.message.SetText("") // it spoke of the previous choice ("Add a file or folder…", a failed import)
	}
	if len(d.paths) == 0 {
		d.pathList.SetText("No files chosen.")
	} else {
		d.pathList.SetText(strings.Join(d.paths, "\n"))
	}
}

func (d *importDialog) onAddFile() {
	pickFile(d.win, dataset.ImportableExtensions(), func(path string, err error) {
		if err == nil && path != "" {
			d.addPaths(path)
		}
	})
}

func (d *importDialog) onAddFolder() {
	pickFolder(d.win, func(path string, err error) {
		if err == nil && path != "" {
			d.addPaths(path)
		}
	})
}

func (d *importDialog) onClear() {
	d.paths = nil
	d.addPaths()
	d.message.SetText("")
}

func (d *importDialog) onImport() {
	if len(d.paths) == 0 {
		d.message.SetText("Add a file or folder to import first.")
		return
	}
	format, err := dataset.ParseFormat(d.format.Selected)
	if err != nil {
		d.message.SetText(err.Error())
		return
	}
	unit, err := annotate.ParseUnit(d.offsets.Selected)
	if err != nil {
		d.message.SetText(err.Error())
		return
	}
	annotator := strings.TrimSpace(d.annotator.Text)
	if annotator == "" {
		annotator = loginNameForImport()
	}
	if d.colleague.Checked {
		if err := annotate.CheckAnnotatorName(annotator, annotate.DefaultCurator); err != nil {
			d.message.SetText(err.Error())
			return
		}
	}
	paths := append([]string(nil), d.paths...)
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.setRunning(true)
	d.message.SetText("Reading…")

	opts := annotate.ImportOptions{
		Annotator:     annotator,
		SkipInvalid:   d.skipInvalid.Checked,
		OnlyAnnotator: d.colleague.Checked,
		RequireMatch:  d.colleague.Checked,
		Progress: throttledProgress(func(n int) {
			if d.cancel != nil {
				d.message.SetText("Read " + plural(n, "record") + "…")
			}
		}),
	}
	d.cleaned = &dataset.CleanLog{}
	readOpts := dataset.ReadOptions{Format: format, Unit: unit, Clean: d.clean.Checked, OnClean: d.cleaned.Add, SplitArticles: d.split.Checked}
	go func() {
		records := dataset.Read(paths, readOpts)
		result, err := d.store.Import(ctx, records, opts)
		cancel()
		fyne.Do(func() { d.finished(result, err) })
	}()
}

func (d *importDialog) setRunning(running bool) {
	for _, w := range []fyne.Disableable{d.importBtn, d.addFile, d.addFolder, d.clear, d.format, d.offsets, d.annotator, d.skipInvalid, d.colleague, d.clean, d.split} {
		if running {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if running {
		d.closeBtn.SetText("Cancel")
		d.progress.Show()
		d.progress.Start()
	} else {
		d.closeBtn.SetText("Close")
		d.progress.Stop()
		d.progress.Hide()
	}
}

// finished runs on the UI goroutine when an import ends.
func (d *importDialog) finished(result annotate.ImportResult, err error) {
	d.cancel = nil
	d.setRunning(false)
	if d.done != nil {
		defer d.done(result, err)
	}
	if err != nil {
		var importErr *annotate.ImportError
		switch {
		case errors.Is(err, context.Canceled):
			d.message.SetText("Import cancelled; nothing was stored.")
		case errors.As(err, &importErr):
			d.message.SetText(importErr.Error() + "\n\nFix the files, or tick “Skip invalid” to import the good ones.")
		default:
			d.message.SetText("Import failed, nothing was stored: " + err.Error())
		}
		return
	}
	d.message.SetText(importDialogSummary(result))
	d.dlg.Hide()
	if d.clean.Checked {
		showCleanReport(d.win, d.cleaned.Reports())
	}
	if d.onDone != nil {
		d.onDone(result)
	}
}

func (d *importDialog) onClose() {
	if d.cancel != nil {
		d.cancel()
		return
	}
	d.dlg.Hide()
}

// importDialogSummary says what an import stored.
func importDialogSummary(r annotate.ImportResult) string {
	present := func(n int) string {
		if n == 0 {
			return ""
		}
		return fmt.Sprintf(" (%d already present)", n)
	}
	s := fmt.Sprintf("Imported %s%s and %s%s.", plural(r.Documents, "new document"), present(r.Duplicates), plural(r.Spans, "annotation"), present(r.SpansExisting))
	if len(r.LabelsCreated) > 0 {
		s += " New labels: " + strings.Join(r.LabelsCreated, ", ") + "."
	}
	if len(r.Invalid) > 0 {
		s += " Skipped " + plural(len(r.Invalid), "invalid record") + "."
	}
	return s
}
