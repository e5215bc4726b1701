package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// showExportDialog opens File > Export…: format, offsets, labels, status, split and
// destination, then a progress bar and a summary of what was written.
func showExportDialog(win fyne.Window, store annotate.Store) dialog.Dialog {
	d := newExportDialog(win, store)
	d.loadLabels()
	d.dlg.Show()
	return &closingDialog{Dialog: d.dlg, close: d.onClose}
}

// Status choices as shown, mapped to the export filter.
var exportStatusChoices = []string{"All documents", "Done only", "In progress only", "New only"}

var exportStatusValues = map[string]annotate.Status{
	"All documents": "", "Done only": annotate.StatusDone, "In progress only": annotate.StatusInProgress, "New only": annotate.StatusNew,
}

// exportDialog is the export form and its running export.
type exportDialog struct {
	win   fyne.Window
	store annotate.Store
	dlg   dialog.Dialog

	format    *widget.Select
	offsets   *widget.Select
	tokens    *widget.Check
	labels    *fyne.Container // one check per label, in a grid
	checks    []*widget.Check
	status    *widget.Select
	split     *escEntry
	seed      *escEntry
	dest      *escEntry
	browse    *widget.Button
	progress  *widget.ProgressBar
	message   *widget.Label
	exportBtn *widget.Button
	closeBtn  *widget.Button

	allLabels []annotate.Label
	// folder is where the suggested destination lives and what a relative
	// destination is taken relative to.
	folder  string
	replace *dialog.ConfirmDialog // asks before an existing file is overwritten
	cancel  context.CancelFunc    // set while an export runs
	// done, if set, receives the outcome of each export (for tests).
	done func(dataset.ExportSummary, error)
}

func newExportDialog(win fyne.Window, store annotate.Store) *exportDialog {
	d := &exportDialog{win: win, store: store, folder: defaultExportFolder()}
	var formats []string
	for _, f := range dataset.ExportFormats() {
		formats = append(formats, string(f))
	}
	d.format = widget.NewSelect(formats, func(string) { d.onFormatChanged() })
	d.offsets = widget.NewSelect([]string{string(annotate.UnitCodepoint), string(annotate.UnitUTF16), string(annotate.UnitByte)}, nil)
	d.offsets.SetSelected(string(annotate.UnitCodepoint))
	d.tokens = widget.NewCheck("Write tokens (spacy)", nil)
	d.labels = container.NewGridWithColumns(3)
	// Done documents are the reviewed ones: the default, as on the command line.
	d.status = widget.NewSelect(exportStatusChoices, func(string) { d.onStatusChanged() })
	d.status.SetSelected(exportStatusChoices[1])
	d.split = newEscEntry()
	d.split.SetPlaceHolder("none, or train=0.8,dev=0.1,test=0.1")
	d.split.OnChanged = func(string) { d.onFormatChanged() }
	d.seed = newEscEntry()
	d.seed.SetText("1")
	d.dest = newEscEntry()
	d.dest.SetPlaceHolder("file or folder to write")
	// A suggestion, so one click exports; the format's extension is added below.
	d.dest.SetText(filepath.Join(d.folder, "newsmark-export"))
	d.browse = widget.NewButton("Choose…", d.onBrowse)
	d.progress = widget.NewProgressBar()
	d.progress.Hide()
	d.message = widget.NewLabel("")
	d.message.Wrapping = fyne.TextWrapWord
	d.exportBtn = widget.NewButton("Export", d.onExport)
	d.exportBtn.Importance = widget.HighImportance
	d.closeBtn = widget.NewButton("Close", d.onClose)
	d.format.SetSelected(string(dataset.FormatSpacy))
	for _, e := range []*escEntry{d.split, d.seed, d.dest} {
		e.onEscape = d.onClose // as the Close button: cancels a running export first
	}

	form := widget.NewForm(
		widget.NewFormItem("Format", d.format),
		widget.NewFormItem("Offsets", d.offsets),
		widget.NewFormItem("", d.tokens),
		widget.NewFormItem("Labels", d.labels),
		widget.NewFormItem("Documents", d.status),
		widget.NewFormItem("Split", d.split),
		widget.NewFormItem("Seed", d.seed),
		widget.NewFormItem("Destination", container.NewBorder(nil, nil, nil, d.browse, d.dest)),
	)
	buttons := container.NewHBox(layout.NewSpacer(), d.closeBtn, d.exportBtn)
	// The dialog takes its size when shown; the summary gets a fixed, scrolling area
	// so a long message never spills over the buttons.
	messageArea := container.NewVScroll(d.message)
	messageArea.SetMinSize(fyne.NewSize(520, 72))
	content := fitToWindow(win, container.NewVBox(form, d.progress, messageArea), buttons, d.progress)
	d.dlg = dialog.NewCustomWithoutButtons("Export", content, win)
	d.dlg.Resize(fyne.NewSize(560, 0))
	return d
}

// loadLabels fills the label choices, all ticked. Call it before showing the
// dialog, which takes its size from its content then.
func (d *exportDialog) loadLabels() {
	labels, err := d.store.Labels(context.Background())
	if err != nil {
		d.message.SetText("Could not read the labels: " + err.Error())
		return
	}
	d.allLabels = labels
	d.checks = nil
	d.labels.RemoveAll()
	for _, l := range labels {
		check := widget.NewCheck(l.Name, nil)
		check.SetChecked(true)
		d.checks = append(d.checks, check)
		d.labels.Add(check)
	}
}

// selectedLabels lists the ticked labels in label order.
func (d *exportDialog) selectedLabels() []string {
	var names []string
	for _, check := range d.checks {
		if check.Checked {
			names = append(names, check.Text)
		}
	}
	return names
}

// selectLabels ticks exactly the named labels.
func (d *exportDialog) selectLabels(names ...string) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, check := range d.checks {
		check.SetChecked(want[check.Text])
	}
}

func (d *exportDialog) selectedFormat() dataset.Format { return dataset.Format(d.format.Selected) }

// writesFolder says whether the destination is a folder: brat, or any split.
func (d *exportDialog) writesFolder() bool {
	return d.selectedFormat().IsFolder() || strings.TrimSpace(d.split.Text) != ""
}

// onFormatChanged keeps the form consistent: tokens only for spacy, offsets not for
// the token formats, and a destination extension that matches.
func (d *exportDialog) onFormatChanged() {
	if d.tokens == nil || d.dest == nil {
		return // called while the form is being built
	}
	format := d.selectedFormat()
	if format == dataset.FormatSpacy {
		d.tokens.Enable()
	} else {
		d.tokens.Disable()
	}
	if format == dataset.FormatHF || format == dataset.FormatCoNLL {
		d.offsets.Disable()
	} else {
		d.offsets.Enable()
	}
	dest := strings.TrimSpace(d.dest.Text)
	if dest == "" {
		return
	}
	stem := strings.TrimSuffix(dest, filepath.Ext(dest))
	if d.writesFolder() {
		d.dest.SetText(stem)
	} else {
		d.dest.SetText(stem + format.Ext())
	}
}

func (d *exportDialog) onBrowse() {
	if d.writesFolder() {
		pickFolder(d.win, func(path string, err error) {
			if err == nil && path != "" {
				d.dest.SetText(filepath.Join(path, "newsmark-"+string(d.selectedFormat())))
			}
		})
		return
	}
	pickSaveFile(d.win, "newsmark"+d.selectedFormat().Ext(), func(path string, err error) {
		if err == nil && path != "" {
			d.dest.SetText(path)
		}
	})
}

// options reads the form; an error names the field to fix.
func (d *exportDialog) options() (annotate.ExportFilter, dataset.ExportOptions, string, error) {
	var filter annotate.ExportFilter
	opts := dataset.ExportOptions{Format: d.selectedFormat(), Tokens: d.tokens.Checked && !d.tokens.Disabled()}
	if opts.Format == "" {
		return filter, opts, "", fmt.Errorf("choose a format")
	}
	unit, err := annotate.ParseUnit(d.offsets.Selected)
	if err != nil {
		return filter, opts, "", err
	}
	opts.Unit = unit
	if opts.Split, err = dataset.ParseSplit(d.split.Text); err != nil {
		return filter, opts, "", err
	}
	if len(opts.Split) > 0 {
		if opts.Seed, err = strconv.ParseInt(strings.TrimSpace(d.seed.Text), 10, 64); err != nil {
			return filter, opts, "", fmt.Errorf("the seed must be a whole number")
		}
	}
	selected := d.selectedLabels()
	if len(selected) == 0 && len(d.allLabels) > 0 {
		return filter, opts, "", fmt.Errorf("tick at least one label")
	}
	if len(selected) < len(d.allLabels) {
		filter.Labels = selected
	}
	filter.Status = exportStatusValues[d.status.Selected]
	opts.Labels = d.allLabels
	dest := strings.TrimSpace(d.dest.Text)
	if dest == "" {
		return filter, opts, "", fmt.Errorf("choose where to write the export")
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(d.folder, dest)
	}
	return filter, opts, dest, nil
}

// onExport checks the form and starts the export, first asking before a file
// that exists is replaced. (A folder export replaces only an earlier export or
// an empty folder; the dataset package refuses anything else.)
func (d *exportDialog) onExport() {
	filter, opts, dest, err := d.options()
	if err != nil {
		d.message.SetText(err.Error())
		return
	}
	if info, err := os.Stat(dest); err == nil && !info.IsDir() && !d.writesFolder() {
		d.replace = dialog.NewConfirm("Replace file",
			fmt.Sprintf("%s already exists in %s.\nReplace it with this export?", filepath.Base(dest), filepath.Dir(dest)),
			func(ok bool) {
				if ok {
					d.start(filter, opts, dest)
				}
			}, d.win)
		d.replace.SetConfirmText("Replace")
		d.replace.Show()
		return
	}
	d.start(filter, opts, dest)
}

// start runs the export in the background with progress.
func (d *exportDialog) start(filter annotate.ExportFilter, opts dataset.ExportOptions, dest string) {
	total := d.countDocuments(filter.Status)
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.exportBtn.Disable()
	d.closeBtn.SetText("Cancel")
	d.progress.SetValue(0)
	d.progress.Show()
	d.message.SetText("Exporting…")

	opts.Progress = throttledProgress(func(n int) {
		if total > 0 {
			d.progress.SetValue(float64(n) / float64(total))
		}
	})
	go func() {
		summary, err := dataset.Export(ctx, d.store.Export(ctx, filter), dest, nil, opts)
		cancel()
		fyne.Do(func() { d.finished(summary, err) })
	}()
}

// countDocuments is the progress bar's total; 0 if unknown.
func (d *exportDialog) countDocuments(status annotate.Status) int {
	stats, err := d.store.Stats(context.Background())
	if err != nil {
		return 0
	}
	if status == "" {
		return stats.Documents
	}
	return stats.ByStatus[status]
}

// finished runs on the UI goroutine when an export ends.
func (d *exportDialog) finished(summary dataset.ExportSummary, err error) {
	d.cancel = nil
	d.exportBtn.Enable()
	d.closeBtn.SetText("Close")
	if err != nil {
		d.progress.Hide()
		if errors.Is(err, context.Canceled) {
			d.message.SetText("Export cancelled; nothing was written.")
		} else {
			d.message.SetText("Export failed, nothing was written: " + err.Error())
		}
	} else {
		d.progress.SetValue(1)
		d.message.SetText(exportDialogSummary(summary))
	}
	if d.done != nil {
		d.done(summary, err)
	}
}

func (d *exportDialog) onClose() {
	if d.cancel != nil {
		d.cancel()
		return
	}
	d.dlg.Hide()
}

// onStatusChanged warns, before the export, how many of the chosen documents
// nobody marked done.
func (d *exportDialog) onStatusChanged() {
	if d.message == nil || d.cancel != nil {
		return
	}
	status := exportStatusValues[d.status.Selected]
	if status == annotate.StatusDone {
		d.message.SetText("")
		return
	}
	notDone := d.countDocuments(status)
	if status == "" {
		notDone -= d.countDocuments(annotate.StatusDone)
	}
	if notDone > 0 {
		d.message.SetText(fmt.Sprintf("%s not marked done (not reviewed) will be exported; in spacy output they carry no \"answer\".", plural(notDone, "document")))
	} else {
		d.message.SetText("")
	}
}

// exportDialogSummary is what the dialog says after an export.
func exportDialogSummary(s dataset.ExportSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Exported %s%s with %s to %s.", plural(s.Documents, "document"), dataset.ByStatus(s.ByStatus), plural(s.Spans, "annotation"), strings.Join(s.Files, ", "))
	changed, dropped := s.ChangedTotal(), s.DroppedTotal()
	if changed+dropped > 0 {
		fmt.Fprintf(&b, "\nBIO tags cannot hold every span: %d widened to whole tokens%s; %d dropped because they overlapped a longer span or covered no token%s.",
			changed, dataset.PerLabel(s.Changed), dropped, dataset.PerLabel(s.Dropped))
	}
	return b.String()
}

// defaultExportFolder is where exports go unless the user says otherwise: the
// Documents folder if there is one, else the home folder. A desktop app's
// working folder is wherever it was launched from, which means nothing to its
// user, so relative destinations are taken relative to this instead.
func defaultExportFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		if wd, err := os.Getwd(); err == nil {
			return wd
		}
		return "."
	}
	if info, err := os.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}
