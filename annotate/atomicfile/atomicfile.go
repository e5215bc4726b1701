// Package atomicfile writes a file whole or not at all: into a temporary file beside
// the target, synced, then renamed over it. A reader (or a crash) never meets a half
// file under the target's name.
package atomicfile

import (
	"fmt"
	"io"
	"os"
)

// Write creates path (or replaces it) with what write writes.
func Write(path string, write func(io.Writer) error) (err error) {
	tmp, release, err := CreateTemp(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		release()
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := Finish(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	ReadyToRename(release)
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Finish makes a written temporary file durable and readable like any file:
// synced, mode 0644 (CreateTemp makes it private), and closed.
func Finish(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	return f.Close()
}
