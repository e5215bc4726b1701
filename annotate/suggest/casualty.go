package suggest

import "github.com/newsmark/newsmark/annotate/casualty"

// Casualty rule names.
const (
	RuleCasualtyFull     = "CASUALTY: count, noun and casualty verb"
	RuleCasualtyBare     = "CASUALTY: count and casualty word"
	RuleCasualtyVerbized = "CASUALTY: casualty verb and count"
	RuleCasualtyToll     = "CASUALTY: death toll"
)

// casualtyFillers may stand between a casualty's noun and its verb: "were",
// "had been", "are still", "were slightly".
var casualtyFillers = set("were", "was", "had", "have", "has", "been", "are", "is", "remain", "remained",
	"remains", "still", "reportedly", "feared", "believed", "later", "also", "being", "now", "all",
	"confirmed", "left")

// casualtyVerbsBefore come before a count: "killing at least 12 people".
var casualtyVerbsBefore = set("killing", "killed", "kills", "wounding", "wounded", "injuring", "injured",
	"displacing", "displaced", "evacuated", "evacuating")

// casualties finds casualty figures: a quantity followed, within a short noun
// phrase and auxiliaries, by a casualty word (never populations, workforces or
// troops, which have none); a casualty verb before a quantity; "the death toll
// rose to N". The span stops at the verb, before place or cause.
func (r *run) casualties() {
	a := r.a
	words := a.words
	for i := 0; i < len(words); i++ {
		c := words[i].Text[0]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			continue
		}
		if words[i].Text == "death" && i+1 < len(words) && words[i+1].Text == "toll" {
			if end, ok := r.deathToll(i); ok {
				start := i
				if i > 0 && words[i-1].Text == "the" {
					start = i - 1
				}
				r.addCasualty(start, end, RuleCasualtyToll, 0.8)
				i = end - 1
			}
			continue
		}
		if !casualty.MayStartQuantity(words[i].Text) {
			continue
		}
		q, n := casualty.QuantityAt(words, i)
		if n == 0 || q.Year || (i > 0 && (words[i-1].Text == "no" || words[i-1].Text == "%")) {
			continue
		}
		if i+n < len(words) && (words[i+n].Text == "%" || words[i+n].Text == "percent" || words[i+n].Text == "per") {
			continue
		}
		start := i
		if i > 0 && casualtyVerbsBefore[words[i-1].Text] {
			// killing at least 12 people
			_, end := casualty.GroupAt(words, i+n)
			if end > i+n {
				r.addCasualty(i-1, end, RuleCasualtyVerbized, 0.8)
				i = end - 1
				continue
			}
			// "killing three and wounding 12": a bare count after its verb, ended
			// by punctuation, "and" or the text's end.
			if e := i + n; e == len(words) || !r.a.isWord(e) || words[e].Text == "and" || words[e].Text == "others" || words[e].Text == "more" {
				if e < len(words) && (words[e].Text == "others" || words[e].Text == "more") {
					e++
				}
				r.addCasualty(i-1, e, RuleCasualtyVerbized, 0.75)
				i = e - 1
				continue
			}
		}
		// "left tens of thousands homeless": the verb before the count belongs
		// to a displacement figure ending in "homeless".
		if i > 0 && leavingVerbs[words[i-1].Text] {
			if end := r.homelessEnd(i, n); end > 0 {
				r.addCasualty(i-1, end, RuleCasualtyVerbized, 0.75)
				i = end - 1
				continue
			}
		}
		j := i + n
		if _, k := casualty.KindAt(words, j); k > 0 {
			// 7 wounded / 45 dead / 6 wounded soldiers
			_, end := casualty.GroupAt(words, j)
			if end <= j+k {
				end = j + k
			}
			r.addCasualty(start, end, RuleCasualtyBare, 0.7)
			i = end - 1
			continue
		}
		_, j = casualty.GroupAt(words, j)
		for j < len(words) && j < i+n+12 && (casualtyFillers[words[j].Text] || isAdverb(words[j].Text)) {
			j++
		}
		if _, k := casualty.KindAt(words, j); k > 0 && j > i+n {
			r.addCasualty(start, j+k, RuleCasualtyFull, 0.9)
			i = j + k - 1
		}
	}
}

// leavingVerbs come before a count that ends in "homeless": "leaving hundreds
// of families homeless".
var leavingVerbs = set("left", "leaving", "leave", "leaves")

// homelessEnd is the end of "N [group] homeless" at word i (count of n words),
// or 0 when "homeless" does not follow within a few words.
func (r *run) homelessEnd(i, n int) int {
	words := r.a.words
	_, j := casualty.GroupAt(words, i+n)
	for k := j; k < len(words) && k <= j+1; k++ {
		if words[k].Text == "homeless" {
			return k + 1
		}
		if !r.a.isWord(k) {
			break
		}
	}
	return 0
}

func isAdverb(w string) bool {
	return len(w) > 4 && w[len(w)-2:] == "ly" && w != "only" && w != "early" && w != "family"
}

// deathToll reads "death toll (has) rose/risen/climbed/reached/stood (to/at) N".
func (r *run) deathToll(i int) (int, bool) {
	words := r.a.words
	j := i + 2
	for j < len(words) && j < i+6 {
		switch words[j].Text {
		case "has", "had", "have", "rose", "risen", "climbed", "reached", "stood", "stands", "rises", "climbs", "jumped", "increased", "to", "at", "now", "was", "is":
			j++
			continue
		}
		break
	}
	if j == i+2 {
		return 0, false
	}
	if _, n := casualty.QuantityAt(words, j); n > 0 {
		return j + n, true
	}
	return 0, false
}

func (r *run) addCasualty(i, j int, rule string, confidence float64) {
	for k := i + 1; k < j; k++ {
		if r.a.lineBefore[k] > 0 {
			return // a figure never runs over a line break (a headline into its dateline)
		}
	}
	sug := r.add(LabelCasualty, i, j, rule, confidence, nil)
	if sug != nil {
		sug.Attrs = casualty.ParseWords(r.a.words[i:j]).Attrs()
	}
}
