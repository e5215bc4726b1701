package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/app/editor"
)

// statusBar is the strip along the bottom: selection offsets in code points (the
// unit exports use, so the numbers match the files), document progress and counts,
// and a short message after actions such as undo.
type statusBar struct {
	ed        *editor.Editor // what it reports on
	selection *widget.Label
	message   *widget.Label
	progress  *widget.Label
	count     *widget.Label
	// suggestionsLeft counts the open document's suggestions still to decide
	// (issue 12); hidden when there are none.
	suggestionsLeft *widget.Label
	// suggestionsDivider parts the count of annotations from that of
	// suggestions; shown and hidden with it.
	suggestionsDivider fyne.CanvasObject
	divider            fyne.CanvasObject
	// annotator names who new annotations are by; a click changes it.
	annotator *widget.Button
	// layer switches between all layers, one annotator's, the curated one and
	// the curation view; nil leaves it out.
	layer *widget.Select
}

func newStatusBar(ed *editor.Editor, onAnnotator func()) *statusBar {
	annotator := widget.NewButtonWithIcon("", theme.AccountIcon(), onAnnotator)
	annotator.Importance = widget.LowImportance
	return &statusBar{
		ed:        ed,
		selection: widget.NewLabel(""),
		message:   widget.NewLabel(""),
		progress:  widget.NewLabel(""),
		count:     widget.NewLabel(""),
		annotator: annotator,

		suggestionsLeft:    hiddenLabel(),
		suggestionsDivider: hiddenSeparator(),
	}
}

func hiddenLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Hide()
	return l
}

func hiddenSeparator() *widget.Separator {
	sep := widget.NewSeparator()
	sep.Hide()
	return sep
}

// layerSwitchWidth keeps the layer switch wide enough for "Curation view" and a
// short annotator's name; a Select alone is only as wide as its placeholder.
const layerSwitchWidth = 170

func (s *statusBar) build() fyne.CanvasObject {
	s.message.Importance = widget.LowImportance
	s.message.Truncation = fyne.TextTruncateEllipsis
	s.divider = widget.NewSeparator()
	right := container.NewHBox(s.progress, s.divider, s.count, s.suggestionsDivider, s.suggestionsLeft, widget.NewSeparator(), s.annotator)
	if s.layer != nil {
		width := canvas.NewRectangle(color.Transparent)
		width.SetMinSize(fyne.NewSize(layerSwitchWidth, 0))
		right.Add(container.NewStack(width, s.layer))
	}
	return container.NewBorder(nil, nil, s.selection, right, s.message)
}

// setAnnotator shows whose name new annotations carry.
func (s *statusBar) setAnnotator(name string) {
	s.annotator.SetText(name)
}

// showSelection shows "Selection 12–40 (28 chars)" or "Caret 12"; nothing when
// no document is open.
func (s *statusBar) showSelection(start, end int) {
	s.selection.SetText(selectionText(start, end, s.ed.Doc() != nil))
}

func selectionText(start, end int, open bool) string {
	switch {
	case !open:
		return ""
	case start == end:
		return fmt.Sprintf("Caret %d", start)
	case end-start == 1:
		return fmt.Sprintf("Selection %d–%d (1 char)", start, end)
	default:
		return fmt.Sprintf("Selection %d–%d (%d chars)", start, end, end-start)
	}
}

// showDocument shows "Document 3 of 40 · in progress" and "5 annotations", or
// the library's size when no document is open.
func (s *statusBar) showDocument() {
	doc, total := s.ed.Doc(), len(s.ed.Documents())
	if doc == nil {
		s.progress.SetText(plural(total, "document"))
		s.count.Hide()
		s.divider.Hide()
		s.selection.SetText("") // no "Caret 0" with nothing open
		return
	}
	s.count.Show()
	s.divider.Show()
	s.progress.SetText(fmt.Sprintf("Document %d of %d · %s", s.ed.DocIndex(doc.ID)+1, total, s.ed.DocStatus().Display()))
	s.count.SetText(plural(len(s.ed.Spans()), "annotation"))
}

// setLayers fills the layer switch without acting on the selection.
func (s *statusBar) setLayers(options []string, selected string) {
	if s.layer == nil {
		return
	}
	onChanged := s.layer.OnChanged
	s.layer.OnChanged = nil
	s.layer.SetOptions(options)
	s.layer.SetSelected(selected)
	s.layer.OnChanged = onChanged
}

// showSuggestionsLeft shows "3 suggestions left", nothing when none are.
func (s *statusBar) showSuggestionsLeft(n int) {
	if n == 0 {
		s.suggestionsLeft.Hide()
		s.suggestionsDivider.Hide()
		return
	}
	s.suggestionsLeft.SetText(plural(n, "suggestion") + " left")
	s.suggestionsLeft.Show()
	s.suggestionsDivider.Show()
}

// flash shows a short message until the next one.
func (s *statusBar) flash(message string) {
	s.message.SetText(message)
}
