package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
	"github.com/newsmark/newsmark/app/editor"
)

// importer brings files into the library: Open files…, Open folder…, drag and
// drop, files named on the command line and the Import dialog. It gets the narrow
// things it needs from the workbench.
type importer struct {
	ed        *editor.Editor
	win       fyne.Window
	tasks     *sync.WaitGroup // background imports, for tests to wait on
	dialogs   *dialogStack
	showError func(error)
	flash     func(message string)
	open      func(docID int64) bool // opens a document on screen
}

// onOpenFiles picks a file to import and open; the picker lists only the types
// import reads. Fyne's file dialog picks one file; Open folder… and drag and drop
// take many.
func (im *importer) onOpenFiles() {
	im.dialogs.track(pickFile(im.win, dataset.ImportableExtensions(), func(path string, err error) {
		if err != nil {
			im.showError(fmt.Errorf("open file: %w", err))
			return
		}
		if path != "" {
			im.importPaths([]string{path}, nil)
		}
	}))
}

// onOpenFolder imports every readable file under a folder.
func (im *importer) onOpenFolder() {
	im.dialogs.track(pickFolder(im.win, func(path string, err error) {
		if err != nil {
			im.showError(fmt.Errorf("open folder: %w", err))
			return
		}
		if path != "" {
			im.importPaths([]string{path}, nil)
		}
	}))
}

// onDropped imports files and folders dropped onto the window.
func (im *importer) onDropped(_ fyne.Position, uris []fyne.URI) {
	paths := make([]string, 0, len(uris))
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		im.importPaths(paths, nil)
	}
}

// onImport opens the full import dialog (format, offsets, annotator...).
func (im *importer) onImport() {
	im.dialogs.track(showImportDialog(im.win, im.ed.Store(), im.onImportDialogDone))
}

// onImportDialogDone shows what the import dialog stored and makes its spans
// searchable (off the UI goroutine: an import can bring thousands).
func (im *importer) onImportDialogDone(result annotate.ImportResult) {
	im.afterImport(result)
	im.tasks.Add(1)
	go func() {
		defer im.tasks.Done()
		im.ed.RefreshIndexFor(result.DocIDs)
	}()
}

// importPaths reads files or folders in the background, with a progress dialog,
// stores them and opens the first document they map to. Bad files do not stop the
// good ones: they are listed afterwards with file, line and problem. done, if set,
// runs on the UI goroutine at the end.
func (im *importer) importPaths(paths []string, done func(annotate.ImportResult, error)) {
	count := widget.NewLabel("Reading " + describePaths(paths) + "…")
	count.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Importing", container.NewVBox(count, bar), im.win)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()
	report := func(n int) { count.SetText(fmt.Sprintf("Imported %s…", plural(n, "document"))) }

	im.tasks.Add(1)
	go func() {
		defer im.tasks.Done()
		result, err := im.importInBackground(paths, report)
		fyne.Do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				im.showError(fmt.Errorf("import %s: %w", describePaths(paths), err))
			} else {
				im.afterImport(result)
			}
			if done != nil {
				done(result, err)
			}
		})
	}()
}

// importInBackground reads and stores paths and indexes their spans; it runs off
// the UI goroutine and reports progress through report on the UI goroutine.
func (im *importer) importInBackground(paths []string, report func(docs int)) (annotate.ImportResult, error) {
	// Progress arrives per record; only the latest count matters, so updates are
	// coalesced instead of queueing one UI call per record.
	progress := throttledProgress(report)
	records := dataset.Read(paths, dataset.ReadOptions{Format: dataset.Format("auto")})
	result, err := im.ed.Store().Import(context.Background(), records, annotate.ImportOptions{
		Annotator:   im.ed.Annotator(),
		SkipInvalid: true,
		Progress:    progress,
	})
	if err != nil {
		return result, err
	}
	im.ed.RefreshIndexFor(result.DocIDs)
	return result, nil
}

// afterImport shows what an import brought and opens its first document.
func (im *importer) afterImport(result annotate.ImportResult) {
	im.showError(im.ed.ReloadLabels())
	im.showError(im.ed.ReloadDocuments())
	if len(result.DocIDs) > 0 {
		im.open(result.DocIDs[0])
	}
	im.flash(importSummary(result))
	if len(result.Invalid) > 0 {
		im.showImportProblems(result)
	} else if len(result.DocIDs) == 0 {
		im.showError(errors.New("nothing to import: no text or dataset files were found there"))
	}
}

// showImportProblems lists the files or lines that could not be imported.
func (im *importer) showImportProblems(result annotate.ImportResult) {
	var b strings.Builder
	for i, p := range result.Invalid {
		if i == annotate.MaxReportedErrors {
			fmt.Fprintf(&b, "… and %d more\n", len(result.Invalid)-i)
			break
		}
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	text := widget.NewLabel(strings.TrimSpace(b.String()))
	text.Wrapping = fyne.TextWrapWord
	title, intro := importProblemsWording(result)
	introLabel := widget.NewLabel(intro)
	introLabel.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(520, 200))
	d := dialog.NewCustom(title, "Close", container.NewBorder(introLabel, nil, nil, nil, scroll), im.win)
	im.dialogs.show(d)
}

// importProblemsWording titles the list of files that failed, saying plainly
// when nothing at all came in.
func importProblemsWording(r annotate.ImportResult) (title, intro string) {
	if r.Documents == 0 && r.Duplicates == 0 {
		return "Nothing was imported", "None of these could be imported:"
	}
	return "Some files were not imported", importSummary(r) + ". These could not be imported:"
}

// importSummary is one line on what an import did.
func importSummary(r annotate.ImportResult) string {
	if r.Documents == 0 && r.Duplicates == 0 && r.Spans == 0 {
		return "Nothing imported"
	}
	parts := []string{"Imported " + plural(r.Documents, "document")}
	if r.Duplicates > 0 {
		parts = append(parts, plural(r.Duplicates, "already stored document"))
	}
	if r.Spans > 0 {
		parts = append(parts, plural(r.Spans, "annotation"))
	}
	if len(r.LabelsCreated) > 0 {
		parts = append(parts, "new labels "+strings.Join(r.LabelsCreated, ", "))
	}
	if r.SpansOtherAnnotators > 0 {
		parts = append(parts, plural(r.SpansOtherAnnotators, "annotation")+" by "+strings.Join(r.OtherAnnotators, ", ")+" skipped")
	}
	return strings.Join(parts, ", ")
}

// describePaths names what is being imported in a message.
func describePaths(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprintf("%s and %d more", paths[0], len(paths)-1)
}
