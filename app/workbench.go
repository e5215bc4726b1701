// Package app is Newsmark's desktop workbench: the Fyne window in which a researcher
// reads an article, selects spans and tags them. It builds on a fyne.App it is given
// (main.go makes the real one; tests pass fyne.io/fyne/v2/test's) and talks to the
// database only through annotate.Store.
package app

import (
	"cmp"
	"fmt"
	"os"
	"os/signal"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/casualty"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/searchpanel"
	"github.com/newsmark/newsmark/assets"
)

// Options say what the workbench opens at start.
type Options struct {
	ImportPaths []string // files/folders named on the command line: imported (with progress) and the first opened
	Annotator   string   // "" = preference "annotator", else the OS user name
	OpenDocID   int64    // open this document (the sample on first start); 0 = the last document from preferences, else the first
	// Patterns extend the built-in suggestion rules (nil for none); PatternsErr,
	// if set, is shown at start: the pattern file was not used.
	Patterns    *suggest.Patterns
	PatternsErr error
}

// Workbench is the main window: document library, label palette, document view,
// annotation list and status bar, with the editing actions that tie them together.
type Workbench struct {
	app   fyne.App
	win   fyne.Window
	prefs fyne.Preferences
	ed    *editor.Editor // the open document and every edit; the window renders it

	// tasks counts background work (imports, index loads) so tests can wait for it.
	tasks sync.WaitGroup

	view        *docview.View
	library     *library
	palette     *palette
	annotations *annotationList
	status      *statusBar
	emptyHint   fyne.CanvasObject
	docArea     *fyne.Container
	search      *searchpanel.Panel
	imports     *importer
	docText     *documentText // the document view's text size
	dialogs     dialogStack   // open dialogs, for Esc
	prec        *precision    // punctuation rule, resizing, tag all occurrences
	cur         *curation     // layers, the curation view, the Agreement window
	find        *findBar      // Find in document (Ctrl+F)
	viewSet     *viewSettings // View ▸ Theme, Full width, exact selection

	attrs     *attrForm        // the selected annotation's attributes and links (issue 11)
	links     *linker          // link source (L), Sources ledger, Casualties
	dbCare    *databaseCare    // File ▸ Back up now…, Help ▸ Check database…
	external  *externalChanges // rereads what other processes commit
	annotator *annotatorName   // Edit ▸ Annotator name…
	sugs      *suggestionKeys  // the rules' proposals: drawn dashed, N / P / A / X (issue 12)
	direction *textDirection   // View ▸ Text direction, remembered per document (issue 16)
}

// NewWorkbench builds the main window on a (real or test) fyne.App.
func NewWorkbench(a fyne.App, store annotate.Store, opts Options) *Workbench {
	w := &Workbench{app: a, prefs: a.Preferences()}
	w.dialogs.onEmpty = w.refocusView
	w.ed = editor.New(store, editor.Options{
		Annotator: resolveAnnotator(opts.Annotator, w.prefs, osLoginName),
		Do:        fyne.Do,
		Tasks:     &w.tasks,

		ParseCasualty: casualty.SpanAttrs,
		Suggest:       ruleSuggestions(opts.Patterns),
	})
	a.Settings().SetTheme(withReadableText(a.Settings().Theme()))

	icon := fyne.NewStaticResource("newsmark.png", assets.IconPNG())
	if a.Icon() == nil {
		a.SetIcon(icon)
	}
	w.win = a.NewWindow("Newsmark")
	// The status bar and the annotation list are built later (build), so these
	// reach them through closures.
	flash := func(message string) { w.status.flash(message) }
	w.imports = &importer{
		ed: w.ed, win: w.win, tasks: &w.tasks, dialogs: &w.dialogs, showError: w.showError,
		flash: flash,
		open:  w.openDocument,
	}
	w.dbCare = &databaseCare{
		ed: w.ed, win: w.win, dialogs: &w.dialogs, tasks: &w.tasks,
		flash: flash, showError: w.showError,
	}
	w.external = &externalChanges{ed: w.ed, flushNotes: func() { w.annotations.flushNotes() }, flash: flash}
	w.annotator = &annotatorName{
		ed: w.ed, prefs: w.prefs, win: w.win, dialogs: &w.dialogs,
		showName: func(name string) { w.status.setAnnotator(name) },
		flash:    flash, showError: w.showError,
	}
	w.win.SetIcon(icon)
	w.win.SetContent(w.build())
	w.win.SetMainMenu(w.buildMainMenu())
	w.addWindowShortcuts()
	w.win.Canvas().SetOnTypedKey(w.onCanvasKey)
	w.win.SetOnDropped(w.imports.onDropped)
	w.win.SetOnClosed(w.saveSession)
	saved := loadSession(w.prefs)
	w.win.Resize(fyne.NewSize(
		max(minWindowWidth, cmp.Or(saved.WindowWidth, defaultWindowWidth)),
		max(minWindowHeight, cmp.Or(saved.WindowHeight, defaultWindowHeight)),
	))

	w.status.setAnnotator(w.ed.Annotator())
	w.ed.Subscribe(w.onEditorEvent)
	if opts.PatternsErr != nil {
		w.showError(fmt.Errorf("suggestions use the built-in rules only: %w", opts.PatternsErr))
	}
	w.showError(w.ed.ReloadLabels())
	w.showError(w.ed.ReloadDocuments())
	w.openInitialDocument(opts.OpenDocID)
	w.ed.LoadIndex()
	if len(opts.ImportPaths) > 0 {
		w.imports.importPaths(opts.ImportPaths, nil)
	}
	return w
}

// Window is the workbench's window.
func (w *Workbench) Window() fyne.Window { return w.win }

// ShowAndRun shows the window and runs the app until it quits or is told to
// stop by SIGINT or SIGTERM (then it quits as File > Quit does).
func (w *Workbench) ShowAndRun() {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, quitSignals...)
	defer signal.Stop(signals)
	quitOnSignal(signals, w.onQuit)
	takeOverQuitSignals(signals)
	stopWatching := make(chan struct{})
	defer close(stopWatching)
	w.external.watch(stopWatching)
	w.win.ShowAndRun()
}

// build lays out the window: library left, palette and document centre, annotations
// right, status bar along the bottom.
func (w *Workbench) build() fyne.CanvasObject {
	w.status = newStatusBar(w.ed, w.annotator.onAnnotatorName)
	w.view = docview.New()
	w.cur = &curation{
		app: w.app, win: w.win, ed: w.ed, view: w.view,
		flash: w.status.flash, setLayers: w.status.setLayers,
		selectSpan: w.selectSpan, showError: w.showError, focusView: w.focusView, openDocument: w.openDocument,
	}
	w.status.layer = newLayerSwitch(w.cur.onLayerChosen)
	w.cur.strips = newLayerStrips(w.view, w.cur.actions(), w.cur.onPick, func(r rune) { w.onTypedRune(r) })
	w.view.OnSelectionChanged = func(start, end int) { w.status.showSelection(start, end); w.sugs.onCaret(start, end) }
	w.view.OnHighlightSelected = func(id int64) {
		w.annotations.setSelected(id)
		w.attrs.show(id)
		w.cur.onHighlightSelected(id)
	}
	w.links = &linker{
		app: w.app, win: w.win, ed: w.ed, view: w.view,
		flash: w.status.flash, selectSpan: w.selectSpan, showError: w.showError,
		flushNotes: func() { w.annotations.flushNotes() }, openDocument: w.openDocument,
	}
	w.sugs = &suggestionKeys{
		ed: w.ed, view: w.view, flash: w.status.flash, showLeft: w.status.showSuggestionsLeft,
		selectSpan: w.selectSpan, showError: w.showError, focusView: w.focusView, showSelection: w.status.showSelection,
		win: w.win, dialogs: &w.dialogs,
	}
	w.sugs.panel = newSuggestionPanel(w.sugs.show, w.sugs.acceptAt, w.sugs.rejectAt)
	w.view.OnKey = func(name fyne.KeyName) bool { return w.links.onViewKey(name) || w.sugs.onKey(name) }
	w.view.OnTypedRune = w.onTypedRune
	w.view.OnDelete = w.onDeleteAnnotation
	w.prec = &precision{ed: w.ed, view: w.view, flash: w.status.flash, selectSpan: w.selectSpan, showError: w.showError, prefs: w.prefs}
	w.view.OnHighlightResized = w.prec.resize
	w.find = newFindBar(w.view, w.focusView, w.status.showSelection)

	w.library = newLibrary(func(id int64) { w.openDocument(id) })
	w.palette = newPalette(func(label string) { w.tag(label); w.focusView() })
	w.annotations = newAnnotationList(w.onAnnotationChosen, w.onNoteEdited)
	w.annotations.onNoteDone = w.focusView
	w.attrs = newAttrForm(w.ed, w.status.flash, w.showError, w.focusView)

	hint := widget.NewLabelWithStyle(platformKeys("Open files or a folder to start (Ctrl+O)"), fyne.TextAlignCenter, fyne.TextStyle{})
	hint.Importance = widget.LowImportance
	openFiles := widget.NewButton("Open files…", w.imports.onOpenFiles)
	openFolder := widget.NewButton("Open folder…", w.imports.onOpenFolder)
	w.emptyHint = container.NewCenter(container.NewVBox(hint, container.NewCenter(container.NewHBox(openFiles, openFolder))))
	w.emptyHint.Hide()
	// The document text size applies to the annotators' layers in the curation
	// view too, so that they wrap as the curated view does.
	w.docText = newDocumentText(w.cur.strips.area, w.prefs.FloatWithFallback(prefTextScale, 1), w.app.Settings())
	w.viewSet = newViewSettings(w.app, w.view, w.docText)
	w.viewSet.refresh = func() { w.win.SetMainMenu(w.buildMainMenu()) }
	w.direction = &textDirection{ed: w.ed, view: w.view, list: w.annotations, strips: w.cur.strips, showError: w.showError, refreshMenu: w.viewSet.refresh}
	column := container.New(w.viewSet.column, w.docText.override)
	w.viewSet.column.box = column
	w.docArea = container.NewStack(column, w.emptyHint)

	centre := container.NewBorder(container.NewVBox(w.palette.build(), w.find.build()), nil, nil, nil, w.docArea)
	side := container.NewVSplit(sidePanels(w.annotations.build(), w.sugs.panel), w.attrs.build())
	side.Offset = 0.6
	right := container.NewHSplit(centre, side)
	right.Offset = 0.7
	main := container.NewHSplit(w.library.build(), right)
	main.Offset = 0.2
	return w.palette.tip.over(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), w.status.build()), nil, nil, main))
}

// onEditorEvent redraws what an edit changed. The editor has committed the change
// and updated its state before it calls this.
func (w *Workbench) onEditorEvent(ev editor.Event) {
	switch ev.Kind {
	case editor.DocumentOpened:
		w.showOpenDocument()
		w.cur.refreshLayerSwitch()
	case editor.SpansChanged:
		w.refreshSpans()
	case editor.NoteChanged:
		// The list shows the editor's spans, which hold the new note; it is not
		// redrawn, so the note field being typed in keeps its caret.
	case editor.LabelsChanged:
		labels := w.ed.Labels()
		w.palette.setLabels(labels)
		w.annotations.setLabels(labels)
		w.refreshSpans()
	case editor.LibraryChanged:
		w.library.setDocuments(w.ed.Documents(), w.ed.DocID())
		w.updateEmptyState()
		w.status.showDocument()
	case editor.MetadataChanged:
		if ev.DocID == w.ed.DocID() {
			w.direction.apply()
		}
	case editor.DocumentChanged:
		if i := w.ed.DocIndex(ev.DocID); i >= 0 {
			w.library.updateDocument(w.ed.Documents()[i])
		}
		w.status.showDocument()
	case editor.SuggestionsChanged:
		w.sugs.refresh()
		if ev.Err != nil {
			w.status.flash("No suggestions: " + ev.Err.Error())
		}
	case editor.IndexFailed:
		w.status.flash("Search index incomplete: " + ev.Err.Error())
	}
}

// openInitialDocument opens the requested document, else the one open at the last
// quit (restoring its scroll position), else the first.
func (w *Workbench) openInitialDocument(requested int64) {
	docs := w.ed.Documents()
	if len(docs) == 0 {
		return
	}
	if requested != 0 && w.ed.DocIndex(requested) >= 0 {
		w.openDocument(requested)
		return
	}
	saved := loadSession(w.prefs)
	last := saved.Document
	if last != 0 && w.ed.DocIndex(last) >= 0 {
		w.openDocument(last)
		scroll, caret := saved.Scroll, saved.Caret
		restore := func() {
			// The caret first (Select scrolls to it), then the exact scroll: the
			// saved caret was on screen at that scroll, so keys act where the
			// reader left off rather than at offset 0, off screen.
			w.view.Select(caret, caret)
			w.view.SetScrollPosition(scroll)
			w.status.showSelection(w.view.Selection()) // the status bar says where it is
		}
		restore()
		// The view may not know its height until the window is laid out, so
		// restore again once the app runs.
		w.app.Lifecycle().SetOnStarted(func() {
			if w.ed.DocID() == last && w.view.Caret() == caret {
				restore()
			}
		})
		return
	}
	w.openDocument(docs[0].ID)
}

// openDocument shows a document with its annotations and gives the view the focus,
// caret at 0, ready for the keyboard.
func (w *Workbench) openDocument(id int64) bool {
	w.annotations.flushNotes()
	if err := w.ed.Open(id); err != nil {
		w.showError(err)
		return false
	}
	return true
}

// showOpenDocument puts the editor's open document (or none) on screen.
func (w *Workbench) showOpenDocument() {
	doc := w.ed.Doc()
	if doc == nil {
		w.view.SetText("")
		w.refreshSpans()
		w.library.setCurrent(0)
		w.win.SetTitle("Newsmark")
		w.updateEmptyState()
		w.status.showDocument()
		return
	}
	w.view.SetText(doc.Text)
	w.direction.apply()
	w.find.reset()
	w.refreshSpans()
	w.library.setCurrent(doc.ID)
	w.win.SetTitle("Newsmark — " + doc.Title)
	// Remembered at once, so that even a crash reopens this document.
	s := loadSession(w.prefs)
	s.Document, s.Scroll, s.Caret = doc.ID, 0, 0
	storeSession(w.prefs, s)
	w.updateEmptyState()
	w.status.showSelection(w.view.Selection())
	w.focusView()
}

// updateEmptyState swaps the document view for the start hint when there is nothing
// to show.
func (w *Workbench) updateEmptyState() {
	empty := len(w.ed.Documents()) == 0
	if empty || w.ed.Doc() == nil {
		w.view.Hide()
		if empty {
			w.emptyHint.Show()
		}
		return
	}
	w.emptyHint.Hide()
	w.view.Show()
}

// focusView puts the keyboard focus in the document view, where digits tag.
func (w *Workbench) focusView() {
	if w.ed.Doc() == nil || w.win.Canvas() == nil {
		return
	}
	w.win.Canvas().Focus(w.view)
}

// refocusView gives the keyboard back to the document after a dialog or panel
// closed. The view tracks Shift and Ctrl from key presses and releases, and a
// release made while the overlay had the keyboard never reached it (Ctrl+E,
// Esc, then Shift+Right moved by a word): focusing it afresh (FocusLost,
// FocusGained) clears that state.
func (w *Workbench) refocusView() {
	if w.ed.Doc() == nil || w.win.Canvas() == nil {
		return
	}
	if c := w.win.Canvas(); c.Focused() == fyne.Focusable(w.view) {
		c.Unfocus()
	}
	w.focusView()
}

// saveSession remembers the window size, the open document, its scroll offset and
// a caret on screen.
func (w *Workbench) saveSession() {
	w.annotations.flushNotes()
	s := loadSession(w.prefs)
	size := w.win.Canvas().Size()
	if size.Width >= minWindowWidth && size.Height >= minWindowHeight {
		s.WindowWidth, s.WindowHeight = size.Width, size.Height
	}
	if doc := w.ed.Doc(); doc != nil {
		s.Document = doc.ID
		// Read from the view at quit rather than tracked through OnScrolled:
		// ScrollToOffset and SetScrollPosition move it without that callback.
		s.Scroll = w.view.ScrollPosition()
		s.Caret = w.view.Caret()
		if !w.view.OffsetVisible(s.Caret) {
			s.Caret = w.view.FirstVisibleOffset()
		}
	}
	storeSession(w.prefs, s)
}

// onQuit saves the session and ends the app.
func (w *Workbench) onQuit() {
	w.saveSession()
	w.app.Quit()
}
