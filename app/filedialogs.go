package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// prefLastFolder is the folder the file pickers start in: where the user last
// picked something. Researchers open, import and export from the same few folders
// all day; Fyne's pickers would otherwise start in the home folder every time.
const prefLastFolder = "dialog.folder"

// Fyne's pickers open at a fixed small size (about 500×370 in a 1280×800 window),
// which shows three or four entries of a folder of articles. They take most of
// the window instead, within these bounds.
const (
	maxFileDialogWidth  = 1000
	maxFileDialogHeight = 700
)

// pickFile asks for an existing file; path is "" when cancelled.
func pickFile(win fyne.Window, done func(path string, err error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		rememberFolder(filepath.Dir(path))
		done(path, nil)
	}, win)
	showPicker(d, win)
}

// pickFolder asks for a folder; path is "" when cancelled.
func pickFolder(win fyne.Window, done func(path string, err error)) {
	d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err != nil || uri == nil {
			done("", err)
			return
		}
		// Start next time beside this folder, where its siblings are.
		rememberFolder(filepath.Dir(uri.Path()))
		done(uri.Path(), nil)
	}, win)
	showPicker(d, win)
}

// pickSaveFile asks where to save, suggesting name; path is "" when cancelled.
// The file the dialog creates is closed at once: callers write through their own
// temporary file and rename.
func pickSaveFile(win fyne.Window, name string, done func(path string, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			done("", err)
			return
		}
		path := w.URI().Path()
		w.Close()
		rememberFolder(filepath.Dir(path))
		done(path, nil)
	}, win)
	d.SetFileName(name)
	showPicker(d, win)
}

func showPicker(d *dialog.FileDialog, win fyne.Window) {
	if folder := lastFolder(); folder != nil {
		d.SetLocation(folder)
	}
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(maxFileDialogWidth, size.Width*0.85), min(maxFileDialogHeight, size.Height*0.85)))
	d.Show()
}

func rememberFolder(dir string) {
	if a := fyne.CurrentApp(); a != nil && dir != "" {
		a.Preferences().SetString(prefLastFolder, dir)
	}
}

// lastFolder is the remembered folder if it still exists.
func lastFolder() fyne.ListableURI {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	dir := a.Preferences().String(prefLastFolder)
	if dir == "" {
		return nil
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	uri, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return uri
}
