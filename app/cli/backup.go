package cli

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

// runBackup writes a verified backup of the database:
//
//	backup [--out PATH]
//
// Without --out it goes into the backups folder beside the database.
func runBackup(e *env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("out", "", "write the backup to this file instead of the backups folder")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("backup: %v", err)
	}
	if len(rest) > 0 {
		return usagef("backup: unexpected argument %q (name the file with --out)", rest[0])
	}
	db, err := e.database()
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		path, err = db.Backup(e.ctx, nil)
	} else {
		err = db.BackupTo(e.ctx, path, nil)
	}
	if err != nil {
		return err
	}
	size := int64(0)
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	fmt.Fprintf(e.stdout, "backed up to %s (%s, checked with integrity_check)\n", annotate.QuotePath(path), humanBytes(size))
	return nil
}

// runRestore replaces the database with a backup:
//
//	restore PATH
//
// It refuses while a window has the database open, and keeps the current
// database in the backups folder first.
func runRestore(e *env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("restore: %v", err)
	}
	if len(rest) != 1 {
		return usagef("restore: name one backup file (they are in %s)", annotate.QuotePath(storage.BackupDir(e.dbPath)))
	}
	from := rest[0]
	// The window lock, held for the whole restore: no window opens meanwhile.
	release, locked, err := takeDatabaseLock(e.dbPath)
	if err != nil {
		return fmt.Errorf("restore %s: %w", annotate.QuotePath(e.dbPath), err)
	}
	if !locked {
		return fmt.Errorf("restore %s: Newsmark is already open on this database in another window; quit it there (File ▸ Quit), then restore", annotate.QuotePath(e.dbPath))
	}
	defer release()
	result, err := storage.Restore(e.ctx, e.dbPath, from)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s\n", annotate.QuotePath(e.dbPath), annotate.QuotePath(from))
	switch {
	case result.Damaged:
		fmt.Fprintf(e.stdout, "the damaged database as it was is kept at %s\n", annotate.QuotePath(result.KeptAs))
	case result.KeptAs != "":
		fmt.Fprintf(e.stdout, "the database as it was is kept at %s (restore it the same way to undo)\n", annotate.QuotePath(result.KeptAs))
	}
	return nil
}

// humanBytes is a size for people: 1.2 MB.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
