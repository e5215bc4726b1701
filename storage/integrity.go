package storage

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"

	"github.com/newsmark/newsmark/annotate"
)

// A database may have been changed by something other than Newsmark since it last
// closed it: a crash in the middle of a write, a disk that lost pages, another
// program. Before the first write Open runs SQLite's quick_check unless the file
// is exactly as Newsmark left it at its last clean close, which a small marker in
// the user's cache folder records (size and modification time; a missing or
// stale marker only costs a check). A damaged database is refused before a byte
// is written; damage found later (SQLITE_CORRUPT from any statement) stops every
// write at once.

// cleanMarkerPath is where the marker of a clean close of absPath lives. It is
// keyed by the real path; without a cache folder there is no marker, and every
// open checks.
func cleanMarkerPath(absPath string) (string, bool) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(absPath); err == nil {
		absPath = real
	}
	sum := sha256.Sum256([]byte(absPath))
	return filepath.Join(dir, "newsmark", "clean", hex.EncodeToString(sum[:12])), true
}

// fileStamp is what the marker records: size and modification time.
func fileStamp(absPath string) (string, bool) {
	info, err := os.Stat(absPath)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%d %d\n", info.Size(), info.ModTime().UnixNano()), true
}

// closedCleanly reports whether the file is as Newsmark's last clean close left it:
// the marker matches and no write-ahead log holds changes not in the main file.
func closedCleanly(absPath string) bool {
	if info, err := os.Stat(absPath + "-wal"); err == nil && info.Size() > 0 {
		return false
	}
	marker, ok := cleanMarkerPath(absPath)
	if !ok {
		return false
	}
	want, err := os.ReadFile(marker)
	if err != nil {
		return false
	}
	stamp, ok := fileStamp(absPath)
	return ok && stamp == string(want)
}

// markClosedCleanly records a clean close; with the log still there (another
// connection, say the app beside a command, keeps it) nothing is recorded.
func markClosedCleanly(absPath string) {
	if _, err := os.Stat(absPath + "-wal"); err == nil {
		return
	}
	marker, ok := cleanMarkerPath(absPath)
	if !ok {
		return
	}
	stamp, ok := fileStamp(absPath)
	if !ok {
		return
	}
	if err := os.MkdirAll(filepath.Dir(marker), 0o700); err != nil {
		return
	}
	tmp := marker + ".tmp"
	if os.WriteFile(tmp, []byte(stamp), 0o600) == nil {
		_ = os.Rename(tmp, marker)
	}
}

// forgetCleanClose removes the marker, so that the next open checks.
func forgetCleanClose(absPath string) {
	if marker, ok := cleanMarkerPath(absPath); ok {
		_ = os.Remove(marker)
	}
}

// quickCheck runs PRAGMA quick_check on conn and returns the problems it lists
// (none: the database is sound). An SQLite error on the way counts as a problem.
func quickCheck(conn *sql.DB, pragma string) ([]string, error) {
	rows, err := conn.Query(`PRAGMA ` + pragma)
	if err != nil {
		if isCorrupt(err) {
			return []string{err.Error()}, nil
		}
		return nil, err
	}
	problems, err := checkLines(rows)
	if err != nil {
		if isCorrupt(err) {
			return append(problems, err.Error()), nil
		}
		return nil, err
	}
	return problems, nil
}

// isCorrupt reports whether err is SQLite saying the file is damaged.
func isCorrupt(err error) bool {
	var sqliteErr sqlite3.Error
	return errors.As(err, &sqliteErr) && (sqliteErr.Code == sqlite3.ErrCorrupt || sqliteErr.Code == sqlite3.ErrNotADB)
}

// corruptError is the message for a damaged database: what happened, that
// nothing more was written, and what to do.
func corruptError(path string, detail string) error {
	return annotate.Errorf(annotate.ECORRUPT,
		"%s is damaged (%s); Newsmark writes nothing more to it. Restore the latest backup with `newsmark restore PATH` (backups are in %s); `newsmark check` lists what is wrong",
		annotate.QuotePath(path), annotate.Clip(detail), annotate.QuotePath(BackupDir(path)))
}

// summarizeProblems joins the first few problems of a check for a message.
func summarizeProblems(problems []string) string {
	const shown = 3
	if len(problems) <= shown {
		return "quick_check: " + strings.Join(problems, "; ")
	}
	return fmt.Sprintf("quick_check: %s; and %d more", strings.Join(problems[:shown], "; "), len(problems)-shown)
}

// checkLines reads what integrity_check or quick_check reports: one "ok", or a
// line per problem. It closes rows.
func checkLines(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	return problems, rows.Err()
}
