package storage

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// AllSpans streams every span with its document's title and status, in id order,
// from one snapshot. Stopping the loop early releases the cursor.
func (db *DB) AllSpans(ctx context.Context) iter.Seq2[annotate.SpanRecord, error] {
	return func(yield func(annotate.SpanRecord, error) bool) {
		fail := func(err error) { yield(annotate.SpanRecord{}, db.fail("read spans", err)) }
		tx, err := db.readTx(ctx)
		if err != nil {
			fail(err)
			return
		}
		defer tx.Rollback()
		labels, err := labelNamesByID(ctx, tx)
		if err != nil {
			fail(err)
			return
		}
		docs, err := docHeadings(ctx, tx)
		if err != nil {
			fail(err)
			return
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+spanRowColumns+` FROM spans s ORDER BY s.id`)
		if err != nil {
			fail(err)
			return
		}
		defer rows.Close()
		reader := newSpanReader(labels)
		for rows.Next() {
			span, err := reader.scan(rows)
			if err != nil {
				fail(err)
				return
			}
			doc, ok := docs[span.DocID]
			if !ok {
				fail(fmt.Errorf("span %d: document %d is missing", span.ID, span.DocID))
				return
			}
			if !yield(annotate.SpanRecord{Span: span, DocTitle: doc.title, DocStatus: doc.status}, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			fail(err)
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

		labels, err := labelNamesByID(ctx, tx)
		if err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export labels", err))
			return
		}
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
		extras, err := openExportExtras(ctx, tx)
		if err != nil {
			yield(annotate.AnnotatedDocument{}, db.fail("export attributes", err))
			return
		}
		defer extras.close()

		reader := newSpanReader(labels)
		var pending annotate.Span // read from the span cursor, not yet placed
		havePending := false
		for docs.Next() {
			doc, err := scanDocument(docs)
			if err != nil {
				yield(annotate.AnnotatedDocument{}, db.fail("export documents", err))
				return
			}
			out := annotate.AnnotatedDocument{Document: doc}
			for {
				if !havePending {
					if !spans.Next() {
						if err := spans.Err(); err != nil {
							yield(annotate.AnnotatedDocument{}, db.fail("export spans", err))
							return
						}
						break
					}
					if pending, err = reader.scan(spans); err != nil {
						yield(annotate.AnnotatedDocument{}, db.fail("export spans", err))
						return
					}
					havePending = true
				}
				if pending.DocID > doc.ID {
					break
				}
				if pending.DocID == doc.ID {
					out.Spans = append(out.Spans, pending)
				}
				havePending = false
			}
			annotate.SortSpans(out.Spans)
			if err := extras.attach(&out); err != nil {
				yield(annotate.AnnotatedDocument{}, db.fail("export attributes", err))
				return
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

// labelsIn is the condition that a span (s) has one of the labels named, with its
// arguments (the names normalised).
func labelsIn(names []string) (string, []any) {
	args := make([]any, len(names))
	for i, name := range names {
		args[i] = annotate.NormalizeLabelName(name)
	}
	return `s.label_id IN (SELECT id FROM labels WHERE name IN (` + placeholders(len(names)) + `))`, args
}

// exportSpans opens the span cursor for Export, sorted by document. SQLite walks
// the unique index (document_id, start_offset, end_offset, ...) for that order;
// the text order within a document wants end_offset descending, which the index
// does not have and which would cost SQLite a sort of all rows, so Export sorts
// each document's few spans itself.
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
		cond, labelArgs := labelsIn(filter.Labels)
		where = append(where, cond)
		args = append(args, labelArgs...)
	}
	clause := ""
	if len(where) > 0 {
		clause = "WHERE " + strings.Join(where, " AND ")
	}
	return tx.QueryContext(ctx, `SELECT `+spanRowColumns+` FROM spans s `+clause+` ORDER BY s.document_id, s.start_offset, s.end_offset`, args...)
}
