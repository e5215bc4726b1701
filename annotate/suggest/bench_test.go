package suggest

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// article1MB repeats the gold articles' texts up to 1 MB: one long article with
// the density of quotes, claims and figures of wire copy.
func article1MB(b *testing.B) string {
	f, err := os.Open("testdata/gold/gold.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadGold(f, "gold.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, d := range docs {
			sb.WriteString(d.Text)
			sb.WriteString("\n")
		}
	}
	return sb.String()[:1<<20]
}

// BenchmarkSuggest1MB: suggesting every label on a 1 MB article (target under
// 100 ms). Run: go test ./annotate/suggest -run X -bench Suggest1MB -benchtime 10x
func BenchmarkSuggest1MB(b *testing.B) {
	text := article1MB(b)
	s := New(nil)
	b.SetBytes(int64(len(text)))
	n := 0
	startCPU := cpuTime()
	for b.Loop() {
		n = len(s.Suggest(text))
	}
	b.ReportMetric(float64(n), "suggestions")
	b.ReportMetric(float64(cpuTime()-startCPU)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkEncode1MB: writing a 1 MB article's suggestions as canonical JSONL.
func BenchmarkEncode1MB(b *testing.B) {
	text := article1MB(b)
	sugs := New(nil).Suggest(text)
	doc := annotate.Document{ID: 1, Title: "bench", Text: text}
	enc := NewJSONLEncoder(io.Discard)
	b.SetBytes(int64(len(text)))
	startCPU := cpuTime()
	for b.Loop() {
		if err := enc.Encode(doc, sugs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-startCPU)/float64(b.N)/1e6, "cpu-ms/op")
}
