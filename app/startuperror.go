package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/assets"
)

// startupErrorHint is what the user can do whatever the cause; the error itself
// says what went wrong with which file (storage writes those messages for people).
const startupErrorHint = "Nothing in the file was changed. To work on another database meanwhile, " +
	"start Newsmark from a terminal with: newsmark --db PATH"

// NewStartupErrorWindow builds the window that says why the workbench could not
// start: its database is locked, corrupt or from a newer Newsmark. Someone who
// started the app from a desktop icon would otherwise see nothing at all.
func NewStartupErrorWindow(a fyne.App, err error) fyne.Window {
	a.Settings().SetTheme(withReadableText(a.Settings().Theme()))
	win := a.NewWindow("Newsmark")
	win.SetIcon(fyne.NewStaticResource("newsmark.png", assets.IconPNG()))

	heading := widget.NewLabelWithStyle("Newsmark could not open its database", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	message := widget.NewLabel(err.Error())
	message.Wrapping = fyne.TextWrapWord
	message.Selectable = true
	hint := widget.NewLabel(startupErrorHint)
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance

	copyButton := widget.NewButtonWithIcon("Copy message", theme.ContentCopyIcon(), func() {
		a.Clipboard().SetContent(err.Error())
	})
	quit := widget.NewButton("Quit", win.Close)
	quit.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), copyButton, quit)

	icon := widget.NewIcon(theme.ErrorIcon())
	body := container.NewBorder(nil, buttons, container.NewVBox(icon), nil,
		container.NewVBox(heading, message, hint))
	win.SetContent(container.NewPadded(body))
	win.Resize(fyne.NewSize(560, 240))
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyReturn {
			win.Close()
		}
	})
	win.CenterOnScreen()
	return win
}

// ShowStartupError shows the startup error window and runs the app until the
// user closes it.
func ShowStartupError(a fyne.App, err error) {
	NewStartupErrorWindow(a, err).ShowAndRun()
}
