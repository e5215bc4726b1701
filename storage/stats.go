package storage

import (
	"context"

	"github.com/newsmark/newsmark/annotate"
)

// Stats counts documents, spans, spans per label (every label, zeros included) and
// documents per status (every status, zeros included).
func (db *DB) Stats(ctx context.Context) (annotate.Stats, error) {
	stats := annotate.Stats{
		Labels: map[string]int{},
		ByStatus: map[annotate.Status]int{
			annotate.StatusNew: 0, annotate.StatusInProgress: 0, annotate.StatusDone: 0,
		},
	}
	// One read transaction, so the counts agree with each other.
	tx, err := db.readTx(ctx)
	if err != nil {
		return stats, db.fail("count", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT status, count(*) FROM documents GROUP BY status`)
	if err != nil {
		return stats, db.fail("count documents", err)
	}
	for rows.Next() {
		var status annotate.Status
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			rows.Close()
			return stats, db.fail("count documents", err)
		}
		stats.ByStatus[status] = n
		stats.Documents += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return stats, db.fail("count documents", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT l.name, (SELECT count(*) FROM spans s WHERE s.label_id = l.id) FROM labels l`)
	if err != nil {
		return stats, db.fail("count spans", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return stats, db.fail("count spans", err)
		}
		stats.Labels[name] = n
		stats.Annotations += n
	}
	return stats, db.fail("count spans", rows.Err())
}
