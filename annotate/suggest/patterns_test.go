package suggest

import (
	"strings"
	"testing"
)

func parse(t *testing.T, src string) *Patterns {
	t.Helper()
	p, err := ParsePatterns(strings.NewReader(src), "mine.txt")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPhrasePatternsMatchWholeWordsIgnoringCase(t *testing.T) {
	p := parse(t, "# casualty words of our project\nCASUALTY phrase mass grave\n")
	sugs := New(p).Suggest("A Mass Grave was found; grassland massgrave nothing.", LabelCasualty)
	got := texts(sugs, LabelCasualty)
	if strings.Join(got, "|") != "Mass Grave" {
		t.Fatalf("got %q", got)
	}
	if sugs[0].Rule != `CASUALTY: phrase "mass grave" (patterns line 2)` {
		t.Fatalf("rule %q", sugs[0].Rule)
	}
}

func TestTokenPatternsWithOptionalPartsNumbersAndWordLists(t *testing.T) {
	p := parse(t, `
DEMAND words demanders: strikers, nurses, farmers
DEMAND tokens @demanders [have|had] [repeatedly] insisted on *
CASUALTY tokens [at least] # cows|sheep perished
`)
	text := "The nurses have repeatedly insisted on overtime. Farmers insisted on diesel. At least 300 sheep perished. Twelve cows perished."
	sugs := New(p).Suggest(text, LabelDemand, LabelCasualty)
	if got := strings.Join(texts(sugs, LabelDemand), "|"); got != "nurses have repeatedly insisted on overtime|Farmers insisted on diesel" {
		t.Fatalf("demands %q", got)
	}
	if got := strings.Join(texts(sugs, LabelCasualty), "|"); got != "At least 300 sheep perished|Twelve cows perished" {
		t.Fatalf("casualties %q", got)
	}
	c := find(sugs, LabelCasualty, "At least 300 sheep perished")
	if c.Attrs["count"] != int64(300) || c.Attrs["qualifier"] != "at least" || c.Attrs["kind"] != "dead" {
		t.Fatalf("attrs %v", c.Attrs)
	}
}

func TestWordListsExtendTheBuiltInRules(t *testing.T) {
	text := "Union leaders petitioned the ministry to restore the bonus."
	if got := texts(New(nil).Suggest(text, LabelDemand), LabelDemand); len(got) != 0 {
		t.Fatalf("without the list: %q", got)
	}
	p := parse(t, "DEMAND words verbs: petitioned\n")
	got := texts(New(p).Suggest(text, LabelDemand), LabelDemand)
	if strings.Join(got, "|") != "Union leaders petitioned the ministry to restore the bonus" {
		t.Fatalf("with the list: %q", got)
	}
}

func TestBadPatternFilesNameEveryBadLine(t *testing.T) {
	cases := []struct{ src, want string }{
		{"QUOET phrase x\n", `mine.txt line 1: unknown label "QUOET"`},
		{"CLAIM\n", "mine.txt line 1: want `LABEL phrase|words|tokens …`"},
		{"\n\nCLAIM sentence x\n", `mine.txt line 3: unknown pattern kind "sentence"`},
		{"DEMAND words verbs petitioned\n", `mine.txt line 1: a word list is`},
		{"DEMAND tokens [please\n", `mine.txt line 1: "[" without "]"`},
		{"DEMAND tokens please]\n", `mine.txt line 1: "]" without "["`},
		{"DEMAND tokens [please]\n", "mine.txt line 1: a token pattern needs at least one part that is not optional"},
		{"DEMAND tokens @nobody asked\n", `mine.txt line 1: no word list named "nobody"`},
	}
	for _, c := range cases {
		_, err := ParsePatterns(strings.NewReader(c.src), "mine.txt")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
	}
	_, err := ParsePatterns(strings.NewReader("QUOET phrase x\nCLAIM phrase fine\nCLAIM nonsense y\n"), "mine.txt")
	if err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("every bad line is named: %v", err)
	}
}

func TestThePackageDocumentationExampleParses(t *testing.T) {
	p := parse(t, `# LABEL  KIND    BODY
CASUALTY phrase  mass grave
DEMAND   words   verbs: petitioned, lobbied
CLAIM    words   verbs: alleged, contended
SOURCE   words   titles: imam, rabbi
SOURCE   words   organisations: brigade, directorate
DEMAND   words   demanders: strikers, nurses, farmers
DEMAND   tokens  @demanders [have|has] [repeatedly] insisted on *
CASUALTY tokens  [at least] # cows|sheep|cattle perished
`)
	if p.Len() != 3 {
		t.Fatalf("%d patterns, want 3", p.Len())
	}
	sugs := New(p).Suggest("Imam Yusuf Adeyemi alleged the vote was rigged.", LabelClaim)
	if len(sugs) != 1 || sugs[0].Source != "Yusuf Adeyemi" || sugs[0].Text != "the vote was rigged" {
		t.Fatalf("claims %+v", sugs)
	}
}
