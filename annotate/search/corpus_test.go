package search

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// baseTime dates the corpus; span n was last changed n minutes after it.
var baseTime = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// loadCorpus reads testdata/corpus.tsv, the hand-written spans the ranking tests name
// by ID, and adds generated news spans as distractors.
func loadCorpus(t testing.TB) []annotate.SpanRecord {
	t.Helper()
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	unescape := strings.NewReplacer(`\r`, "\r", `\n`, "\n", `\u00a0`, "\u00a0")
	var recs []annotate.SpanRecord
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 7 {
			t.Fatalf("testdata/corpus.tsv line %d: %d columns, want 7", line, len(cols))
		}
		id, err1 := strconv.ParseInt(cols[0], 10, 64)
		doc, err2 := strconv.ParseInt(cols[1], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("testdata/corpus.tsv line %d: bad ids %q %q", line, cols[0], cols[1])
		}
		text := unescape.Replace(cols[5])
		recs = append(recs, record(id, doc, cols[2], cols[3], cols[4], text, cols[6]))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return append(recs, generatedSpans(300, 1000, 100)...)
}

func record(id, doc int64, title, label, annotator, text, note string) annotate.SpanRecord {
	at := baseTime.Add(time.Duration(id) * time.Minute)
	return annotate.SpanRecord{
		Span: annotate.Span{ID: id, DocID: doc, Start: 0, End: annotate.RuneLen(text), Label: label,
			Text: text, Annotator: annotator, Note: note, CreatedAt: at, UpdatedAt: at},
		DocTitle:  title,
		DocStatus: annotate.StatusInProgress,
	}
}

// Vocabulary for generated spans: news prose with the same names, places and words as
// the hand-written corpus, so that they compete for every test query.
var (
	genPlaces = []string{"Kharkiv", "Odesa", "Dnipro", "Lviv", "Mykolaiv", "Sumy", "Kherson", "Zaporizhzhia",
		"Rafah", "Khan Younis", "Bamako", "Niamey", "Valparaíso", "Medellín", "Kraków", "Gdańsk", "Košice",
		"Timișoara", "Thessaloniki", "Malmö", "São Paulo", "Kyiv", "Belgrade", "Zürich"}
	genPeople = []string{"Jürgen Weiß", "Zoë Ní Bhriain", "Ólafur Ragnarsson", "Nguyễn Thị Lan", "Ana Pavlović",
		"Łukasz Wiśniewski", "José Martínez", "Şebnem Yılmaz", "Olena Shevchenko", "Tomáš Novák", "Marko Pavić",
		"Heike Müller", "Amadou Diallo", "Sipho Ndlovu"}
	genGroups = []string{"Nurses", "Dockworkers", "Teachers", "Miners", "Farmers", "Bus drivers", "Students",
		"Families of soldiers", "Pensioners", "Tenants", "Railway workers", "Doctors"}
	genDemands = []string{"a 10 percent pay rise", "the release of detained colleagues", "an independent inquiry",
		"safe corridors for civilians", "the resignation of the minister", "a halt to evictions",
		"weekly updates on the talks", "compensation for the flooded farms", "an end to the blockade"}
	genEvents = []string{"an overnight drone attack", "shelling of a market", "a missile strike on the station",
		"a fire at the power plant", "clashes with riot police", "a bridge collapse", "a landslide after heavy rain"}
	genQuotes = []string{"We have been waiting for weeks and nobody answers our letters",
		"The soldiers at the checkpoint told us to go back", "Nobody in this town has slept properly for a week",
		"The talks are going nowhere while the shelling continues", "Our children deserve schools, not shelters",
		"Every strike costs us wages but silence costs us more", "The plant is safe, the inspectors have seen it themselves",
		"We counted the dead ourselves because nobody else would", "Prices have doubled since the summer",
		"This is the worst flooding anyone here can remember"}
	genClaims = []string{"power was restored to most districts", "the ceasefire was broken within hours",
		"casualty figures were inflated", "the strike had cost the port millions", "the convoy reached the city",
		"the soldiers had withdrawn from the village", "turnout was below forty percent",
		"the week-long blockade had ended", "the dam was at risk of collapse"}
	genDays = []string{"on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "over the weekend",
		"last week", "earlier this month"}
)

// generatedSpans makes n deterministic news spans with IDs from firstID on, spread
// over docs documents.
func generatedSpans(n int, firstID int64, docs int) []annotate.SpanRecord {
	rng := rand.New(rand.NewPCG(uint64(firstID), uint64(n)))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	labels := []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}
	recs := make([]annotate.SpanRecord, 0, n)
	for i := range n {
		id := firstID + int64(i)
		doc := 1000 + int64(i%docs)
		label := labels[i%len(labels)]
		var text string
		switch label {
		case "CASUALTY":
			text = fmt.Sprintf("%d people were killed and %d injured in %s in %s %s, officials said.",
				2+rng.IntN(60), 5+rng.IntN(200), pick(genEvents), pick(genPlaces), pick(genDays))
		case "QUOTE":
			text = fmt.Sprintf("“%s,” %s said in %s.", pick(genQuotes), pick(genPeople), pick(genPlaces))
		case "DEMAND":
			text = fmt.Sprintf("%s in %s demanded %s %s.", pick(genGroups), pick(genPlaces), pick(genDemands), pick(genDays))
		default:
			text = fmt.Sprintf("%s said %s in %s %s.", pick(genPeople), pick(genClaims), pick(genPlaces), pick(genDays))
		}
		title := fmt.Sprintf("Wire report %d: %s", doc, genPlaces[int(doc)%len(genPlaces)])
		recs = append(recs, record(id, doc, title, label, pick([]string{"ana", "ben", "chloé"}), text, ""))
	}
	return recs
}

// newCorpusEngine loads the whole corpus into a fresh engine.
func newCorpusEngine(t testing.TB) (*Engine, []annotate.SpanRecord) {
	t.Helper()
	recs := loadCorpus(t)
	e := New()
	if err := e.Load(t.Context(), seqOf(recs)); err != nil {
		t.Fatal(err)
	}
	return e, recs
}

func seqOf(recs []annotate.SpanRecord) func(func(annotate.SpanRecord, error) bool) {
	return func(yield func(annotate.SpanRecord, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
}
