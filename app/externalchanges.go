package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/app/editor"
)

// externalPollInterval is how often the window asks whether another process
// (a command-line import, a second program) changed the database: one cheap
// PRAGMA on an idle connection.
const externalPollInterval = 2 * time.Second

// externalChanges keeps the window in step with commits other processes make to
// the database. It gets the narrow things it needs from the workbench.
type externalChanges struct {
	ed         *editor.Editor
	flushNotes func() // saves a note being typed before the reread redraws the list
	flash      func(string)
}

// watch rereads the library, the open document's annotations, the labels and
// the search index when another process commits to the database, so that a
// command-line import beside the window shows up without a restart.
// It stops when stop is closed.
func (x *externalChanges) watch(stop <-chan struct{}) {
	watcher := x.ed.WatchExternalChanges()
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
			fyne.Do(x.reload)
		}
	}()
}

// reload saves a note being typed (the list is redrawn), then
// rereads everything.
func (x *externalChanges) reload() {
	x.flushNotes()
	if err := x.ed.ReloadAll(); err != nil {
		x.flash("The database changed outside this window, and rereading it failed: " + err.Error())
		return
	}
	x.flash("The database was changed by another program; the library is up to date")
}
