package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// labelAttrs reads every label's attribute declarations, by label id.
func labelAttrs(ctx context.Context, q queryer) (map[int64][]annotate.AttrDecl, error) {
	return queryDecls(ctx, q, ``)
}

// queryDecls reads the attribute declarations the WHERE clause (or none) picks,
// by label id.
func queryDecls(ctx context.Context, q queryer, where string, args ...any) (map[int64][]annotate.AttrDecl, error) {
	rows, err := q.QueryContext(ctx, `SELECT label_id, name, type, options FROM label_attributes `+where+` ORDER BY label_id, sort_order, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]annotate.AttrDecl{}
	for rows.Next() {
		var labelID int64
		var d annotate.AttrDecl
		var options string
		if err := rows.Scan(&labelID, &d.Name, &d.Type, &options); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(options), &d.Options); err != nil {
			return nil, fmt.Errorf("attribute %s of label %d: options: %w", d.Name, labelID, err)
		}
		if len(d.Options) == 0 {
			d.Options = nil
		}
		out[labelID] = append(out[labelID], d)
	}
	return out, rows.Err()
}

// labelByName reads one label with its declarations.
func labelByName(ctx context.Context, q queryer, name string) (annotate.Label, error) {
	var l annotate.Label
	err := q.QueryRowContext(ctx, `SELECT id, name, color, hotkey, description, sort_order FROM labels WHERE name = ?`,
		annotate.NormalizeLabelName(name)).Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey, &l.Description, &l.Order)
	if errors.Is(err, sql.ErrNoRows) {
		return l, annotate.Errorf(annotate.ENOTFOUND, "unknown label %q", name)
	} else if err != nil {
		return l, err
	}
	decls, err := queryDecls(ctx, q, `WHERE label_id = ?`, l.ID)
	l.Attrs = decls[l.ID]
	return l, err
}

// insertAttrDecl stores a declaration at the end of the label's list.
func insertAttrDecl(ctx context.Context, tx *sql.Tx, labelID int64, d annotate.AttrDecl) error {
	options, err := encodeOptions(d)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO label_attributes (label_id, name, type, options, sort_order)
		VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort_order) + 1, 0) FROM label_attributes WHERE label_id = ?))`,
		labelID, d.Name, string(d.Type), options, labelID)
	return err
}

// encodeOptions is a declaration's options column: a JSON array, [] for none.
func encodeOptions(d annotate.AttrDecl) (string, error) {
	if d.Options == nil {
		return "[]", nil
	}
	options, err := json.Marshal(d.Options)
	return string(options), err
}

// DeclareAttribute adds an attribute to a label, or replaces the declaration of
// that name. A replacement that would leave stored values invalid (a number
// attribute made a choice, an option in use removed) is refused, naming a span.
func (db *DB) DeclareAttribute(ctx context.Context, labelName string, decl annotate.AttrDecl) (annotate.Label, error) {
	var label annotate.Label
	err := db.withTx(ctx, "declare attribute", func(tx *sql.Tx) error {
		var err error
		if label, err = labelByName(ctx, tx, labelName); err != nil {
			return err
		}
		if err := decl.Validate(); err != nil {
			return annotate.Errorf(annotate.EINVALID, "label %s: %v", label.Name, err)
		}
		old, exists := label.FindDecl(decl.Name)
		if !exists {
			if err := insertAttrDecl(ctx, tx, label.ID, decl); err != nil {
				return err
			}
			label.Attrs = append(label.Attrs, decl)
			return nil
		}
		if err := checkValuesFit(ctx, tx, label, old, decl); err != nil {
			return err
		}
		options, err := encodeOptions(decl)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE label_attributes SET type = ?, options = ? WHERE label_id = ? AND name = ?`,
			string(decl.Type), options, label.ID, decl.Name); err != nil {
			return err
		}
		for i := range label.Attrs {
			if label.Attrs[i].Name == decl.Name {
				label.Attrs[i] = decl
			}
		}
		return nil
	})
	if err != nil {
		return annotate.Label{}, err
	}
	return label, nil
}

// checkValuesFit refuses a changed declaration that a stored value would break.
func checkValuesFit(ctx context.Context, tx *sql.Tx, label annotate.Label, old, decl annotate.AttrDecl) error {
	if old.Type == decl.Type && decl.Type != annotate.AttrChoice {
		return nil
	}
	spans, err := querySpans(ctx, tx, `WHERE s.label_id = ? AND s.id IN (SELECT span_id FROM span_attributes WHERE name = ?) ORDER BY s.id`, label.ID, decl.Name)
	if err != nil {
		return err
	}
	for _, s := range spans {
		if _, err := decl.Coerce(label.Name, s.Attrs[decl.Name]); err != nil || (old.Type == annotate.AttrSource) != (decl.Type == annotate.AttrSource) {
			return annotate.Errorf(annotate.ECONFLICT, "label %s: attribute %s cannot become %s: span %d (document %d, %q) holds %q",
				label.Name, decl.Name, decl.Describe(), s.ID, s.DocID, s.Text, s.Attrs[decl.Name].String())
		}
	}
	return nil
}

// RemoveAttribute removes a label's attribute declaration and every value of it.
func (db *DB) RemoveAttribute(ctx context.Context, labelName, attrName string) (removed int, err error) {
	err = db.withTx(ctx, "remove attribute", func(tx *sql.Tx) error {
		label, err := labelByName(ctx, tx, labelName)
		if err != nil {
			return err
		}
		if _, ok := label.FindDecl(attrName); !ok {
			return annotate.Errorf(annotate.ENOTFOUND, "label %s has no attribute %q", label.Name, attrName)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM span_attributes WHERE name = ? AND span_id IN (SELECT id FROM spans WHERE label_id = ?)`, attrName, label.ID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		removed = int(n)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM label_attributes WHERE label_id = ? AND name = ?`, label.ID, attrName)
		return err
	})
	return removed, err
}

// attrColumns reads one span_attributes row joined with its source's name.
const attrSelect = `SELECT a.span_id, a.name, a.type, a.value, src.name, a.parsed
	FROM span_attributes a LEFT JOIN sources src ON src.id = a.source_id `

func scanAttr(row interface{ Scan(...any) error }) (int64, string, annotate.AttrValue, error) {
	var spanID int64
	var name, typ string
	var value any
	var sourceName sql.NullString
	var parsed bool
	if err := row.Scan(&spanID, &name, &typ, &value, &sourceName, &parsed); err != nil {
		return 0, "", annotate.AttrValue{}, err
	}
	v := annotate.AttrValue{Type: annotate.AttrType(typ), Parsed: parsed}
	switch v.Type {
	case annotate.AttrSource:
		v.Text = sourceName.String
	case annotate.AttrNumber:
		switch x := value.(type) {
		case float64:
			v.Number = x
		case int64:
			v.Number = float64(x)
		default:
			return 0, "", v, fmt.Errorf("span %d attribute %s: stored number is %T", spanID, name, value)
		}
	case annotate.AttrBool:
		n, _ := value.(int64)
		v.Bool = n != 0
	default:
		switch x := value.(type) {
		case string:
			v.Text = x
		case []byte:
			v.Text = string(x)
		default:
			return 0, "", v, fmt.Errorf("span %d attribute %s: stored text is %T", spanID, name, value)
		}
	}
	return spanID, name, v, nil
}

// attachAttrs fills in the attributes and links of spans, reading them by span
// id in chunks (a document's spans take one query each for attributes and
// links; a label's spans across thousands of documents a few).
func attachAttrs(ctx context.Context, q queryer, spans []annotate.Span) error {
	if len(spans) == 0 {
		return nil
	}
	index := make(map[int64]int, len(spans))
	for i, s := range spans {
		index[s.ID] = i
	}
	const chunk = 400 // well under SQLite's limit of bound parameters
	for from := 0; from < len(spans); from += chunk {
		part := spans[from:min(from+chunk, len(spans))]
		ids := make([]any, len(part))
		for i, s := range part {
			ids[i] = s.ID
		}
		if err := attachChunk(ctx, q, spans, index, placeholders(len(ids)), ids); err != nil {
			return err
		}
	}
	return nil
}

func attachChunk(ctx context.Context, q queryer, spans []annotate.Span, index map[int64]int, marks string, ids []any) error {
	bySpan, err := queryAttrs(ctx, q, `WHERE a.span_id IN (`+marks+`)`, ids...)
	if err != nil {
		return err
	}
	for spanID, attrs := range bySpan {
		if i, ok := index[spanID]; ok {
			spans[i].Attrs = attrs
		}
	}
	args := append(append([]any(nil), ids...), ids...)
	links, err := queryLinks(ctx, q, `WHERE l.head_id IN (`+marks+`) OR l.child_id IN (`+marks+`) ORDER BY l.id`, args...)
	if err != nil {
		return err
	}
	for _, l := range links {
		if i, ok := index[l.Head]; ok && !hasLink(spans[i].Links, l.ID) {
			spans[i].Links = append(spans[i].Links, l)
		}
		if i, ok := index[l.Child]; ok && !hasLink(spans[i].Links, l.ID) {
			spans[i].Links = append(spans[i].Links, l)
		}
	}
	return nil
}

func hasLink(links []annotate.Link, id int64) bool {
	for _, l := range links {
		if l.ID == id {
			return true
		}
	}
	return false
}

// writeSpanAttrs replaces a span's stored attributes with attrs, which the
// caller has checked against the label. Source names are found or created.
func writeSpanAttrs(ctx context.Context, tx *sql.Tx, spanID int64, attrs annotate.Attrs, sources *sourceResolver) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM span_attributes WHERE span_id = ?`, spanID); err != nil {
		return err
	}
	for _, name := range attrs.Names() {
		v := attrs[name]
		var value, sourceID any
		switch v.Type {
		case annotate.AttrSource:
			id, err := sources.resolve(ctx, tx, v.Text)
			if err != nil {
				return err
			}
			sourceID = id
		case annotate.AttrNumber:
			value = v.Number
		case annotate.AttrBool:
			value = v.Bool
		default:
			value = v.Text
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO span_attributes (span_id, name, label_id, type, value, source_id, parsed)
			SELECT ?, ?, label_id, ?, ?, ?, ? FROM spans WHERE id = ?`,
			spanID, name, string(v.Type), value, sourceID, v.Parsed, spanID); err != nil {
			return err
		}
	}
	return nil
}

// checkSpanAttrs checks attrs against the span's label.
func checkSpanAttrs(ctx context.Context, q queryer, labelName string, attrs annotate.Attrs) (annotate.Attrs, error) {
	if len(attrs) == 0 {
		return nil, nil
	}
	label, err := labelByName(ctx, q, labelName)
	if err != nil {
		return nil, err
	}
	return label.CheckAttrs(attrs)
}

// SetSpanAttrs replaces all of a span's attribute values (the primitive behind
// set, clear, confirm and their undo) and records the change in the history.
func (db *DB) SetSpanAttrs(ctx context.Context, id int64, attrs annotate.Attrs, annotator string) (annotate.Span, error) {
	return db.editSpanAttrs(ctx, "set span attributes", id, annotator, func(annotate.Attrs) annotate.Attrs { return attrs })
}

// editSpanAttrs replaces a span's attribute values with what edit makes of the
// stored ones, read in the same transaction: an attribute another program set
// since the caller last read the span is kept, not overwritten with an older copy.
func (db *DB) editSpanAttrs(ctx context.Context, op string, id int64, annotator string, edit func(stored annotate.Attrs) annotate.Attrs) (annotate.Span, error) {
	return db.changeSpan(ctx, op, id, annotator, annotate.ActionAttr, func(tx *sql.Tx, span *annotate.Span) (bool, error) {
		attrs := edit(span.Attrs.Clone())
		// Values kept as stored are not checked again: a relabelled span keeps
		// attributes its new label may not declare, and that must not block
		// editing the others.
		changed := annotate.Attrs{}
		for name, v := range attrs {
			if old, ok := span.Attrs[name]; !ok || !attrsEqual(annotate.Attrs{name: old}, annotate.Attrs{name: v}) {
				changed[name] = v
			}
		}
		checked, err := checkSpanAttrs(ctx, tx, span.Label, changed)
		if err != nil {
			return false, err
		}
		for name := range attrs {
			if _, isChanged := changed[name]; !isChanged {
				if checked == nil {
					checked = annotate.Attrs{}
				}
				checked[name] = span.Attrs[name]
			}
		}
		if attrsEqual(span.Attrs, checked) {
			return false, nil
		}
		if err := writeSpanAttrs(ctx, tx, span.ID, checked, &sourceResolver{create: true}); err != nil {
			return false, err
		}
		// A source typed in another case or spacing reads back as the source's name.
		span.Attrs, err = readSpanAttrs(ctx, tx, span.ID)
		if err != nil {
			return false, err
		}
		_, err = tx.ExecContext(ctx, `UPDATE spans SET updated_at = ? WHERE id = ?`, formatTime(span.UpdatedAt), span.ID)
		return true, err
	})
}

// SetSpanAttr sets one attribute of a span as a person's value (not parsed).
func (db *DB) SetSpanAttr(ctx context.Context, id int64, name string, value annotate.AttrValue, annotator string) (annotate.Span, error) {
	value.Parsed = false
	return db.editSpanAttrs(ctx, "set span attribute", id, annotator, func(attrs annotate.Attrs) annotate.Attrs {
		if attrs == nil {
			attrs = annotate.Attrs{}
		}
		attrs[name] = value
		return attrs
	})
}

// ClearSpanAttr removes one attribute value of a span.
func (db *DB) ClearSpanAttr(ctx context.Context, id int64, name, annotator string) (annotate.Span, error) {
	return db.editSpanAttrs(ctx, "clear span attribute", id, annotator, func(attrs annotate.Attrs) annotate.Attrs {
		delete(attrs, name)
		return attrs
	})
}

func readSpanAttrs(ctx context.Context, q queryer, spanID int64) (annotate.Attrs, error) {
	bySpan, err := queryAttrs(ctx, q, `WHERE a.span_id = ?`, spanID)
	return bySpan[spanID], err
}

// queryAttrs reads the attribute rows the clause picks (it follows attrSelect,
// which names span_attributes a), by span id.
func queryAttrs(ctx context.Context, q queryer, clause string, args ...any) (map[int64]annotate.Attrs, error) {
	rows, err := q.QueryContext(ctx, attrSelect+clause, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	bySpan := map[int64]annotate.Attrs{}
	for rows.Next() {
		spanID, name, v, err := scanAttr(rows)
		if err != nil {
			return nil, err
		}
		if bySpan[spanID] == nil {
			bySpan[spanID] = annotate.Attrs{}
		}
		bySpan[spanID][name] = v
	}
	return bySpan, rows.Err()
}

// attrsEqual compares two attribute sets, source names ignoring case and spacing.
func attrsEqual(a, b annotate.Attrs) bool {
	if len(a) != len(b) {
		return false
	}
	for name, v := range a {
		w, ok := b[name]
		if !ok {
			return false
		}
		if v.Type == annotate.AttrSource && w.Type == annotate.AttrSource {
			if foldName(v.Text) != foldName(w.Text) || v.Parsed != w.Parsed {
				return false
			}
			continue
		}
		if v != w {
			return false
		}
	}
	return true
}
