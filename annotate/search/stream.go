package search

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// Find searches a stream of rows once, without keeping an index: what the command
// line needs, where the index would be built for one query and thrown away. It
// gives the same results, in the same order, as Load followed by Search.
//
// The rows are cut into batches, each indexed and searched on its own while the
// next batch is being read, and the batches' best results are merged. That is
// exact: a row among the best limit of all rows is among the best limit of its
// batch, since scores do not depend on other rows, and the score threshold a batch
// uses to skip typo search or the letter band can only be lower than the global one.
// Memory stays at one batch, which also spares the collector.
func Find(ctx context.Context, rows iter.Seq2[annotate.SpanRecord, error], query string, opts Options) ([]Result, error) {
	return find(ctx, rows, query, opts, loadBatch)
}

func find(ctx context.Context, rows iter.Seq2[annotate.SpanRecord, error], query string, opts Options, batchSize int) ([]Result, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	opts.Limit = limit
	batches := make(chan []annotate.SpanRecord, 4)
	done := make(chan []Result)
	q := prepareQuery(query)
	go func() {
		var best []Result
		for batch := range batches {
			e := New()
			for _, rec := range batch {
				e.putLocked(rec, e.prepare(rec))
			}
			floor := 0
			if len(best) == limit {
				floor = best[limit-1].Score // a row must at least tie the worst kept
			}
			best = mergeResults(best, e.search(&q, opts, floor), limit)
		}
		done <- best
	}()
	n, err := readBatches(ctx, rows, batches, batchSize)
	close(batches)
	best := <-done
	if err != nil {
		return nil, fmt.Errorf("search (after %d spans): %w", n, err)
	}
	return best, nil
}

// mergeResults merges two best-first result lists into the best limit, in the
// order Search gives: score, then recency, then the higher span ID.
func mergeResults(a, b []Result, limit int) []Result {
	all := append(a, b...)
	slices.SortStableFunc(all, compareResults)
	if len(all) > limit {
		all = all[:limit]
	}
	return all
}

func compareResults(a, b Result) int {
	if a.Score != b.Score {
		return b.Score - a.Score
	}
	ra, rb := recencyOf(a.Record.Span), recencyOf(b.Record.Span)
	if ra != rb {
		if ra > rb {
			return -1
		}
		return 1
	}
	switch {
	case a.Record.ID > b.Record.ID:
		return -1
	case a.Record.ID < b.Record.ID:
		return 1
	}
	return 0
}
