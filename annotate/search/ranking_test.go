package search

import (
	"strings"
	"testing"
)

func TestRankingOnNewsCorpus(t *testing.T) {
	e, recs := newCorpusEngine(t)
	if len(recs) < 300 {
		t.Fatalf("corpus has %d spans, want a few hundred", len(recs))
	}
	cases := []struct {
		name   string
		query  string
		wantID int64
	}{
		{"a long word with two letters missing finds the quote", "zaporizhia chernobyl", 1},
		{"a misspelled fragment of a quote finds it", "not allow zaporizhia", 1},
		{"two words of a casualty figure find it", "soldiers week", 9},
		{"the same words in another order find it", "week soldiers dying", 9},
		{"a transposed letter in a long word finds it", "casualites kharkiv", 17},
		{"a name typed without its accent finds it", "pavic strike", 24},
		{"a city typed without its tilde finds it", "sao paulo teachers", 31},
		{"an umlaut typed plain finds it", "muller housing", 38},
		{"an umlaut typed as ue finds it", "mueller housing", 38},
		{"a straight apostrophe finds a curly one", "don't negotiate", 66},
		{"an apostrophe left out finds the word", "dont negotiate bomb", 66},
		{"a figure typed without its comma finds it", "1200 civilian deaths", 23},
		{"an extra letter finds the word", "evacuatiion beryslav", 84},
		{"a phrase from a long quote beats scattered letters", "ceasefire talks collapsed", 86},
		{"a word from the note finds the span", "lede zaporizhzhia", 1},
		{"a label name narrows among equal text matches", "quote zaporizhzhia", 1},
		{"words across a line break and a no-break space match", "58 dead village priest", 108},
		{"a Serbian name with đ typed as d finds it", "dordevic gun", 27},
		{"a dotted capital I folds to i", "izmit earthquake", 77},
		{"a typo in a Polish name finds it", "luczak ruin", 99},
		{"a word typed in capitals finds it", "GLIDE BOMB", 17},
		{"a short unique prefix finds the span", "klitsch", 66},
		{"two typos in one long word find it", "evakuaton beryslav", 84},
		{"a wrong letter and a missing one in two words find it", "intolerible presure inspector", 5},
		{"misspelt words of a claim find it", "independantly verifed gaza", 44},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := e.Search(c.query, Options{})
			if len(got) == 0 {
				t.Fatalf("Search(%q) found nothing, want span %d", c.query, c.wantID)
			}
			if got[0].Record.ID != c.wantID {
				t.Errorf("Search(%q) ranked span %d first (score %d: %q), want span %d%s",
					c.query, got[0].Record.ID, got[0].Score, got[0].Record.Text, c.wantID, describeRank(got, c.wantID))
			}
		})
	}
}

// describeRank says where the wanted span ended up, for a failure message.
func describeRank(got []Result, id int64) string {
	for i, r := range got {
		if r.Record.ID == id {
			return "; it came " + ordinal(i+1) + " with score " + itoa(r.Score)
		}
	}
	return "; it was not found"
}

func ordinal(n int) string { return itoa(n) + "th" }
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func TestLongQuoteBeatsShortSpanWithScatteredLetters(t *testing.T) {
	long := "“The ceasefire talks collapsed late on Thursday because neither side would move on the question of prisoners, and the mediators went home without a date for another round,” a diplomat said."
	short := "Cheap talk, costly lapse."
	if n := len([]rune(long)); n < 170 {
		t.Fatalf("the long quote has %d characters, want about 180", n)
	}
	e := New()
	e.Upsert(record(1, 1, "Doha", "QUOTE", "ana", long, ""))
	e.Upsert(record(2, 1, "Doha", "CLAIM", "ana", short, ""))
	for _, q := range []string{"talks collapse", "ceasefire talks", "talks collapsed thursday"} {
		got := e.Search(q, Options{})
		if len(got) == 0 || got[0].Record.ID != 1 {
			t.Errorf("Search(%q): want the long quote first, got %v", q, ids(got))
		}
	}
	// And the short span is still found when only its scattered letters match.
	got := e.Search("chtlk", Options{})
	if len(got) != 1 || got[0].Record.ID != 2 || got[0].Score >= wordTierBase {
		t.Errorf("Search(%q) = %v, want only span 2 in the letter band", "chtlk", describe(got))
	}
}

func ids(rs []Result) []int64 {
	out := make([]int64, len(rs))
	for i, r := range rs {
		out[i] = r.Record.ID
	}
	return out
}

func describe(rs []Result) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(itoa(int(r.Record.ID)) + ":" + itoa(r.Score) + " ")
	}
	return b.String()
}
