package storage

import (
	"context"
	"database/sql"
	"iter"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// AllSpans streams every span with its document's title and status, in id order,
// from one snapshot. Stopping the loop early releases the cursor.
func (db *DB) AllSpans(ctx context.Context) iter.Seq2[annotate.SpanRecord, error] {
	return func(yield func(annotate.SpanRecord, error) bool) {
		rows, err := db.read.QueryContext(ctx, `SELECT s.id, s.document_id, s.start_offset, s.end_offset, l.name, s.text,
			s.annotator, s.note, s.created_at, s.updated_at, d.title, d.status
			FROM spans s JOIN labels l ON l.id = s.label_id JOIN documents d ON d.id = s.document_id
			ORDER BY s.id`)
		if err != nil {
			yield(annotate.SpanRecord{}, db.fail("read spans", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var rec annotate.SpanRecord
			rec.Span, err = scanSpan(rows, &rec.DocTitle, &rec.DocStatus)
			if err != nil {
				yield(annotate.SpanRecord{}, db.fail("read spans", err))
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(annotate.SpanRecord{}, db.fail("read spans", err))
		}
	}
}

// Export streams the documents the filter picks, each with its spans in text
// order, holding one document in memory at a time. Documents with no matching
// span are included: unannotated text is data too. Two cursors, one over
// documents and one over spans sorted by document, are merged within one
// snapshot.
func (db *DB) Export(ctx context.Context, filter annotate.ExportFilter) iter.Seq2[annotate.AnnotatedDocument, error] {
	return func(yield func(annotate.AnnotatedDocument, error) bool) {
		if filter.Status != "" && !filter.Status.Valid() {
			yield(annotate.AnnotatedDocument{}, annotate.Errorf(annotate.EINVALID, "unknown status %q", filter.Status))
			return
		}
		tx, err := db.readTx(ctx)
		if err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export", err))
			return
		}
		defer tx.Rollback()

		docs, err := tx.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE ? = '' OR status = ? ORDER BY id`,
			string(filter.Status), string(filter.Status))
		if err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export documents", err))
			return
		}
		defer docs.Close()
		spans, err := exportSpans(ctx, tx, filter)
		if err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export spans", err))
			return
		}
		defer spans.Close()

		var pending *annotate.Span // read from the span cursor, not yet placed
		for docs.Next() {
			doc, err := scanDocument(docs)
			if err != nil {
				yield(annotate.AnnotatedDocument{}, db.fail("export documents", err))
				return
			}
			out := annotate.AnnotatedDocument{Document: doc}
			for {
				if pending == nil {
					if !spans.Next() {
						if err := spans.Err(); err != nil {
							yield(annotate.AnnotatedDocument{}, db.fail("export spans", err))
							return
						}
						break
					}
					span, err := scanSpan(spans)
					if err != nil {
						yield(annotate.AnnotatedDocument{}, db.fail("export spans", err))
						return
					}
					pending = &span
				}
				if pending.DocID > doc.ID {
					break
				}
				if pending.DocID == doc.ID {
					out.Spans = append(out.Spans, *pending)
				}
				pending = nil
			}
			if !yield(out, nil) {
				return
			}
		}
		if err := docs.Err(); err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export documents", err))
		}
	}
}

// exportSpans opens the span cursor for Export, sorted by document and then in
// text order.
func exportSpans(ctx context.Context, tx *sql.Tx, filter annotate.ExportFilter) (*sql.Rows, error) {
	var where []string
	var args []any
	if filter.Status != "" {
		where = append(where, `s.document_id IN (SELECT id FROM documents WHERE status = ?)`)
		args = append(args, string(filter.Status))
	}
	if filter.Annotator != "" {
		where = append(where, `s.annotator = ?`)
		args = append(args, filter.Annotator)
	}
	if len(filter.Labels) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(filter.Labels)), ", ")
		where = append(where, `l.name IN (`+marks+`)`)
		for _, name := range filter.Labels {
			args = append(args, annotate.NormalizeLabelName(name))
		}
	}
	clause := ""
	if len(where) > 0 {
		clause = "WHERE " + strings.Join(where, " AND ")
	}
	return tx.QueryContext(ctx, spanSelect+clause+` ORDER BY s.document_id, s.start_offset, s.end_offset DESC, s.id`, args...)
}
