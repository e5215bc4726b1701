//go:build windows

package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/gofrs/flock"
)

// takeDatabaseLock on Windows cannot lock the database file itself: Windows
// locks are mandatory and would stop other programs (and Newsmark's own
// commands) from reading the file. It locks a file in the temporary folder named
// after the database file's identity (its volume and file index), so that every
// path to it (a symbolic link, a hard link, another spelling or drive letter)
// meets the same lock: with a lock named after the path, two windows opened
// through a hard link each kept their own write-ahead log of one database.
//
// A database not there yet is created empty first, so that it has an identity;
// storage.Open takes an empty file for a new database.
func takeDatabaseLock(dbPath string) (release func(), locked bool, err error) {
	id, err := databaseIdentity(dbPath)
	if err != nil {
		return nil, false, err
	}
	dir := filepath.Join(os.TempDir(), "newsmark-locks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, err
	}
	sum := sha256.Sum256([]byte(id))
	lock := flock.New(filepath.Join(dir, hex.EncodeToString(sum[:12])+".lock"))
	ok, err := lock.TryLock()
	if err != nil || !ok {
		return nil, false, err
	}
	return func() { _ = lock.Unlock() }, true, nil
}

// databaseIdentity names the file at dbPath by its volume serial number and file
// index, which every link to it shares; a file system that gives none (a network
// share may not) falls back to the final path, case folded.
func databaseIdentity(dbPath string) (string, error) {
	f, err := os.OpenFile(dbPath, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
			return "", err
		}
		f, err = os.OpenFile(dbPath, os.O_RDONLY|os.O_CREATE, 0o644)
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	var info syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(syscall.Handle(f.Fd()), &info); err == nil &&
		(info.FileIndexHigh != 0 || info.FileIndexLow != 0) {
		return fmt.Sprintf("file %08x:%08x%08x", info.VolumeSerialNumber, info.FileIndexHigh, info.FileIndexLow), nil
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return "path " + strings.ToLower(abs), nil
}
