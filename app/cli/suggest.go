package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/atomicfile"
	"github.com/newsmark/newsmark/annotate/suggest"
)

// runSuggest is `newsmark suggest [--doc ID] [--label L]... [--patterns FILE]
// (--out PATH|- | --apply)`: it runs the suggestion rules (and the user's patterns:
// suggest-patterns.txt beside the database, then --patterns) over the chosen
// documents and writes the suggestions as spaCy JSONL in the canonical shape;
// that changes nothing in the database. With --apply it stores them as each
// document's pending suggestions for the workbench instead (replacing the pending
// ones; rejected and already annotated ones are left out).
func runSuggest(e *env, args []string) error {
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	docID := fs.Int64("doc", 0, "only the document with this id (default: all)")
	var labels stringList
	fs.Var(&labels, "label", "only suggestions with this label: QUOTE, CLAIM, DEMAND or CASUALTY (repeatable)")
	patternsPath := fs.String("patterns", "", "a pattern file to use besides the built-in rules")
	out := fs.String("out", "", "output file, or - for stdout")
	apply := fs.Bool("apply", false, "store the suggestions as pending suggestions for the workbench")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("suggest: %v", err)
	}
	if len(rest) > 0 {
		return usagef("suggest: unexpected argument %q (the output goes in --out)", rest[0])
	}
	if *out == "" && !*apply {
		return usagef("suggest: --out is required (a file, or - for stdout), or --apply to store them")
	}
	if *docID < 0 {
		return usagef("suggest: --doc must be a document id, not %d", *docID)
	}
	var wanted []string
	for _, l := range labels {
		l = strings.ToUpper(strings.TrimSpace(l))
		if !slices.Contains(suggest.Labels, l) {
			return usagef("suggest: no rules for label %q (want QUOTE, CLAIM, DEMAND or CASUALTY)", l)
		}
		wanted = append(wanted, l)
	}
	patterns, err := loadPatterns(e.dbPath, *patternsPath)
	if err != nil {
		return err
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	suggester := suggest.New(patterns)
	if *apply {
		if *out == "" {
			return applySuggestions(e, store, suggester, *docID, wanted, nil)
		}
		// --apply --out writes what it stores: each document is suggested once.
		return writeOutput(*out, e.stdout, func(w io.Writer) error {
			return applySuggestions(e, store, suggester, *docID, wanted, suggest.NewJSONLEncoder(w))
		})
	}
	// A one-shot command can let the heap grow before each collection (as export
	// does); restored when the command returns.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	return writeOutput(*out, e.stdout, func(w io.Writer) error {
		if *docID != 0 {
			doc, err := store.Document(e.ctx, *docID)
			if err != nil {
				return fmt.Errorf("suggest: document %d: %w", *docID, err)
			}
			return suggest.NewJSONLEncoder(w).Encode(doc, suggester.Suggest(doc.Text, wanted...))
		}
		return suggestAll(e.ctx, store, suggester, wanted, w)
	})
}

// applySuggestions stores the suggestions of the chosen documents as pending,
// one transaction per document, and says how many it stored; with an encoder it
// also writes them out.
func applySuggestions(e *env, store annotate.Store, suggester *suggest.Suggester, docID int64, labels []string, out *suggest.JSONLEncoder) error {
	var docs []int64
	if docID != 0 {
		docs = []int64{docID}
	} else {
		list, err := store.Documents(e.ctx, annotate.DocumentFilter{})
		if err != nil {
			return err
		}
		for _, d := range list {
			docs = append(docs, d.ID)
		}
	}
	total, proposed := 0, 0
	for _, id := range docs {
		doc, err := store.Document(e.ctx, id)
		if err != nil {
			return fmt.Errorf("suggest --apply: document %d: %w", id, err)
		}
		sugs := suggester.Suggest(doc.Text, labels...)
		if out != nil {
			if err := out.Encode(doc, sugs); err != nil {
				return err
			}
		}
		stored := make([]annotate.StoredSuggestion, len(sugs))
		for i, s := range sugs {
			stored[i] = s.Stored(id)
		}
		n, err := store.ReplacePendingSuggestions(e.ctx, id, stored)
		if err != nil {
			return fmt.Errorf("suggest --apply: document %d: %w", id, err)
		}
		total += n
		proposed += len(sugs)
	}
	fmt.Fprintf(e.stderr, "stored %d pending suggestions in %d documents (%d left out: rejected before or already annotated)\n", total, len(docs), proposed-total)
	return nil
}

// suggestJob is one document on its way through suggestAll.
type suggestJob struct {
	doc  annotate.Document
	line []byte
	err  error
	done chan struct{}
}

// suggestAll streams every document from the store, finds suggestions on all
// cores and writes the lines in document order.
func suggestAll(ctx context.Context, store annotate.Store, suggester *suggest.Suggester, labels []string, w io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan *suggestJob, 4*workers)
	order := make(chan *suggestJob, 4*workers)
	var readErr error
	go func() {
		defer close(jobs)
		defer close(order)
		for item, err := range store.Export(ctx, annotate.ExportFilter{}) {
			if err != nil {
				readErr = err
				return
			}
			job := &suggestJob{doc: item.Document, done: make(chan struct{})}
			select {
			case order <- job:
			case <-ctx.Done():
				return
			}
			jobs <- job
		}
	}()
	for range workers {
		go func() {
			var buf bytes.Buffer
			enc := suggest.NewJSONLEncoder(&buf) // one per worker: it reuses its line buffer
			for job := range jobs {
				buf.Reset()
				job.err = enc.Encode(job.doc, suggester.Suggest(job.doc.Text, labels...))
				job.line = append([]byte(nil), buf.Bytes()...)
				job.doc = annotate.Document{}
				close(job.done)
			}
		}()
	}
	var firstErr error
	for job := range order {
		<-job.done
		if firstErr != nil {
			continue
		}
		if job.err != nil {
			firstErr = job.err
		} else if _, err := w.Write(job.line); err != nil {
			firstErr = err
		}
		if firstErr != nil {
			cancel()
		}
	}
	if firstErr != nil {
		return firstErr
	}
	return readErr
}

// loadPatterns reads suggest-patterns.txt from the database's folder (if there
// is one) and the file given with --patterns (which must exist).
func loadPatterns(dbPath, extra string) (*suggest.Patterns, error) {
	var all *suggest.Patterns
	read := func(path string, mustExist bool) error {
		f, err := os.Open(path)
		if err != nil {
			if !mustExist && errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return fmt.Errorf("patterns: %w", err)
		}
		defer f.Close()
		p, err := suggest.ParsePatterns(f, path)
		if err != nil {
			return err
		}
		if all == nil {
			all = p
		} else {
			all.Merge(p)
		}
		return nil
	}
	if dbPath != "" {
		if err := read(filepath.Join(filepath.Dir(dbPath), suggest.PatternsFileName), false); err != nil {
			return nil, err
		}
	}
	if extra != "" {
		if err := read(extra, true); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// writeOutput runs write on stdout for "-", else writes out whole or not at all
// (atomicfile): an interrupted run never leaves a half file under the target name.
func writeOutput(out string, stdout io.Writer, write func(io.Writer) error) error {
	buffered := func(into io.Writer) error {
		w := bufio.NewWriterSize(into, 1<<16)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	if out == "-" {
		return buffered(stdout)
	}
	return atomicfile.Write(out, buffered)
}
