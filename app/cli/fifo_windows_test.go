//go:build windows

package cli

import "errors"

func mkfifo(string) error { return errors.New("no named pipes in the file system on Windows") }
