//go:build !windows

package atomicfile

import (
	"os"

	"github.com/gofrs/flock"
)

// On Unix a file is held by an advisory lock (flock), which nobody else's reading,
// writing or renaming notices.

const holdBlocksRename = false

func hold(path string) func() {
	lock := flock.New(path, flock.SetFlag(os.O_RDONLY))
	if ok, err := lock.TryLock(); err != nil || !ok {
		return func() {}
	}
	return func() { _ = lock.Close() }
}

func removeUnused(path, holdPath string) bool {
	lock := flock.New(holdPath, flock.SetFlag(os.O_RDONLY))
	if ok, err := lock.TryLock(); err != nil || !ok {
		return false
	}
	defer lock.Close()
	return os.RemoveAll(path) == nil
}
