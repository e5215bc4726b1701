package dataset

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
)

// CasualtyColumns is the header of the casualties table as CSV: the same fields,
// in the same order, as `newsmark casualties --json`.
var CasualtyColumns = []string{"doc_id", "title", "start", "end", "text", "count", "min", "max", "qualifier", "kind", "group", "confirmed"}

// WriteCasualtiesCSV writes the casualties table: offsets in code points, an
// absent number as an empty cell, confirmed as true/false. Text cells get the
// same guard against spreadsheet formulas as the CSV export.
func WriteCasualtiesCSV(w io.Writer, rows []annotate.Casualty) error {
	out := csv.NewWriter(w)
	if err := out.Write(CasualtyColumns); err != nil {
		return err
	}
	number := func(n *float64) string {
		if n == nil {
			return ""
		}
		return strconv.FormatFloat(*n, 'f', -1, 64)
	}
	for _, c := range rows {
		record := []string{strconv.FormatInt(c.DocID, 10), SafeCell(c.Title), strconv.Itoa(c.Start), strconv.Itoa(c.End), SafeCell(c.Text),
			number(c.Count), number(c.Min), number(c.Max), SafeCell(c.Qualifier), SafeCell(c.Kind), SafeCell(c.Group), strconv.FormatBool(c.Confirmed)}
		if err := out.Write(record); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}
