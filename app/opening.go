package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// onOpenFiles picks a file to import and open. Fyne's file dialog picks one file;
// Open folder… and drag and drop take many.
func (w *Workbench) onOpenFiles() {
	w.trackDialog(pickFile(w.win, func(path string, err error) {
		if err != nil {
			w.showError(fmt.Errorf("open file: %w", err))
			return
		}
		if path != "" {
			w.importPaths([]string{path}, nil)
		}
	}))
}

// onOpenFolder imports every readable file under a folder.
func (w *Workbench) onOpenFolder() {
	w.trackDialog(pickFolder(w.win, func(path string, err error) {
		if err != nil {
			w.showError(fmt.Errorf("open folder: %w", err))
			return
		}
		if path != "" {
			w.importPaths([]string{path}, nil)
		}
	}))
}

// onDropped imports files and folders dropped onto the window.
func (w *Workbench) onDropped(_ fyne.Position, uris []fyne.URI) {
	paths := make([]string, 0, len(uris))
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		w.importPaths(paths, nil)
	}
}

// onImport opens the full import dialog (format, offsets, annotator...).
func (w *Workbench) onImport() {
	w.trackDialog(showImportDialog(w.win, w.ed.Store(), w.onImportDialogDone))
}

// onImportDialogDone shows what the import dialog stored and makes its spans
// searchable (off the UI goroutine: an import can bring thousands).
func (w *Workbench) onImportDialogDone(result annotate.ImportResult) {
	w.afterImport(result)
	w.tasks.Add(1)
	go func() {
		defer w.tasks.Done()
		w.ed.RefreshIndexFor(result.DocIDs)
	}()
}

// onExport opens the export dialog.
func (w *Workbench) onExport() {
	w.annotations.flushNotes()
	w.trackDialog(showExportDialog(w.win, w.ed.Store()))
}

// importPaths reads files or folders in the background, with a progress dialog,
// stores them and opens the first document they map to. Bad files do not stop the
// good ones: they are listed afterwards with file, line and problem. done, if set,
// runs on the UI goroutine at the end.
func (w *Workbench) importPaths(paths []string, done func(annotate.ImportResult, error)) {
	count := widget.NewLabel("Reading " + describePaths(paths) + "…")
	count.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Importing", container.NewVBox(count, bar), w.win)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()
	report := func(n int) { count.SetText(fmt.Sprintf("Imported %s…", plural(n, "document"))) }

	w.tasks.Add(1)
	go func() {
		defer w.tasks.Done()
		result, err := w.importInBackground(paths, report)
		fyne.Do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				w.showError(fmt.Errorf("import %s: %w", describePaths(paths), err))
			} else {
				w.afterImport(result)
			}
			if done != nil {
				done(result, err)
			}
		})
	}()
}

// importInBackground reads and stores paths and indexes their spans; it runs off
// the UI goroutine and reports progress through report on the UI goroutine.
func (w *Workbench) importInBackground(paths []string, report func(docs int)) (annotate.ImportResult, error) {
	// Progress arrives per record; only the latest count matters, so updates are
	// coalesced instead of queueing one UI call per record.
	var latest atomic.Int64
	var queued atomic.Bool
	progress := func(n int) {
		latest.Store(int64(n))
		if queued.CompareAndSwap(false, true) {
			fyne.Do(func() {
				queued.Store(false)
				report(int(latest.Load()))
			})
		}
	}
	records := dataset.Read(paths, dataset.ReadOptions{Format: dataset.Format("auto")})
	result, err := w.ed.Store().Import(context.Background(), records, annotate.ImportOptions{
		Annotator:   w.ed.Annotator(),
		SkipInvalid: true,
		Progress:    progress,
	})
	if err != nil {
		return result, err
	}
	w.ed.RefreshIndexFor(result.DocIDs)
	return result, nil
}

// afterImport shows what an import brought and opens its first document.
func (w *Workbench) afterImport(result annotate.ImportResult) {
	w.showError(w.ed.ReloadLabels())
	w.showError(w.ed.ReloadDocuments())
	if len(result.DocIDs) > 0 {
		w.openDocument(result.DocIDs[0])
	}
	w.status.flash(importSummary(result))
	if len(result.Invalid) > 0 {
		w.showImportProblems(result)
	} else if len(result.DocIDs) == 0 {
		w.showError(errors.New("nothing to import: no text or dataset files were found there"))
	}
}

// showImportProblems lists the files or lines that could not be imported.
func (w *Workbench) showImportProblems(result annotate.ImportResult) {
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
	d := dialog.NewCustom(title, "Close", container.NewBorder(introLabel, nil, nil, nil, scroll), w.win)
	w.showDialog(d)
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
	return strings.Join(parts, ", ")
}

// describePaths names what is being imported in a message.
func describePaths(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprintf("%s and %d more", paths[0], len(paths)-1)
}

// onFind opens the search panel (Ctrl+F / Ctrl+K).
func (w *Workbench) onFind() {
	w.annotations.flushNotes()
	if w.search == nil {
		w.search = newSearchPanel(w.ed.Engine(), w.ed.Labels, w.onSearchOpen)
		w.search.onHidden = w.refocusView
		w.search.currentDoc = w.ed.DocID
		w.search.surroundings = w.spanSurroundings
	}
	w.search.Show(w.win)
}

// onSearchOpen opens a search result: its document, with the span selected.
// spanSurroundings reads the document text around a search result. A failure
// only costs the result its context, so it is not reported.
func (w *Workbench) spanSurroundings(rec annotate.SpanRecord) (before, after string) {
	// One code point more than is shown tells whether the context was cut.
	before, after, err := w.ed.Store().Surroundings(context.Background(), rec.DocID, rec.Start, rec.End, searchContextWidth+1)
	if err != nil {
		return "", ""
	}
	return before, after
}

func (w *Workbench) onSearchOpen(docID, spanID int64) {
	if w.ed.DocID() != docID && !w.openDocument(docID) {
		return
	}
	if s, ok := w.ed.Span(spanID); ok {
		w.selectSpan(s)
		return
	}
	w.focusView()
}
