package storage

import (
	"math/rand"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// TestHistoryEncoderMatchesJSONMarshal checks the import's history JSON against
// encodeHistorySpan byte for byte.
func TestHistoryEncoderMatchesJSONMarshal(t *testing.T) {
	texts := []string{"", "plain", "“curly” ’quote’ — dash", "a\u00a0b", "😀 emoji", "line\r\nbreak\ttab", `quote " and \ backslash`,
		"<b>&amp;</b>", "\u2028 and \u2029", "only \u2029", "only \u2028", "\x00\x1f\x7f", "bad \xff utf8", "\xe2\x80", "Zürich São Paulo"}
	times := []time.Time{
		time.Date(2026, 11, 25, 18, 59, 35, 906354000, time.UTC),
		time.Date(2026, 11, 25, 18, 59, 35, 0, time.UTC),
		time.Date(2026, 11, 25, 18, 59, 35, 100000000, time.UTC),
		time.Date(2026, 11, 25, 20, 59, 35, 5000, time.FixedZone("EET", 7200)),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		{},
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), // json.Marshal refuses it
	}
	rng := rand.New(rand.NewSource(3))
	var enc historyEncoder
	for i := 0; i < 4000; i++ {
		s := annotate.Span{
			ID: rng.Int63n(1 << 40), DocID: rng.Int63n(1 << 30), Start: rng.Intn(100000), End: rng.Intn(100000),
			Label: []string{"CLAIM", "QUOTE", "A&B", "<X>"}[rng.Intn(4)], Text: texts[rng.Intn(len(texts))],
			Annotator: texts[rng.Intn(len(texts))], Note: texts[rng.Intn(len(texts))],
			CreatedAt: times[rng.Intn(len(times))], UpdatedAt: times[rng.Intn(len(times))],
		}
		want, wantErr := encodeHistorySpan(&s)
		got, err := enc.encode(&s)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("span %+v: error %v, want %v", s, err, wantErr)
		}
		if err == nil && got != want.(string) {
			t.Fatalf("span %+v:\n got %s\nwant %s", s, got, want)
		}
	}
}
