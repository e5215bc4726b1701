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
	pickFile(win, func(string, error) {})
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
