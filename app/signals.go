package app

import (
	"os"

	"fyne.io/fyne/v2"
)

// quitOnSignal ends the app as File > Quit does (a note being typed is saved,
// then the window size and reading position) when a signal arrives on signals:
// a logout, a shutdown or `kill` sends SIGTERM, Ctrl+C in a terminal SIGINT.
// Without it the process would die with the note's last words unsaved.
func quitOnSignal(signals <-chan os.Signal, quit func()) {
	go func() {
		if _, ok := <-signals; ok {
			fyne.Do(quit)
		}
	}()
}
