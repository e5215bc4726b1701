package app

import (
	"sync"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/annotate/search"
)

// indexJournal remembers index edits made while a full reload of the search index
// is streaming from the database. Load swaps in a fresh index built from what the
// database held when the stream was read, so an edit made meanwhile would vanish
// from search; replaying the journal (in order, on the UI goroutine where edits
// happen) after the swap keeps it. Replayed edits are idempotent upserts/removes.
type indexJournal struct {
	mu      sync.Mutex
	loading int
	ops     []func(*search.Engine)
}

// indexed applies an edit to the search index and journals it during a reload.
func (w *Workbench) indexed(op func(*search.Engine)) {
	op(w.engine)
	w.journal.mu.Lock()
	if w.journal.loading > 0 {
		w.journal.ops = append(w.journal.ops, op)
	}
	w.journal.mu.Unlock()
}

// loadIndex (re)fills the search index from the database off the UI goroutine.
func (w *Workbench) loadIndex() {
	w.journal.mu.Lock()
	w.journal.loading++
	w.journal.mu.Unlock()
	w.tasks.Add(1)
	go func() {
		defer w.tasks.Done()
		err := w.engine.Load(w.ctx, w.store.AllSpans(w.ctx))
		fyne.Do(func() {
			w.journal.mu.Lock()
			ops := w.journal.ops
			w.journal.loading--
			if w.journal.loading == 0 {
				w.journal.ops = nil
			}
			w.journal.mu.Unlock()
			if err != nil {
				w.status.flash("Search index incomplete: " + err.Error())
				return
			}
			for _, op := range ops {
				op(w.engine)
			}
		})
	}()
}
