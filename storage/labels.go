package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// Labels lists every label in display order.
func (db *DB) Labels(ctx context.Context) ([]annotate.Label, error) {
	// One snapshot for the labels and their attributes: a label another program
	// gives an attribute between the two reads must not come back half changed.
	tx, err := db.readTx(ctx)
	if err != nil {
		return nil, db.fail("list labels", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx,
		`SELECT id, name, color, hotkey, description, sort_order FROM labels ORDER BY sort_order, id`)
	if err != nil {
		return nil, db.fail("list labels", err)
	}
	defer rows.Close()
	labels := []annotate.Label{}
	for rows.Next() {
		var l annotate.Label
		if err := rows.Scan(&l.ID, &l.Name, &l.Color, &l.Hotkey, &l.Description, &l.Order); err != nil {
			return nil, db.fail("list labels", err)
		}
		labels = append(labels, l)
	}
	if err := rows.Err(); err != nil {
		return nil, db.fail("list labels", err)
	}
	decls, err := labelAttrs(ctx, tx)
	if err != nil {
		return nil, db.fail("list labels", err)
	}
	for i := range labels {
		labels[i].Attrs = decls[labels[i].ID]
	}
	return labels, nil
}

// CreateLabel adds a label at the end of the list. A label without a colour gets
// one of the fallback colours not yet in use.
func (db *DB) CreateLabel(ctx context.Context, label annotate.Label) (annotate.Label, error) {
	label.Name = annotate.NormalizeLabelName(label.Name)
	err := db.withTx(ctx, "create label", func(tx *sql.Tx) error {
		created, err := insertLabel(ctx, tx, label, true)
		label = created
		return err
	})
	if err != nil {
		return annotate.Label{}, err
	}
	return label, nil
}

// insertLabel validates and stores a label; appendAtEnd ignores label.Order and
// places it after the others.
func insertLabel(ctx context.Context, tx *sql.Tx, label annotate.Label, appendAtEnd bool) (annotate.Label, error) {
	if label.Color == "" {
		color, err := freeFallbackColor(ctx, tx)
		if err != nil {
			return label, err
		}
		label.Color = color
	}
	if err := label.Validate(); err != nil {
		return label, err
	}
	if err := checkLabelClash(ctx, tx, label); err != nil {
		return label, err
	}
	if appendAtEnd {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(sort_order) + 1, 0) FROM labels`).Scan(&label.Order); err != nil {
			return label, err
		}
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO labels (name, color, hotkey, description, sort_order) VALUES (?, ?, ?, ?, ?)`,
		label.Name, strings.ToUpper(label.Color), label.Hotkey, label.Description, label.Order)
	if err != nil {
		return label, err
	}
	label.Color = strings.ToUpper(label.Color)
	if label.ID, err = res.LastInsertId(); err != nil {
		return label, err
	}
	for _, d := range label.Attrs {
		if err := insertAttrDecl(ctx, tx, label.ID, d); err != nil {
			return label, err
		}
	}
	return label, nil
}

// checkLabelClash refuses a name or hotkey another label already has, with a
// message rather than a constraint error.
func checkLabelClash(ctx context.Context, tx *sql.Tx, label annotate.Label) error {
	var other string
	err := tx.QueryRowContext(ctx, `SELECT name FROM labels WHERE name = ? AND id <> ?`, label.Name, label.ID).Scan(&other)
	if err == nil {
		return annotate.Errorf(annotate.ECONFLICT, "a label named %s already exists", label.Name)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if label.Hotkey == "" {
		return nil
	}
	err = tx.QueryRowContext(ctx, `SELECT name FROM labels WHERE hotkey = ? AND id <> ?`, label.Hotkey, label.ID).Scan(&other)
	if err == nil {
		return annotate.Errorf(annotate.ECONFLICT, "hotkey %s is already used by label %s", label.Hotkey, other)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

// freeFallbackColor picks the first fallback colour no label uses yet, so labels
// created by an import stay distinguishable.
func freeFallbackColor(ctx context.Context, tx *sql.Tx) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT upper(color) FROM labels`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	used := map[string]bool{}
	for rows.Next() {
		var color string
		if err := rows.Scan(&color); err != nil {
			return "", err
		}
		used[color] = true
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	for i := 0; ; i++ {
		color := annotate.FallbackColor(i)
		if !used[strings.ToUpper(color)] {
			return color, nil
		}
		if i > len(used) { // every fallback colour is taken: reuse them in turn
			return annotate.FallbackColor(len(used)), nil
		}
	}
}

// UpdateLabel changes the label with label.ID. Spans refer to labels by id, so a
// rename keeps them attached. Its attribute declarations are left as they are:
// DeclareAttribute and RemoveAttribute change those.
func (db *DB) UpdateLabel(ctx context.Context, label annotate.Label) error {
	label.Name = annotate.NormalizeLabelName(label.Name)
	if err := label.Validate(); err != nil {
		return err
	}
	return db.withTx(ctx, "update label", func(tx *sql.Tx) error {
		if err := checkLabelClash(ctx, tx, label); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx,
			`UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ?, sort_order = ? WHERE id = ?`,
			label.Name, strings.ToUpper(label.Color), label.Hotkey, label.Description, label.Order, label.ID)
		if err != nil {
			return err
		}
		return requireOneRow(res, "label %d not found", label.ID)
	})
}

// ReorderLabels sets the display order to namesInOrder; labels not named keep
// their relative order after the named ones.
func (db *DB) ReorderLabels(ctx context.Context, namesInOrder []string) error {
	return db.withTx(ctx, "reorder labels", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name FROM labels ORDER BY sort_order, id`)
		if err != nil {
			return err
		}
		ids := map[string]int64{}
		var current []string
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return err
			}
			ids[name] = id
			current = append(current, name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		placed := map[string]bool{}
		var order []string
		for _, name := range namesInOrder {
			if _, ok := ids[name]; !ok {
				return annotate.Errorf(annotate.ENOTFOUND, "unknown label %q", annotate.Clip(name))
			}
			if placed[name] {
				return annotate.Errorf(annotate.EINVALID, "label %s is named twice in the new order", name)
			}
			placed[name] = true
			order = append(order, name)
		}
		for _, name := range current {
			if !placed[name] {
				order = append(order, name)
			}
		}
		for i, name := range order {
			if _, err := tx.ExecContext(ctx, `UPDATE labels SET sort_order = ? WHERE id = ?`, i, ids[name]); err != nil {
				return err
			}
		}
		return nil
	})
}

// LabelUsage counts the spans carrying the label, so the GUI can warn before a delete.
func (db *DB) LabelUsage(ctx context.Context, name string) (int, error) {
	var id int64
	var count int
	err := db.read.QueryRowContext(ctx,
		`SELECT l.id, (SELECT count(*) FROM spans s WHERE s.label_id = l.id) FROM labels l WHERE l.name = ?`, name).Scan(&id, &count)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, annotate.Errorf(annotate.ENOTFOUND, "unknown label %q", annotate.Clip(name))
	}
	return count, db.fail("count label usage", err)
}

// DeleteLabel removes the label and every span carrying it, recording each removed
// span in the history.
func (db *DB) DeleteLabel(ctx context.Context, name string) (int, error) {
	removed := 0
	err := db.withTx(ctx, "delete label", func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM labels WHERE name = ?`, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return annotate.Errorf(annotate.ENOTFOUND, "unknown label %q", annotate.Clip(name))
		} else if err != nil {
			return err
		}
		spans, err := querySpans(ctx, tx, `WHERE s.label_id = ? ORDER BY s.id`, id)
		if err != nil {
			return err
		}
		at := db.now()
		for _, span := range spans {
			if err := appendHistory(ctx, tx, annotate.ActionDelete, &span, nil, "", at); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM spans WHERE label_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM labels WHERE id = ?`, id); err != nil {
			return err
		}
		removed = len(spans)
		return nil
	})
	return removed, err
}

// requireOneRow turns an update or delete that matched nothing into ENOTFOUND.
func requireOneRow(res sql.Result, format string, args ...any) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return annotate.Errorf(annotate.ENOTFOUND, format, args...)
	}
	return nil
}
