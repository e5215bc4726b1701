package main

import (
	"log"
	"os"
	"syscall"
)

// The packaged Newsmark.exe is a Windows GUI program, so that starting it from the
// Start menu opens no console window beside the workbench. Windows then gives it
// no console at all, and `newsmark.exe stats` typed in cmd or PowerShell would
// print nothing. Attaching to the console of the shell that started it (if any)
// before main reads os.Stdout makes the command line print there again; output
// redirected to a file or a pipe already has a handle and is left alone.
func init() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or the Start menu: no console to attach to
	}
	for _, stream := range []**os.File{&os.Stdout, &os.Stderr} {
		if h := (*stream).Fd(); h != 0 && h != uintptr(syscall.InvalidHandle) {
			continue
		}
		if console, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*stream = console
		}
	}
	// The log package took its writer at its own init: point it at the console too
	// (Fyne logs through it).
	log.SetOutput(os.Stderr)
}
