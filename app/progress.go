package app

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// throttledProgress turns show, which must run on the UI goroutine, into a
// progress callback for a background goroutine (import, export, opening files).
// Only the latest count matters, so calls are coalesced: at most one update is
// queued on the UI goroutine at a time, however fast counts arrive, instead of
// one UI call per record.
func throttledProgress(show func(done int)) func(done int) {
	return coalesce(fyne.Do, show)
}

// coalesce is throttledProgress with the UI goroutine's runner given.
func coalesce(do func(func()), show func(done int)) func(done int) {
	var latest atomic.Int64
	var queued atomic.Bool
	return func(done int) {
		latest.Store(int64(done))
		if queued.CompareAndSwap(false, true) {
			do(func() {
				queued.Store(false)
				show(int(latest.Load()))
			})
		}
	}
}
