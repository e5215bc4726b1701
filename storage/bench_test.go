package storage

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// benchArticles makes n varied, deterministic articles of about 3 KB, some with
// curly quotes, em dashes and emoji.
func benchArticles(n int) []annotate.ImportRecord {
	words := strings.Fields(`the minister said talks would resume after ceasefire deadline harbour city
		officials reported casualties near bridge council demanded release of prisoners negotiators
		rejected claim that convoy had crossed border overnight — “we will not leave” residents
		told reporters café Zürich São Paulo Kyiv naïve résumé 😀 according to statement`)
	rng := rand.New(rand.NewSource(42))
	recs := make([]annotate.ImportRecord, n)
	var b strings.Builder
	for i := range recs {
		b.Reset()
		fmt.Fprintf(&b, "Article %d\n\n", i)
		target := 2500 + rng.Intn(1000)
		for b.Len() < target {
			b.WriteString(words[rng.Intn(len(words))])
			if rng.Intn(12) == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		origin := fmt.Sprintf("corpus/%05d.txt", i)
		recs[i] = annotate.ImportRecord{Origin: origin, Document: annotate.Document{Title: fmt.Sprintf("Article %d", i), Source: origin, Text: b.String()}}
	}
	return recs
}

// BenchmarkImport10kDocs imports 10,000 articles of ~3 KB into a new database, in
// one transaction, and closes it (which checkpoints the write-ahead log).
func BenchmarkImport10kDocs(b *testing.B) {
	recs := benchArticles(10_000)
	total := 0
	for _, r := range recs {
		total += len(r.Document.Text)
	}
	b.SetBytes(int64(total))
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		db, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		res, err := db.Import(ctx, records(recs), annotate.ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Documents != len(recs) {
			b.Fatalf("imported %d documents, want %d", res.Documents, len(recs))
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateSpan is the cost of one annotation edit: its own transaction,
// history entry and fsync (synchronous=FULL).
func BenchmarkCreateSpan(b *testing.B) {
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Seed(ctx, testLabels(), nil); err != nil {
		b.Fatal(err)
	}
	rec := benchArticles(1)[0]
	res, err := db.Import(ctx, records([]annotate.ImportRecord{rec}), annotate.ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	length := annotate.RuneLen(rec.Document.Text)
	for i := 0; b.Loop(); i++ {
		start := i % (length - 20)
		_, err := db.CreateSpan(ctx, annotate.Span{DocID: res.DocIDs[0], Start: start, End: start + 5 + i%13, Label: "CLAIM", Annotator: fmt.Sprint(i)})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSurroundings1MB is the context of one search result in a 1 MB
// article: the search panel asks once per result row on screen.
func BenchmarkSurroundings1MB(b *testing.B) {
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Seed(ctx, testLabels(), nil); err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("“Talks resumed,” the mayor’s office said — 14\u00a0civilians 😀 were evacuated.\r\n", 1<<20/80)
	res, err := db.Import(ctx, records([]annotate.ImportRecord{{Origin: "big.txt", Document: annotate.Document{Title: "big", Text: text}}}), annotate.ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	length := annotate.RuneLen(text)
	for i := 0; b.Loop(); i++ {
		start := (i * 7919) % (length - 100)
		if _, _, err := db.Surroundings(ctx, res.DocIDs[0], start, start+30, 60); err != nil {
			b.Fatal(err)
		}
	}
}

// annotatedBenchArticles is benchArticles(10_000) with ten spans per article.
func annotatedBenchArticles() []annotate.ImportRecord {
	recs := benchArticles(10_000)
	labels := testLabels()
	for i := range recs {
		length := annotate.RuneLen(recs[i].Document.Text)
		for j := 0; j < 10; j++ {
			start := j * (length / 10)
			recs[i].Spans = append(recs[i].Spans, annotate.Span{Start: start, End: start + 5 + j, Label: labels[j%len(labels)].Name})
		}
	}
	return recs
}

// spanBenchDB makes a database of 10,000 documents with ten spans each.
func spanBenchDB(b *testing.B) *DB {
	b.Helper()
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "export.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Seed(ctx, testLabels(), nil); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Import(ctx, records(annotatedBenchArticles()), annotate.ImportOptions{Annotator: "bench"}); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkImport10kDocs100kSpans imports 10,000 articles with ten spans each
// (each span also gets its history entry) into a new database, as re-importing an
// export does, and closes it.
func BenchmarkImport10kDocs100kSpans(b *testing.B) {
	recs := annotatedBenchArticles()
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		db, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		res, err := db.Import(ctx, records(recs), annotate.ImportOptions{Annotator: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		if res.Documents != len(recs) || res.Spans != 10*len(recs) {
			b.Fatalf("imported %d documents and %d spans, want %d and %d", res.Documents, res.Spans, len(recs), 10*len(recs))
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport10kDocs100kSpans streams 10,000 documents with 100,000 spans out
// of the database, as `newsmark export` does before encoding.
func BenchmarkExport10kDocs100kSpans(b *testing.B) {
	ctx := context.Background()
	db := spanBenchDB(b)
	for b.Loop() {
		docs, spans := 0, 0
		for doc, err := range db.Export(ctx, annotate.ExportFilter{}) {
			if err != nil {
				b.Fatal(err)
			}
			docs++
			spans += len(doc.Spans)
		}
		if docs != 10_000 || spans != 100_000 {
			b.Fatalf("exported %d documents and %d spans, want 10000 and 100000", docs, spans)
		}
	}
}

// BenchmarkAllSpans100k streams 100,000 spans with their documents' titles, as
// `newsmark search` and the workbench's search index do.
func BenchmarkAllSpans100k(b *testing.B) {
	ctx := context.Background()
	db := spanBenchDB(b)
	for b.Loop() {
		n := 0
		for _, err := range db.AllSpans(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100_000 {
			b.Fatalf("read %d spans, want 100000", n)
		}
	}
}
