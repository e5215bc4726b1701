package suggest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func find(sugs []Suggestion, label, text string) *Suggestion {
	for i := range sugs {
		if sugs[i].Label == label && sugs[i].Text == text {
			return &sugs[i]
		}
	}
	return nil
}

func texts(sugs []Suggestion, label string) []string {
	var out []string
	for _, s := range sugs {
		if s.Label == label {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestOffsetsAreCodePointsWithEmojiCRLFAndNBSP(t *testing.T) {
	text := "Flood 🌊 update\r\n\r\nOARA — Some 1\u00a0200 people fled, officials said.\r\n“It’s gone — all of it 😢,” said Rene Aubel.\r\n"
	sugs := New(nil).Suggest(text)
	offsets := annotate.NewOffsets(text)
	if len(sugs) < 3 {
		t.Fatalf("suggestions: %+v", sugs)
	}
	for _, s := range sugs {
		if got := offsets.Slice(s.Start, s.End); got != s.Text {
			t.Errorf("%s %d-%d: text[start:end] = %q, suggestion text %q", s.Label, s.Start, s.End, got, s.Text)
		}
		if s.Mention != nil && offsets.Slice(s.Mention.Start, s.Mention.End) != s.Mention.Text {
			t.Errorf("mention %d-%d is not %q", s.Mention.Start, s.Mention.End, s.Mention.Text)
		}
	}
	q := find(sugs, LabelQuote, "“It’s gone — all of it 😢,”")
	if q == nil || q.Source != "Rene Aubel" || q.Rule != RuleQuoteCurly {
		t.Fatalf("quote: %+v", q)
	}
	c := find(sugs, LabelCasualty, "Some 1\u00a0200 people fled")
	if c == nil || c.Attrs["count"] != int64(1200) || c.Attrs["kind"] != "displaced" {
		t.Fatalf("casualty: %+v", c)
	}
}

func TestQuoteSplitByAttributionGivesTwoSpansOfOneSpeaker(t *testing.T) {
	text := "“The bridge held,” the engineer Paulo Serra said, “but the road did not.” He left at noon."
	sugs := New(nil).Suggest(text, LabelQuote)
	got := texts(sugs, LabelQuote)
	if strings.Join(got, "|") != "“The bridge held,”|“but the road did not.”" {
		t.Fatalf("quotes = %q", got)
	}
	for _, s := range sugs {
		if s.Source != "Paulo Serra" {
			t.Errorf("%q credited to %q", s.Text, s.Source)
		}
	}
}

func TestNestedSingleQuotesAreQuotesOfTheirOwn(t *testing.T) {
	text := "“They chanted ‘no more cuts’ all night,” said Ines Ruiz."
	sugs := New(nil).Suggest(text, LabelQuote)
	inner := find(sugs, LabelQuote, "‘no more cuts’")
	outer := find(sugs, LabelQuote, "“They chanted ‘no more cuts’ all night,”")
	if inner == nil || outer == nil {
		t.Fatalf("quotes = %q", texts(sugs, LabelQuote))
	}
	if inner.Rule != RuleQuoteNested || inner.Source != "Ines Ruiz" {
		t.Fatalf("inner = %+v", inner)
	}
	if find(sugs, LabelQuote, "’s") != nil {
		t.Fatal("an apostrophe paired as a quote")
	}
}

func TestAQuoteRunsAcrossALineBreak(t *testing.T) {
	text := "“We will rebuild\nevery house,” said Mayor Tove Lind.\n"
	q := find(New(nil).Suggest(text), LabelQuote, "“We will rebuild\nevery house,”")
	if q == nil || q.Source != "Tove Lind" {
		t.Fatalf("quote across a line break: %+v", q)
	}
}

func TestFollowingQuoteIsCreditedToThePreviousSpeaker(t *testing.T) {
	text := "“Water first,” said Ama Quaye, who runs the clinic. “Then medicine.”"
	sugs := New(nil).Suggest(text, LabelQuote)
	second := find(sugs, LabelQuote, "“Then medicine.”")
	if second == nil || second.Source != "Ama Quaye" || second.Mention == nil || second.Mention.SourceRule != SourcePrevious {
		t.Fatalf("second quote: %+v", second)
	}
}

func TestClaimsAfterSaidThatAccordingToAndAtTheSentenceEnd(t *testing.T) {
	text := "Officials said that the dam was safe and that no one had been evacuated. " +
		"Prices rose 4 percent in May, the statistics office said on Tuesday. " +
		"According to the World Bank, growth will slow. " +
		"Exports fell, according to Kemal Aras."
	sugs := New(nil).Suggest(text, LabelClaim)
	want := map[string]string{
		"the dam was safe":             "Officials",
		"no one had been evacuated":    "Officials",
		"Prices rose 4 percent in May": "statistics office",
		"growth will slow":             "World Bank",
		"Exports fell":                 "Kemal Aras",
	}
	for text, source := range want {
		c := find(sugs, LabelClaim, text)
		if c == nil {
			t.Errorf("no claim %q in %q", text, texts(sugs, LabelClaim))
			continue
		}
		if c.Source != source {
			t.Errorf("claim %q credited to %q, want %q", text, c.Source, source)
		}
	}
	if len(texts(sugs, LabelClaim)) != len(want) {
		t.Errorf("claims = %q", texts(sugs, LabelClaim))
	}
}

func TestDirectQuotesAreNeverClaims(t *testing.T) {
	text := "“The mine is safe,” the company said. She said: “It is not.”"
	if got := texts(New(nil).Suggest(text, LabelClaim), LabelClaim); len(got) != 0 {
		t.Fatalf("claims = %q", got)
	}
}

func TestDemandsWithTheirPartyAndWithout(t *testing.T) {
	text := "The drivers’ union demanded a 7 percent raise by June 1 or a strike. " +
		"Residents marched on the town hall, calling for the mayor to resign. " +
		"The union called a strike. The board rejected the demand."
	sugs := New(nil).Suggest(text, LabelDemand)
	got := texts(sugs, LabelDemand)
	if strings.Join(got, "|") != "The drivers’ union demanded a 7 percent raise by June 1 or a strike|calling for the mayor to resign" {
		t.Fatalf("demands = %q", got)
	}
	if sugs[0].Source != "drivers’ union" || sugs[1].Source != "Residents" {
		t.Fatalf("sources %q, %q", sugs[0].Source, sugs[1].Source)
	}
}

func TestCasualtiesNeverCountPopulationsWorkforcesOrTroops(t *testing.T) {
	text := "The town of 40,000 people sent 2,000 workers home, and 3,000 troops were deployed in 2024. " +
		"Thousands of soldiers guard the border."
	if got := texts(New(nil).Suggest(text, LabelCasualty), LabelCasualty); len(got) != 0 {
		t.Fatalf("casualties = %q", got)
	}
}

func TestCasualtySpanStopsAtTheVerbBeforePlaceOrCause(t *testing.T) {
	text := "Police said at least 12 protesters were wounded in clashes near the stadium, and a blast killing 4 guards shook the base."
	sugs := New(nil).Suggest(text, LabelCasualty)
	got := texts(sugs, LabelCasualty)
	if strings.Join(got, "|") != "at least 12 protesters were wounded|killing 4 guards" {
		t.Fatalf("casualties = %q", got)
	}
	if sugs[0].Attrs["qualifier"] != "at least" || sugs[0].Attrs["group"] != "protesters" || sugs[1].Attrs["kind"] != "killed" {
		t.Fatalf("attrs %v, %v", sugs[0].Attrs, sugs[1].Attrs)
	}
}

func TestCasualtyInsideAClaimIsTaggedAsBoth(t *testing.T) {
	text := "Nine miners died in the fire, the company said."
	sugs := New(nil).Suggest(text)
	if find(sugs, LabelClaim, "Nine miners died in the fire") == nil || find(sugs, LabelCasualty, "Nine miners died") == nil {
		t.Fatalf("suggestions = %+v", sugs)
	}
}

func TestTitlesAppositivesSurnamesAndPronounsResolveToOneSource(t *testing.T) {
	text := "Oskar Brandt, the region’s chief medical officer, said the outbreak was contained. " +
		"The chief medical officer said 30 patients had recovered. " +
		"Brandt said schools would reopen. " +
		"He urged parents to vaccinate their children."
	sugs := New(nil).Suggest(text)
	for _, s := range sugs {
		if s.Label == LabelCasualty {
			continue
		}
		if s.Source != "Oskar Brandt" {
			t.Errorf("%s %q credited to %q (%s)", s.Label, s.Text, s.Source, s.Mention.SourceRule)
		}
	}
	if len(sugs) < 4 {
		t.Fatalf("suggestions = %+v", sugs)
	}
}

func TestEverySuggestionNamesItsRuleAndConfidence(t *testing.T) {
	docs := readGoldFile(t, "testdata/gold/gold.jsonl")
	for _, doc := range docs {
		for _, s := range New(nil).Suggest(doc.Text) {
			if !strings.HasPrefix(s.Rule, s.Label+": ") || s.Confidence <= 0 || s.Confidence > 1 {
				t.Fatalf("suggestion %q: rule %q confidence %v", s.Text, s.Rule, s.Confidence)
			}
		}
	}
}

func TestLabelsFilterTheSuggestions(t *testing.T) {
	text := "“Leave now,” said Ana Kos. Three people were killed, police said."
	for _, s := range New(nil).Suggest(text, "casualty") {
		if s.Label != LabelCasualty {
			t.Fatalf("asked for CASUALTY, got %s", s.Label)
		}
	}
}

func FuzzSuggest(f *testing.F) {
	f.Add("“A,” she said. “B.” At least 3 people died, police said.")
	f.Add("‘x’ “ \" ” ’ 1 2 — \r\n😀 according to , said")
	f.Fuzz(func(t *testing.T, text string) {
		offsets := annotate.NewOffsets(text)
		for _, s := range New(nil).Suggest(text) {
			if s.Start < 0 || s.End > offsets.Len() || s.Start >= s.End || offsets.Slice(s.Start, s.End) != s.Text {
				t.Fatalf("bad suggestion %+v", s)
			}
		}
	})
}

func TestOneSuggesterServesGoroutinesAtOnce(t *testing.T) {
	docs := readGoldFile(t, "testdata/gold/gold.jsonl")
	s := New(nil)
	want := make([]int, len(docs))
	for i, d := range docs {
		want[i] = len(s.Suggest(d.Text))
	}
	done := make(chan error, 4)
	for range 4 {
		go func() {
			for i, d := range docs {
				if got := len(s.Suggest(d.Text)); got != want[i] {
					done <- fmt.Errorf("document %d: %d suggestions, want %d", i, got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
