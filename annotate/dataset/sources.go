package dataset

import (
	"fmt"
	"io/fs"
	"runtime"

	"github.com/newsmark/newsmark/annotate"
)

// maxSourceFileBytes caps a web page or Word file before it is read.
const maxSourceFileBytes = annotate.MaxSourceFileBytes

func sourceTooLarge(size int64) error {
	return annotate.Errorf(annotate.EINVALID, "file is %d bytes, over the limit of %d bytes (%d MiB) for one page or Word file",
		size, int64(maxSourceFileBytes), maxSourceFileBytes>>20)
}

// html reads one saved web page as one document (ExtractHTML), on a worker; the
// page's Original comes compressed (pagePacker).
func (r *reader) html(path string, info fs.FileInfo) bool {
	return r.extract(path, func() []yielded {
		doc, err := r.pages.extract(path, info)
		if err != nil {
			return []yielded{failure(path, err)}
		}
		return []yielded{{rec: annotate.ImportRecord{Origin: path, Document: doc}}}
	})
}

// yielded is one record or error an extraction hands on.
type yielded struct {
	rec annotate.ImportRecord
	err error
}

func failure(origin string, err error) yielded {
	return yielded{err: annotate.RecordError{Origin: origin, Err: err}}
}

// extraction is one file being extracted on a worker.
type extraction struct {
	done   chan struct{}
	result []yielded
}

// maxExtractions is how many files are extracted at once: one a core.
func maxExtractions() int { return runtime.GOMAXPROCS(0) }

// extractionWindow is how many files may be in flight: being extracted, waiting
// for a core, or extracted and waiting for an earlier file to be handed on.
// Records are handed on in file order; when the oldest file is slow (a larger
// page, a pause for the garbage collector), the other cores go on with later files
// instead of waiting for it, up to this many.
func extractionWindow() int { return 4 * runtime.GOMAXPROCS(0) }

// extract starts work on a worker; its results are yielded after everything
// read before it; a panic in it becomes an error naming origin. It reports
// whether reading should go on.
func (r *reader) extract(origin string, work func() []yielded) bool {
	if r.stopped {
		return false
	}
	if r.slots == nil {
		r.slots = make(chan struct{}, maxExtractions())
	}
	e := &extraction{done: make(chan struct{})}
	go func() {
		defer close(e.done)
		r.slots <- struct{}{} // wait for a core; goroutines waiting are let in first come, first served
		defer func() { <-r.slots }()
		defer func() {
			if p := recover(); p != nil {
				e.result = []yielded{failure(origin, fmt.Errorf("internal error while extracting: %v", p))}
			}
		}()
		e.result = work()
	}()
	r.pending = append(r.pending, e)
	return r.drain(extractionWindow() - 1)
}

// drain hands on finished-or-awaited extractions, oldest first, until at most
// keep are left in flight. It reports whether reading should go on.
func (r *reader) drain(keep int) bool {
	for len(r.pending) > keep && !r.stopped {
		e := r.pending[0]
		r.pending = r.pending[1:]
		<-e.done
		for _, y := range e.result {
			if !r.out(y.rec, y.err) {
				r.stopped = true
				break
			}
		}
	}
	return !r.stopped
}

// inOrder wraps the consumer so that every record yielded directly (plain text,
// JSONL, errors) waits for the extractions started before it.
func (r *reader) inOrder(yield func(annotate.ImportRecord, error) bool) func(annotate.ImportRecord, error) bool {
	r.out = yield
	return func(rec annotate.ImportRecord, err error) bool {
		if !r.drain(0) {
			return false
		}
		if !r.out(rec, err) {
			r.stopped = true
		}
		return !r.stopped
	}
}

// abandon waits for extractions still running when reading stops early, so that
// none outlives Read.
func (r *reader) abandon() {
	for _, e := range r.pending {
		<-e.done
	}
	r.pending = nil
}

// docx reads one Word file: one document, or one per article with
// ReadOptions.SplitArticles (ExtractDocx). Split articles are named
// "path (article N)" in errors and progress.
func (r *reader) docx(path string, info fs.FileInfo) bool {
	split := r.opts.SplitArticles
	return r.extract(path, func() []yielded {
		data, err := readSourceInto(path, info, nil)
		if err != nil {
			return []yielded{failure(path, err)}
		}
		docs, err := ExtractDocx(data, path, split)
		if err != nil {
			return []yielded{failure(path, err)}
		}
		out := make([]yielded, len(docs))
		for i, doc := range docs {
			origin := path
			if split {
				origin = fmt.Sprintf("%s (article %d)", path, i+1)
			}
			out[i] = yielded{rec: annotate.ImportRecord{Origin: origin, Document: doc}}
		}
		return out
	})
}
