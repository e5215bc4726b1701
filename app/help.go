package app

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// shortcutHelp lists the keys in the order a new user needs them.
func shortcutHelp() [][2]string {
	return [][2]string{
		{"Drag", "select whole words (hold Alt for exact characters)"},
		{"Double / triple / fourth click", "select a word / its sentence / its paragraph"},
		{"Shift+arrows", "select by character, a letter with its marks or an emoji as one (never snapped); Left/Right move back/forward in reading order, so in Arabic or Hebrew Right moves the caret left on screen"},
		{"Ctrl+Shift+Left/Right", "extend the selection by a word, quote marks and punctuation with it"},
		{"Shift+Home / Shift+End", "select to the start / end of the line"},
		{"Ctrl+Home / Ctrl+End", "go to the start / end of the document (with Shift: select)"},
		{"1 … 9", "tag the selection with that label; relabel the selected annotation"},
		{"R", "after a tag that nearly repeats a span: resize that span instead"},
		{"Click a highlight, Tab / Shift+Tab", "select an annotation"},
		{"Alt+Shift+Left/Right", "move the selected annotation's end by a word (or drag its handle)"},
		{"Alt+Ctrl+Shift+Left/Right", "move the selected annotation's start by a word"},
		{"Ctrl+Shift+A", "tag every other occurrence of the selected annotation's text"},
		{"Delete / Backspace", "delete the selected annotation"},
		{"L, then select, Enter", "link source: the selected statement's source is the words selected next (Esc cancels)"},
		{"Esc", "clear the selection"},
		{"Ctrl+Z", "undo"},
		{"Ctrl+Shift+Z, Ctrl+Y", "redo"},
		{"Ctrl+F", "find in the document (Enter / Shift+Enter: next / previous, Tab: to the match, Esc: close)"},
		{"Ctrl+K, Ctrl+Shift+F", "search annotations in every document"},
		{"Ctrl+Enter", "mark the document done and open the next (Ctrl+Z takes it back)"},
		{"Ctrl+PageDown / PageUp", "next / previous document"},
		{"Ctrl+O / Ctrl+Shift+O", "open files / a folder"},
		{"Ctrl+I / Ctrl+E", "import / export a dataset"},
		{"Ctrl+Shift+V", "new document from the text on the clipboard"},
		{"Ctrl+Shift+I", "document information: title, outlet, authors, date, URL (Ctrl+Z takes an edit back)"},
		{"Ctrl+= / Ctrl+- / Ctrl+0", "larger / smaller / actual text size of the article"},
		{"Ctrl+Shift+D", "overview: progress and label charts of the project"},
		{"Ctrl+Q", "quit"},
		{"N / P", "go to the next / previous suggestion (drawn with a dashed underline; the status bar names its rule)"},
		{"A or Enter", "accept the suggestion under the caret, with its source and attributes (Ctrl+Z takes it back)"},
		{"X", "reject the suggestion under the caret: never proposed again for this document (Ctrl+Z takes it back)"},
		{"Shift+A", "accept every suggestion of the document, after asking (Ctrl+Z takes them all back)"},
		{"Click in an annotator's layer (curation view)", "pick that annotator's span: A then accepts their copy, with its attributes and links"},
		{"A (curation view)", "accept the selected span into the curated layer, with the attribute values and links the annotators agree on"},
		{"R or Delete (curation view)", "reject the selected span (remembered in the database; Ctrl+Z takes it back)"},
		{"Shift+A (curation view)", "accept every span all annotators agree on, with their agreed attributes and links"},
		{"N (curation view)", "go to the next span not yet accepted or rejected"},
	}
}

// platformKeys writes Ctrl as Cmd on macOS, where Fyne maps the shortcuts to Super.
func platformKeys(keys string) string {
	if runtime.GOOS == "darwin" {
		return strings.ReplaceAll(keys, "Ctrl+", "Cmd+")
	}
	return keys
}

// onShowShortcuts shows the keyboard reference.
func showShortcuts(win fyne.Window, show func(dialog.Dialog)) {
	grid := container.New(layout.NewFormLayout())
	for _, row := range shortcutHelp() {
		key := widget.NewLabelWithStyle(platformKeys(row[0]), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		grid.Add(key)
		grid.Add(widget.NewLabel(row[1]))
	}
	// The list is taller than a small window: it scrolls there instead of
	// pushing the Close button off screen.
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(grid.MinSize().Width, min(grid.MinSize().Height, win.Canvas().Size().Height*0.7)))
	show(dialog.NewCustom("Keyboard shortcuts", "Close", scroll, win))
}

// onShowGuidelines shows each label's guideline, as written in Manage labels.
func showGuidelines(win fyne.Window, labels []annotate.Label, show func(dialog.Dialog)) {
	box := container.NewVBox()
	for _, l := range labels {
		swatch := canvas.NewRectangle(labelcolor.Parse(l.Color))
		swatch.SetMinSize(fyne.NewSquareSize(14))
		swatch.CornerRadius = 3
		title := l.Name
		if l.Hotkey != "" {
			title = l.Hotkey + "  " + l.Name
		}
		heading := container.NewHBox(container.NewCenter(swatch), widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		text := l.Description
		if text == "" {
			text = "No guideline yet: add one in Labels ▸ Manage labels…"
		}
		body := widget.NewLabel(text)
		body.Wrapping = fyne.TextWrapWord
		box.Add(heading)
		box.Add(body)
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(560, min(420, win.Canvas().Size().Height*0.7)))
	show(dialog.NewCustom("Label guidelines", "Close", scroll, win))
}
