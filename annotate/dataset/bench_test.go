package dataset

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// benchDocs makes n news-like documents of about 3 KB with spansPer spans each,
// with curly quotes, dashes and an emoji so the non-ASCII paths are measured.
func benchDocs(n, spansPer int) []annotate.AnnotatedDocument {
	const paragraph = "“We came here to save lives, not to trade them,” said the deputy mayor — at least 14 civilians were killed. 😀 The council demanded a withdrawal beyond the river before talks.\r\n"
	docs := make([]annotate.AnnotatedDocument, n)
	for i := range docs {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d\r\n", i)
		for b.Len() < 3000 {
			b.WriteString(paragraph)
		}
		text := b.String()
		length := annotate.RuneLen(text)
		spans := make([]annotate.Span, spansPer)
		for s := range spans {
			start := (s * length) / spansPer
			spans[s] = annotate.Span{Start: start, End: start + 20, Label: []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}[s%4], Annotator: "bench"}
		}
		docs[i] = annotate.AnnotatedDocument{
			Document: annotate.Document{ID: int64(i + 1), Title: fmt.Sprintf("Report %d", i), Source: "bench", Text: text, Hash: annotate.ContentHash(text)},
			Spans:    spans,
		}
	}
	return docs
}

// BenchmarkExportSpacy10k encodes 10,000 documents / 100,000 spans to spacy JSONL.
func BenchmarkExportSpacy10k(b *testing.B) {
	docs := benchDocs(10000, 10)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Export(context.Background(), docsSeq(docs), "-", io.Discard, ExportOptions{Format: FormatSpacy}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSpacy10k decodes the same 10,000 documents from spacy JSONL.
func BenchmarkReadSpacy10k(b *testing.B) {
	var buf bytes.Buffer
	if _, err := Export(context.Background(), docsSeq(benchDocs(10000, 10)), "-", &buf, ExportOptions{Format: FormatSpacy}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		dec := NewJSONLDecoder(bytes.NewReader(data), "bench.jsonl", DecodeOptions{})
		n := 0
		for {
			_, err := dec.Decode()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10000 {
			b.Fatalf("read %d", n)
		}
	}
}
