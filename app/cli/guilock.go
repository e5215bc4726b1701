package cli

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// lockForGUI makes sure only one workbench window works on a database. Two would
// each keep their own view of the annotations and their own undo history, so an
// edit in one would be invisible in the other and undoing it there could fail.
// Command-line commands don't take the lock: SQLite keeps them and the GUI
// consistent (restore is the exception: it refuses while a window holds it).
//
// The lock is an OS file lock, so a crashed app leaves no stale lock behind. It
// identifies the database by what it is, not by the path string: see
// takeDatabaseLock for each platform. release must run after the database is
// closed (see storeOpener.afterClose).
func lockForGUI(dbPath string) (release func(), err error) {
	release, locked, err := takeDatabaseLock(dbPath)
	if err != nil {
		return nil, fmt.Errorf("open %s: cannot take the window lock: %w", annotate.QuotePath(dbPath), err)
	}
	if !locked {
		return nil, errAlreadyOpen(dbPath)
	}
	return release, nil
}

func errAlreadyOpen(dbPath string) error {
	return fmt.Errorf("open %s: Newsmark is already open on this database in another window; switch to that window, or start with --db PATH to work on another database", annotate.QuotePath(dbPath))
}
