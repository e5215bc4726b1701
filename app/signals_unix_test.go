//go:build unix

package app

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// Fyne's GL driver listens for SIGTERM itself and quits at once, dropping the
// save File > Quit does. After takeOverQuitSignals only the app's own listener
// hears the signal, so the save always runs.
func TestSIGTERMReachesOnlyTheAppsOwnHandler(t *testing.T) {
	test.NewTempApp(t)
	driver := make(chan os.Signal, 1) // stands for the driver's catchTerm
	signal.Notify(driver, syscall.SIGTERM)
	defer signal.Stop(driver)
	ours := make(chan os.Signal, 1)
	signal.Notify(ours, quitSignals...)
	defer signal.Stop(ours)

	takeOverQuitSignals(ours)
	time.Sleep(100 * time.Millisecond) // fyne.Do may run on the test driver's goroutine
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ours:
	case <-time.After(5 * time.Second):
		t.Fatal("the app's handler did not get SIGTERM")
	}
	select {
	case <-driver:
		t.Fatal("the driver's handler got SIGTERM too: its Quit can win the race and drop the save")
	case <-time.After(200 * time.Millisecond):
	}
}
