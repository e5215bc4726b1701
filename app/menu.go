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
		item("Open files…", shortcut(fyne.KeyO, 0), w.onOpenFiles),
		item("Open folder…", shortcut(fyne.KeyO, fyne.KeyModifierShift), w.onOpenFolder),
		fyne.NewMenuItemSeparator(),
		item("Import…", shortcut(fyne.KeyI, 0), w.onImport),
		item("Export…", shortcut(fyne.KeyE, 0), w.onExport),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, w.onUndoShortcut),
		item("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), w.onRedoShortcut),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete annotation", w.onDeleteAnnotation),
		fyne.NewMenuItemSeparator(),
		item("Find…", shortcut(fyne.KeyF, 0), w.onFind),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Annotator name…", w.onAnnotatorName),
	)
	document := fyne.NewMenu("Document",
		item("Next", shortcut(fyne.KeyPageDown, 0), w.onNextDocument),
		item("Previous", shortcut(fyne.KeyPageUp, 0), w.onPreviousDocument),
		item("Mark done", shortcut(fyne.KeyReturn, 0), w.onMarkDone),
		fyne.NewMenuItem("Reopen (mark in progress)", w.onReopen),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete document…", w.onDeleteDocument),
	)
	view := fyne.NewMenu("View",
		item("Larger text", shortcut(fyne.KeyEqual, 0), func() { w.onTextSize(+1) }),
		item("Smaller text", shortcut(fyne.KeyMinus, 0), func() { w.onTextSize(-1) }),
		item("Actual size", shortcut(fyne.Key0, 0), func() { w.onTextSize(0) }),
	)
	labels := fyne.NewMenu("Labels",
		fyne.NewMenuItem("Manage labels…", w.onManageLabels),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", w.onShowShortcuts),
		fyne.NewMenuItem("Label guidelines", w.onShowGuidelines),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("About Newsmark", w.onAbout),
	)
	return fyne.NewMainMenu(file, edit, view, document, labels, help)
}

// addWindowShortcuts adds the second keys of actions whose menu item shows the
// first (a menu item holds one shortcut): Ctrl+Y for redo, Ctrl+K for find and the
// keypad's Enter for Mark done. Canvas shortcuts fire when nothing has the focus or
// the focused widget passes shortcuts on, as the document view does; in a text
// field Ctrl+Y stays the field's own redo.
func (w *Workbench) addWindowShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.onRedoShortcut() })
	c.AddShortcut(shortcut(fyne.KeyK, 0).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onFind() })
	c.AddShortcut(shortcut(fyne.KeyEnter, 0).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onMarkDone() })
	// Ctrl++ is Ctrl+Shift+= on most keyboards, or the keypad's plus.
	c.AddShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onTextSize(+1) })
	c.AddShortcut(shortcut(fyne.KeyPlus, 0).(*desktop.CustomShortcut), func(fyne.Shortcut) { w.onTextSize(+1) })
}

// onUndoShortcut undoes in a text field the field's own typing, and elsewhere the
// last annotation edit: the menu sees Ctrl+Z before the focused widget does. While
// a dialog or panel is open it does not touch annotations hidden behind it.
func (w *Workbench) onUndoShortcut() {
	if field := w.focusedTextField(); field != nil {
		field.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if w.win.Canvas().Overlays().Top() == nil {
		w.onUndo()
	}
}

// onRedoShortcut is onUndoShortcut's counterpart.
func (w *Workbench) onRedoShortcut() {
	if field := w.focusedTextField(); field != nil {
		field.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	if w.win.Canvas().Overlays().Top() == nil {
		w.onRedo()
	}
}

// focusedTextField is the focused widget other than the document view that takes
// shortcuts itself (an entry: filter, note, search box), if any.
func (w *Workbench) focusedTextField() fyne.Shortcutable {
	focused := w.win.Canvas().Focused()
	if focused == nil || focused == fyne.Focusable(w.view) {
		return nil
	}
	if field, ok := focused.(fyne.Shortcutable); ok {
		return field
	}
	return nil
}
