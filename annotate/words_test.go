package annotate

import (
	"fmt"
	"strings"
	"testing"
)

// at returns the code-point offset of the n-th (0-based) occurrence of needle in
// text, so the tables below read as text, not numbers.
func at(t *testing.T, text, needle string, n int) int {
	t.Helper()
	rest, skipped := text, 0
	for {
		i := strings.Index(rest, needle)
		if i < 0 {
			t.Fatalf("%q not found %d times in %q", needle, n+1, text)
		}
		if n == 0 {
			return len([]rune(text[:skipped+i]))
		}
		n--
		skipped += i + len(needle)
		rest = text[skipped:]
	}
}

const article = "“Shelling overnight killed at least nine civilians,” said Dasgupta-Kell, of the U.N.\u00a0mission.\r\n" +
	"Residents fled—some on foot—to Kyiv. Kyivan officials said 6,000 left; Kyiv’s mayor agreed.\r\n" +
	"\r\n" +
	"Dr. Pavić: “We will stay.” 😀 Mr. Smith disagreed."

func TestSnapToWordsWidensAMidWordDragToWholeWords(t *testing.T) {
	text := []rune(article)
	cases := []struct {
		name     string
		from, to int
		want     string
	}{
		{"a drag from inside Shelling to inside civilians takes both words whole",
			at(t, article, "elling", 0), at(t, article, "ns,”", 0), "Shelling overnight killed at least nine civilians"},
		{"an end inside a hyphenated name takes the whole name but not its comma",
			at(t, article, "gupta", 0), at(t, article, "ell,", 0) + 1, "Dasgupta-Kell"},
		{"an end right after the U of U.N. takes U.N but the stop is a token of its own",
			at(t, article, "U.N", 0), at(t, article, "U.N", 0) + 1, "U.N"},
		{"NBSP at the edge is dropped and the word after it taken whole",
			at(t, article, "\u00a0mission", 0), at(t, article, "mission", 0) + 2, "mission"},
		{"a drag over CR LF into the next line drops the line break",
			at(t, article, "sion.\r\n", 0), at(t, article, "Residents", 0) + 3, "mission.\r\nResidents"},
		{"an em dash between words is a word of its own",
			at(t, article, "fled", 0) + 1, at(t, article, "—some", 0) + 1, "fled—"},
		{"an emoji outside the BMP is one word",
			at(t, article, "😀", 0), at(t, article, "😀", 0) + 1, "😀"},
		{"a curly apostrophe stays inside the word",
			at(t, article, "’s mayor", 0), at(t, article, "’s mayor", 0) + 1, "Kyiv’s"},
		{"only white space gives an empty range",
			at(t, article, "\r\n\r\n", 0), at(t, article, "\r\n\r\n", 0) + 4, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start, end := SnapToWords(text, c.from, c.to)
			if got := string(text[start:end]); got != c.want {
				t.Fatalf("SnapToWords(%d, %d) = %q, want %q", c.from, c.to, got, c.want)
			}
		})
	}
}

func TestSnappedEdgesAreTokenEdgesOfTheWholeText(t *testing.T) {
	text := []rune(article)
	edges := map[int]bool{}
	for _, tok := range Tokenize(article) {
		edges[tok.Start], edges[tok.End] = true, true
	}
	for from := 0; from < len(text); from++ {
		for _, to := range []int{from + 1, from + 7, from + 23} {
			start, end := SnapToWords(text, from, to)
			if start < end && (!edges[start] || !edges[end]) {
				t.Fatalf("SnapToWords(%d, %d) = %d-%d %q: not token edges", from, to, start, end, string(text[start:end]))
			}
		}
	}
}

func TestWordMotionTakesQuoteMarksAndPunctuationWithTheWord(t *testing.T) {
	text := []rune(article)
	cases := []struct {
		name  string
		from  int
		right bool
		want  int
	}{
		{"right from inside civilians goes past ,” in one step", at(t, article, "vilians", 0), true, at(t, article, " said", 0)},
		{"right from the start goes past the opening mark and the word", 0, true, at(t, article, " overnight", 0)},
		{"left from after the closing mark goes to the start of the word it touches", at(t, article, " said", 0), false, at(t, article, "civilians", 0)},
		{"left from inside the first word goes past the opening mark", at(t, article, "overnight", 0) - 1, false, 0},
		{"right stops before an em dash", at(t, article, "fled", 0), true, at(t, article, "—some", 0)},
		{"right over an em dash is a step of its own", at(t, article, "—some", 0), true, at(t, article, "some", 0)},
		{"left stops after an em dash", at(t, article, "foot—", 0) + 4, false, at(t, article, "foot", 0)},
		{"right skips NBSP as white space", at(t, article, "\u00a0mission", 0), true, at(t, article, "\r\nResidents", 0)},
		{"right skips CR LF and stops after the next word", at(t, article, "\r\nResidents", 0), true, at(t, article, " fled", 0)},
		{"left from after Kell, goes to the start of the name with its comma", at(t, article, " of the", 0), false, at(t, article, "Dasgupta", 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := WordLeft(text, c.from)
			if c.right {
				got = WordRight(text, c.from)
			}
			if got != c.want {
				t.Fatalf("from %d got %d (%q), want %d (%q)", c.from, got, string(text[:got]), c.want, string(text[:c.want]))
			}
		})
	}
}

func TestSentenceAndParagraphBounds(t *testing.T) {
	text := []rune(article)
	cases := []struct {
		name      string
		at        int
		sentence  string
		paragraph string
	}{
		{"a sentence that opens with a quote runs to its stop after the abbreviation U.N.",
			at(t, article, "nine", 0),
			"“Shelling overnight killed at least nine civilians,” said Dasgupta-Kell, of the U.N.\u00a0mission.",
			"“Shelling overnight killed at least nine civilians,” said Dasgupta-Kell, of the U.N.\u00a0mission."},
		{"the second sentence of a CRLF line stops before the CR",
			at(t, article, "Kyivan", 0),
			"Kyivan officials said 6,000 left; Kyiv’s mayor agreed.",
			"Residents fled—some on foot—to Kyiv. Kyivan officials said 6,000 left; Kyiv’s mayor agreed."},
		{"a sentence does not end after the abbreviation Dr. and keeps its closing mark",
			at(t, article, "stay", 0),
			"Dr. Pavić: “We will stay.”",
			"Dr. Pavić: “We will stay.” 😀 Mr. Smith disagreed."},
		{"Mr. does not end the sentence",
			at(t, article, "Smith", 0),
			"😀 Mr. Smith disagreed.",
			"Dr. Pavić: “We will stay.” 😀 Mr. Smith disagreed."},
		{"an empty line is an empty paragraph", at(t, article, "\r\n\r\n", 0) + 2, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, p := SentenceAt(text, c.at), ParagraphAt(text, c.at)
			if got := string(text[p.Start:p.End]); got != c.paragraph {
				t.Errorf("paragraph %q, want %q", got, c.paragraph)
			}
			if got := string(text[s.Start:s.End]); got != c.sentence {
				t.Errorf("sentence %q, want %q", got, c.sentence)
			}
		})
	}
}

func TestTrimForLabelKeepsQuotesAndTrimsStrayPunctuation(t *testing.T) {
	text := []rune(article)
	cases := []struct {
		name     string
		label    string
		from, to int
		want     string
	}{
		{"QUOTE takes its marks and the comma inside them", "QUOTE",
			at(t, article, "Shelling", 0), at(t, article, "civilians", 0) + 9, "“Shelling overnight killed at least nine civilians,”"},
		{"QUOTE over the whole quote keeps it", "quote",
			0, at(t, article, " said", 0), "“Shelling overnight killed at least nine civilians,”"},
		{"QUOTE keeps the stop inside the marks", "QUOTE",
			at(t, article, "We will", 0), at(t, article, "stay", 0) + 5, "“We will stay.”"},
		{"another label trims the trailing comma of a name", "PERSON",
			at(t, article, "Dasgupta", 0), at(t, article, " of the", 0) + 1, "Dasgupta-Kell"},
		{"another label keeps the stop of U.N.", "ORG",
			at(t, article, "U.N", 0), at(t, article, "U.N", 0) + 4, "U.N."},
		{"another label trims a semicolon and the NBSP", "CASUALTY",
			at(t, article, "6,000", 0), at(t, article, "left;", 0) + 5, "6,000 left"},
		{"another label trims a sentence's stop when the span is only part of it", "CLAIM",
			at(t, article, "Kyiv’s", 0), at(t, article, "agreed.", 0) + 7, "Kyiv’s mayor agreed"},
		{"another label keeps the stop of a whole sentence", "CLAIM",
			at(t, article, "Kyivan", 0), at(t, article, "agreed.", 0) + 7, "Kyivan officials said 6,000 left; Kyiv’s mayor agreed."},
		{"another label keeps the stop after Dr", "PERSON",
			at(t, article, "Dr.", 0), at(t, article, "Dr.", 0) + 3, "Dr."},
		{"another label trims the colon after a name", "PERSON",
			at(t, article, "Pavić", 0), at(t, article, "Pavić", 0) + 6, "Pavić"},
		{"a range of only punctuation to trim comes back empty", "CLAIM",
			at(t, article, ", of", 0), at(t, article, ", of", 0) + 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start, end := TrimForLabel(text, c.from, c.to, c.label)
			if got := string(text[start:end]); got != c.want {
				t.Fatalf("TrimForLabel(%q) = %q, want %q", string(text[c.from:c.to]), got, c.want)
			}
		})
	}
}

func TestFindAll(t *testing.T) {
	text := []rune(article)
	show := func(rs []Range) string {
		var parts []string
		for _, r := range rs {
			parts = append(parts, fmt.Sprintf("%d:%s", r.Start, string(text[r.Start:r.End])))
		}
		return strings.Join(parts, " ")
	}
	cases := []struct {
		name  string
		query string
		opt   FindOptions
		want  []int // starts
	}{
		{"whole words skip Kyivan, and Kyiv’s, one token as in the exports", "Kyiv", FindOptions{WholeWord: true},
			[]int{at(t, article, "Kyiv.", 0)}},
		{"substrings take Kyivan too", "Kyiv", FindOptions{},
			[]int{at(t, article, "Kyiv.", 0), at(t, article, "Kyivan", 0), at(t, article, "Kyiv’s", 0)}},
		{"ignoring case finds Said and said with accents kept", "PAVIĆ", FindOptions{IgnoreCase: true},
			[]int{at(t, article, "Pavić", 0)}},
		{"a query with NBSP matches NBSP only", "U.N.\u00a0mission", FindOptions{},
			[]int{at(t, article, "U.N.", 0)}},
		{"a query across CR LF matches", "agreed.\r\n", FindOptions{},
			[]int{at(t, article, "agreed.", 0)}},
		{"an empty query finds nothing", "", FindOptions{}, nil},
		{"white space alone finds nothing", " ", FindOptions{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FindAll(text, c.query, c.opt)
			var starts []int
			for _, r := range got {
				starts = append(starts, r.Start)
			}
			if fmt.Sprint(starts) != fmt.Sprint(c.want) {
				t.Fatalf("FindAll(%q) = %s, want starts %v", c.query, show(got), c.want)
			}
		})
	}
	others := OtherOccurrences(text, at(t, article, "said", 1), at(t, article, "said", 1)+4)
	if got := show(others); got != fmt.Sprintf("%d:said", at(t, article, "said", 0)) {
		t.Fatalf("OtherOccurrences of the second said = %s", got)
	}
}

func FuzzTokensAroundMatchWholeText(f *testing.F) {
	f.Add(article, 10)
	f.Add("a \u0301b \u200d😀 🇺🇸🇬🇧\n\u0301x 3.5 a.b.", 7)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if !utf8Valid(text) {
			return
		}
		runes := []rune(text)
		if len(runes) == 0 {
			return
		}
		i = (i%len(runes) + len(runes)) % len(runes)
		var want *Token
		for _, tok := range Tokenize(text) {
			if tok.Start <= i && i < tok.End {
				want = &tok
				break
			}
		}
		got, ok := WordAt(runes, i)
		if (want != nil) != ok || ok && (got.Start != want.Start || got.End != want.End) {
			t.Fatalf("WordAt(%q, %d) = %v %v, want %v", text, i, got, ok, want)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// BenchmarkSnapToWords1MB is the snapping a drag step adds: one snap of a range
// whose ends lie mid-word, in a 1 MB article.
func BenchmarkSnapToWords1MB(b *testing.B) {
	text := []rune(strings.Repeat(article+" ", 1<<20/len(article)))
	from, to := len(text)/3+5, 2*len(text)/3+5
	for b.Loop() {
		SnapToWords(text, from, to)
	}
}
