package atomicfile

import (
	"os"
	"path/filepath"
	"sync"
)

// A temporary file (or folder) is "in use" while the program writing it holds it:
// another export into the same folder must not take it for one a killed export
// left behind. How a file is held differs by system (inuse_unix.go,
// inuse_windows.go); either way the hold ends when its process dies.

// CreateTemp makes a temporary file beside target, named ".TARGET.tmp-N", and
// holds it (Hold). Call ReadyToRename before renaming it, and release once it is
// renamed or removed.
func CreateTemp(target string) (f *os.File, release func(), err error) {
	f, err = os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return nil, nil, err
	}
	return f, Hold(f.Name()), nil
}

// Hold marks the file at path as in use until release is called (more calls do
// nothing). A file that cannot be held is written all the same: only a
// concurrent clean-up could then mistake it for a stale one.
func Hold(path string) (release func()) {
	unhold := hold(path)
	var once sync.Once
	return func() { once.Do(unhold) }
}

// ReadyToRename releases a hold before the held file, or the folder it is in, is
// renamed, where the system needs that: on Windows the hold keeps the file open,
// and an open file cannot be renamed. Elsewhere the hold lasts through the rename
// (until release is called), so that no clean-up can take the file in between.
func ReadyToRename(release func()) {
	if holdBlocksRename {
		release()
	}
}

// RemoveUnused removes path (a file, or a folder with everything in it) unless the
// file at holdPath (path itself, or a marker file inside the folder) is held by a
// running program; it reports whether it removed it.
func RemoveUnused(path, holdPath string) bool {
	return removeUnused(path, holdPath)
}
