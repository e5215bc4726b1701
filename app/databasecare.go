package app

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/app/editor"
)

// careStore is what File ▸ Back up now… and Help ▸ Check database need from
// the store (storage.DB has it); with another store the items say they cannot.
type careStore interface {
	Backup(ctx context.Context, progress func(done, total int)) (path string, err error)
	CheckInWords(ctx context.Context) (report string, sound bool, err error)
}

// databaseCare is File ▸ Back up now… and Help ▸ Check database: each runs in
// the background with a progress dialog and reports in a dialog or the status
// bar. It gets the narrow things it needs from the workbench.
type databaseCare struct {
	ed        *editor.Editor
	win       fyne.Window
	dialogs   *dialogStack
	tasks     *sync.WaitGroup // the workbench's background work, which tests wait for
	flash     func(string)
	showError func(error)
}

// care is the store's backup and check, if it has them.
func (d *databaseCare) care() (careStore, bool) {
	c, ok := d.ed.Store().(careStore)
	return c, ok
}

// onBackUpNow writes a checked backup into the backups folder beside the
// database, in the background with a progress bar: the window stays usable and
// edits go on (the copy reads one snapshot). Closing the dialog cancels it.
func (d *databaseCare) onBackUpNow() {
	care, ok := d.care()
	if !ok {
		d.showError(fmt.Errorf("this database cannot be backed up from the app"))
		return
	}
	status := widget.NewLabel("Copying the database…")
	bar := widget.NewProgressBar()
	ctx, cancel := context.WithCancel(context.Background())
	progress := dialog.NewCustom("Backing up", "Cancel", container.NewVBox(status, bar), d.win)
	progress.Resize(fyne.NewSize(420, 0))
	d.dialogs.show(progress)
	progress.SetOnClosed(func() { // after show, which sets its own
		cancel()
		d.dialogs.forget(progress)
	})

	d.tasks.Add(1)
	go func() {
		defer d.tasks.Done()
		path, err := care.Backup(ctx, func(done, total int) {
			if total > 0 {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
			}
			if done == total {
				fyne.Do(func() { status.SetText("Checking the copy (integrity_check)…") })
			}
		})
		fyne.Do(func() {
			cancelled := ctx.Err() != nil
			progress.Hide()
			switch {
			case cancelled:
				d.flash("Backup cancelled; nothing was kept")
			case err != nil:
				d.showError(fmt.Errorf("back up: %w", err))
			default:
				d.flash("Backed up to " + path)
				d.dialogs.show(dialog.NewInformation("Backed up",
					"The database was copied and checked (integrity_check: ok):\n"+path+
						"\n\nTo go back to it later: quit, then run\nnewsmark restore \""+path+"\"", d.win))
			}
		})
	}()
}

// onCheckDatabase runs `newsmark check` in the background and shows its report.
func (d *databaseCare) onCheckDatabase() {
	care, ok := d.care()
	if !ok {
		d.showError(fmt.Errorf("this database cannot be checked from the app"))
		return
	}
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Checking the database", bar, d.win)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()
	d.tasks.Add(1)
	go func() {
		defer d.tasks.Done()
		report, sound, err := care.CheckInWords(context.Background())
		fyne.Do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				d.showError(fmt.Errorf("check the database: %w", err))
				return
			}
			title := "The database is sound"
			if !sound {
				title = "The database has problems"
				report += "\nRestore a backup: quit, then run newsmark restore PATH (File ▸ Back up now… and the daily backups are in the backups folder beside the database)."
			}
			text := widget.NewLabel(report)
			text.Wrapping = fyne.TextWrapWord
			scroll := container.NewVScroll(text)
			scroll.SetMinSize(fyne.NewSize(560, min(320, d.win.Canvas().Size().Height*0.6)))
			d.dialogs.show(dialog.NewCustom(title, "Close", scroll, d.win))
		})
	}()
}
