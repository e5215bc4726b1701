package storage

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// TestCheckRecordSpanTextsMatchOffsets checks the one-pass span slicing of
// checkRecord against annotate.Offsets on random text with multi-byte characters,
// an emoji outside the BMP, CRLF and long ASCII runs.
func TestCheckRecordSpanTextsMatchOffsets(t *testing.T) {
	pieces := []string{"plain words ", "abcdefghijklmnop", "x", "“", "”", "’", "—", "\u00a0", "😀", "\r\n", "Zürich", "São Paulo "}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := 1 + rng.Intn(40); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		offsets := annotate.NewOffsets(text)
		rec := annotate.ImportRecord{Document: annotate.Document{Title: "t", Text: text}}
		for s := rng.Intn(12); s > 0; s-- {
			start := rng.Intn(offsets.Len())
			end := start + 1 + rng.Intn(offsets.Len()-start)
			rec.Spans = append(rec.Spans, annotate.Span{Start: start, End: end, Label: "CLAIM"})
		}
		checked, err := checkRecord(rec, "me", nil)
		if err != nil {
			t.Fatalf("text %q: %v", text, err)
		}
		if checked.length != offsets.Len() {
			t.Fatalf("text %q: length %d, want %d", text, checked.length, offsets.Len())
		}
		for j, span := range checked.spans {
			if want := offsets.Slice(span.Start, span.End); span.Text != want {
				t.Fatalf("text %q span %d-%d: text %q, want %q", text, span.Start, span.End, span.Text, want)
			}
			if span.Start != rec.Spans[j].Start || span.End != rec.Spans[j].End {
				t.Fatalf("span %d moved: %d-%d, want %d-%d", j, span.Start, span.End, rec.Spans[j].Start, rec.Spans[j].End)
			}
		}
	}
}
