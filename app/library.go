package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
)

// library is the document list on the left: a filter box over titles, sources and
// metadata (outlet, authors, date, URL, language), a sort choice (import order or
// publication date), and one row per document with its outlet, date, span count and
// status.
type library struct {
	onOpen func(id int64)

	all      []annotate.DocumentSummary
	shown    []annotate.DocumentSummary // after the filter
	current  int64
	updating bool // set while the list is selected programmatically

	header  *widget.Label
	filter  *widget.Entry
	sort    *widget.Select
	list    *widget.List
	noMatch *widget.Label // shown when the filter hides every document
}

func newLibrary(onOpen func(id int64)) *library {
	return &library{onOpen: onOpen}
}

func (l *library) build() fyne.CanvasObject {
	l.header = widget.NewLabelWithStyle("Documents", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.filter = widget.NewEntry()
	l.filter.SetPlaceHolder("Filter documents")
	l.filter.OnChanged = l.onFilterChanged
	l.sort = widget.NewSelect(librarySortOrders, func(string) { l.applyFilter() })
	l.sort.SetSelected(sortImportOrder)
	l.list = widget.NewList(l.length, l.createRow, l.updateRow)
	l.list.OnSelected = l.onSelected
	l.noMatch = widget.NewLabel("")
	l.noMatch.Importance = widget.LowImportance
	l.noMatch.Wrapping = fyne.TextWrapWord
	l.noMatch.Hide()
	return container.NewBorder(container.NewVBox(l.header, l.filter, l.sort), nil, nil, nil,
		container.NewStack(l.list, container.NewVBox(l.noMatch)))
}

// setDocuments replaces the list, keeping the filter, and marks the current document.
func (l *library) setDocuments(docs []annotate.DocumentSummary, current int64) {
	l.all = docs
	l.current = current
	l.applyFilter()
}

// updateDocument redraws one document's row after its count or status changed,
// without refiltering a library of thousands on every keystroke.
func (l *library) updateDocument(summary annotate.DocumentSummary) {
	for i := range l.all {
		if l.all[i].ID == summary.ID {
			l.all[i] = summary
		}
	}
	for i := range l.shown {
		if l.shown[i].ID == summary.ID {
			l.shown[i] = summary
			l.list.RefreshItem(i)
		}
	}
}

// setCurrent marks the open document and scrolls it into view.
func (l *library) setCurrent(id int64) {
	l.current = id
	l.selectCurrent()
}

func (l *library) onFilterChanged(string) { l.applyFilter() }

// applyFilter keeps documents whose title, source or metadata holds every word of
// the filter, ignoring case, in the chosen order.
func (l *library) applyFilter() {
	if l.list == nil {
		return // the sort choice is set while the library is built
	}
	words := strings.Fields(strings.ToLower(l.filter.Text))
	l.shown = l.shown[:0]
	for _, d := range l.all {
		haystack := libraryHaystack(d)
		keep := true
		for _, word := range words {
			if !strings.Contains(haystack, word) {
				keep = false
				break
			}
		}
		if keep {
			l.shown = append(l.shown, d)
		}
	}
	sortLibrary(l.shown, l.sort.Selected)
	l.noMatch.Hide()
	if len(words) > 0 {
		l.header.SetText(fmt.Sprintf("Documents (%d of %d)", len(l.shown), len(l.all)))
		if len(l.shown) == 0 && len(l.all) > 0 {
			l.noMatch.SetText(fmt.Sprintf("No title, source, outlet, author or date contains “%s”.", strings.TrimSpace(l.filter.Text)))
			l.noMatch.Show()
		}
	} else {
		l.header.SetText(fmt.Sprintf("Documents (%d)", len(l.all)))
	}
	l.list.Refresh()
	l.selectCurrent()
}

// selectCurrent highlights the open document's row without reopening it.
func (l *library) selectCurrent() {
	l.updating = true
	defer func() { l.updating = false }()
	for i, d := range l.shown {
		if d.ID == l.current {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

func (l *library) onSelected(i widget.ListItemID) {
	if l.updating || i < 0 || i >= len(l.shown) {
		return
	}
	if id := l.shown[i].ID; id != l.current {
		l.onOpen(id)
	}
}

func (l *library) length() int { return len(l.shown) }

func (l *library) createRow() fyne.CanvasObject {
	// Titles may be in any script: a docview.Line orders and shapes Arabic
	// or Hebrew (right-aligned) where a Label would not.
	title := docview.NewLine("Document title")
	meta := widget.NewLabel("0 annotations · new")
	meta.SizeName = theme.SizeNameCaptionText
	meta.Importance = widget.LowImportance
	meta.Truncation = fyne.TextTruncateEllipsis // a narrow library cuts it mid-word otherwise
	// The label's own padding already separates the two lines: a box gap on top
	// would make each row look like two items.
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, meta)
}

func (l *library) updateRow(i widget.ListItemID, row fyne.CanvasObject) {
	if i < 0 || i >= len(l.shown) {
		return
	}
	d := l.shown[i]
	box := row.(*fyne.Container)
	title := box.Objects[0].(*docview.Line)
	meta := box.Objects[1].(*widget.Label)
	// The bundled Arabic, Hebrew and Indic fonts have no bold: a bold Arabic title
	// would mix regular letters with bold digits, so such a title stays regular
	// (the row's selection colour already marks the open document).
	style := fyne.TextStyle{Bold: d.ID == l.current && !docview.NeedsLayout(d.Title)}
	if title.TextStyle != style {
		title.TextStyle = style
		title.Refresh()
	}
	title.SetText(d.Title)
	importance := widget.LowImportance
	switch {
	case d.ID == l.current:
		importance = widget.MediumImportance // grey would vanish on the selection colour
	case d.Status == annotate.StatusDone:
		importance = widget.SuccessImportance
	}
	text := libraryRowDetails(d)
	if meta.Text != text || meta.Importance != importance {
		meta.Text = text
		meta.Importance = importance
		meta.Refresh()
	}
}

// plural writes "1 annotation" / "5 annotations".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
