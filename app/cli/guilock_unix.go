//go:build unix

package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// takeDatabaseLock takes a BSD lock (flock) on the database file itself, so that
// every path to it (a symbolic link, a hard link, another user's cache folder)
// meets the same lock. SQLite's own locks are POSIX record locks, which flock
// does not touch; but closing any descriptor of the file drops a process's POSIX
// locks, so the lock's descriptor stays open until the database is closed.
//
// A database not there yet is created empty first, so that there is a file to
// lock; storage.Open takes an empty file for a new database.
func takeDatabaseLock(dbPath string) (release func(), locked bool, err error) {
	f, err := os.OpenFile(dbPath, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
			return nil, false, err
		}
		f, err = os.OpenFile(dbPath, os.O_RDONLY|os.O_CREATE, 0o644)
	}
	if err != nil {
		return nil, false, err
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		f.Close()
		return func() {}, true, nil // storage.Open says it is a folder
	}
	f.Close()
	lock := flock.New(dbPath, flock.SetFlag(os.O_RDONLY))
	ok, err := lock.TryLock()
	if err != nil || !ok {
		lock.Close()
		return nil, false, err
	}
	return func() { _ = lock.Close() }, true, nil
}
