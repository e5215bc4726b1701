//go:build windows

package atomicfile

import (
	"os"
	"syscall"
)

// On Windows a lock (LockFileEx) is mandatory: it would keep the program's own
// writes, and the rename that finishes a file, from happening. A file is held by
// keeping it open instead: Go opens files without FILE_SHARE_DELETE, so nobody can
// delete or rename it meanwhile, and an open that shares nothing fails while it
// is held.

const holdBlocksRename = true

func hold(path string) func() {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	return func() { _ = f.Close() }
}

func removeUnused(path, holdPath string) bool {
	name, err := syscall.UTF16PtrFromString(holdPath)
	if err != nil {
		return false
	}
	// Opening without sharing fails while anyone has the file open.
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return false
	}
	syscall.CloseHandle(h)
	return os.RemoveAll(path) == nil
}
