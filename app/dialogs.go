package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
)

// showDialog shows one of the workbench's dialogs so that Esc dismisses it (Fyne
// dialogs take Esc only when a button has the focus) and the keyboard focus goes
// back to the document afterwards.
func (w *Workbench) showDialog(d dialog.Dialog) {
	w.trackDialog(d)
	d.Show()
}

// trackDialog makes an already shown dialog close on Esc and give the focus back
// to the document when it closes (Fyne's file pickers are shown by their helpers).
func (w *Workbench) trackDialog(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() { w.forgetDialog(d) })
}

func (w *Workbench) forgetDialog(d dialog.Dialog) {
	for i := len(w.dialogs) - 1; i >= 0; i-- {
		if w.dialogs[i] == d {
			w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
			break
		}
	}
	if len(w.dialogs) == 0 {
		w.focusView()
	}
}

// onCanvasKey receives keys no widget has taken: Esc closes the top dialog.
func (w *Workbench) onCanvasKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && len(w.dialogs) > 0 {
		w.dialogs[len(w.dialogs)-1].Hide()
	}
}

// dialogChrome is the height a dialog adds around its content: title, padding
// and the button row (which fitToWindow keeps outside the scrolling part).
const dialogChrome = 150

// fitToWindow lays out a dialog body above its buttons so that in a window too
// short for the whole body the body scrolls and the buttons stay in view.
// (Fyne squeezes a too-tall dialog to the window, and its form and box layouts
// then draw their rows past the bottom, under the buttons.)
// extra reserves room for parts of the body that show later (a progress bar),
// so that at normal window sizes they do not make the body scroll.
func fitToWindow(win fyne.Window, body, buttons fyne.CanvasObject, extra float32) fyne.CanvasObject {
	scroll := container.NewVScroll(body)
	want := body.MinSize().AddWidthHeight(0, extra)
	if room := win.Canvas().Size().Height - dialogChrome; room > 0 {
		want.Height = min(want.Height, room)
	}
	scroll.SetMinSize(want)
	return container.NewBorder(nil, buttons, nil, nil, scroll)
}
