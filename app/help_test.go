package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestShortcutsFitASmallWindowWithoutSqueezing(t *testing.T) {
	f := newWBFixture(t, "Text.")
	f.w.win.Resize(fyne.NewSize(minWindowWidth, minWindowHeight))
	f.w.onShowShortcuts()
	top := f.w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	// A dialog taller than the window is squeezed to it, and Fyne's form layout
	// then draws its rows past the bottom, under the Close button.
	walkObjects(top, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && c.Visible() && c.Size().Height+1 < c.MinSize().Height {
			t.Errorf("a %T of %d objects is %.0f high, it needs %.0f", c.Layout, len(c.Objects), c.Size().Height, c.MinSize().Height)
		}
	})
}
