package dataset

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// appendJSONStringPlain is appendJSONString without the eight-byte fast path: the
// reference the fast version must match byte for byte.
func appendJSONStringPlain(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, s[start:i]...)
				buf = append(buf, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"':
			buf = append(buf, '\\', '"')
		case '\\':
			buf = append(buf, '\\', '\\')
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// randomText mixes plain words with every kind of byte the fast paths treat
// specially: controls, quotes, backslashes, DEL, the bytes around 0x20, 0x22 and
// 0x5c, multi-byte characters, an emoji outside the BMP, CRLF, U+00A0 and, if
// invalid is set, broken UTF-8.
func randomText(rng *rand.Rand, n int, invalid bool) string {
	pieces := []string{"plain ascii words ", "abcdefgh", "x", " ", "\"", "\\", "\x00", "\x1f", "\x7f", "!", "#", "[", "]",
		"\r\n", "\t", "“", "”", "’", "—", "\u00a0", "😀", "Zürich", "São", "\u2028", "12345678901234567"}
	if invalid {
		pieces = append(pieces, "\xff", "\xe2\x80", "\xc3", "\xed\xa0\x80")
	}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

func TestAppendJSONStringMatchesPlain(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 3000; i++ {
		s := randomText(rng, rng.Intn(90), i%3 == 0)
		// Every suffix, so that the special bytes fall at each position of a word.
		for cut := 0; cut < len(s) && cut < 9; cut++ {
			got := string(appendJSONString(nil, s[cut:]))
			want := string(appendJSONStringPlain(nil, s[cut:]))
			if got != want {
				t.Fatalf("appendJSONString(%q) = %s, want %s", s[cut:], got, want)
			}
		}
	}
	// Each byte value alone and inside a run of plain ASCII.
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 17; pos++ {
			s := strings.Repeat("a", pos) + string([]byte{byte(c)}) + strings.Repeat("b", 16-pos)
			if got, want := string(appendJSONString(nil, s)), string(appendJSONStringPlain(nil, s)); got != want {
				t.Fatalf("byte %#x at %d: got %s, want %s", c, pos, got, want)
			}
		}
	}
}

func TestConvertSpansFastMatchesConvertSpans(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	units := []annotate.Unit{annotate.UnitCodepoint, annotate.UnitUTF16, annotate.UnitByte, ""}
	for i := 0; i < 3000; i++ {
		text := randomText(rng, 1+rng.Intn(200), i%4 == 0)
		length := len([]rune(text))
		doc := annotate.AnnotatedDocument{Document: annotate.Document{ID: int64(i), Title: "t", Text: text}}
		for s := rng.Intn(12); s > 0; s-- {
			start := rng.Intn(length + 3) // sometimes past the end
			end := start + 1 + rng.Intn(30)
			if rng.Intn(20) == 0 {
				end = start // invalid: empty
			}
			if rng.Intn(40) == 0 {
				start = -1
			}
			label := []string{"CLAIM", "QUOTE", ""}[rng.Intn(3)%3]
			if rng.Intn(10) != 0 && label == "" {
				label = "DEMAND"
			}
			doc.Spans = append(doc.Spans, annotate.Span{ID: int64(s), Start: start, End: end, Label: label, Text: "stale"})
		}
		unit := units[i%len(units)]
		got, gotErr := convertSpansFast(doc, unit)
		want, wantErr := convertSpans(doc, annotate.NewOffsets(text), unit)
		if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
			t.Fatalf("text %q spans %v unit %q: error %v, want %v", text, doc.Spans, unit, gotErr, wantErr)
		}
		if gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("text %q spans %v unit %q:\n got %+v\nwant %+v", text, doc.Spans, unit, got, want)
		}
	}
}

func BenchmarkAppendJSONString(b *testing.B) {
	text := benchDocs(1, 0)[0].Document.Text
	b.SetBytes(int64(len(text)))
	buf := make([]byte, 0, 2*len(text))
	for b.Loop() {
		buf = appendJSONString(buf[:0], text)
	}
}

func BenchmarkAppendJSONStringPlain(b *testing.B) {
	text := benchDocs(1, 0)[0].Document.Text
	b.SetBytes(int64(len(text)))
	buf := make([]byte, 0, 2*len(text))
	for b.Loop() {
		buf = appendJSONStringPlain(buf[:0], text)
	}
}

// TestSpanBuilderMatchesOffsets checks the code-point fast path of spanBuilder
// against annotate.Offsets: same spans, same texts, same errors, for spans in and
// out of order, out of range, reversed, and with a wrong expected text.
func TestSpanBuilderMatchesOffsets(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for i := 0; i < 3000; i++ {
		text := randomText(rng, 1+rng.Intn(200), i%4 == 0)
		offsets := annotate.NewOffsets(text)
		b := newSpanBuilder(text, []annotate.Unit{annotate.UnitCodepoint, ""}[i%2])
		for s := rng.Intn(15); s > 0; s-- {
			start := rng.Intn(offsets.Len()+4) - 2
			end := start + rng.Intn(40) - 3
			var want *string
			if rng.Intn(3) == 0 {
				w := "wrong"
				if start >= 0 && end <= offsets.Len() && start < end && rng.Intn(2) == 0 {
					w = offsets.Slice(start, end)
				}
				want = &w
			}
			got, gotErr := b.span("spans[0]", start, end, "claim", want)
			ref, refErr := referenceSpan(offsets, start, end, "claim", want)
			if (gotErr == nil) != (refErr == nil) || (gotErr != nil && gotErr.Error() != refErr.Error()) {
				t.Fatalf("text %q span %d-%d: error %v, want %v", text, start, end, gotErr, refErr)
			}
			if !reflect.DeepEqual(got, ref) {
				t.Fatalf("text %q span %d-%d: %+v, want %+v", text, start, end, got, ref)
			}
		}
	}
}

// referenceSpan is spanBuilder.span for code points done plainly with Offsets.
func referenceSpan(offsets *annotate.Offsets, start, end int, label string, want *string) (annotate.Span, error) {
	b := spanBuilder{&spanText{unit: annotate.UnitCodepoint, offsets: offsets, length: -1}}
	return b.span("spans[0]", start, end, label, want)
}
