package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// highlighted returns the characters of text at the code-point indexes.
func highlighted(text string, indexes []int) string {
	runes := []rune(text)
	var out []rune
	for _, i := range indexes {
		if i < 0 || i >= len(runes) {
			return fmt.Sprintf("<index %d outside %d code points>", i, len(runes))
		}
		out = append(out, runes[i])
	}
	return string(out)
}

func TestMatchedIndexesAreCodePointsIntoTheOriginalText(t *testing.T) {
	// Each text puts multi-byte characters (curly quotes, em dash, NBSP, an emoji
	// outside the BMP, CRLF) before the match, where byte and code-point offsets differ.
	cases := []struct {
		name, text, query, want string
	}{
		{"a word after curly quotes and an emoji", "“😀 Prices rose,” said Pavić — again.", "pavic", "Pavić"},
		{"a prefix after an em dash and a no-break space", "Shelling —\u00a0near Zaporizhzhia overnight", "zapor", "Zapor"},
		{"letters left out of a long word after CRLF", "line one\r\nZaporizhzhia plant", "zaporizhia", "Zaporizhia"},
		{"a transposed word after an emoji", "😀😀 civilian casualties rose", "casualites", "casualties"},
		{"two words, the second with an accent", "“We will march,” São Paulo teachers said", "sao paulo", "SãoPaulo"},
		{"letters matched one by one by sahilm/fuzzy", "“Ölçek” — Ünal’s müşteri", "olmu", "Ölmü"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := New()
			e.Upsert(record(1, 1, "doc", "QUOTE", "ana", c.text, ""))
			got := e.Search(c.query, Options{})
			if len(got) != 1 {
				t.Fatalf("Search(%q) returned %d results, want 1", c.query, len(got))
			}
			if !slices.IsSorted(got[0].Matched) {
				t.Errorf("Matched %v is not sorted", got[0].Matched)
			}
			if h := highlighted(c.text, got[0].Matched); h != c.want {
				t.Errorf("Search(%q) highlights %q (indexes %v), want %q", c.query, h, got[0].Matched, c.want)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	e, _ := newCorpusEngine(t)
	e.SetDocument(4, "Belgrade dockworkers strike", annotate.StatusDone)
	cases := []struct {
		name  string
		query string
		opts  Options
		check func(r Result) bool
	}{
		{"a label filter keeps only that label", "strike", Options{Labels: []string{"QUOTE"}}, func(r Result) bool { return r.Record.Label == "QUOTE" }},
		{"several labels keep either, in any case", "kharkiv", Options{Labels: []string{"casualty", "Demand"}}, func(r Result) bool {
			return r.Record.Label == "CASUALTY" || r.Record.Label == "DEMAND"
		}},
		{"a document filter keeps that document", "", Options{DocID: 3}, func(r Result) bool { return r.Record.DocID == 3 }},
		{"an annotator filter keeps that annotator", "the", Options{Annotator: "BEN"}, func(r Result) bool { return r.Record.Annotator == "ben" }},
		{"a status filter keeps documents in that status", "", Options{Status: annotate.StatusDone}, func(r Result) bool {
			return r.Record.DocID == 4 && r.Record.DocStatus == annotate.StatusDone
		}},
		{"filters combine", "the", Options{Labels: []string{"QUOTE"}, Annotator: "ana", DocID: 1}, func(r Result) bool {
			return r.Record.Label == "QUOTE" && r.Record.Annotator == "ana" && r.Record.DocID == 1
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := e.Search(c.query, c.opts)
			if len(got) == 0 {
				t.Fatalf("Search(%q, %+v) found nothing", c.query, c.opts)
			}
			for _, r := range got {
				if !c.check(r) {
					t.Errorf("Search(%q, %+v) returned span %d (%s, doc %d, %s, %s), which the filter should drop",
						c.query, c.opts, r.Record.ID, r.Record.Label, r.Record.DocID, r.Record.Annotator, r.Record.DocStatus)
				}
			}
		})
	}
	t.Run("an unknown label gives no results", func(t *testing.T) {
		if got := e.Search("", Options{Labels: []string{"NOPE"}}); len(got) != 0 {
			t.Errorf("got %d results, want none", len(got))
		}
	})
	t.Run("the limit caps the results and defaults to 200", func(t *testing.T) {
		if got := e.Search("", Options{Limit: 7}); len(got) != 7 {
			t.Errorf("Limit 7 gave %d results", len(got))
		}
		if got := e.Search("", Options{}); len(got) != DefaultLimit {
			t.Errorf("no limit gave %d results, want %d", len(got), DefaultLimit)
		}
		if got := e.Search("the", Options{Limit: 3}); len(got) != 3 {
			t.Errorf("Limit 3 with a query gave %d results", len(got))
		}
	})
}

func TestEmptyQueryListsMostRecentFirst(t *testing.T) {
	e, recs := newCorpusEngine(t)
	got := e.Search("  ", Options{Limit: 50})
	if len(got) != 50 {
		t.Fatalf("got %d results, want 50", len(got))
	}
	// The newest span of the corpus comes first, and times never increase.
	newest := recs[0]
	for _, r := range recs {
		if r.UpdatedAt.After(newest.UpdatedAt) {
			newest = r
		}
	}
	if got[0].Record.ID != newest.ID {
		t.Errorf("first result is span %d, want the newest, span %d", got[0].Record.ID, newest.ID)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Record.UpdatedAt.After(got[i-1].Record.UpdatedAt) {
			t.Fatalf("result %d (%v) is newer than result %d (%v)", i, got[i].Record.UpdatedAt, i-1, got[i-1].Record.UpdatedAt)
		}
	}
	// Editing an old span brings it to the top.
	old := recs[4]
	old.UpdatedAt = newest.UpdatedAt.Add(1)
	old.Note = "checked again"
	e.Upsert(old)
	if got := e.Search("", Options{Limit: 1}); len(got) != 1 || got[0].Record.ID != old.ID || got[0].Record.Note != "checked again" {
		t.Errorf("after an edit, the first recent span is %v, want span %d with its new note", ids(got), old.ID)
	}
}

func TestFreshness(t *testing.T) {
	e, recs := newCorpusEngine(t)
	const query = "quixotic referendum"
	if got := e.Search(query, Options{}); len(got) != 0 {
		t.Fatalf("the corpus should not match %q yet, got %v", query, ids(got))
	}

	t.Run("an added span is found at once", func(t *testing.T) {
		e.Upsert(record(5000, 7, "Gaza aid convoy", "CLAIM", "ana", "The quixotic referendum plan was dropped.", ""))
		got := e.Search(query, Options{})
		if len(got) == 0 || got[0].Record.ID != 5000 || got[0].Record.DocTitle != "Gaza aid convoy" {
			t.Fatalf("got %v, want span 5000 first", ids(got))
		}
	})
	t.Run("a relabelled span moves between label filters", func(t *testing.T) {
		rec := record(5000, 7, "Gaza aid convoy", "DEMAND", "ana", "The quixotic referendum plan was dropped.", "")
		e.Upsert(rec)
		if got := e.Search(query, Options{Labels: []string{"CLAIM"}}); len(got) != 0 {
			t.Errorf("still found under CLAIM: %v", ids(got))
		}
		if got := e.Search(query, Options{Labels: []string{"DEMAND"}}); len(got) != 1 {
			t.Errorf("not found under DEMAND: %v", ids(got))
		}
	})
	t.Run("an edited note is searchable", func(t *testing.T) {
		rec := record(5000, 7, "Gaza aid convoy", "DEMAND", "ana", "The quixotic referendum plan was dropped.", "ask the desk about sourcing")
		e.Upsert(rec)
		got := e.Search("sourcing quixotic", Options{})
		if len(got) == 0 || got[0].Record.ID != 5000 || got[0].Context != "note: ask the desk about sourcing" {
			t.Errorf("got %v (context %q), want span 5000 with its note as context", ids(got), contextOf(got))
		}
	})
	t.Run("a removed span vanishes and the rest stay", func(t *testing.T) {
		before := e.Len()
		e.Remove(5000)
		e.Remove(5000) // twice: unknown IDs are ignored
		if got := e.Search(query, Options{}); len(got) != 0 {
			t.Errorf("removed span still found: %v", ids(got))
		}
		if e.Len() != before-1 {
			t.Errorf("index has %d spans, want %d", e.Len(), before-1)
		}
		// Removal moves the last row into the hole: every other span must still be found.
		for _, r := range recs {
			got := e.Search("", Options{DocID: r.DocID, Limit: 1000})
			if !slices.Contains(ids(got), r.ID) {
				t.Fatalf("span %d lost after a removal", r.ID)
			}
		}
	})
	t.Run("removing a document drops all its spans", func(t *testing.T) {
		before := e.Len()
		n := len(e.Search("", Options{DocID: 2, Limit: 1000}))
		if n == 0 {
			t.Fatal("document 2 has no spans to remove")
		}
		e.RemoveDocument(2)
		if got := e.Search("soldiers week", Options{}); slices.Contains(ids(got), 9) {
			t.Error("span 9 of the removed document is still found")
		}
		if e.Len() != before-n {
			t.Errorf("index has %d spans, want %d", e.Len(), before-n)
		}
	})
	t.Run("a document retitled shows its new title", func(t *testing.T) {
		e.SetDocument(3, "Kharkiv: the hardware store strike", annotate.StatusDone)
		got := e.Search("glide bomb", Options{})
		if len(got) == 0 || got[0].Record.DocTitle != "Kharkiv: the hardware store strike" || got[0].Record.DocStatus != annotate.StatusDone {
			t.Errorf("got %+v", got)
		}
	})
}

func contextOf(rs []Result) string {
	if len(rs) == 0 {
		return ""
	}
	return rs[0].Context
}

func TestLoadReplacesTheIndexAndKeepsItOnError(t *testing.T) {
	e := New()
	e.Upsert(record(1, 1, "old", "CLAIM", "ana", "an old span about turbines", ""))
	boom := errors.New("disk on fire")
	bad := func(yield func(annotate.SpanRecord, error) bool) {
		if yield(record(2, 1, "new", "CLAIM", "ana", "a new span", ""), nil) {
			yield(annotate.SpanRecord{}, boom)
		}
	}
	err := e.Load(context.Background(), bad)
	if !errors.Is(err, boom) {
		t.Fatalf("Load error = %v, want it to wrap %v", err, boom)
	}
	if got := e.Search("turbines", Options{}); len(got) != 1 {
		t.Errorf("after a failed load the old index should stay, got %v", ids(got))
	}
	if err := e.Load(context.Background(), seqOf([]annotate.SpanRecord{record(3, 1, "new", "CLAIM", "ana", "fresh turbines", "")})); err != nil {
		t.Fatal(err)
	}
	if got := e.Search("turbines", Options{}); len(got) != 1 || got[0].Record.ID != 3 {
		t.Errorf("after a load only the new span should be found, got %v", ids(got))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.Load(ctx, seqOf(loadCorpus(t))); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context = %v, want context.Canceled", err)
	}
}

func TestConcurrentSearchesAndChanges(t *testing.T) {
	e, _ := newCorpusEngine(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				id := int64(10000 + w*1000 + i)
				e.Upsert(record(id, 50+int64(w), "live", "CLAIM", "ana", fmt.Sprintf("live span %d about turbines", i), ""))
				if i%3 == 0 {
					e.Remove(id)
				}
				for _, r := range e.Search("turbines", Options{Limit: 5}) {
					if !utf8.ValidString(r.Record.Text) || r.Record.DocTitle == "" {
						t.Errorf("torn result %+v", r)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	want := 4 * (200 - 67)
	if got := len(e.Search("live turbines", Options{Limit: 10000})); got != want {
		t.Errorf("found %d live spans, want %d", got, want)
	}
}

func TestQueriesThatMatchNothingOrOnlyPunctuation(t *testing.T) {
	e, _ := newCorpusEngine(t)
	for _, q := range []string{"xqzwv", "“”", "—", "\u00a0\r\n"} {
		got := e.Search(q, Options{})
		if q == "\u00a0\r\n" {
			if len(got) != DefaultLimit { // only space: the recent list
				t.Errorf("Search(%q) gave %d results, want the recent list", q, len(got))
			}
			continue
		}
		for _, r := range got {
			if r.Score >= wordTierBase {
				t.Errorf("Search(%q) gave a word match: span %d score %d", q, r.Record.ID, r.Score)
			}
		}
	}
	if got := e.Search("xqzwv", Options{}); len(got) != 0 {
		t.Errorf("Search(xqzwv) = %v, want nothing", ids(got))
	}
}

func TestFindGivesTheSameResultsAsLoadAndSearch(t *testing.T) {
	recs := loadCorpus(t)
	e := New()
	if err := e.Load(context.Background(), seqOf(recs)); err != nil {
		t.Fatal(err)
	}
	queries := []string{"", "soldiers week", "zaporizhia", "casualites", "the", "chtlk", "quote zaporizhzhia", "xqzwv"}
	for _, q := range queries {
		for _, opts := range []Options{{}, {Limit: 5}, {Labels: []string{"QUOTE"}, Limit: 20}} {
			want := e.Search(q, opts)
			got, err := findInBatches(recs, q, opts)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(describe(got)) != fmt.Sprint(describe(want)) {
				t.Errorf("Find(%q, %+v) = %s\nwant %s", q, opts, describe(got), describe(want))
			}
			for i := range got {
				if i < len(want) && !slices.Equal(got[i].Matched, want[i].Matched) {
					t.Errorf("Find(%q): result %d matched %v, want %v", q, i, got[i].Matched, want[i].Matched)
				}
			}
		}
	}
}

// findInBatches runs Find with small batches, so that the corpus spans several.
func findInBatches(recs []annotate.SpanRecord, q string, opts Options) ([]Result, error) {
	return find(context.Background(), seqOf(recs), q, opts, 37)
}

func TestAnnotatorsListsTheNamesOfIndexedSpansOnly(t *testing.T) {
	e := New()
	e.Upsert(record(1, 1, "doc", "QUOTE", "ben", "one", ""))
	e.Upsert(record(2, 1, "doc", "QUOTE", "ana", "two", ""))
	e.Upsert(record(3, 2, "doc", "CLAIM", "ben", "three", ""))
	e.Upsert(record(4, 2, "doc", "CLAIM", "zoe", "four", ""))
	if got, want := e.Annotators(), []string{"ana", "ben", "zoe"}; !slices.Equal(got, want) {
		t.Errorf("Annotators() = %v, want %v", got, want)
	}
	e.Remove(4) // zoe's only span
	if got, want := e.Annotators(), []string{"ana", "ben"}; !slices.Equal(got, want) {
		t.Errorf("after removing zoe's span, Annotators() = %v, want %v", got, want)
	}
}
