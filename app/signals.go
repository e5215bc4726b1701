package app

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// quitSignals are the signals that end the app as File > Quit does: a logout, a
// shutdown or `kill` sends SIGTERM, Ctrl+C in a terminal SIGINT.
var quitSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// quitOnSignal ends the app as File > Quit does (a note being typed is saved,
// then the window size and reading position) when a signal arrives on signals.
// Without it the process would die with the note's last words unsaved.
func quitOnSignal(signals <-chan os.Signal, quit func()) {
	go func() {
		if _, ok := <-signals; ok {
			fyne.Do(quit)
		}
	}()
}

// takeOverQuitSignals makes signals the only receiver of SIGINT and SIGTERM.
//
// Fyne's GL driver listens for them too and answers with its own Quit, which
// ends the event loop and drops the functions still queued on it, among them
// the save that quitOnSignal queued: which of the two ran first decided whether
// the note being typed survived (it lost about half the time once the window
// had a few hundred annotations to lay out). signal.Reset removes every
// listener, the driver's included, and signals is registered again at once.
// The driver registers when its loop starts, so this runs on the loop's first
// turn and once more a moment later, in case the driver's goroutine was slow.
func takeOverQuitSignals(signals chan<- os.Signal) {
	takeOver := func() {
		signal.Reset(quitSignals...)
		signal.Notify(signals, quitSignals...)
	}
	fyne.Do(takeOver)
	time.AfterFunc(2*time.Second, func() { fyne.Do(takeOver) })
}
