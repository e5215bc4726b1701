package search

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search/searchtest"
)

// benchQueries are what a researcher types: fragments with typos, several words,
// names without accents, single short words and letter soup.
var benchQueries = []string{
	"zaporizhia", "soldiers week", "casualites", "pavic", "sao paulo teachers", "hospital fuel",
	"ceasefire broken", "the", "convoy turned back", "dying every week", "muller plant safe",
	"evacuation completed", "k", "strike costs wages", "water second floor", "1,200", "bridge closed",
	"schools shelters children", "tear gas silenced", "zprzh", "evakuaton completed", "electricty wintr",
}

func benchRecords(b *testing.B, n int) []annotate.SpanRecord {
	b.Helper()
	return searchtest.Records(searchtest.Documents(n, 20, 1))
}

// BenchmarkSearch100k reports the median and 95th-percentile time of one query over
// 100,000 spans (targets: 30 ms and 60 ms).
func BenchmarkSearch100k(b *testing.B) {
	e := New()
	if err := e.Load(b.Context(), seqOf(benchRecords(b, 100_000))); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range benchQueries {
			start := time.Now()
			e.Search(q, Options{})
			times = append(times, time.Since(start))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
	b.ReportMetric(ms(times[len(times)-1]), "max-ms")
}

// BenchmarkQueries100k times each benchmark query on its own, to see which are slow.
func BenchmarkQueries100k(b *testing.B) {
	e := New()
	if err := e.Load(b.Context(), seqOf(benchRecords(b, 100_000))); err != nil {
		b.Fatal(err)
	}
	for _, q := range benchQueries {
		b.Run(fmt.Sprintf("%q", q), func(b *testing.B) {
			for b.Loop() {
				e.Search(q, Options{})
			}
		})
	}
}

// BenchmarkLoad100k times building the index from an iterator of 100,000 rows
// (target: under 1 s together with reading them from SQLite, which
// scripts/bench-search.sh times through the CLI).
func BenchmarkLoad100k(b *testing.B) {
	recs := benchRecords(b, 100_000)
	for b.Loop() {
		e := New()
		if err := e.Load(b.Context(), seqOf(recs)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexMemory100k reports the heap held by an index of 100,000 spans,
// including the span texts, notes and titles it keeps (target: under 100 MB).
func BenchmarkIndexMemory100k(b *testing.B) {
	var indexMB float64
	for b.Loop() {
		b.StopTimer()
		before := heapInUse()
		recs := benchRecords(b, 100_000)
		e := New()
		if err := e.Load(b.Context(), seqOf(recs)); err != nil {
			b.Fatal(err)
		}
		// recs is dead from here on: only the index holds the strings now.
		indexMB = float64(heapInUse()-before) / (1 << 20)
		runtime.KeepAlive(e)
		b.StartTimer()
	}
	b.ReportMetric(indexMB, "index-MB")
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
