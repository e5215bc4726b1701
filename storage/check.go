package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// CheckReport is what Check found, in words.
type CheckReport struct {
	Path string
	// Integrity lists what SQLite's integrity_check found (nothing: the file's
	// structure is sound).
	Integrity []string
	// Problems lists broken rules of Newsmark's own, each a sentence with a
	// count and the first few cases.
	Problems []string
	// Counts of what the database holds, when it could be read.
	Documents, Spans, Labels, HistoryEntries int
}

// OK reports whether nothing was found.
func (r CheckReport) OK() bool { return len(r.Integrity) == 0 && len(r.Problems) == 0 }

// invariant is one rule of Newsmark's data, as a query returning the rows that
// break it (one text column describing each) and the sentence for them.
type invariant struct {
	query    string
	sentence string // fmt: the count, then examples
}

// invariants are checked by Check; each query yields a description per bad row.
var invariants = []invariant{
	{`SELECT 'span ' || s.id || ' (' || s.start_offset || '-' || s.end_offset || ') in document ' || d.id || ' of ' || d.length || ' characters'
	  FROM spans s JOIN documents d ON d.id = s.document_id
	  WHERE s.end_offset > d.length OR s.start_offset < 0 OR s.end_offset <= s.start_offset`,
		"%d span(s) lie outside their document's text: %s"},
	{`SELECT 'span ' || s.id || ' in document ' || s.document_id
	  FROM spans s JOIN documents d ON d.id = s.document_id
	  WHERE s.end_offset <= d.length AND s.text <> substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset)`,
		"%d span(s) store text that differs from the document at their offsets: %s"},
	{`SELECT 'document ' || id || ' (' || length || ' recorded, ' || length(text) || ' actual)'
	  FROM documents WHERE length <> length(text)`,
		"%d document(s) record a wrong length: %s"},
	{`SELECT 'span ' || s.id || ' names label id ' || s.label_id
	  FROM spans s LEFT JOIN labels l ON l.id = s.label_id WHERE l.id IS NULL`,
		"%d span(s) refer to a label that does not exist: %s"},
	{`SELECT 'span ' || s.id || ' names document ' || s.document_id
	  FROM spans s LEFT JOIN documents d ON d.id = s.document_id WHERE d.id IS NULL`,
		"%d span(s) refer to a document that does not exist: %s"},
	{`SELECT 'entry ' || id || ' (' || action || ')' FROM span_history
	  WHERE (before IS NOT NULL AND NOT json_valid(before)) OR (after IS NOT NULL AND NOT json_valid(after))
	     OR (action IN ('create', 'restore') AND (before IS NOT NULL OR after IS NULL))
	     OR (action = 'delete' AND (before IS NULL OR after IS NOT NULL))
	     OR (action IN ('relabel', 'note') AND (before IS NULL OR after IS NULL))`,
		"%d history entries are malformed (bad JSON, or before/after not fitting the action): %s"},
	{`SELECT 'span ' || s.id FROM spans s
	  WHERE NOT EXISTS (SELECT 1 FROM span_history h WHERE h.span_id = s.id)`,
		"%d span(s) have no history entry: %s"},
	{`SELECT 'span ' || s.id || ' (history: ' || h.action || ')'
	  FROM spans s JOIN span_history h ON h.id = (SELECT max(id) FROM span_history WHERE span_id = s.id)
	  JOIN labels l ON l.id = s.label_id
	  WHERE h.action = 'delete'
	     OR (json_valid(h.after) AND (json_extract(h.after, '$.start') <> s.start_offset
	         OR json_extract(h.after, '$.end') <> s.end_offset OR json_extract(h.after, '$.label') <> l.name))`,
		"%d span(s) differ from their latest history entry: %s"},
	{`SELECT 'span ' || h.span_id || ' in document ' || h.document_id
	  FROM span_history h JOIN documents d ON d.id = h.document_id
	  WHERE h.id = (SELECT max(id) FROM span_history WHERE span_id = h.span_id) AND h.action <> 'delete'
	    AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.id = h.span_id)`,
		"%d span(s) are gone although their history does not record a delete: %s"},
}

// maxExamples is how many bad rows a problem's sentence names.
const maxExamples = 5

// Check examines the database at path without writing to it (it works on a
// damaged database too, as far as SQLite can read it): integrity_check, then the
// rules Newsmark's data keeps.
func Check(ctx context.Context, path string) (CheckReport, error) {
	report := CheckReport{Path: path}
	absPath, err := filepath.Abs(path)
	if err != nil {
		return report, err
	}
	info, err := os.Stat(absPath)
	if err != nil {
		return report, fmt.Errorf("check %s: %w", annotate.QuotePath(path), err)
	}
	if info.IsDir() {
		return report, annotate.Errorf(annotate.EINVALID, "check %s: it is a folder", annotate.QuotePath(path))
	}
	conn, err := sql.Open("sqlite3", probeURI(absPath, defaultBusyTimeout))
	if err != nil {
		return report, err
	}
	defer conn.Close()
	problems, err := quickCheck(conn, "integrity_check")
	if err != nil {
		return report, fmt.Errorf("check %s: %w", annotate.QuotePath(path), err)
	}
	report.Integrity = problems
	var migrations int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&migrations); err != nil {
		report.Problems = append(report.Problems, "the list of tables cannot be read: "+err.Error())
		return report, nil
	}
	if migrations == 0 {
		return report, annotate.Errorf(annotate.EINVALID, "check %s: not a Newsmark database (it has no schema_migrations table)", annotate.QuotePath(path))
	}
	for _, c := range []struct {
		table string
		n     *int
	}{{"documents", &report.Documents}, {"spans", &report.Spans}, {"labels", &report.Labels}, {"span_history", &report.HistoryEntries}} {
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM `+c.table).Scan(c.n); err != nil {
			report.Problems = append(report.Problems, fmt.Sprintf("the %s table cannot be read: %v", c.table, err))
		}
	}
	for _, inv := range invariants {
		bad, total, err := examples(ctx, conn, inv.query)
		if err != nil {
			report.Problems = append(report.Problems, fmt.Sprintf("a check could not run: %v", err))
			continue
		}
		if total > 0 {
			report.Problems = append(report.Problems, fmt.Sprintf(inv.sentence, total, bad))
		}
	}
	return report, nil
}

// examples runs an invariant's query and returns the first few descriptions
// joined, and the count of all.
func examples(ctx context.Context, conn *sql.DB, query string) (string, int, error) {
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()
	var listed string
	total := 0
	for rows.Next() {
		var what sql.NullString
		if err := rows.Scan(&what); err != nil {
			return "", 0, err
		}
		total++
		if total <= maxExamples {
			if listed != "" {
				listed += ", "
			}
			listed += what.String
		}
	}
	if total > maxExamples {
		listed += fmt.Sprintf(" and %d more", total-maxExamples)
	}
	if err := rows.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return "", 0, err
	}
	return listed, total, nil
}

// CheckInWords checks this database (see Check) and returns the report as Text
// gives it; sound is true when nothing was found.
func (db *DB) CheckInWords(ctx context.Context) (report string, sound bool, err error) {
	r, err := Check(ctx, db.absPath)
	if err != nil {
		return "", false, err
	}
	r.Path = db.path
	return r.Text(), r.OK(), nil
}

// maxIntegrityLines is how many integrity_check lines Text lists.
const maxIntegrityLines = 20

// Text is the report as sentences, the same for `newsmark check` and the app's
// Help ▸ Check database.
func (r CheckReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Database %s: %s, %s, %s, %s.\n", annotate.QuotePath(r.Path),
		count(r.Documents, "document", "documents"), count(r.Spans, "annotation", "annotations"),
		count(r.Labels, "label", "labels"), count(r.HistoryEntries, "history entry", "history entries"))
	if len(r.Integrity) == 0 {
		b.WriteString("File structure: sound (SQLite integrity_check: ok).\n")
	} else {
		fmt.Fprintf(&b, "File structure: DAMAGED, SQLite integrity_check found %s:\n", count(len(r.Integrity), "problem", "problems"))
		for i, p := range r.Integrity {
			if i == maxIntegrityLines {
				fmt.Fprintf(&b, "  … and %d more\n", len(r.Integrity)-maxIntegrityLines)
				break
			}
			fmt.Fprintf(&b, "  %s\n", annotate.Clip(p))
		}
	}
	if len(r.Problems) == 0 {
		b.WriteString("Annotations: every span lies inside its document's text and matches it, every label and document referred to exists, and the history agrees with the annotations.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Annotations: %s:\n", count(len(r.Problems), "problem", "problems"))
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  %s\n", strings.TrimSpace(p))
	}
	return b.String()
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
