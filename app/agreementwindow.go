package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// agreementWindow shows how far each pair of annotators agree: a table per label
// and over all labels, and the documents sorted by disagreement; a click on a
// document opens it in the curation view of the main window.
type agreementWindow struct {
	win     fyne.Window
	store   annotate.Store
	curator string
	onOpen  func(docID int64) // opens the document in curation

	status  *widget.Label
	pairs   *widget.Select
	table   *widget.Table
	docs    *widget.List
	current agreement.Comparison
	pair    int
	rows    []agreement.DocumentAgreement // the chosen pair's documents, most disagreement first
}

// agreementColumns head the table.
var agreementColumns = []string{"label", "A spans", "B spans", "exact", "F1 exact", "F1 overlap", "α_u", "κ", "sources"}

func newAgreementWindow(a fyne.App, store annotate.Store, curator string, onOpen func(int64)) *agreementWindow {
	w := &agreementWindow{store: store, curator: curator, onOpen: onOpen}
	w.win = a.NewWindow("Agreement")
	w.status = widget.NewLabel("Comparing…")
	w.status.Wrapping = fyne.TextWrapWord
	w.pairs = widget.NewSelect(nil, w.onPair)
	w.pairs.PlaceHolder = "Annotators"
	w.table = widget.NewTable(w.tableSize, w.newCell, w.updateCell)
	for i, width := range []float32{150, 80, 80, 70, 80, 90, 70, 70, 100} {
		w.table.SetColumnWidth(i, width)
	}
	// A docview.Line: the title at the end of each row may be Arabic or Hebrew.
	w.docs = widget.NewList(func() int { return len(w.rows) }, func() fyne.CanvasObject {
		return docview.NewLine("")
	}, w.updateDoc)
	w.docs.OnSelected = w.onDoc
	hint := widget.NewLabel("Documents, most disagreement first (unmatched spans). Click one to curate it.")
	hint.Importance = widget.LowImportance
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Pair"), nil, w.pairs), w.status)
	split := container.NewVSplit(w.table, container.NewBorder(hint, nil, nil, nil, w.docs))
	split.Offset = 0.45
	w.win.SetContent(container.NewBorder(top, nil, nil, nil, split))
	w.win.Resize(fyne.NewSize(860, 620))
	return w
}

// load compares every pair of annotators; show runs it off the UI goroutine.
func (w *agreementWindow) load(ctx context.Context) (agreement.Comparison, error) {
	return agreement.ComparePairs(ctx, w.store, agreement.PairOptions{Curator: w.curator})
}

// show opens the window and fills it when the comparison is done.
func (w *agreementWindow) show() {
	w.win.Show()
	go func() {
		c, err := w.load(context.Background())
		fyne.Do(func() { w.setComparison(c, err) })
	}()
}

func (w *agreementWindow) setComparison(c agreement.Comparison, err error) {
	if err != nil {
		w.status.SetText(err.Error())
		return
	}
	w.current = c
	var names []string
	for _, p := range c.Pairs {
		names = append(names, p.A+" vs "+p.B)
	}
	w.pairs.SetOptions(names)
	if len(names) > 0 {
		w.pairs.SetSelectedIndex(0)
	}
}

func (w *agreementWindow) onPair(string) {
	w.pair = w.pairs.SelectedIndex()
	if w.pair < 0 || w.pair >= len(w.current.Pairs) {
		return
	}
	p := w.current.Pairs[w.pair]
	m := p.Result.Micro
	w.status.SetText(fmt.Sprintf("%s both annotated. %s against %s: exact precision %s, recall %s; overlap precision %s, recall %s.",
		plural(p.Result.Documents, "document"), p.A, p.B,
		agreement.Figure(m.ExactPrecision()), agreement.Figure(m.ExactRecall()), agreement.Figure(m.OverlapPrecision()), agreement.Figure(m.OverlapRecall())))
	w.rows = slices.Clone(p.Result.PerDocument)
	agreement.SortByDisagreement(w.rows)
	w.table.Refresh()
	w.docs.UnselectAll()
	w.docs.Refresh()
}

// tableRow is row r of the table: the heading, each label, then all labels.
func (w *agreementWindow) tableRow(r int) (string, agreement.Measures, bool) {
	if w.pair < 0 || w.pair >= len(w.current.Pairs) {
		return "", agreement.Measures{}, false
	}
	res := w.current.Pairs[w.pair].Result
	names := res.LabelNames()
	switch {
	case r-1 < len(names):
		return names[r-1], res.Labels[names[r-1]], true
	default:
		return "all (micro)", res.Micro, true
	}
}

func (w *agreementWindow) tableSize() (int, int) {
	if w.pair < 0 || w.pair >= len(w.current.Pairs) {
		return 1, len(agreementColumns)
	}
	return len(w.current.Pairs[w.pair].Result.Labels) + 2, len(agreementColumns)
}

// newCell is a textCell: annotators' names and label names may be Arabic or Hebrew.
func (w *agreementWindow) newCell() fyne.CanvasObject { return newTextCell() }

func (w *agreementWindow) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	obj.(*textCell).SetText(w.cellText(id.Row, id.Col))
}

// cellText is what the table shows at row, col.
func (w *agreementWindow) cellText(row, col int) string {
	if row == 0 {
		if w.pair >= 0 && w.pair < len(w.current.Pairs) && (col == 1 || col == 2) {
			p := w.current.Pairs[w.pair]
			return map[int]string{1: p.A, 2: p.B}[col]
		}
		return agreementColumns[col]
	}
	name, m, ok := w.tableRow(row)
	if !ok {
		return ""
	}
	switch col {
	case 0:
		return name
	case 1:
		return strconv.Itoa(m.ASpans)
	case 2:
		return strconv.Itoa(m.BSpans)
	case 3:
		return strconv.Itoa(m.ExactMatches)
	case 4:
		return agreement.Figure(m.ExactF1())
	case 5:
		return agreement.Figure(m.OverlapF1())
	case 6:
		return agreement.Figure(m.AlphaU)
	case 7:
		return agreement.Figure(m.Kappa)
	default:
		return sourceCell(m)
	}
}

// sourceCell is source agreement with the matched statements it counts.
func sourceCell(m agreement.Measures) string {
	if m.SourcePairs == 0 {
		return "–"
	}
	return fmt.Sprintf("%s of %d", agreement.Figure(m.SourceAgreement()), m.SourcePairs)
}

func (w *agreementWindow) updateDoc(i widget.ListItemID, obj fyne.CanvasObject) {
	obj.(*docview.Line).SetText(w.docText(i))
}

func (w *agreementWindow) docText(i int) string {
	if i < 0 || i >= len(w.rows) {
		return ""
	}
	d := w.rows[i]
	return fmt.Sprintf("%s unmatched · F1 %s · %s", plural(d.Disagreements(), "span"), agreement.Figure(d.ExactF1()), docview.Isolate(w.current.Titles[d.ID]))
}

func (w *agreementWindow) onDoc(i widget.ListItemID) {
	if i < 0 || i >= len(w.rows) {
		return
	}
	w.onOpen(w.rows[i].ID)
}

// onAgreement opens the Agreement window (Document ▸ Agreement…).
func (c *curation) onAgreement() {
	aw := newAgreementWindow(c.app, c.ed.Store(), c.ed.Curator(), c.openForCuration)
	aw.show()
}

// openForCuration opens a document in the curation view and brings the main
// window forward.
func (c *curation) openForCuration(id int64) {
	if !c.openDocument(id) {
		return
	}
	c.setLayer(editor.Layer{Mode: editor.LayerCuration})
	c.win.RequestFocus()
}
