//go:build windows

package storage

import "os"

// writable reports whether path may be written; Windows folders carry no
// read-only bit that stops creating files, so only a file's attribute is asked.
func writable(path string) bool {
	info, err := os.Stat(path)
	return err != nil || info.IsDir() || info.Mode().Perm()&0o200 != 0
}
