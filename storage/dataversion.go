package storage

import (
	"context"
)

// DataVersion is SQLite's PRAGMA data_version on this process's one writing
// connection: it changes when another process (a command-line import beside the
// window, another program) commits to the database, and not for this process's
// own writes. The app polls it to notice such changes and reread what it shows.
// A database opened read-only answers from its reading connection, where every
// change is someone else's.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	conn := db.sql
	if conn == nil {
		conn = db.read
	}
	var version int64
	if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
		return 0, db.fail("read data_version", err)
	}
	return version, nil
}
