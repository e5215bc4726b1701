package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/atomicfile"
)

// Backups are copies made with SQLite's online backup API (a consistent snapshot
// of a live database, never a file copy), written under a temporary name,
// verified with integrity_check and only then renamed to their final name: a
// backup interrupted at any point (kill -9, a full disk) leaves a temporary file
// that never counts and is removed by the next backup.
//
// They live in a "backups" folder beside the database:
//
//	newsmark-2026-11-29.db                     the day's automatic backup
//	newsmark-2026-11-29T18-15-02.db            a backup asked for (Back up now…, newsmark backup)
//	newsmark-before-restore-2026-11-29T18-20-11.db  the database as it was before a restore
//
// Automatic backups are pruned to the last 7 plus, older than those, the newest
// of each of 4 weeks; the others are kept until the user removes them.

// BackupDir is the folder of dbPath's backups.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// backupStem is the database's file name without its extension: the prefix of
// its backups' names.
func backupStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

const (
	dayLayout   = "2006-01-02"
	stampLayout = "2006-01-02T15-04-05"
	// keepDaily and keepWeekly are the automatic backups kept.
	keepDaily  = 7
	keepWeekly = 4
)

// BackupProgress hears how far a backup is, in pages; it may be called from the
// backup's goroutine. (An alias, so that callers can name the plain func type.)
type BackupProgress = func(done, total int)

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Kind string // "daily", "manual" or "before-restore"
	Time time.Time
	Size int64
}

// BackupTo writes a verified backup of the database to dest (a file path; an
// existing regular file there is replaced, atomically). The database stays
// usable throughout: the copy reads one snapshot and writers go on.
func (db *DB) BackupTo(ctx context.Context, dest string, progress BackupProgress) error {
	if info, err := os.Lstat(dest); err == nil && !info.Mode().IsRegular() {
		return annotate.Errorf(annotate.EINVALID, "back up to %s: it is not a regular file", annotate.QuotePath(dest))
	}
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", annotate.QuotePath(dest), err)
	}
	if same, _ := sameFile(absDest, db.absPath); same {
		return annotate.Errorf(annotate.EINVALID, "back up to %s: that is the database itself", annotate.QuotePath(dest))
	}
	if err := os.MkdirAll(filepath.Dir(absDest), 0o755); err != nil {
		return fmt.Errorf("back up to %s: %w", annotate.QuotePath(dest), err)
	}
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return db.fail("back up", err)
	}
	defer conn.Close()
	err = conn.Raw(func(driverConn any) error {
		src, ok := driverConn.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", driverConn)
		}
		return writeVerifiedCopy(ctx, src, absDest, db.backupStep, progress)
	})
	if err != nil {
		if annotate.ErrorCode(err) != annotate.EINTERNAL {
			return err
		}
		return db.fail("back up to "+annotate.QuotePath(dest), err)
	}
	return nil
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// backupStepPages is how many pages one step copies between progress reports
// (64 MiB at Newsmark's page size).
const backupStepPages = 4096

// backupMmapBytes is how much of a copy its integrity_check maps into memory
// (address space, not RAM: the pages are in the OS's cache from the copy).
const backupMmapBytes = 1 << 40

// maxBackupRestarts is how often a stepped copy may start over (SQLite restarts
// it when another connection writes between steps) before the rest is copied in
// one step, which holds one snapshot and cannot be restarted.
const maxBackupRestarts = 2

// writeVerifiedCopy copies src into a locked temporary file beside dest, checks
// it with integrity_check, makes it durable and renames it to dest.
func writeVerifiedCopy(ctx context.Context, src *sqlite3.SQLiteConn, dest string, step int, progress BackupProgress) error {
	dir := filepath.Dir(dest)
	removeStaleBackupTemps(dir)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	tmp.Close()
	// Held while SQLite writes it, so that a concurrent backup's clean-up leaves
	// it (atomicfile.Hold).
	release := atomicfile.Hold(tmpPath)
	committed := false
	defer func() {
		release()
		if !committed {
			os.Remove(tmpPath)
			os.Remove(tmpPath + "-journal")
		}
	}()

	// The copy needs no journal of its own: until it is verified and renamed it
	// is nobody's data.
	destDB, err := sql.Open("sqlite3", fileURI(tmpPath)+"?_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer destDB.Close()
	destConn, err := destDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer destConn.Close()
	err = destConn.Raw(func(driverConn any) error {
		return copyPages(ctx, driverConn.(*sqlite3.SQLiteConn), src, step, progress)
	})
	if err != nil {
		return err
	}
	// integrity_check on the copy, while the copy is flushed to disk: the check
	// reads, the flush writes, and neither waits for the other. The check maps
	// the file (mmap) rather than copying every page through read().
	synced := make(chan error, 1)
	go func() { synced <- syncFile(tmpPath) }()
	if _, err := destConn.ExecContext(ctx, fmt.Sprintf("PRAGMA mmap_size = %d", backupMmapBytes)); err != nil {
		<-synced
		return err
	}
	problems, err := quickCheckConn(ctx, destConn, "integrity_check")
	if syncErr := <-synced; err == nil {
		err = syncErr
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return annotate.Errorf(annotate.ECORRUPT,
			"back up to %s: the copy failed integrity_check (%s); the database itself may be damaged: run `newsmark check`",
			annotate.QuotePath(dest), annotate.Clip(strings.Join(problems, "; ")))
	}
	destConn.Close()
	if err := destDB.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return err
	}
	atomicfile.ReadyToRename(release)
	if err := os.Rename(tmpPath, dest); err != nil {
		return err
	}
	committed = true
	syncDir(dir)
	return nil
}

// copyPages runs the online backup from src into dest, reporting progress.
func copyPages(ctx context.Context, dest, src *sqlite3.SQLiteConn, step int, progress BackupProgress) error {
	backup, err := dest.Backup("main", src, "main")
	if err != nil {
		return err
	}
	defer backup.Close()
	restarts, lastRemaining := 0, -1
	if progress == nil {
		step = -1 // nobody is watching: one step, one snapshot, no restarts
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		done, err := backup.Step(step)
		if err != nil {
			return err
		}
		total, remaining := backup.PageCount(), backup.Remaining()
		if progress != nil {
			progress(total-remaining, total)
		}
		if done {
			break
		}
		if lastRemaining >= 0 && remaining > lastRemaining {
			restarts++
			if restarts >= maxBackupRestarts {
				step = -1
			}
		}
		lastRemaining = remaining
	}
	return backup.Finish()
}

// quickCheckConn is quickCheck on one connection.
func quickCheckConn(ctx context.Context, conn *sql.Conn, pragma string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `PRAGMA `+pragma)
	if err != nil {
		return nil, err
	}
	return checkLines(rows)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable; where folders cannot be synced (Windows)
// it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// backupTempPattern matches the temporary files of backups in progress or killed.
var backupTempPattern = regexp.MustCompile(`^\..+\.tmp-[0-9]+(-journal)?$`)

// removeStaleBackupTemps removes the temporary files of killed backups in dir:
// those no running backup holds a lock on.
func removeStaleBackupTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !backupTempPattern.MatchString(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		copyPath := strings.TrimSuffix(path, "-journal")
		if _, err := os.Stat(copyPath); errors.Is(err, fs.ErrNotExist) {
			os.Remove(path) // a journal whose copy is gone
			continue
		}
		atomicfile.RemoveUnused(path, copyPath)
	}
}

// Backup writes a backup the user asked for into the backups folder and returns
// its path.
func (db *DB) Backup(ctx context.Context, progress BackupProgress) (string, error) {
	dest := filepath.Join(BackupDir(db.absPath), backupStem(db.absPath)+"-"+time.Now().Format(stampLayout)+".db")
	if err := db.BackupTo(ctx, dest, progress); err != nil {
		return "", err
	}
	return dest, nil
}

// DailyBackup makes the day's automatic backup unless there is one already, then
// prunes the automatic backups to the last 7 days and the newest of each of the
// last 4 weeks. made is false when today's backup existed.
func (db *DB) DailyBackup(ctx context.Context, now time.Time, progress BackupProgress) (path string, made bool, err error) {
	dir := BackupDir(db.absPath)
	path = filepath.Join(dir, backupStem(db.absPath)+"-"+now.Format(dayLayout)+".db")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	if err := db.BackupTo(ctx, path, progress); err != nil {
		return "", false, err
	}
	if err := pruneBackups(db.absPath); err != nil {
		return path, true, err
	}
	return path, true, nil
}

// ListBackups lists dbPath's backups, newest first. Temporary files of backups
// under way or killed are not backups and are not listed.
func ListBackups(dbPath string) ([]BackupFile, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", annotate.QuotePath(dir), err)
	}
	stem := regexp.QuoteMeta(backupStem(dbPath))
	pattern := regexp.MustCompile(`^` + stem + `-(before-restore-)?([0-9]{4}-[0-9]{2}-[0-9]{2})(T[0-9]{2}-[0-9]{2}-[0-9]{2})?\.db$`)
	var list []BackupFile
	for _, e := range entries {
		m := pattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		file := BackupFile{Path: filepath.Join(dir, e.Name())}
		switch {
		case m[1] != "":
			file.Kind = "before-restore"
		case m[3] == "":
			file.Kind = "daily"
		default:
			file.Kind = "manual"
		}
		layout := dayLayout
		if m[3] != "" {
			layout = stampLayout
		}
		t, err := time.ParseInLocation(layout, m[2]+m[3], time.Local)
		if err != nil {
			continue
		}
		file.Time = t
		if info, err := e.Info(); err == nil {
			file.Size = info.Size()
		}
		list = append(list, file)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Time.After(list[j].Time) })
	return list, nil
}

// pruneBackups removes the automatic backups that retention no longer keeps.
func pruneBackups(dbPath string) error {
	list, err := ListBackups(dbPath)
	if err != nil {
		return err
	}
	var daily []BackupFile
	for _, b := range list {
		if b.Kind == "daily" {
			daily = append(daily, b)
		}
	}
	var errs []error
	keep := keptDaily(daily)
	for _, b := range daily {
		if !keep[b.Path] {
			if err := os.Remove(b.Path); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// keptDaily picks, from automatic backups newest first, the ones to keep: the 7
// newest (daily), and among the older ones the newest of each of the 4 most
// recent ISO weeks (weekly), so that the backups reach a month or so back.
func keptDaily(daily []BackupFile) map[string]bool {
	keep := map[string]bool{}
	for i, b := range daily {
		if i < keepDaily {
			keep[b.Path] = true
		}
	}
	weeks := map[string]bool{}
	for _, b := range daily[min(keepDaily, len(daily)):] {
		year, week := b.Time.ISOWeek()
		key := fmt.Sprint(year, "-", week)
		if weeks[key] {
			continue
		}
		if len(weeks) == keepWeekly {
			break
		}
		weeks[key] = true
		keep[b.Path] = true
	}
	return keep
}
