package agreement

import (
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// benchDocuments builds docs documents of about 3,000 code points with perDoc
// spans each by A, and B's layer derived from A's the way a second annotator
// differs: most spans equal, some with other boundaries, some relabelled, some
// missing and some added.
func benchDocuments(docs, perDoc int) []Document {
	rng := rand.New(rand.NewPCG(13, 2026))
	labels := []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}
	out := make([]Document, docs)
	for d := range out {
		doc := Document{ID: int64(d + 1), Length: 3000}
		slot := doc.Length / perDoc
		for i := range perDoc {
			start := i*slot + rng.IntN(slot/4)
			end := start + 5 + rng.IntN(slot/2)
			s := annotate.Span{DocID: doc.ID, Start: start, End: end, Label: labels[rng.IntN(len(labels))]}
			doc.A = append(doc.A, s)
			switch r := rng.IntN(100); {
			case r < 70:
				doc.B = append(doc.B, s)
			case r < 85:
				s.Start += 1 + rng.IntN(3)
				doc.B = append(doc.B, s)
			case r < 92:
				s.Label = labels[(slices.Index(labels, s.Label)+1)%len(labels)]
				doc.B = append(doc.B, s)
			case r < 96:
				// missing in B
			default:
				doc.B = append(doc.B, s)
				doc.B = append(doc.B, annotate.Span{DocID: doc.ID, Start: end + 1, End: end + 4, Label: s.Label})
			}
		}
		out[d] = doc
	}
	return out
}

// BenchmarkCompare10kDocs100kSpans compares two layers of 100,000 spans each
// over 10,000 documents (target: under 2 s).
func BenchmarkCompare10kDocs100kSpans(b *testing.B) {
	docs := benchDocuments(10_000, 10)
	b.ResetTimer()
	cpuBefore := cpuTime()
	for b.Loop() {
		r := Compare(docs, Options{})
		if r.Micro.ASpans != 100_000 {
			b.Fatalf("A has %d spans", r.Micro.ASpans)
		}
	}
	// The machine is shared: CPU time says what the comparison costs when wall
	// time is stretched by other processes.
	b.ReportMetric((cpuTime()-cpuBefore).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
