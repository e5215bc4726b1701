package app

import (
	"fyne.io/fyne/v2"
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
