package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// suggestionPanel lists the open document's suggestions (issue 12) beside the
// annotation list: each row has the label's colour and name, the text, the rule
// that proposed it and its source, with Accept and Reject buttons. Choosing a row
// selects the suggestion in the document. The panel knows nothing of the editor:
// it is handed the list and calls back with the row's index in it, and the
// suggestion keys do the rest with the same undoable steps as A and X.
type suggestionPanel struct {
	onChoose func(i int)
	onAccept func(i int)
	onReject func(i int)
	// onCount reports the number of rows, for the tab's title; onReveal brings
	// the panel's tab to the front (View ▸ Suggestions panel).
	onCount  func(n int)
	onReveal func()

	list     []annotate.StoredSuggestion
	colors   labelcolor.Map
	updating bool // set while the panel itself selects a row
	selected int  // the row marked, -1 for none

	header   *widget.Label
	rows     *widget.List
	empty    *widget.Label
	rowIndex map[fyne.CanvasObject]*suggestionRow
}

// What the empty panel says.
const (
	noSuggestionsHint         = "No suggestions left for this document."
	suggestionsHiddenHint     = "Suggestions are not shown here: open a document in a layer you can edit (not the curation view)."
	suggestionsNoDocumentHint = "No document open."
)

func newSuggestionPanel(onChoose, onAccept, onReject func(i int)) *suggestionPanel {
	return &suggestionPanel{onChoose: onChoose, onAccept: onAccept, onReject: onReject, colors: labelcolor.Map{}, selected: -1}
}

func (p *suggestionPanel) build() fyne.CanvasObject {
	// The tab names the panel and its count; this line says how many and the keys.
	p.header = widget.NewLabel(suggestionsHeader(0))
	p.header.Importance = widget.LowImportance
	p.header.SizeName = theme.SizeNameCaptionText
	p.header.Truncation = fyne.TextTruncateEllipsis
	p.rows = widget.NewList(func() int { return len(p.list) }, p.createRow, p.updateRow)
	p.rows.OnSelected = p.onSelected
	p.empty = widget.NewLabel(suggestionsNoDocumentHint)
	p.empty.Importance = widget.LowImportance
	p.empty.Wrapping = fyne.TextWrapWord
	return container.NewBorder(p.header, nil, nil, nil, container.NewStack(p.rows, container.NewVBox(p.empty)))
}

// suggestionsHeader is the line above the rows.
func suggestionsHeader(n int) string {
	return plural(n, "suggestion") + " left · N / P step · A accepts · X rejects"
}

// setSuggestions shows list (the editor's Suggestions(), in text order) drawn in
// colors; emptyHint is what the panel says when the list is empty. The scroll
// position is kept, so accepting a row leaves its neighbours in place.
func (p *suggestionPanel) setSuggestions(list []annotate.StoredSuggestion, colors labelcolor.Map, emptyHint string) {
	offset := p.rows.GetScrollOffset()
	p.list, p.colors = list, colors
	setLabelText(p.header, suggestionsHeader(len(list)))
	setLabelText(p.empty, emptyHint)
	if len(list) == 0 {
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	p.rows.Refresh()
	p.rows.ScrollToOffset(offset)
	p.selected = -2 // the rows changed: mark afresh
	p.setSelected(-1)
	if p.onCount != nil {
		p.onCount(len(list))
	}
}

// setSelected marks row i (-1: none) without acting on it, and scrolls to it.
func (p *suggestionPanel) setSelected(i int) {
	p.updating = true
	defer func() { p.updating = false }()
	if i < 0 || i >= len(p.list) {
		i = -1
	}
	if i == p.selected {
		return
	}
	p.selected = i
	if i < 0 {
		p.rows.UnselectAll()
		return
	}
	p.rows.Select(i)
}

func (p *suggestionPanel) onSelected(i widget.ListItemID) {
	if p.updating || i < 0 || i >= len(p.list) {
		return
	}
	p.selected = i
	p.onChoose(i)
}

// suggestionRow holds the widgets of one row, reused as the list scrolls.
type suggestionRow struct {
	index   int
	swatch  *canvas.Rectangle
	title   *textCell // the source's name and the span's text may be Arabic or Hebrew
	snippet *textCell
	rule    *widget.Label
	accept  *widget.Button
	reject  *widget.Button
}

func (p *suggestionPanel) createRow() fyne.CanvasObject {
	row := &suggestionRow{
		index:   -1,
		swatch:  canvas.NewRectangle(color.Transparent),
		title:   newTextCell(),
		snippet: newTextCell(),
		rule:    widget.NewLabel("rule"),
	}
	// The bundled Arabic and Hebrew fonts have no bold: the title's Line stays
	// regular (bold digits among regular letters look broken).
	row.title.Label.TextStyle = fyne.TextStyle{Bold: true}
	row.swatch.SetMinSize(fyne.NewSize(5, 5))
	row.swatch.CornerRadius = 2
	row.title.Label.Truncation = fyne.TextTruncateEllipsis
	row.title.Label.SizeName = theme.SizeNameCaptionText
	row.title.Line.SizeName = theme.SizeNameCaptionText
	row.snippet.Label.Truncation = fyne.TextTruncateEllipsis
	row.rule.Truncation = fyne.TextTruncateEllipsis
	row.rule.SizeName = theme.SizeNameCaptionText
	row.rule.Importance = widget.LowImportance
	row.accept = widget.NewButtonWithIcon("", theme.ConfirmIcon(), func() { p.onAccept(row.index) })
	row.reject = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { p.onReject(row.index) })
	row.accept.Importance = widget.LowImportance
	row.reject.Importance = widget.LowImportance
	buttons := container.NewVBox(layout.NewSpacer(), container.NewHBox(row.accept, row.reject), layout.NewSpacer())
	// Three lines packed close: a label's own padding spaces them enough.
	body := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.InnerPadding()), row.title, row.snippet, row.rule)
	obj := container.NewBorder(nil, nil, row.swatch, buttons, body)
	if p.rowIndex == nil {
		p.rowIndex = map[fyne.CanvasObject]*suggestionRow{}
	}
	p.rowIndex[obj] = row
	return obj
}

func (p *suggestionPanel) updateRow(i widget.ListItemID, obj fyne.CanvasObject) {
	row := p.rowIndex[obj]
	if row == nil || i < 0 || i >= len(p.list) {
		return
	}
	s := p.list[i]
	row.index = i
	if c := p.colors.Get(s.Label); row.swatch.FillColor != c {
		row.swatch.FillColor = c
		row.swatch.Refresh()
	}
	title := s.Label
	if s.Source != "" {
		title += " · " + docview.Isolate(snippet(s.Source))
	}
	row.title.SetText(title)
	row.snippet.SetText(snippet(s.Text))
	setLabelText(row.rule, s.Rule)
}

// reveal brings the panel to the front of the side tabs.
func (p *suggestionPanel) reveal() {
	if p.onReveal != nil {
		p.onReveal()
	}
}

// row is the row widgets showing list row i, nil when it is not on screen.
func (p *suggestionPanel) row(i int) *suggestionRow {
	for _, r := range p.rowIndex {
		if r.index == i {
			return r
		}
	}
	return nil
}

// sidePanels puts the annotation list and the suggestion panel in tabs on the
// right; the suggestions tab says how many are left.
func sidePanels(annotations fyne.CanvasObject, sugs *suggestionPanel) *container.AppTabs {
	sugTab := container.NewTabItem("Suggestions", sugs.build())
	tabs := container.NewAppTabs(container.NewTabItem("Annotations", annotations), sugTab)
	sugs.onReveal = func() { tabs.Select(sugTab) }
	sugs.onCount = func(n int) {
		title := "Suggestions"
		if n > 0 {
			title = fmt.Sprintf("Suggestions (%d)", n)
		}
		if sugTab.Text != title {
			sugTab.Text = title
			tabs.Refresh()
		}
	}
	return tabs
}
