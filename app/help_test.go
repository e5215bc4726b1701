package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// In the smallest window the workbench allows, every dialog keeps its rows at
// their natural height. A dialog taller than the window is squeezed to it by
// Fyne, and its form and box layouts then draw rows past the bottom, under the
// buttons; the dialogs scroll their bodies instead.
func TestDialogsFitTheSmallestWindowWithoutSqueezing(t *testing.T) {
	for name, open := range map[string]func(w *Workbench){
		"keyboard shortcuts": func(w *Workbench) { showShortcuts(w.win, w.dialogs.show) },
		"label guidelines":   func(w *Workbench) { showGuidelines(w.win, w.ed.Labels(), w.dialogs.show) },
		"import":             func(w *Workbench) { w.imports.onImport() },
		"export":             func(w *Workbench) { w.onExport() },
		"manage labels":      func(w *Workbench) { showLabelManager(w.ed, w.win, w.dialogs.show, w.showError) },
	} {
		t.Run(name, func(t *testing.T) {
			f := newWBFixture(t, "Text.")
			f.w.win.Resize(fyne.NewSize(minWindowWidth, minWindowHeight))
			open(f.w)
			top := f.w.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog")
			}
			walkObjects(top, func(o fyne.CanvasObject) {
				if c, ok := o.(*fyne.Container); ok && c.Visible() && c.Size().Height+1 < c.MinSize().Height {
					t.Errorf("a %T of %d objects is %.0f high, it needs %.0f", c.Layout, len(c.Objects), c.Size().Height, c.MinSize().Height)
				}
			})
		})
	}
}

// In a normal window the import and export forms show whole, with no scroll bar.
func TestDialogsShowTheirWholeBodyInANormalWindow(t *testing.T) {
	for name, open := range map[string]func(w *Workbench){
		"import": func(w *Workbench) { w.imports.onImport() },
		"export": func(w *Workbench) { w.onExport() },
	} {
		t.Run(name, func(t *testing.T) {
			f := newWBFixture(t, "Text.")
			open(f.w)
			// The progress bar shows up while the dialog is open; its room
			// must be there from the start.
			walkObjects(f.w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
				switch p := o.(type) {
				case *widget.ProgressBar:
					p.Show()
				case *widget.ProgressBarInfinite:
					p.Show()
				}
			})
			scrolls := 0
			walkObjects(f.w.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
				if s, ok := o.(*container.Scroll); ok && s.Direction == container.ScrollVerticalOnly {
					scrolls++
					if s.Size().Height+1 < s.Content.MinSize().Height {
						t.Errorf("the body scrolls: %.0f shown of %.0f", s.Size().Height, s.Content.MinSize().Height)
					}
				}
			})
			if scrolls == 0 {
				t.Fatal("no scrolling body found")
			}
		})
	}
}
