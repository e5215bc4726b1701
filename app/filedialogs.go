package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
)

// The pickers go through these helpers for their size. (They need no help to
// start where the user last was: Fyne remembers the last folder browsed.)
//
// Fyne's pickers open at a fixed small size (about 500×370 in a 1280×800 window),
// which shows three or four entries of a folder of articles. They take most of
// the window instead, within these bounds.
const (
	maxFileDialogWidth  = 1000
	maxFileDialogHeight = 700
)

// pickFile asks for an existing file; path is "" when cancelled. extensions, if
// any, are the only files it lists (".txt", ...). The pickers return the dialog,
// shown, for callers that track their dialogs (for Esc).
//
// Fyne's file dialog (v2.7) picks one file at a time; several files come in by
// Open folder…, by dropping them on the window or on the command line.
func pickFile(win fyne.Window, extensions []string, done func(path string, err error)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path, nil)
	}, win)
	if len(extensions) > 0 {
		// Fyne compares extensions as written: offer upper case too (.TXT).
		all := append([]string(nil), extensions...)
		for _, ext := range extensions {
			all = append(all, strings.ToUpper(ext))
		}
		d.SetFilter(fynestorage.NewExtensionFileFilter(all))
	}
	showPicker(d, win)
	return d
}

// pickFolder asks for a folder; path is "" when cancelled.
func pickFolder(win fyne.Window, done func(path string, err error)) *dialog.FileDialog {
	d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err != nil || uri == nil {
			done("", err)
			return
		}
		done(uri.Path(), nil)
	}, win)
	showPicker(d, win)
	return d
}

// pickSaveFile asks where to save, suggesting name; path is "" when cancelled.
// The file the dialog creates is closed at once: callers write through their own
// temporary file and rename.
func pickSaveFile(win fyne.Window, name string, done func(path string, err error)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			done("", err)
			return
		}
		path := w.URI().Path()
		w.Close()
		done(path, nil)
	}, win)
	d.SetFileName(name)
	showPicker(d, win)
	return d
}

func showPicker(d *dialog.FileDialog, win fyne.Window) {
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(maxFileDialogWidth, size.Width*0.85), min(maxFileDialogHeight, size.Height*0.85)))
	d.Show()
}
