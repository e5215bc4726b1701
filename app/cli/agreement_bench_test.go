package cli

import (
	"context"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/cputime"
	"github.com/newsmark/newsmark/storage"
)

// benchAgreementDB writes a database of docs articles of about 3,000 code
// points, annotated by alice with perDoc spans each and by bob with a layer that
// differs the way a second annotator's does.
func benchAgreementDB(b *testing.B, docs, perDoc int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	labels := []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}
	for i, name := range labels {
		if _, err := db.CreateLabel(context.Background(), annotate.Label{Name: name, Color: annotate.FallbackColor(i)}); err != nil {
			b.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(13, 7))
	words := strings.Repeat("the mayor’s office said — “nothing” ", 90)[:3000]
	records := func(yield func(annotate.ImportRecord, error) bool) {
		for d := range docs {
			text := fmt.Sprintf("Article %d. %s", d, words)
			length := len([]rune(text))
			rec := annotate.ImportRecord{Document: annotate.Document{Text: text}}
			slot := length / perDoc
			for i := range perDoc {
				start := i*slot + rng.IntN(slot/4)
				s := annotate.Span{Start: start, End: start + 5 + rng.IntN(slot/2), Label: labels[rng.IntN(len(labels))], Annotator: "alice"}
				rec.Spans = append(rec.Spans, s)
				s.Annotator = "bob"
				switch r := rng.IntN(100); {
				case r < 75:
				case r < 90:
					s.Start++
				default:
					s.Label = labels[(i+1)%len(labels)]
				}
				rec.Spans = append(rec.Spans, s)
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
	if _, err := db.Import(context.Background(), iter.Seq2[annotate.ImportRecord, error](records), annotate.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAgreementCommand10kDocs runs `newsmark agreement --json` over
// 10,000 documents with 100,000 spans by each of two annotators: opening the
// database, reading the layers and computing every measure (target: under 2 s).
func BenchmarkAgreementCommand10kDocs(b *testing.B) {
	path := benchAgreementDB(b, 10_000, 10)
	host := Host{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	b.ResetTimer()
	cpuBefore := cputime.Used()
	for b.Loop() {
		if code := Run([]string{"--db", path, "agreement", "--json"}, host); code != 0 {
			b.Fatalf("agreement exited %d", code)
		}
	}
	// The machine is shared: CPU time says what the command costs when wall
	// time is stretched by other processes.
	b.ReportMetric((cputime.Used()-cpuBefore).Seconds()/float64(b.N), "cpu-s/op")
}
