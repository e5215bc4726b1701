//go:build windows

package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
)

// takeDatabaseLock on Windows cannot lock the database file itself: Windows
// locks are mandatory and would stop other programs (and Newsmark's own
// commands) from reading the file. It locks a file in the temporary folder
// named after the database's final path with links resolved and case folded,
// so that a link to the database meets the same lock.
func takeDatabaseLock(dbPath string) (release func(), locked bool, err error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, false, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir := filepath.Join(os.TempDir(), "newsmark-locks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, err
	}
	sum := sha256.Sum256([]byte(strings.ToLower(abs)))
	lock := flock.New(filepath.Join(dir, hex.EncodeToString(sum[:12])+".lock"))
	ok, err := lock.TryLock()
	if err != nil || !ok {
		return nil, false, err
	}
	return func() { _ = lock.Unlock() }, true, nil
}
