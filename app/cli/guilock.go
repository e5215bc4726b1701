package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// lockForGUI makes sure only one workbench window works on a database. Two would
// each keep their own view of the annotations and their own undo history, so an
// edit in one would be invisible in the other and undoing it there could fail.
// Command-line commands don't take the lock: SQLite keeps them and the GUI
// consistent.
//
// The lock is an OS file lock, so a crashed app leaves no stale lock behind. Its
// file lives in the user's cache folder, named after the database's absolute
// path, rather than beside the database, which stays the only thing Newsmark
// puts there (with SQLite's own -wal and -shm files).
func lockForGUI(dbPath string) (release func(), err error) {
	path, err := guiLockPath(dbPath)
	if err != nil {
		return nil, err
	}
	lock := flock.New(path)
	locked, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("open %s: cannot take the window lock %s: %w", dbPath, path, err)
	}
	if !locked {
		return nil, fmt.Errorf("open %s: Newsmark is already open on this database in another window; switch to that window, or start with --db PATH to work on another database", dbPath)
	}
	return func() { _ = lock.Unlock() }, nil
}

// guiLockPath is the lock file for a database: one per absolute path, per user.
func guiLockPath(dbPath string) (string, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", dbPath, err)
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "newsmark", "locks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("open %s: create the folder for the window lock: %w", dbPath, err)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, hex.EncodeToString(sum[:12])+".lock"), nil
}
