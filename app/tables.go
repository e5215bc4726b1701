package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sortedTable is a read-only table whose header cells sort it: a click on a
// column sorts by it, a second click reverses. Rows are strings; a column can
// compare as numbers (empty cells last). It backs the Sources ledger and the
// Casualties table.
type sortedTable struct {
	columns []string
	numeric []bool
	rows    [][]string
	order   []int // row indexes in display order
	sortCol int   // -1: as given
	desc    bool

	table    *widget.Table
	widths   []float32
	onSelect func(row int) // the row's index in rows
}

func newSortedTable(columns []string, numeric []bool, widths []float32, onSelect func(row int)) *sortedTable {
	t := &sortedTable{columns: columns, numeric: numeric, widths: widths, sortCol: -1, onSelect: onSelect}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.order), len(t.columns) },
		// Titles, source names and span text may be Arabic or Hebrew: a
		// textCell lays those out right to left.
		func() fyne.CanvasObject { return newTextCell() },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*textCell).SetText(t.cell(id.Row, id.Col))
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(t.columns) {
			b.SetText("")
			return
		}
		b.SetText(t.headerText(id.Col))
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.order) && t.onSelect != nil {
			t.onSelect(t.order[id.Row])
		}
	}
	for i, w := range widths {
		t.table.SetColumnWidth(i, w)
	}
	return t
}

// fullWidth is the width a window needs to show every column whole: a
// right-to-left name is right-aligned in its cell, so a column cut at the
// window's edge would hide its start.
func (t *sortedTable) fullWidth() float32 {
	pad := theme.Padding()
	w := 2*pad + theme.ScrollBarSize()
	for _, c := range t.widths {
		w += c + pad
	}
	return w
}

// setRows replaces the rows, keeping the sort.
func (t *sortedTable) setRows(rows [][]string) {
	t.rows = rows
	t.order = make([]int, len(rows))
	for i := range t.order {
		t.order[i] = i
	}
	t.applySort()
	t.table.Refresh()
}

// headerText is the column name with an arrow on the sorted column.
func (t *sortedTable) headerText(col int) string {
	if col != t.sortCol {
		return t.columns[col]
	}
	if t.desc {
		return t.columns[col] + " ▼"
	}
	return t.columns[col] + " ▲"
}

// sortBy sorts by a column; the same column again reverses the order.
func (t *sortedTable) sortBy(col int) {
	if col == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, t.numeric[col] // numbers start largest first
	}
	t.applySort()
	t.table.UnselectAll()
	t.table.Refresh()
}

func (t *sortedTable) applySort() {
	if t.sortCol < 0 {
		return
	}
	col := t.sortCol
	slices.SortStableFunc(t.order, func(a, b int) int {
		x, y := t.rows[a][col], t.rows[b][col]
		var c int
		if t.numeric[col] {
			c = compareNumberCells(x, y)
			if x == "" || y == "" { // empty cells last whichever way
				return c
			}
		} else {
			c = cmp.Compare(strings.ToLower(x), strings.ToLower(y))
		}
		if t.desc {
			return -c
		}
		return c
	})
}

// compareNumberCells compares cells holding numbers; an empty or non-numeric
// cell sorts after every number.
func compareNumberCells(x, y string) int {
	nx, errx := strconv.ParseFloat(firstNumber(x), 64)
	ny, erry := strconv.ParseFloat(firstNumber(y), 64)
	switch {
	case errx != nil && erry != nil:
		return 0
	case errx != nil:
		return 1
	case erry != nil:
		return -1
	}
	return cmp.Compare(nx, ny)
}

// firstNumber is the leading number of a figure such as "20–30" or "14".
func firstNumber(s string) string {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || (end == 0 && s[end] == '-')) {
		end++
	}
	return s[:end]
}

// cell is the text at a display row and column.
func (t *sortedTable) cell(row, col int) string {
	if row < 0 || row >= len(t.order) || col < 0 || col >= len(t.columns) {
		return ""
	}
	return t.rows[t.order[row]][col]
}

// displayed is the table as shown, for tests.
func (t *sortedTable) displayed() [][]string {
	out := make([][]string, len(t.order))
	for i, r := range t.order {
		out[i] = t.rows[r]
	}
	return out
}

func countCell(n int) string { return fmt.Sprint(n) }
