package dataset

import (
	"strings"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// fixtureText holds every character FORMATS.md names: curly quotes, an apostrophe,
// an em dash, a non-breaking space, an emoji outside the BMP (two UTF-16 units,
// four bytes) and CRLF line ends.
const fixtureText = "“We stay,” she said — 14\u00a0civilians 😀 fled.\r\nThe city’s council demanded talks.\r\n\r\nEnd 😀"

// cpIndex is the code-point index of the n-th (0-based) occurrence of sub in text.
func cpIndex(t testing.TB, text, sub string, n int) int {
	t.Helper()
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if n == 0 {
			return annotate.RuneLen(text[:from+i])
		}
		n--
		from += i + len(sub)
	}
}

func fixtureSpan(t testing.TB, text, sub string, label string) annotate.Span {
	start := cpIndex(t, text, sub, 0)
	return annotate.Span{Start: start, End: start + annotate.RuneLen(sub), Label: label, Text: sub}
}

// fixtureDocs is the test export: the rich document with a span at offset 0, one
// ending at the last character, nested spans, overlapping spans, a span cutting a
// token and one crossing CRLF; and a plain second document.
func fixtureDocs(t testing.TB) []annotate.AnnotatedDocument {
	created := time.Date(2026, 11, 25, 18, 30, 0, 0, time.UTC)
	quote := fixtureSpan(t, fixtureText, "“We stay,”", "QUOTE") // at offset 0
	quote.Annotator = "alice"
	quote.Note = "=SUM(A1) first quote\nsecond line"
	quote.CreatedAt = created
	claim := fixtureSpan(t, fixtureText, "she said — 14\u00a0civilians 😀 fled.", "CLAIM")
	casualty := fixtureSpan(t, fixtureText, "14\u00a0civilians", "CASUALTY") // nested in claim
	casualty.Annotator = "-bob"
	casualty.CreatedAt = created
	cut := fixtureSpan(t, fixtureText, "ivilians 😀", "CLAIM")                               // cuts a token, nested, overlaps
	demand := fixtureSpan(t, fixtureText, "council demanded talks.\r\n\r\nEnd 😀", "DEMAND") // crosses CRLF, ends at the last character
	overlap := fixtureSpan(t, fixtureText, "city’s council", "CLAIM")                       // overlaps demand
	unknown := fixtureSpan(t, fixtureText, "😀", "VICTIM")                                   // a label not in the label set
	return []annotate.AnnotatedDocument{
		{
			Document: annotate.Document{
				ID: 7, Title: "=HYPERLINK(\"x\") “Talks” stall", Source: "tests/fixture.txt", Text: fixtureText,
				Hash: annotate.ContentHash(fixtureText), Status: annotate.StatusDone,
				Meta:   map[string]any{"url": "https://example.org/a?b=1&c=<2>", "n": 3},
				Outlet: "The “Courier”", Authors: []string{"Ana Pavić", "-Bob Roe"}, Published: "2026-11-25T18:30:00+01:00", Language: "en",
			},
			Spans: []annotate.Span{demand, quote, claim, casualty, cut, overlap, unknown},
		},
		{
			Document: annotate.Document{ID: 8, Title: "Plain", Source: "tests/plain.txt", Text: "Plain text, one span.", Hash: annotate.ContentHash("Plain text, one span.")},
			Spans:    []annotate.Span{{Start: 0, End: 5, Label: "CLAIM", Text: "Plain"}},
		},
	}
}

func fixtureLabels() []annotate.Label {
	return []annotate.Label{{Name: "CLAIM"}, {Name: "QUOTE"}, {Name: "DEMAND"}, {Name: "CASUALTY"}}
}
