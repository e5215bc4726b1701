package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFilePickersTakeMostOfTheWindow(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	win.Resize(fyne.NewSize(1200, 800))
	pickFile(win, nil, func(string, error) {})
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no picker shown")
	}
	var widest fyne.Size
	walkObjects(top, func(o fyne.CanvasObject) {
		if s := o.Size(); s.Width > widest.Width && s.Width < win.Canvas().Size().Width {
			widest = s
		}
	})
	canvas := win.Canvas().Size()
	if widest.Width < canvas.Width*0.8 || widest.Height < canvas.Height*0.8 {
		t.Errorf("picker %v in a %v window, want about 85%% of it", widest, canvas)
	}
}

func TestEscClosesTheOpenFilesPickerAndTheDocumentGetsTheKeys(t *testing.T) {
	f := newWBFixture(t, "Some text.")
	f.w.imports.onOpenFiles()
	if f.w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no picker shown")
	}
	f.w.onCanvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := f.w.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc left the picker open: %T", top)
	}
	if got := f.w.win.Canvas().Focused(); got != f.w.view {
		t.Errorf("after the picker closed the focus is on %T, want the document view", got)
	}
}

func TestEscClosesImportAndExportAndTheDocumentGetsTheKeys(t *testing.T) {
	for name, open := range map[string]func(w *Workbench){
		"import": func(w *Workbench) { w.imports.onImport() },
		"export": func(w *Workbench) { w.onExport() },
	} {
		t.Run(name, func(t *testing.T) {
			f := newWBFixture(t, "Some text.")
			open(f.w)
			if f.w.win.Canvas().Overlays().Top() == nil {
				t.Fatal("no dialog shown")
			}
			f.w.onCanvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if top := f.w.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("Esc left the dialog open: %T", top)
			}
			if len(f.w.dialogs.open) != 0 {
				t.Errorf("%d dialogs still tracked", len(f.w.dialogs.open))
			}
			if got := f.w.win.Canvas().Focused(); got != f.w.view {
				t.Errorf("after the dialog closed the focus is on %T, want the document view", got)
			}
		})
	}
}
