package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

// startDailyBackup makes the day's automatic backup in the background when the
// workbench starts (the first start of a day makes it; later ones find it made).
// The window opens at once: the copy reads a snapshot while edits go on. stop
// cancels a backup still running (its temporary file is removed; it never
// counts) and waits for it, so that the database closes after it.
func startDailyBackup(ctx context.Context, db *storage.DB, stderr io.Writer) (stop func()) {
	if db.ReadOnly() != "" {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _, err := db.DailyBackup(ctx, time.Now(), nil)
		if err != nil && ctx.Err() == nil {
			fmt.Fprintf(stderr, "newsmark: the daily backup of %s failed: %v\n", annotate.QuotePath(db.Path()), err)
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
