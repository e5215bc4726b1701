package app

// Temporary stand-ins for functions other helpers are writing in this package
// (importdialog.go, exportdialog.go, searchpanel.go). Each is deleted as soon as the
// real one lands; none may remain.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

func showImportDialog(win fyne.Window, store annotate.Store, onDone func(annotate.ImportResult)) {
	dialog.ShowInformation("Import", "not yet available", win)
}

func showExportDialog(win fyne.Window, store annotate.Store) {
	dialog.ShowInformation("Export", "not yet available", win)
}

type searchPanel struct{}

func newSearchPanel(engine *search.Engine, labels func() []annotate.Label, onOpen func(docID, spanID int64)) *searchPanel {
	return &searchPanel{}
}

func (p *searchPanel) Show(win fyne.Window) {
	dialog.ShowInformation("Find", "not yet available", win)
}
