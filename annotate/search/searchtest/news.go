// Package searchtest generates realistic news annotations in bulk, for the search
// benchmarks and scripts/bench-search.sh. It is deterministic: the same seed gives
// the same corpus.
package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// Labels are the default label names the generated spans use.
var Labels = []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}

var (
	places = []string{"Kharkiv", "Odesa", "Dnipro", "Lviv", "Mykolaiv", "Sumy", "Kherson", "Zaporizhzhia",
		"Rafah", "Khan Younis", "Bamako", "Niamey", "Valparaíso", "Medellín", "Kraków", "Gdańsk", "Košice",
		"Timișoara", "Thessaloniki", "Malmö", "São Paulo", "Kyiv", "Belgrade", "Zürich", "Lagos", "Kano",
		"Tbilisi", "Potosí", "Faenza", "Enerhodar", "Bakhmut", "Kramatorsk", "Mariupol", "Aleppo", "Idlib",
		"Goma", "Bukavu", "Port-au-Prince", "Yangon", "Mandalay", "Dhaka", "Karachi", "Quetta", "Manila"}
	people = []string{"Jürgen Weiß", "Zoë Ní Bhriain", "Ólafur Ragnarsson", "Nguyễn Thị Lan", "Ana Pavlović",
		"Łukasz Wiśniewski", "José Martínez", "Şebnem Yılmaz", "Olena Shevchenko", "Tomáš Novák", "Marko Pavić",
		"Heike Müller", "Amadou Diallo", "Sipho Ndlovu", "Fatima Al-Hassan", "Chidinma Okafor", "Rosa Jiménez",
		"Oleksiy Melnyk", "Dragana Petrović", "Ingrid Halvorsen", "Kwame Mensah", "Aung Min Thu", "Leila Haddad",
		"Pedro Araújo", "Eamon O’Sullivan", "Sofía Quispe", "Yusuf Demir", "Mei Chen", "Ravi Menon"}
	roles = []string{"the mayor", "a police spokesperson", "the regional governor", "a union leader",
		"an aid worker", "a local doctor", "the defence ministry", "a UN official", "a resident",
		"the health minister", "an army spokesperson", "a teacher", "a nurse", "a human rights monitor"}
	groups = []string{"Nurses", "Dockworkers", "Teachers", "Miners", "Farmers", "Bus drivers", "Students",
		"Families of soldiers", "Pensioners", "Tenants", "Railway workers", "Doctors", "Journalists",
		"Refugees", "Fishermen", "Garment workers", "Opposition parties", "Aid agencies"}
	demands = []string{"a 10 percent pay rise", "the release of detained colleagues", "an independent inquiry",
		"safe corridors for civilians", "the resignation of the minister", "a halt to evictions",
		"weekly updates on the talks", "compensation for the flooded farms", "an end to the blockade",
		"free and fair elections", "access for humanitarian convoys", "the return of seized land",
		"a ban on night raids", "protective equipment for every ward", "the reopening of the border crossing",
		"clean water for the camps", "the publication of casualty lists", "an immediate ceasefire"}
	events = []string{"an overnight drone attack", "shelling of a market", "a missile strike on the station",
		"a fire at the power plant", "clashes with riot police", "a bridge collapse", "a landslide after heavy rain",
		"an air strike on a school", "a car bomb near the ministry", "a stampede at a food distribution point",
		"a mine explosion", "flash floods", "an ambush on a convoy", "a factory fire"}
	quotes = []string{"We have been waiting for weeks and nobody answers our letters",
		"The soldiers at the checkpoint told us to go back", "Nobody in this town has slept properly for a week",
		"The talks are going nowhere while the shelling continues", "Our children deserve schools, not shelters",
		"Every strike costs us wages but silence costs us more", "The plant is safe, the inspectors have seen it themselves",
		"We counted the dead ourselves because nobody else would", "Prices have doubled since the summer",
		"This is the worst flooding anyone here can remember", "We will stay until the last family has left",
		"They promised us electricity by winter and we are still in the dark", "I lost my shop, my car and my brother",
		"The hospital has fuel for two more days", "We are not asking for charity, we are asking for our wages",
		"The water came up to the second floor in less than an hour", "Nobody told us the bridge was closed",
		"We will not be silenced by tear gas", "I have not heard from my son since March",
		"The convoy was turned back twice before it reached us"}
	claims = []string{"power was restored to most districts", "the ceasefire was broken within hours",
		"casualty figures were inflated", "the strike had cost the port millions", "the convoy reached the city",
		"the soldiers had withdrawn from the village", "turnout was below forty percent",
		"the week-long blockade had ended", "the dam was at risk of collapse", "the prisoners had been exchanged",
		"food prices rose by a third in a month", "the vaccine stocks would last until June",
		"more than half of the schools remain closed", "the army had retaken the airport",
		"the protests were organised from abroad", "the fire was started deliberately",
		"the evacuation was completed overnight", "the water supply was contaminated"}
	days = []string{"on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "over the weekend",
		"last week", "earlier this month", "on Friday night", "before dawn on Sunday", "since January"}
	extras = []string{"", "", "", " according to local media", " a claim that could not be verified",
		" the third such incident this month", " despite repeated warnings", " as talks stalled in Geneva",
		" amid a nationwide blackout", " — the highest toll since the spring"}
)

// Document is one generated article with its annotations.
type Document struct {
	Title string
	Text  string
	Spans []annotate.Span // code-point offsets into Text; Text, Label, Annotator and times filled in
}

// Documents generates documents holding spans annotations in all, spansPerDoc to a
// document (the last may hold fewer). Every sentence of a document is one span.
func Documents(spans, spansPerDoc int, seed uint64) []Document {
	rng := rand.New(rand.NewPCG(seed, uint64(spans)))
	base := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	var docs []Document
	for made := 0; made < spans; {
		n := min(spansPerDoc, spans-made)
		place := pick(rng, places)
		doc := Document{Title: fmt.Sprintf("%s: %s (report %d)", place, headline(rng), len(docs)+1)}
		var text strings.Builder
		length := 0
		for i := range n {
			if i > 0 {
				sep := " "
				if rng.IntN(4) == 0 {
					sep = "\n\n" // paragraphs
				}
				text.WriteString(sep)
				length += len([]rune(sep))
			}
			label := Labels[rng.IntN(len(Labels))]
			sentence := Sentence(rng, label, place)
			runes := len([]rune(sentence))
			at := base.Add(time.Duration(made) * time.Minute)
			doc.Spans = append(doc.Spans, annotate.Span{Start: length, End: length + runes, Label: label,
				Text: sentence, Annotator: pick(rng, []string{"ana", "ben", "chloé"}), CreatedAt: at, UpdatedAt: at})
			text.WriteString(sentence)
			length += runes
			made++
		}
		doc.Text = text.String()
		docs = append(docs, doc)
	}
	return docs
}

// Records flattens documents into the rows the search index loads, numbering
// documents and spans from 1.
func Records(docs []Document) []annotate.SpanRecord {
	var recs []annotate.SpanRecord
	id := int64(0)
	for d, doc := range docs {
		for _, s := range doc.Spans {
			id++
			s.ID, s.DocID = id, int64(d+1)
			recs = append(recs, annotate.SpanRecord{Span: s, DocTitle: doc.Title, DocStatus: annotate.StatusInProgress})
		}
	}
	return recs
}

func headline(rng *rand.Rand) string {
	return pick(rng, []string{"shelling resumes", "strike enters second week", "talks stall", "floods force evacuations",
		"aid convoy blocked", "protests spread", "casualties mount", "blackout hits city", "ceasefire frays",
		"teachers walk out", "miners block roads", "farmers' blockade widens"})
}

// Sentence writes one news sentence that a researcher would tag with label.
func Sentence(rng *rand.Rand, label, place string) string {
	if rng.IntN(3) == 0 {
		place = pick(rng, places)
	}
	switch label {
	case "CASUALTY":
		switch rng.IntN(3) {
		case 0:
			return fmt.Sprintf("%d people were killed and %d injured in %s in %s %s,%s %s said.",
				2+rng.IntN(60), 5+rng.IntN(200), pick(rng, events), place, pick(rng, days), pick(rng, extras), pick(rng, roles))
		case 1:
			return fmt.Sprintf("As many as %d soldiers are dying every week around %s, %s estimated%s.",
				50+rng.IntN(900), place, pick(rng, roles), pick(rng, extras))
		default:
			return fmt.Sprintf("The death toll from %s in %s rose to %s%s.",
				pick(rng, events), place, figure(rng), pick(rng, extras))
		}
	case "QUOTE":
		if rng.IntN(2) == 0 {
			return fmt.Sprintf("“%s,” %s said in %s %s.", pick(rng, quotes), pick(rng, people), place, pick(rng, days))
		}
		return fmt.Sprintf("“%s. %s,” %s, %s, told reporters.", pick(rng, quotes), pick(rng, quotes), pick(rng, people), pick(rng, roles))
	case "DEMAND":
		return fmt.Sprintf("%s in %s demanded %s %s%s.", pick(rng, groups), place, pick(rng, demands), pick(rng, days), pick(rng, extras))
	default:
		return fmt.Sprintf("%s said %s in %s %s%s.", capital(pick(rng, append(people, roles...))), pick(rng, claims), place, pick(rng, days), pick(rng, extras))
	}
}

func figure(rng *rand.Rand) string {
	n := 10 + rng.IntN(5000)
	if n >= 1000 {
		return fmt.Sprintf("%d,%03d", n/1000, n%1000)
	}
	return fmt.Sprint(n)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }
