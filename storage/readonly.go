package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsmark/newsmark/annotate"
)

// unwritableReason says why the database at absPath cannot be written here ("" if
// it can): SQLite in WAL mode needs to create its -wal and -shm files beside the
// database, so a read-only folder stops every write even when the file itself is
// writable. Read-only commands still work on such a database.
func unwritableReason(absPath string) string {
	dir := filepath.Dir(absPath)
	if !writable(dir) {
		return fmt.Sprintf("the folder %s is read-only (SQLite must create its journal files beside the database); make the folder writable, or copy the database to a writable folder and use --db", annotate.QuotePath(dir))
	}
	if info, err := os.Stat(absPath); err == nil && !info.IsDir() && !writable(absPath) {
		return fmt.Sprintf("the file %s is read-only; make it writable, or copy it and use --db", annotate.QuotePath(absPath))
	}
	return ""
}

// openReadOnly opens an existing, up-to-date database for reading only (see
// unwritableReason); every write is refused with reason.
func (db *DB) openReadOnly(absPath string, state fileState, reason string) (*DB, error) {
	if state.empty {
		if _, err := os.Stat(absPath); errors.Is(err, os.ErrNotExist) {
			return nil, annotate.Errorf(annotate.EREADONLY, "create %s: %s", annotate.QuotePath(db.path), reason)
		}
		return nil, annotate.Errorf(annotate.EREADONLY, "set up %s: %s", annotate.QuotePath(db.path), reason)
	}
	if state.version < latestVersion() {
		return nil, annotate.Errorf(annotate.EREADONLY, "open %s: its schema must be brought up to date, which is a write: %s", annotate.QuotePath(db.path), reason)
	}
	reader, err := sql.Open("sqlite3", probeURI(absPath, db.busyTimeout)+"&_foreign_keys=on&_txlock=deferred&_query_only=on")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", db.path, err)
	}
	if err := reader.Ping(); err != nil {
		reader.Close()
		return nil, db.openError(err)
	}
	db.read = reader
	db.readOnly = reason
	return db, nil
}

// ReadOnly says why the database cannot be written, or "" when it can.
func (db *DB) ReadOnly() string { return db.readOnly }
