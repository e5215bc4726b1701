package dataset

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// CSVEncoder writes one row per span for spreadsheets:
// doc_id,title,start,end,label,text,annotator,note,created_at (RFC 3339, UTC),
// then the document's outlet,authors,date,url,lang (authors joined by "; "): the
// metadata columns come after the nine older ones, so that their readers still work.
// A cell beginning with = + - or @ (or a tab or CR, which some spreadsheets also
// treat as formula starts) gets a leading ' so it is shown, never run (OWASP's
// advice against CSV injection). Numbers are written as numbers.
//
// After those, one column per attribute the labels declare (opts.Labels), in
// label order then declaration order, each named once; a name that is one of the
// columns above gets the prefix "attr_". A cell is empty where the span has no
// such value.
type CSVEncoder struct {
	w         *csv.Writer
	opts      EncodeOptions
	header    bool
	attrNames []string
	columns   []string
}

// NewCSVEncoder writes to w.
func NewCSVEncoder(w io.Writer, opts EncodeOptions) *CSVEncoder {
	e := &CSVEncoder{w: csv.NewWriter(w), opts: opts, columns: slices.Clone(csvHeader)}
	for _, l := range opts.Labels {
		for _, d := range l.Attrs {
			if slices.Contains(e.attrNames, d.Name) {
				continue
			}
			e.attrNames = append(e.attrNames, d.Name)
			column := d.Name
			if slices.Contains(csvHeader, column) {
				column = "attr_" + column
			}
			e.columns = append(e.columns, column)
		}
	}
	return e
}

// CSVHeader is the first row.
var csvHeader = []string{"doc_id", "title", "start", "end", "label", "text", "annotator", "note", "created_at", "outlet", "authors", "date", "url", "lang"}

// Encode writes the document's spans.
func (e *CSVEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if !e.header {
		e.header = true
		if err := e.w.Write(e.columns); err != nil {
			return err
		}
	}
	spans, err := convertSpansFast(doc, e.opts.Unit)
	if err != nil {
		return err
	}
	id := strconv.FormatInt(doc.Document.ID, 10)
	for _, span := range spans {
		created := ""
		if !span.CreatedAt.IsZero() {
			created = span.CreatedAt.UTC().Format(time.RFC3339)
		}
		d := doc.Document
		row := []string{id, SafeCell(d.Title), strconv.Itoa(span.UnitStart), strconv.Itoa(span.UnitEnd),
			SafeCell(span.Label), SafeCell(span.Text), SafeCell(span.Annotator), SafeCell(span.Note), created,
			SafeCell(d.Outlet), SafeCell(strings.Join(d.Authors, "; ")), d.Published, SafeCell(d.URL), SafeCell(d.Language)}
		for _, name := range e.attrNames {
			cell := ""
			if v, ok := span.Attrs[name]; ok {
				cell = v.String()
				if v.Type != annotate.AttrNumber {
					cell = SafeCell(cell)
				}
			}
			row = append(row, cell)
		}
		if err := e.w.Write(row); err != nil {
			return err
		}
	}
	return e.w.Error()
}

// Close flushes the output.
func (e *CSVEncoder) Close() error {
	if !e.header {
		e.header = true
		if err := e.w.Write(e.columns); err != nil {
			return err
		}
	}
	e.w.Flush()
	return e.w.Error()
}

// SafeCell neutralises a cell a spreadsheet would run as a formula; the CSV
// export, the casualties table and the workbench's tables all use it.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
