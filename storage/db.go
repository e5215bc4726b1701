// Package storage keeps Newsmark's documents, labels and annotations in one SQLite
// file. It maps annotate values to rows and back; it holds no domain rules beyond
// the ones the schema enforces.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/newsmark/newsmark/annotate"
)

// DB is an open Newsmark database. It implements annotate.Store and is safe for
// concurrent use.
type DB struct {
	sql     *sql.DB // writes: every transaction is BEGIN IMMEDIATE
	read    *sql.DB // reads: deferred transactions that never block a writer
	path    string
	absPath string
	created bool
	// readOnly, when set, says why this database cannot be written (a read-only
	// folder or file); it was opened for reading only and every write is refused
	// with this reason.
	readOnly    string
	corrupt     atomic.Bool // set once SQLite has reported damage; writes are refused after
	backupStep  int         // pages per backup step
	busyTimeout time.Duration
	now         func() time.Time
}

var _ annotate.Store = (*DB)(nil)

// options are knobs tests turn; the zero value is what Open uses.
type options struct {
	// busyTimeout is how long a statement waits for another connection's write
	// lock before giving up. Zero means defaultBusyTimeout.
	busyTimeout time.Duration
	// unwritable stands in for a read-only folder in tests run as root, whom
	// permissions do not stop.
	unwritable string
	// backupStep is how many pages a backup copies per step; zero means
	// backupStepPages. Tests make it small to stop a backup mid-copy.
	backupStep int
}

// defaultBusyTimeout outlasts any single edit or a large import's commit, yet is
// short enough that a user waiting on a locked file gets an answer.
const defaultBusyTimeout = 5 * time.Second

// Open opens the database at path, creating it and its folder if needed, and
// brings its schema up to date. A file that is not a Newsmark database, or that a
// newer Newsmark wrote, is refused without being changed.
func Open(path string) (*DB, error) {
	return openWith(path, options{})
}

func openWith(path string, opts options) (*DB, error) {
	if path == "" {
		return nil, annotate.Errorf(annotate.EINVALID, "open database: no path given")
	}
	if opts.busyTimeout <= 0 {
		opts.busyTimeout = defaultBusyTimeout
	}
	absPath, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if info, err := os.Stat(absPath); err == nil && info.IsDir() {
		return nil, annotate.Errorf(annotate.EINVALID, "open %s: %s is a folder, not a database file", path, path)
	}
	if err := os.MkdirAll(filepath.Dir(absPath), 0o755); err != nil {
		return nil, fmt.Errorf("open %s: create folder: %w", path, err)
	}

	if opts.backupStep <= 0 {
		opts.backupStep = backupStepPages
	}
	db := &DB{path: path, absPath: absPath, busyTimeout: opts.busyTimeout, backupStep: opts.backupStep,
		now: func() time.Time { return truncateTime(time.Now()) }}
	state, err := db.inspect(absPath)
	if err != nil {
		return nil, err
	}
	reason := opts.unwritable
	if reason == "" {
		reason = unwritableReason(absPath)
	}
	if reason != "" {
		return db.openReadOnly(absPath, state, reason)
	}
	db.created = state.empty
	if state.empty {
		if err := db.initFile(absPath); err != nil {
			return nil, err
		}
	}

	// The pragmas are in the DSN so that every pooled connection gets them.
	// synchronous=FULL: an edit the user saw survives a power cut (one fsync per
	// edit, well under a millisecond here; see BenchmarkCreateSpan). Write
	// transactions take the write lock up front (_txlock=immediate): a deferred
	// one that reads first and then writes cannot wait for the lock in WAL mode
	// and fails at once with "database is locked".
	params := fmt.Sprintf("?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_synchronous=FULL&_txlock=immediate",
		opts.busyTimeout.Milliseconds())
	writer, err := sql.Open("sqlite3", fileURI(absPath)+params)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.sql = writer
	// One writing connection: writes are serialised by SQLite anyway, and
	// PRAGMA data_version on it then changes only when another process commits
	// (see DataVersion).
	writer.SetMaxOpenConns(1)
	if err := writer.Ping(); err != nil {
		writer.Close()
		return nil, db.openError(err)
	}
	if err := db.migrate(state.version); err != nil {
		writer.Close()
		return nil, err
	}
	// From here on the file may change; until a clean close it counts as unchecked.
	forgetCleanClose(absPath)
	// Readers see a consistent snapshot while a write (say, a long import) goes
	// on, and query_only guards against a write slipping through them.
	reader, err := sql.Open("sqlite3", fileURI(absPath)+fmt.Sprintf(
		"?_foreign_keys=on&_busy_timeout=%d&_txlock=deferred&_query_only=on", opts.busyTimeout.Milliseconds()))
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.read = reader
	return db, nil
}

// readTx starts a read transaction: one snapshot for several queries.
func (db *DB) readTx(ctx context.Context) (*sql.Tx, error) {
	return db.read.BeginTx(ctx, nil)
}

// Close closes the database. SQLite folds the write-ahead log back into the main
// file when the last connection closes.
func (db *DB) Close() error {
	// Readers first: the last connection to close checkpoints the log.
	readErr := db.read.Close()
	if db.sql == nil { // opened read-only: nothing was written
		if readErr != nil {
			return fmt.Errorf("close %s: %w", db.path, readErr)
		}
		return nil
	}
	if err := errors.Join(readErr, db.sql.Close()); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	if !db.corrupt.Load() {
		markClosedCleanly(db.absPath)
	}
	return nil
}

// Path is the path the database was opened with.
func (db *DB) Path() string { return db.path }

// Created reports whether Open made a new, empty database (which the caller may
// then Seed).
func (db *DB) Created() bool { return db.created }

// fileState is what inspect learns before anything is written.
type fileState struct {
	empty   bool // no file, an empty file, or an SQLite file without tables
	version int  // highest schema version recorded
}

// inspect reads the file through a read-only connection without pragmas, so that a
// corrupt, foreign or newer database is refused before this process writes a byte
// (not even the switch to WAL mode).
func (db *DB) inspect(absPath string) (fileState, error) {
	info, err := os.Stat(absPath)
	if errors.Is(err, os.ErrNotExist) || (err == nil && info.Size() == 0) {
		return fileState{empty: true}, nil
	}
	if err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", db.path, err)
	}
	probe, err := sql.Open("sqlite3", probeURI(absPath, db.busyTimeout))
	if err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", db.path, err)
	}
	defer probe.Close()

	var tables, hasMigrations int
	err = probe.QueryRow(`SELECT count(*), coalesce(sum(name = 'schema_migrations'), 0)
		FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables, &hasMigrations)
	if err != nil {
		return fileState{}, db.openError(err)
	}
	if tables == 0 {
		return fileState{empty: true}, nil
	}
	if hasMigrations == 0 {
		return fileState{}, annotate.Errorf(annotate.EINVALID,
			"open %s: %s is an SQLite database but not a Newsmark database (it has no schema_migrations table); it was left unchanged", db.path, db.path)
	}
	var version int
	if err := probe.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fileState{}, db.openError(err)
	}
	if known := latestVersion(); version > known {
		return fileState{}, annotate.Errorf(annotate.ENEWER,
			"%s was written by a newer version of Newsmark (schema %d, this version knows up to %d); upgrade Newsmark to open it",
			db.path, version, known)
	}
	if !closedCleanly(absPath) {
		problems, err := quickCheck(probe, "quick_check")
		if err != nil {
			return fileState{}, db.openError(err)
		}
		if len(problems) > 0 {
			return fileState{}, corruptError(db.path, summarizeProblems(problems)+"; it was left unchanged")
		}
	}
	return fileState{version: version}, nil
}

// probeURI opens absPath for reading without creating anything beside it. With
// no write-ahead log there, the file is all there is, and immutable=1 keeps SQLite
// from making the -wal and -shm files a read-only connection to a WAL database
// otherwise leaves behind; with a log (a crash, or another process has the
// database open) the ordinary read-only mode reads it.
func probeURI(absPath string, busyTimeout time.Duration) string {
	if _, err := os.Stat(absPath + "-wal"); errors.Is(err, os.ErrNotExist) {
		return fileURI(absPath) + "?mode=ro&immutable=1"
	}
	return fileURI(absPath) + fmt.Sprintf("?mode=ro&_busy_timeout=%d", busyTimeout.Milliseconds())
}

// pageSize is set when a database is created. Articles of a few kilobytes pack
// several to a 16 KiB page instead of one to a 4 KiB page with the rest wasted: the
// file is about a fifth smaller, and a large import, which WAL mode writes twice
// (log, then checkpoint), runs about twice as fast. An edit writes a few more
// bytes per page, which at one edit per keystroke does not matter.
const pageSize = 16384

// initFile fixes the page size of a new database. It must happen before the
// switch to WAL mode, which writes the first page, so it cannot go in the DSN.
func (db *DB) initFile(absPath string) error {
	conn, err := sql.Open("sqlite3", fileURI(absPath)+fmt.Sprintf("?_busy_timeout=%d", db.busyTimeout.Milliseconds()))
	if err != nil {
		return fmt.Errorf("open %s: %w", db.path, err)
	}
	defer conn.Close()
	if _, err := conn.Exec(fmt.Sprintf(`PRAGMA page_size = %d; PRAGMA journal_mode = WAL`, pageSize)); err != nil {
		return db.openError(err)
	}
	return nil
}

// openError turns a failure to read the file into a message naming the file.
func (db *DB) openError(err error) error {
	var sqliteErr sqlite3.Error
	if errors.As(err, &sqliteErr) {
		switch sqliteErr.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return annotate.Errorf(annotate.EINVALID, "open %s: %s is not a Newsmark database or is corrupt: %v", db.path, db.path, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrReadonly:
			return fmt.Errorf("open %s: cannot open the file (check that it exists and is readable and writable): %w", db.path, err)
		}
	}
	return db.fail("open", err)
}

// fail wraps an internal error with the operation and the file. A lock held past
// the busy timeout becomes a message the user can act on.
func (db *DB) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	if annotate.ErrorCode(err) != annotate.EINTERNAL {
		return err // already written for the user
	}
	if isCorrupt(err) {
		db.corrupt.Store(true)
		return corruptError(db.path, err.Error())
	}
	var sqliteErr sqlite3.Error
	if errors.As(err, &sqliteErr) && (sqliteErr.Code == sqlite3.ErrBusy || sqliteErr.Code == sqlite3.ErrLocked) {
		return annotate.Errorf(annotate.ECONFLICT,
			"%s %s: the database is locked by another program (waited %s); close other Newsmark windows or commands using this file and try again",
			op, db.path, db.busyTimeout)
	}
	return fmt.Errorf("%s %s: %w", op, db.path, err)
}

// fileURI makes an SQLite URI for path: characters that would end the path part
// are escaped, and Windows drive paths get the leading slash SQLite expects.
func fileURI(absPath string) string {
	p := filepath.ToSlash(absPath)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p
}

// timeLayout stores times in UTC at a fixed width, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime reads a stored timestamp. Every row carries two, so the layout Newsmark
// writes is read by hand (about ten times faster than time.Parse); anything else,
// including a value the fast path finds out of range, goes through time.Parse,
// which gives the same result or the error.
func parseTime(s string) (time.Time, error) {
	if t, ok := parseFixedTime(s); ok {
		return t, nil
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		// Accept any RFC 3339 time, in case a row was written by hand.
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("bad timestamp %q in database", s)
	}
	return t, nil
}

// parseFixedTime reads exactly timeLayout ("2006-01-02T15:04:05.000000Z"); ok is
// false for anything else, including dates that do not exist.
func parseFixedTime(s string) (t time.Time, ok bool) {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
		s[16] != ':' || s[19] != '.' || s[26] != 'Z' {
		return time.Time{}, false
	}
	num := func(from, to int) int {
		n := 0
		for i := from; i < to; i++ {
			c := s[i] - '0'
			if c > 9 {
				return -1
			}
			n = n*10 + int(c)
		}
		return n
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, second, micro := num(11, 13), num(14, 16), num(17, 19), num(20, 26)
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
		minute < 0 || minute > 59 || second < 0 || second > 59 || micro < 0 {
		return time.Time{}, false
	}
	t = time.Date(year, time.Month(month), day, hour, minute, second, micro*1000, time.UTC)
	if t.Day() != day { // 31 April and the like roll over; time.Parse refuses them
		return time.Time{}, false
	}
	return t, true
}

// beginWrite starts a write transaction, unless the database is read-only here or
// damage has been seen: then nothing is written and the error says why.
func (db *DB) beginWrite(ctx context.Context, op string) (*sql.Tx, error) {
	if db.readOnly != "" {
		return nil, annotate.Errorf(annotate.EREADONLY, "%s %s: %s", op, annotate.QuotePath(db.path), db.readOnly)
	}
	if db.corrupt.Load() {
		return nil, corruptError(db.path, "SQLite reported damage earlier in this session")
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.fail(op, err)
	}
	return tx, nil
}

// withTx runs fn in a write transaction (BEGIN IMMEDIATE, from the DSN) and commits
// if fn succeeds.
func (db *DB) withTx(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := db.beginWrite(ctx, op)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.fail(op, err)
	}
	if err := tx.Commit(); err != nil {
		return db.fail(op, err)
	}
	return nil
}
