package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/newsmark/newsmark/annotate"
)

// RestoreResult says what Restore did.
type RestoreResult struct {
	// KeptAs is where the database as it was before is kept: a verified backup,
	// or, when it was too damaged for SQLite to copy, a plain copy of its files.
	// "" when there was no database.
	KeptAs string
	// Damaged is true when KeptAs is a plain copy of a damaged database.
	Damaged bool
}

// Restore replaces the database at dbPath with the backup at from. The backup is
// checked first (integrity_check, a Newsmark schema this version can open); the
// current database is kept in the backups folder before anything changes. The
// caller makes sure no window has the database open; a command running beside
// is safe, as the pages are copied in through SQLite, under its locks.
func Restore(ctx context.Context, dbPath, from string) (RestoreResult, error) {
	var result RestoreResult
	absDB, err := filepath.Abs(dbPath)
	if err != nil {
		return result, err
	}
	absFrom, err := filepath.Abs(from)
	if err != nil {
		return result, err
	}
	if same, _ := sameFile(absDB, absFrom); same {
		return result, annotate.Errorf(annotate.EINVALID, "restore %s: that is the database itself", annotate.QuotePath(from))
	}
	if err := checkRestorable(ctx, from, absFrom); err != nil {
		return result, err
	}

	if info, err := os.Stat(absDB); err == nil && info.Size() > 0 {
		kept, damaged, err := keepBeforeRestore(ctx, absDB)
		if err != nil {
			return result, err
		}
		result.KeptAs, result.Damaged = kept, damaged
	}

	if err := copyInto(ctx, absDB, absFrom); err != nil {
		// SQLite could not write into the file (its header is gone): replace
		// the file instead, the log and index of the old one with it.
		if err := replaceFile(absDB, absFrom); err != nil {
			return result, fmt.Errorf("restore %s from %s: %w (the database before is kept at %s)",
				annotate.QuotePath(dbPath), annotate.QuotePath(from), err, annotate.QuotePath(result.KeptAs))
		}
	}
	forgetCleanClose(absDB)
	return result, nil
}

// checkRestorable refuses a backup that is damaged, not Newsmark's, or newer.
func checkRestorable(ctx context.Context, from, absFrom string) error {
	report, err := Check(ctx, absFrom)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", annotate.QuotePath(from), err)
	}
	if len(report.Integrity) > 0 {
		return annotate.Errorf(annotate.ECORRUPT, "restore from %s: the backup is damaged (integrity_check: %s); choose another",
			annotate.QuotePath(from), annotate.Clip(report.Integrity[0]))
	}
	conn, err := sql.Open("sqlite3", probeURI(absFrom, defaultBusyTimeout))
	if err != nil {
		return err
	}
	defer conn.Close()
	var version int
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("restore from %s: %w", annotate.QuotePath(from), err)
	}
	if known := latestVersion(); version > known {
		return annotate.Errorf(annotate.ENEWER, "restore from %s: it was written by a newer Newsmark (schema %d, this version knows up to %d)",
			annotate.QuotePath(from), version, known)
	}
	return nil
}

// keepBeforeRestore saves the current database in the backups folder: a verified
// backup if SQLite can read it, else a plain copy of its files (it is damaged,
// and the user may want what can be saved from it).
func keepBeforeRestore(ctx context.Context, absDB string) (string, bool, error) {
	dir := BackupDir(absDB)
	stamp := time.Now().Format(stampLayout)
	dest := filepath.Join(dir, backupStem(absDB)+"-before-restore-"+stamp+".db")
	err := func() error {
		conn, err := sql.Open("sqlite3", fileURI(absDB)+"?mode=ro")
		if err != nil {
			return err
		}
		defer conn.Close()
		c, err := conn.Conn(ctx)
		if err != nil {
			return err
		}
		defer c.Close()
		return c.Raw(func(driverConn any) error {
			return writeVerifiedCopy(ctx, driverConn.(*sqlite3.SQLiteConn), dest, backupStepPages, nil)
		})
	}()
	if err == nil {
		return dest, false, nil
	}
	damaged := filepath.Join(dir, backupStem(absDB)+"-damaged-"+stamp+".db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, err
	}
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(absDB+suffix, damaged+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", false, fmt.Errorf("restore: keep the current database: %w", err)
		}
	}
	return damaged, true, nil
}

// copyInto copies the backup's pages into the database through SQLite.
func copyInto(ctx context.Context, absDB, absFrom string) error {
	destDB, err := sql.Open("sqlite3", fileURI(absDB)+fmt.Sprintf("?_busy_timeout=%d", defaultBusyTimeout.Milliseconds()))
	if err != nil {
		return err
	}
	defer destDB.Close()
	srcDB, err := sql.Open("sqlite3", probeURI(absFrom, defaultBusyTimeout))
	if err != nil {
		return err
	}
	defer srcDB.Close()
	dest, err := destDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer dest.Close()
	src, err := srcDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	return dest.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			return copyPages(ctx, d.(*sqlite3.SQLiteConn), s.(*sqlite3.SQLiteConn), -1, nil)
		})
	})
}

// replaceFile puts a copy of from in place of absDB, atomically, and removes the
// old file's log and index.
func replaceFile(absDB, absFrom string) error {
	tmp := absDB + ".restore-tmp"
	if err := copyFile(absFrom, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	os.Remove(absDB + "-wal")
	os.Remove(absDB + "-shm")
	if err := os.Rename(tmp, absDB); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(absDB))
	return nil
}

// copyFile copies a file that no SQLite connection is writing, durably.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
