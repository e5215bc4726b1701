package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is Ctrl+key (Cmd+key on macOS) with extra modifiers.
func shortcut(key fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | extra}
}

// buildMainMenu puts every app shortcut on a main-menu item: the GLFW driver checks
// the menu before the focused widget, so the shortcuts work while the document view
// (which takes keys) has the focus. Ctrl+Z and Ctrl+Y arrive as Fyne's standard
// Undo/Redo shortcuts, so those items use them.
func (w *Workbench) buildMainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	quit := item("Quit", shortcut(fyne.KeyQ, 0), w.onQuit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Open files…", shortcut(fyne.KeyO, 0), w.imports.onOpenFiles),
		item("Open folder…", shortcut(fyne.KeyO, fyne.KeyModifierShift), w.imports.onOpenFolder),
		item("New from clipboard…", shortcut(fyne.KeyV, fyne.KeyModifierShift), w.imports.onNewFromClipboard),
		fyne.NewMenuItemSeparator(),
		item("Import…", shortcut(fyne.KeyI, 0), w.imports.onImport),
		item("Export…", shortcut(fyne.KeyE, 0), w.onExport),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Back up now…", w.dbCare.onBackUpNow),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	everywhere := fyne.NewMenuItem("Tag all occurrences in every document", func() {
		w.prec.setEverywhere(!w.prec.everywhere())
		w.win.SetMainMenu(w.buildMainMenu())
	})
	everywhere.Checked = w.prec.everywhere()
	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, w.textFirst(&fyne.ShortcutUndo{}, w.onUndo)),
		item("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), w.textFirst(&fyne.ShortcutRedo{}, w.onRedo)),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete annotation", w.onDeleteAnnotation),
		fyne.NewMenuItemSeparator(),
		item("Find in document…", shortcut(fyne.KeyF, 0), func() { w.find.open(w.win.Canvas()) }),
		item("Search annotations…", shortcut(fyne.KeyK, 0), w.onFind),
		fyne.NewMenuItemSeparator(),
		item("Tag all occurrences", shortcut(fyne.KeyA, fyne.KeyModifierShift), func() { w.prec.onTagOccurrences(w.selectedAnnotation()) }),
		everywhere,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Annotator name…", w.annotator.onAnnotatorName),
	)
	document := fyne.NewMenu("Document",
		item("Next", shortcut(fyne.KeyPageDown, 0), func() { w.stepDocument(+1) }),
		item("Previous", shortcut(fyne.KeyPageUp, 0), func() { w.stepDocument(-1) }),
		item("Mark done", shortcut(fyne.KeyReturn, 0), w.onMarkDone),
		fyne.NewMenuItem("Reopen (mark in progress)", w.onReopen),
		fyne.NewMenuItemSeparator(),
		item("Document information…", shortcut(fyne.KeyI, fyne.KeyModifierShift), func() { showDocumentInfo(w.ed, w.win, w.dialogs.show) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete document…", w.onDeleteDocument),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Agreement…", w.cur.onAgreement),
		fyne.NewMenuItem("Accept all agreed (curation)", w.cur.onAcceptAgreed),
	)
	view := fyne.NewMenu("View", append([]*fyne.MenuItem{
		item("Larger text", shortcut(fyne.KeyEqual, 0), func() { w.onTextSize(+1) }),
		item("Smaller text", shortcut(fyne.KeyMinus, 0), func() { w.onTextSize(-1) }),
		item("Actual size", shortcut(fyne.Key0, 0), func() { w.onTextSize(0) }),
		fyne.NewMenuItemSeparator(),
		item("Overview…", shortcut(fyne.KeyD, fyne.KeyModifierShift), func() { showOverview(w.app, w.ed.Store()) }),
		fyne.NewMenuItem("Sources ledger…", w.links.onSourcesLedger),
		fyne.NewMenuItem("Casualties…", w.links.onCasualties),
		fyne.NewMenuItem("Suggestions panel", w.sugs.panel.reveal),
		fyne.NewMenuItemSeparator(),
	}, w.viewSet.menuItems()...)...)
	view.Items = append(view.Items, w.direction.menuItem())
	view.Items = append(view.Items, w.cur.layerMenuItems()...)
	labels := fyne.NewMenu("Labels",
		fyne.NewMenuItem("Manage labels…", func() { showLabelManager(w.ed, w.win, w.dialogs.show, w.showError) }),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", func() { showShortcuts(w.win, w.dialogs.show) }),
		fyne.NewMenuItem("Label guidelines", func() { showGuidelines(w.win, w.ed.Labels(), w.dialogs.show) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Check database…", w.dbCare.onCheckDatabase),
		fyne.NewMenuItem("About Newsmark", func() { showAbout(w.app, w.win, w.ed.Store(), w.dialogs.show) }),
	)
	return fyne.NewMainMenu(file, edit, view, document, labels, help)
}

// addWindowShortcuts adds the second keys of actions whose menu item shows the
// first (a menu item holds one shortcut): Ctrl+Y for redo, Ctrl+Shift+F for the
// annotation search and the keypad's Enter for Mark done, and the keys that
// resize the selected span. Canvas shortcuts fire when nothing has the focus or
// the focused widget passes shortcuts on, as the document view does; in a text
// field Ctrl+Y stays the field's own redo.
func (w *Workbench) addWindowShortcuts() {
	c := w.win.Canvas()
	redo := w.textFirst(&fyne.ShortcutRedo{}, w.onRedo)
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { redo() })
	c.AddShortcut(shortcut(fyne.KeyF, fyne.KeyModifierShift).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onFind() })
	w.prec.addResizeShortcuts(c, w.selectedAnnotation)
	c.AddShortcut(shortcut(fyne.KeyEnter, 0).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onMarkDone() })
	// Ctrl++ is Ctrl+Shift+= on most keyboards, or the keypad's plus.
	c.AddShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onTextSize(+1) })
	c.AddShortcut(shortcut(fyne.KeyPlus, 0).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onTextSize(+1) })
}

// textFirst makes a handler for Undo or Redo, which the menu sees before the
// focused widget does: a focused text field (filter, note, search box) takes the
// shortcut for its own typing; otherwise, with no dialog or panel open (it would
// hide the annotations changed), action undoes or redoes an annotation edit.
func (w *Workbench) textFirst(sc fyne.Shortcut, action func()) func() {
	return func() {
		c := w.win.Canvas()
		if focused := c.Focused(); focused != nil && focused != fyne.Focusable(w.view) {
			if field, ok := focused.(fyne.Shortcutable); ok {
				field.TypedShortcut(sc)
				return
			}
		}
		if c.Overlays().Top() == nil {
			action()
		}
	}
}
