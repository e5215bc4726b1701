package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// Layers streams the documents filter picks, in id order, each with the chosen
// annotators' spans (ID, DocID, Start, End, Label and Annotator only) by start,
// then end: the order of the spans' unique index, so SQLite sorts nothing. All
// of it comes from one read snapshot.
func (db *DB) Layers(ctx context.Context, filter annotate.LayerFilter) iter.Seq2[annotate.DocumentLayers, error] {
	return func(yield func(annotate.DocumentLayers, error) bool) {
		tx, err := db.readTx(ctx)
		if err != nil {
			yield(annotate.DocumentLayers{}, db.fail("read layers", err))
			return
		}
		defer tx.Rollback()
		docs, err := layerDocuments(ctx, tx, filter.DocIDs)
		if err != nil {
			yield(annotate.DocumentLayers{}, db.fail("read layers", err))
			return
		}
		where, args := layerWhere(filter)
		// Reading label ids and looking the names up is cheaper than joining
		// labels to every span row.
		labelNames, err := labelNamesByID(ctx, tx)
		if err != nil {
			yield(annotate.DocumentLayers{}, db.fail("read layers", err))
			return
		}
		var sources map[int64]string
		if filter.Sources {
			if sources, err = spanSources(ctx, tx); err != nil {
				yield(annotate.DocumentLayers{}, db.fail("read layers", err))
				return
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT s.id, s.document_id, s.start_offset, s.end_offset, s.label_id, s.annotator
			FROM spans s`+where+`
			ORDER BY s.document_id, s.start_offset, s.end_offset`, args...)
		if err != nil {
			yield(annotate.DocumentLayers{}, db.fail("read layers", err))
			return
		}
		defer rows.Close()

		var current annotate.DocumentLayers
		flush := func() bool {
			if current.ID == 0 {
				return true
			}
			doc := current
			current = annotate.DocumentLayers{}
			doc.Annotators = annotatorsOf(doc.Spans)
			if len(doc.Annotators) < filter.MinAnnotators {
				return true
			}
			return yield(doc, nil)
		}
		// Annotators are few: one string each, not one per row.
		names := map[string]string{}
		intern := func(b sql.RawBytes) string {
			if name, ok := names[string(b)]; ok {
				return name
			}
			name := string(b)
			names[name] = name
			return name
		}
		// Spans are cut from large blocks rather than grown document by
		// document; a yielded document's slice is capped at its end, so the
		// caller's appends never reach the next document's spans.
		arena := make([]annotate.Span, 0, spanBlock)
		docStart := 0
		var labelID int64
		var annotator sql.RawBytes
		for rows.Next() {
			var s annotate.Span
			if err := rows.Scan(&s.ID, &s.DocID, &s.Start, &s.End, &labelID, &annotator); err != nil {
				yield(annotate.DocumentLayers{}, db.fail("read layers", err))
				return
			}
			s.Label, s.Annotator = labelNames[labelID], intern(annotator)
			if name, ok := sources[s.ID]; ok {
				s.Attrs = annotate.Attrs{"source": annotate.SourceValue(name)}
			}
			if s.DocID != current.ID {
				if !flush() {
					return
				}
				info := docs[s.DocID]
				current = annotate.DocumentLayers{ID: s.DocID, Title: info.title, Length: info.length}
				docStart = len(arena)
			}
			if len(arena) == cap(arena) {
				// A new block, with the current document's spans moved over.
				fresh := make([]annotate.Span, 0, max(spanBlock, 2*(len(arena)-docStart)))
				arena = append(fresh, arena[docStart:]...)
				docStart = 0
			}
			arena = append(arena, s)
			current.Spans = arena[docStart:len(arena):len(arena)]
		}
		if err := rows.Err(); err != nil {
			yield(annotate.DocumentLayers{}, db.fail("read layers", err))
			return
		}
		flush()
	}
}

// spanSources maps each span that has a source to it: its source attribute's
// source name, else the text of the SOURCE mention it heads a SOURCE_OF link to
// (the first by link id).
func spanSources(ctx context.Context, tx *sql.Tx) (map[int64]string, error) {
	out := map[int64]string{}
	rows, err := tx.QueryContext(ctx, `SELECT l.head_id, m.text FROM span_links l JOIN spans m ON m.id = l.child_id
		WHERE l.label = ? ORDER BY l.id DESC`, annotate.RelationSource)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = text // descending ids: the first link's text is written last
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT sa.span_id, so.name FROM span_attributes sa JOIN sources so ON so.id = sa.source_id
		WHERE sa.name = 'source' AND sa.type = 'source'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name // the attribute wins over the mention's words
	}
	return out, rows.Err()
}

// spanBlock is how many spans Layers allocates at a time.
const spanBlock = 8192

type layerDocument struct {
	title  string
	length int
}

func layerDocuments(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]layerDocument, error) {
	query := `SELECT id, title, length FROM documents`
	var args []any
	if len(ids) > 0 {
		query += ` WHERE id IN (` + placeholders(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	docs := map[int64]layerDocument{}
	for rows.Next() {
		var id int64
		var d layerDocument
		if err := rows.Scan(&id, &d.title, &d.length); err != nil {
			return nil, err
		}
		docs[id] = d
	}
	return docs, rows.Err()
}

func layerWhere(filter annotate.LayerFilter) (string, []any) {
	var conds []string
	var args []any
	if len(filter.Annotators) > 0 {
		conds = append(conds, `s.annotator IN (`+placeholders(len(filter.Annotators))+`)`)
		for _, a := range filter.Annotators {
			args = append(args, a)
		}
	}
	if len(filter.Exclude) > 0 {
		conds = append(conds, `s.annotator NOT IN (`+placeholders(len(filter.Exclude))+`)`)
		for _, a := range filter.Exclude {
			args = append(args, a)
		}
	}
	if len(filter.DocIDs) > 0 {
		conds = append(conds, `s.document_id IN (`+placeholders(len(filter.DocIDs))+`)`)
		for _, id := range filter.DocIDs {
			args = append(args, id)
		}
	}
	if len(filter.Labels) > 0 {
		cond, labelArgs := labelsIn(filter.Labels)
		conds = append(conds, cond)
		args = append(args, labelArgs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func annotatorsOf(spans []annotate.Span) []string {
	var names []string
	for _, s := range spans {
		if !slices.Contains(names, s.Annotator) {
			names = append(names, s.Annotator)
		}
	}
	slices.Sort(names)
	return names
}

// AnnotatorProgress counts documents and spans per annotator (the curated layer
// included) and the documents that no, one or several annotators (the curated
// layer not counted) have worked on.
func (db *DB) AnnotatorProgress(ctx context.Context, curator string) (annotate.Progress, error) {
	var p annotate.Progress
	tx, err := db.readTx(ctx)
	if err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&p.Documents); err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.annotator, count(DISTINCT s.document_id), count(*),
			count(DISTINCT CASE WHEN d.status = 'done' THEN s.document_id END)
		FROM spans s JOIN documents d ON d.id = s.document_id
		GROUP BY s.annotator ORDER BY s.annotator`)
	if err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	for rows.Next() {
		var a annotate.AnnotatorProgress
		if err := rows.Scan(&a.Name, &a.Documents, &a.Spans, &a.Done); err != nil {
			rows.Close()
			return p, db.fail("count annotators' progress", err)
		}
		p.Annotators = append(p.Annotators, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT d.id, d.title, count(DISTINCT s.annotator), min(s.annotator)
		FROM spans s JOIN documents d ON d.id = s.document_id
		WHERE s.annotator <> ?
		GROUP BY d.id ORDER BY d.id`, curator)
	if err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	defer rows.Close()
	annotated := 0
	for rows.Next() {
		var doc annotate.SingleAnnotated
		var n int
		if err := rows.Scan(&doc.ID, &doc.Title, &n, &doc.Annotator); err != nil {
			return p, db.fail("count annotators' progress", err)
		}
		annotated++
		if n == 1 {
			p.Single++
			p.NeedSecond = append(p.NeedSecond, doc)
		} else {
			p.Shared++
		}
	}
	if err := rows.Err(); err != nil {
		return p, db.fail("count annotators' progress", err)
	}
	p.Unannotated = p.Documents - annotated
	return p, nil
}

// AddSpans stores the spans not stored yet under their own annotators, in one
// transaction, each with a create entry in the history by `by`. A span outside
// its document, of an unknown label or of a document that does not exist stores
// nothing at all. A span's Attrs, if any, are checked against its label and
// stored with it.
func (db *DB) AddSpans(ctx context.Context, spans []annotate.Span, by string) (int, error) {
	added, _, err := db.AddLinkedSpans(ctx, spans, nil, by)
	return added, err
}

// AddLinkedSpans is AddSpans that then adds the links given, in the same
// transaction: each names its two ends by range and label among the spans of
// its annotator in its document (stored before or in this call). A link
// already stored is skipped; an end that does not exist stores nothing at all.
func (db *DB) AddLinkedSpans(ctx context.Context, spans []annotate.Span, links []annotate.RangeLink, by string) (added, linked int, err error) {
	err = db.withTx(ctx, "add spans", func(tx *sql.Tx) error {
		var err error
		if added, err = addSpans(ctx, tx, spans, by, db.now()); err != nil {
			return err
		}
		linked, err = addRangeLinks(ctx, tx, links, by, db.now())
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return added, linked, nil
}

func addSpans(ctx context.Context, tx *sql.Tx, spans []annotate.Span, by string, now time.Time) (int, error) {
	insert, err := tx.PrepareContext(ctx, `INSERT INTO spans
		(document_id, start_offset, end_offset, label_id, text, annotator, note, created_at, updated_at)
		SELECT id, ?, ?, ?, substr(text, ?, ?), ?, ?, ?, ? FROM documents WHERE id = ?
		ON CONFLICT (document_id, start_offset, end_offset, label_id, annotator) DO NOTHING`)
	if err != nil {
		return 0, err
	}
	defer insert.Close()
	lengths := map[int64]int{}
	labelIDs := map[string]int64{}
	touched := map[int64]bool{}
	stamp := formatTime(now)
	sources := &sourceResolver{create: true}
	added := 0
	for _, span := range spans {
		span.Label = annotate.NormalizeLabelName(span.Label)
		length, ok := lengths[span.DocID]
		if !ok {
			if length, err = documentLength(ctx, tx, span.DocID); err != nil {
				return 0, err
			}
			lengths[span.DocID] = length
		}
		if err := span.Validate(length); err != nil {
			return 0, fmt.Errorf("document %d: %w", span.DocID, err)
		}
		id, ok := labelIDs[span.Label]
		if !ok {
			if id, err = labelID(ctx, tx, span.Label); err != nil {
				return 0, err
			}
			labelIDs[span.Label] = id
		}
		attrs, err := checkSpanAttrs(ctx, tx, span.Label, span.Attrs)
		if err != nil {
			return 0, fmt.Errorf("document %d, %s %d-%d: %w", span.DocID, span.Label, span.Start, span.End, err)
		}
		res, err := insert.ExecContext(ctx, span.Start, span.End, id, span.Start+1, span.End-span.Start,
			span.Annotator, span.Note, stamp, stamp, span.DocID)
		if err != nil {
			return 0, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, err
		} else if n == 0 {
			continue
		}
		if span.ID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		if len(attrs) > 0 {
			if err := writeSpanAttrs(ctx, tx, span.ID, attrs, sources); err != nil {
				return 0, err
			}
		}
		stored, err := getSpan(ctx, tx, span.ID)
		if err != nil {
			return 0, err
		}
		if err := appendHistory(ctx, tx, annotate.ActionCreate, nil, &stored, by, now); err != nil {
			return 0, err
		}
		added++
		touched[span.DocID] = true
	}
	for docID := range touched {
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = 'in_progress' WHERE id = ? AND status = 'new'`, docID); err != nil {
			return 0, err
		}
	}
	return added, nil
}

// addRangeLinks adds the links not stored yet, each with a link entry in its
// head's history.
func addRangeLinks(ctx context.Context, tx *sql.Tx, links []annotate.RangeLink, by string, now time.Time) (int, error) {
	find := func(l annotate.RangeLink, end annotate.Span) (int64, error) {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN labels l ON l.id = s.label_id
			WHERE s.document_id = ? AND s.annotator = ? AND s.start_offset = ? AND s.end_offset = ? AND l.name = ?`,
			l.DocID, l.Annotator, end.Start, end.End, annotate.NormalizeLabelName(end.Label)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, annotate.Errorf(annotate.ENOTFOUND, "cannot link: document %d has no %s %d-%d by %s", l.DocID, end.Label, end.Start, end.End, l.Annotator)
		}
		return id, err
	}
	linked := 0
	for _, l := range links {
		head, err := find(l, l.Head)
		if err != nil {
			return 0, err
		}
		child, err := find(l, l.Child)
		if err != nil {
			return 0, err
		}
		if exists, err := linkExists(ctx, tx, head, child, l.Label); err != nil {
			return 0, err
		} else if exists {
			continue
		}
		before, err := getSpan(ctx, tx, head)
		if err != nil {
			return 0, err
		}
		if _, err := insertLink(ctx, tx, annotate.Link{Head: head, Child: child, Label: l.Label}, by, formatTime(now)); err != nil {
			return 0, err
		}
		after, err := getSpan(ctx, tx, head)
		if err != nil {
			return 0, err
		}
		if err := appendHistory(ctx, tx, annotate.ActionLink, &before, &after, by, now); err != nil {
			return 0, err
		}
		linked++
	}
	return linked, nil
}
