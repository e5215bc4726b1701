package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// externalPollInterval is how often the window asks whether another process
// (a command-line import, a second program) changed the database: one cheap
// PRAGMA on an idle connection.
const externalPollInterval = 2 * time.Second

// watchExternalChanges rereads the library, the open document's annotations,
// the labels and the search index when another process commits to the database,
// so that a command-line import beside the window shows up without a restart.
// It stops when stop is closed.
func (w *Workbench) watchExternalChanges(stop <-chan struct{}) {
	watcher := w.ed.WatchExternalChanges()
	if watcher == nil {
		return
	}
	ctx := context.Background()
	if _, err := watcher.Check(ctx); err != nil {
		return
	}
	go func() {
		ticker := time.NewTicker(externalPollInterval)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
			}
			changed, err := watcher.Check(ctx)
			if err != nil || !changed {
				continue
			}
			fyne.Do(w.reloadAfterExternalChange)
		}
	}()
}

// reloadAfterExternalChange saves a note being typed (the list is redrawn), then
// rereads everything.
func (w *Workbench) reloadAfterExternalChange() {
	w.annotations.flushNotes()
	if err := w.ed.ReloadAll(); err != nil {
		w.status.flash("The database changed outside this window, and rereading it failed: " + err.Error())
		return
	}
	w.status.flash("The database was changed by another program; the library is up to date")
}
