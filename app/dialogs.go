package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
)

// dialogStack is the workbench's open dialogs, newest last, so that Esc dismisses
// the top one (Fyne dialogs take Esc only when a button has the focus) and the
// keyboard focus goes back to the document when the last one closes.
type dialogStack struct {
	open    []dialog.Dialog
	onEmpty func() // the last dialog closed
}

// show shows a dialog and tracks it.
func (s *dialogStack) show(d dialog.Dialog) {
	s.track(d)
	d.Show()
}

// track makes an already shown dialog close on Esc and give the focus back to the
// document when it closes (Fyne's file pickers are shown by their helpers).
func (s *dialogStack) track(d dialog.Dialog) {
	s.open = append(s.open, d)
	d.SetOnClosed(func() { s.forget(d) })
}

func (s *dialogStack) forget(d dialog.Dialog) {
	for i := len(s.open) - 1; i >= 0; i-- {
		if s.open[i] == d {
			s.open = append(s.open[:i], s.open[i+1:]...)
			break
		}
	}
	if len(s.open) == 0 && s.onEmpty != nil {
		s.onEmpty()
	}
}

// closeTop hides the newest dialog, if any.
func (s *dialogStack) closeTop() {
	if len(s.open) > 0 {
		s.open[len(s.open)-1].Hide()
	}
}

// onCanvasKey receives keys no widget has taken: Esc closes the top dialog.
func (w *Workbench) onCanvasKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		w.dialogs.closeTop()
	}
}

// closingDialog is a shown dialog whose Hide goes through its own Close
// action, so that Esc on an import or export that is running cancels it first,
// as the Close button does, instead of hiding it while it runs on.
type closingDialog struct {
	dialog.Dialog
	close func()
}

// A pointer, because the workbench finds its open dialogs by comparing them
// (a struct holding a func cannot be compared).
func (c *closingDialog) Hide() { c.close() }

// dialogChrome is the height a dialog adds around its content: title, padding
// and the button row (which fitToWindow keeps outside the scrolling part).
const dialogChrome = 150

// fitToWindow lays out a dialog body above its buttons so that in a window too
// short for the whole body the body scrolls and the buttons stay in view.
// (Fyne squeezes a too-tall dialog to the window, and its form and box layouts
// then draw their rows past the bottom, under the buttons.)
//
// later are parts of the body that are hidden now and show up while the dialog
// is open (a progress bar): their room is kept from the start, because Fyne
// grows an open dialog's frame but not the content laid out inside it.
func fitToWindow(win fyne.Window, body, buttons fyne.CanvasObject, later ...fyne.CanvasObject) fyne.CanvasObject {
	scroll := container.NewVScroll(body)
	return container.NewBorder(nil, buttons, nil, nil, container.New(&fitLayout{win: win, body: body, later: later}, scroll))
}

// fitLayout asks for the body's whole height while the window has room for it.
// It asks on every layout, not once: bodies grow after they are built (the
// export dialog adds its label choices, a progress bar shows up).
type fitLayout struct {
	win   fyne.Window
	body  fyne.CanvasObject
	later []fyne.CanvasObject
}

func (l *fitLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	want := l.body.MinSize()
	for _, o := range l.later {
		if !o.Visible() {
			want.Height += o.MinSize().Height + theme.Padding()
		}
	}
	if room := l.win.Canvas().Size().Height - dialogChrome; room > 0 {
		want.Height = min(want.Height, room)
	}
	return want
}

func (l *fitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
