package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
	"github.com/newsmark/newsmark/app/docview"
)

// jumpFunc opens a document with one of its spans selected.
type jumpFunc func(docID, spanID int64)

// ledgerWindow is the Sources ledger: every source with its quotes, claims and
// demands counted across documents, sortable by any column. Selecting a source
// lists its statements in context below; selecting a statement opens it in the
// workbench. "Export CSV…" writes the table as shown.
type ledgerWindow struct {
	store annotate.Store
	win   fyne.Window
	jump  jumpFunc

	entries    []annotate.LedgerEntry
	labels     []string // the count columns
	table      *sortedTable
	caption    *widget.Label // "N sources…", set by every load (a merge lowers N)
	split      *container.Split
	statements []annotate.SpanRecord
	list       *widget.List
	heading    *textCell // names the selected source, which may be Arabic or Hebrew
	current    int       // the entry whose statements are listed; -1 for none
	kind       *widget.Select
	merge      *widget.Button
}

func showSourcesLedger(a fyne.App, store annotate.Store, jump jumpFunc) (*ledgerWindow, error) {
	l := &ledgerWindow{store: store, jump: jump, current: -1}
	if err := l.load(); err != nil {
		return nil, err
	}
	l.win = a.NewWindow("Sources ledger")
	l.win.SetContent(l.build())
	l.win.Resize(fyne.NewSize(max(900, l.table.fullWidth()), 640))
	l.win.Show()
	return l, nil
}

// load reads the ledger and fills the table.
func (l *ledgerWindow) load() error {
	entries, err := l.store.SourceLedger(context.Background())
	if err != nil {
		return err
	}
	l.entries = entries
	labels := ledgerLabels(entries)
	if l.table != nil && !slices.Equal(labels, l.labels) {
		l.table = nil // a label new to the ledger: a table with its column
	}
	l.labels = labels
	if l.table == nil {
		columns := append(append([]string{"Source", "Kind"}, l.labels...), "Total", "Aliases")
		numeric := make([]bool, len(columns))
		widths := []float32{220, 110}
		for i := range l.labels {
			numeric[2+i] = true
			widths = append(widths, 90)
		}
		numeric[2+len(l.labels)] = true
		widths = append(widths, 80, 260)
		l.table = newSortedTable(columns, numeric, widths, l.onSource)
		if l.split != nil {
			l.split.Leading = l.table.table
			l.split.Refresh()
		}
	}
	rows := make([][]string, len(entries))
	for i, e := range entries {
		row := []string{e.Source.Name, string(e.Source.Kind)}
		for _, label := range l.labels {
			row = append(row, countCell(e.Counts[label]))
		}
		rows[i] = append(row, countCell(e.Total), strings.Join(e.Source.Aliases, "; "))
	}
	l.table.setRows(rows)
	if l.caption == nil {
		l.caption = widget.NewLabel("")
	}
	if len(entries) == 0 {
		l.caption.SetText("No sources yet: a quote, claim or demand given a source in the Attributes panel is counted here.")
	} else {
		l.caption.SetText(plural(len(entries), "source") + ". Click a column to sort.")
	}
	return nil
}

// ledgerLabels are the count columns: QUOTE, CLAIM, DEMAND, then any other label
// a source is counted under.
func ledgerLabels(entries []annotate.LedgerEntry) []string {
	labels := append([]string(nil), annotate.StatementLabels...)
	var others []string
	for _, e := range entries {
		for label := range e.Counts {
			if !slices.Contains(labels, label) && !slices.Contains(others, label) {
				others = append(others, label)
			}
		}
	}
	sort.Strings(others)
	return append(labels, others...)
}

func (l *ledgerWindow) build() fyne.CanvasObject {
	l.heading = newTextCell()
	l.heading.SetText("Select a source to list its statements.")
	l.list = widget.NewList(
		func() int { return len(l.statements) },
		func() fyne.CanvasObject {
			// A statement may be in Arabic or Hebrew: a docview.Line orders it.
			t := docview.NewLine("")
			t.MaxLines = 2
			return t
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := l.statements[i]
			o.(*docview.Line).SetText(fmt.Sprintf("%s — %s (%d–%d): %s", r.Label, docview.Isolate(r.DocTitle), r.Start, r.End, docview.Isolate(snippet(r.Text))))
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		r := l.statements[i]
		l.jump(r.DocID, r.ID)
	}
	top := tableWindowTop(l.win, l.caption, l.load,
		func() { saveCSV(l.win, "sources.csv", l.writeCSV) })
	l.kind = widget.NewSelect([]string{"person", "organisation", "group"}, l.onKind)
	l.kind.PlaceHolder = "kind"
	l.kind.Disable()
	l.merge = widget.NewButton("Merge into…", l.onMerge)
	l.merge.Disable()
	bottom := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(l.kind, l.merge), l.heading), nil, nil, nil, l.list)
	l.split = container.NewVSplit(l.table.table, bottom)
	l.split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, l.split)
}

// onSource lists a source's statements.
func (l *ledgerWindow) onSource(row int) {
	entry := l.entries[row]
	records, err := l.store.SourceStatements(context.Background(), entry.Source.ID)
	if err != nil {
		dialog.ShowError(err, l.win)
		return
	}
	l.statements = records
	l.current = row
	l.kind.OnChanged = nil
	l.kind.SetSelected(string(entry.Source.Kind))
	if entry.Source.Kind == annotate.SourceUnknown {
		l.kind.ClearSelected()
	}
	l.kind.OnChanged = l.onKind
	l.kind.Enable()
	l.merge.Enable()
	l.heading.SetText(fmt.Sprintf("Statements of %s (%d): select one to open it", docview.Isolate(entry.Source.Name), len(records)))
	l.list.UnselectAll()
	l.list.Refresh()
}

// onKind sets the selected source's kind.
func (l *ledgerWindow) onKind(kind string) {
	if l.current < 0 || kind == "" {
		return
	}
	source := l.entries[l.current].Source
	source.Kind = annotate.SourceKind(kind)
	if _, err := l.store.UpdateSource(context.Background(), source); err != nil {
		dialog.ShowError(err, l.win)
		return
	}
	l.reload(source.Name)
}

// onMerge asks which source the selected one is another name of, and merges.
func (l *ledgerWindow) onMerge() {
	if l.current < 0 {
		return
	}
	from := l.entries[l.current].Source
	var names []string
	for _, e := range l.entries {
		if e.Source.ID != from.ID {
			names = append(names, e.Source.Name)
		}
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	into := widget.NewSelectEntry(names)
	into.PlaceHolder = "the source it is another name of"
	dialog.ShowForm("Merge "+from.Name, "Merge", "Cancel", []*widget.FormItem{widget.NewFormItem("Into", into)}, func(ok bool) {
		if !ok || strings.TrimSpace(into.Text) == "" {
			return
		}
		merged, err := l.mergeInto(from.Name, into.Text)
		if err != nil {
			dialog.ShowError(err, l.win)
			return
		}
		l.reload(merged.Name)
	}, l.win)
}

// mergeInto folds the source named from into the one named into.
func (l *ledgerWindow) mergeInto(from, into string) (annotate.Source, error) {
	return l.store.MergeSources(context.Background(), from, into)
}

// reload rereads the ledger and lists the statements of the source named name.
func (l *ledgerWindow) reload(name string) {
	if err := l.load(); err != nil {
		dialog.ShowError(err, l.win)
		return
	}
	for i, e := range l.entries {
		if e.Source.Name == name {
			l.onSource(i)
			return
		}
	}
}

// writeCSV writes the table as shown, formula-like cells guarded.
func (l *ledgerWindow) writeCSV(w io.Writer) error {
	return writeTableCSV(w, l.table)
}

// writeTableCSV writes a sorted table's header and rows in display order.
func writeTableCSV(w io.Writer, t *sortedTable) error {
	out := csv.NewWriter(w)
	if err := out.Write(t.columns); err != nil {
		return err
	}
	for _, row := range t.displayed() {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = dataset.SafeCell(c)
		}
		if err := out.Write(cells); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// tableWindowTop is the top row of a table window: the caption, then Refresh
// (reload, its error shown in win) and Export CSV… (export).
func tableWindowTop(win fyne.Window, caption *widget.Label, reload func() error, export func()) fyne.CanvasObject {
	refresh := widget.NewButton("Refresh", func() {
		if err := reload(); err != nil {
			dialog.ShowError(err, win)
		}
	})
	return container.NewBorder(nil, nil, nil, container.NewHBox(refresh, widget.NewButton("Export CSV…", export)), caption)
}

// saveCSV asks where to save and writes the file through write.
func saveCSV(win fyne.Window, name string, write func(io.Writer) error) {
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if wc == nil {
			return // cancelled
		}
		werr := write(wc)
		if cerr := wc.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			dialog.ShowError(fmt.Errorf("save %s: %w", wc.URI().Name(), werr), win)
		}
	}, win)
	save.SetFileName(name)
	save.Show()
}

// casualtiesWindow is the Casualties table: every CASUALTY span with its figure,
// kind, qualifier and group, sortable, exportable as CSV (the columns of
// `newsmark casualties --csv`). Selecting a row opens the span.
type casualtiesWindow struct {
	store annotate.Store
	win   fyne.Window
	jump  jumpFunc
	rows  []annotate.Casualty
	table *sortedTable
}

// casualtyColumns are the table's columns.
var casualtyColumns = []string{"Doc", "Title", "Figure", "Kind", "Qualifier", "Group", "Confirmed", "Text"}

func showCasualties(a fyne.App, store annotate.Store, jump jumpFunc) (*casualtiesWindow, error) {
	c := &casualtiesWindow{store: store, jump: jump}
	c.table = newSortedTable(casualtyColumns, []bool{true, false, true, false, false, false, false, false},
		[]float32{60, 200, 90, 90, 90, 110, 90, 320}, func(row int) { r := c.rows[row]; c.jump(r.DocID, r.SpanID) })
	if err := c.load(); err != nil {
		return nil, err
	}
	c.win = a.NewWindow("Casualties")
	top := tableWindowTop(c.win, widget.NewLabel("Click a column to sort; select a row to open it. “parsed”: not yet confirmed."), c.load, func() {
		saveCSV(c.win, "casualties.csv", func(w io.Writer) error { return dataset.WriteCasualtiesCSV(w, c.rows) })
	})
	c.win.SetContent(container.NewBorder(top, nil, nil, nil, c.table.table))
	c.win.Resize(fyne.NewSize(max(1000, c.table.fullWidth()), 600))
	c.win.Show()
	return c, nil
}

func (c *casualtiesWindow) load() error {
	rows, err := c.store.Casualties(context.Background())
	if err != nil {
		return err
	}
	c.rows = rows
	cells := make([][]string, len(rows))
	for i, r := range rows {
		confirmed := "parsed"
		if r.Confirmed {
			confirmed = "yes"
		}
		cells[i] = []string{fmt.Sprint(r.DocID), r.Title, r.FigureText(), r.Kind, r.Qualifier, r.Group, confirmed, snippet(r.Text)}
	}
	c.table.setRows(cells)
	return nil
}
