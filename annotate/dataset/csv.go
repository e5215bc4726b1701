package dataset

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// CSVEncoder writes one row per span for spreadsheets:
// doc_id,title,start,end,label,text,annotator,note,created_at (RFC 3339, UTC),
// then the document's outlet,authors,date,url,lang (authors joined by "; "): the
// metadata columns come last so that readers of the older nine columns still work.
// A cell beginning with = + - or @ (or a tab or CR, which some spreadsheets also
// treat as formula starts) gets a leading ' so it is shown, never run (OWASP's
// advice against CSV injection). Numbers are written as numbers.
type CSVEncoder struct {
	w      *csv.Writer
	opts   EncodeOptions
	header bool
}

// NewCSVEncoder writes to w.
func NewCSVEncoder(w io.Writer, opts EncodeOptions) *CSVEncoder {
	return &CSVEncoder{w: csv.NewWriter(w), opts: opts}
}

// CSVHeader is the first row.
var csvHeader = []string{"doc_id", "title", "start", "end", "label", "text", "annotator", "note", "created_at", "outlet", "authors", "date", "url", "lang"}

// Encode writes the document's spans.
func (e *CSVEncoder) Encode(doc annotate.AnnotatedDocument) error {
	if !e.header {
		e.header = true
		if err := e.w.Write(csvHeader); err != nil {
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
		row := []string{id, safeCell(d.Title), strconv.Itoa(span.UnitStart), strconv.Itoa(span.UnitEnd),
			safeCell(span.Label), safeCell(span.Text), safeCell(span.Annotator), safeCell(span.Note), created,
			safeCell(d.Outlet), safeCell(strings.Join(d.Authors, "; ")), d.Published, safeCell(d.URL), safeCell(d.Language)}
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
		if err := e.w.Write(csvHeader); err != nil {
			return err
		}
	}
	e.w.Flush()
	return e.w.Error()
}

// safeCell neutralises a cell a spreadsheet would run as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
