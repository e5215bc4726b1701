package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// The bulk reads (Export, AllSpans) stream every span, so they avoid per-row work
// that the one-span queries can afford: the label name comes from a map read in the
// same snapshot instead of a join, the scan destinations are reused, and a
// timestamp equal to the previous one (an import stamps all its spans alike, and
// updated_at usually equals created_at) is not parsed again.

// spanRowColumns are the columns spanReader.scan reads, from spans aliased s. An
// updated_at equal to created_at, as for every span not edited since, comes back
// empty: one string fewer to copy out of SQLite per row.
const spanRowColumns = `s.id, s.document_id, s.start_offset, s.end_offset, s.label_id, s.text,
	s.annotator, s.note, s.created_at, CASE WHEN s.updated_at = s.created_at THEN '' ELSE s.updated_at END`

// spanReader scans rows selected with spanRowColumns.
//
// The integer columns are scanned into interface values and asserted here:
// database/sql converts an int64 into an *int by formatting and parsing it, and
// into an *int64 through reflection, while an *any receives the driver's value as
// it is.
type spanReader struct {
	labels map[int64]string
	dest   []any

	ints             [5]any // id, document_id, start_offset, end_offset, label_id
	text, annotator  string
	note             string
	created, updated string

	lastStamp string
	lastTime  time.Time
}

// newSpanReader reads spans whose label names are in labels.
func newSpanReader(labels map[int64]string) *spanReader {
	r := &spanReader{labels: labels}
	r.dest = []any{&r.ints[0], &r.ints[1], &r.ints[2], &r.ints[3], &r.ints[4], &r.text, &r.annotator, &r.note, &r.created, &r.updated}
	return r
}

// scan reads the current row.
func (r *spanReader) scan(rows *sql.Rows) (annotate.Span, error) {
	if err := rows.Scan(r.dest...); err != nil {
		return annotate.Span{}, err
	}
	var n [5]int64
	for i, v := range r.ints {
		var ok bool
		if n[i], ok = v.(int64); !ok {
			return annotate.Span{}, fmt.Errorf("span row: column %d holds %T, not an integer", i+1, v)
		}
	}
	id, labelID := n[0], n[4]
	label, ok := r.labels[labelID]
	if !ok {
		return annotate.Span{}, fmt.Errorf("span %d: label %d is missing from the labels table", id, labelID)
	}
	s := annotate.Span{ID: id, DocID: n[1], Start: int(n[2]), End: int(n[3]), Label: label,
		Text: r.text, Annotator: r.annotator, Note: r.note}
	var err error
	if s.CreatedAt, err = r.time(r.created); err != nil {
		return annotate.Span{}, fmt.Errorf("span %d: %w", id, err)
	}
	if r.updated == "" {
		s.UpdatedAt = s.CreatedAt
	} else if s.UpdatedAt, err = r.time(r.updated); err != nil {
		return annotate.Span{}, fmt.Errorf("span %d: %w", id, err)
	}
	return s, nil
}

func (r *spanReader) time(stamp string) (time.Time, error) {
	if stamp == r.lastStamp && r.lastStamp != "" {
		return r.lastTime, nil
	}
	t, err := parseTime(stamp)
	if err != nil {
		return t, err
	}
	r.lastStamp, r.lastTime = stamp, t
	return t, nil
}

// labelNamesByID maps label ids to names.
func labelNamesByID(ctx context.Context, q queryer) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name FROM labels`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		names[id] = name
	}
	return names, rows.Err()
}

// docHeading is what a SpanRecord carries of its document.
type docHeading struct {
	title  string
	status annotate.Status
}

// docHeadings maps document ids to titles and statuses: one string per document
// that every span record of it shares, rather than a copy per span.
func docHeadings(ctx context.Context, q queryer) (map[int64]docHeading, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, title, status FROM documents`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	docs := map[int64]docHeading{}
	for rows.Next() {
		var id int64
		var h docHeading
		if err := rows.Scan(&id, &h.title, &h.status); err != nil {
			return nil, err
		}
		docs[id] = h
	}
	return docs, rows.Err()
}
