package suggest

import (
	"strings"

	"github.com/newsmark/newsmark/annotate/casualty"
)

// Rule names. Each suggestion carries one.
const (
	RuleQuoteCurly     = "QUOTE: paired curly quotes"
	RuleQuoteStraight  = "QUOTE: paired straight quotes"
	RuleQuoteNested    = "QUOTE: nested single quotes"
	RuleQuoteParagraph = "QUOTE: quote running to its paragraph's end"
	RuleQuoteSingle    = "QUOTE: paired single quotes"

	RuleClaimSaidThat  = "CLAIM: said-that clause"
	RuleClaimFinal     = "CLAIM: sentence-final attribution"
	RuleClaimAccording = "CLAIM: according to"

	RuleDemandVerb      = "DEMAND: demand verb"
	RuleDemandCallFor   = "DEMAND: call for / call on"
	RuleDemandInsist    = "DEMAND: insist that … must"
	RuleDemandUltimatum = "DEMAND: ultimatum (gave … until)"
	RuleDemandAskTo     = "DEMAND: ask / tell someone to"

	// How a source was found (Mention.SourceRule).
	SourceSubject   = "subject of the reporting verb"
	SourceAfter     = "speaker named after the quote"
	SourceBefore    = "speaker named before the quote"
	SourceAccording = "according to"
	SourcePrevious  = "following quote credited to the previous speaker"
	SourceOuter     = "speaker of the enclosing quote"
	SourceParty     = "party before the demand verb"
	SourceSentence  = "subject of the sentence"
)

// statements runs the QUOTE, CLAIM and DEMAND rules sentence by sentence, so that
// sources are met in text order.
func (r *run) statements() {
	a := r.a
	q := 0
	for _, s := range a.sentences {
		r.registerTitledNames(s)
		for q < len(a.quotes) && a.quotes[q].open < s.end {
			r.quoteAt(q)
			q++
		}
		r.demandsIn(s)
		r.claimsIn(s)
	}
}

// sentenceOf returns the sentence holding word i.
func (a *analysis) sentenceOf(i int) sentence {
	lo, hi := 0, len(a.sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if a.sentences[mid].end <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(a.sentences) {
		return a.sentences[lo]
	}
	return sentence{start: i, body: i, end: i + 1}
}

// registerTitledNames makes the people a sentence names with a title ("Mayor
// Carl Moreno", "Prime Minister Omar Fiel") and the organisations it names
// ("the Unity Party") known, so a pronoun or a short name ("Unity") later
// resolves to them even when they were not a source yet.
func (r *run) registerTitledNames(s sentence) {
	a := r.a
	for i := s.body; i < s.end; i++ {
		if a.capitalized(i) && r.lex.orgWords[a.words[i].Text] && i > s.body && a.capitalized(i-1) && a.quoteDepth[i] == 0 {
			k := a.nameRunStart(s.body, i, r.lex)
			for k < i && determiners[a.words[k].Text] {
				k++
			}
			if k < i {
				r.sources.register(&found{start: k, end: i + 1, name: a.slice(k, i+1)}, np{start: k, nameEnd: i + 1, appStart: i + 1, end: i + 1}, r.lex)
			}
		}
		if i == s.body {
			r.registerAppositiveName(s)
			if a.capitalized(i) && a.isWord(i) && a.quoteDepth[i] == 0 && (i+1 >= s.end || !a.capitalized(i+1)) {
				r.sources.touch(a.words[i].Text) // "Oduya thanked voters."
			}
		}
		if i+1 < s.end && a.quoteDepth[i] == 0 && a.capitalized(i+1) && isCompanyDescriptor(a.words[i].Text) {
			r.registerCompany(i, s.end)
		}
		if a.raw[i] == "," && i > s.body && a.quoteDepth[i] == 0 {
			r.registerAppositivePerson(i, s.end)
		}
		if !a.capitalized(i) || !r.lex.titles[a.words[i].Text] || a.quoteDepth[i] > 0 {
			continue
		}
		j := i
		for j < s.end && a.capitalized(j) && r.lex.titles[a.words[j].Text] {
			j++
		}
		k := j
		for k < s.end && a.capitalized(k) && a.isWord(k) && !r.lex.orgWords[a.words[k].Text] {
			k++
		}
		if k-j >= 2 {
			r.sources.register(&found{start: i, end: k, name: a.slice(j, k), person: true}, np{start: i, nameEnd: k, appStart: k, end: k}, r.lex)
		}
		i = k
	}
}

// companyDescriptors describe a business before its name: "drugmaker Halvion",
// "the retailer Borka". The business is then "the company" or "the firm".
var companyDescriptors = set("company", "firm", "retailer", "airline", "carrier", "insurer", "lender",
	"miner", "producer", "exporter", "importer", "supplier", "manufacturer", "developer", "operator",
	"brewer", "chain", "conglomerate", "startup", "shipper", "utility", "broadcaster", "publisher",
	"distributor", "refiner", "builder", "contractor", "processor", "provider", "platform", "supermarket",
	"grocer", "shipbuilder", "telecoms")

func isCompanyDescriptor(w string) bool {
	return companyDescriptors[w] || len(w) > 5 && w[len(w)-5:] == "maker"
}

// registerCompany makes known the business named after the descriptor at word
// i ("Drugmaker Halvion is recalling …, the company said"), so that "the
// company", "the firm" or the descriptor itself resolves to it.
func (r *run) registerCompany(i, end int) {
	a := r.a
	k := i + 1
	for k < end && k-i <= 4 && a.capitalized(k) && a.isWord(k) && !r.lex.titles[a.words[k].Text] {
		k++
	}
	if k == i+1 || determiners[a.words[i+1].Text] {
		return
	}
	f := r.sources.register(&found{start: i + 1, end: k, name: a.slice(i+1, k)}, np{start: i + 1, nameEnd: k, appStart: k, end: k}, r.lex)
	r.sources.alias(f.name, a.words[i].Text, "company", "firm", "group")
}

// registerAppositiveName makes known a person who opens a sentence with an
// appositive, whatever the verb: "Yuri Falk, a separatist commander, denied it."
// (two or three capitalised words, no organisation word, then a comma and "a",
// "the" or a possessive).
func (r *run) registerAppositiveName(s sentence) {
	a := r.a
	k := s.body
	for k < s.end && k-s.body < 3 && a.capitalized(k) && a.isWord(k) && !r.lex.orgWords[a.words[k].Text] && !r.lex.titles[a.words[k].Text] && !determiners[a.words[k].Text] {
		k++
	}
	if k-s.body < 2 || k+1 >= s.end || a.raw[k] != "," || a.quoteDepth[s.body] > 0 {
		return
	}
	if next := a.words[k+1].Text; next != "a" && next != "an" && next != "the" && !isPossessive(next) {
		return
	}
	r.sources.register(&found{start: s.body, end: k, name: a.slice(s.body, k), person: true}, np{start: s.body, nameEnd: k, appStart: k, end: k}, r.lex)
}

// registerAppositivePerson makes known a person named in an appositive after a
// description, at the comma at word comma: "after his challenger, Rita Souza,
// won …" (two or three capitalised words between commas, no organisation or
// title word, after a lower-case noun).
func (r *run) registerAppositivePerson(comma, end int) {
	a := r.a
	if !a.isWord(comma-1) || a.capitalized(comma-1) || determiners[a.words[comma-1].Text] {
		return
	}
	k := comma + 1
	for k < end && k-comma <= 3 && a.capitalized(k) && a.isWord(k) && !r.lex.orgWords[a.words[k].Text] && !r.lex.titles[a.words[k].Text] && !determiners[a.words[k].Text] {
		k++
	}
	if n := k - comma - 1; n < 2 || n > 3 || k >= end || a.raw[k] != "," {
		return
	}
	r.sources.register(&found{start: comma + 1, end: k, name: a.slice(comma+1, k), person: true}, np{start: comma + 1, nameEnd: k, appStart: k, end: k}, r.lex)
}

func (r *run) isReporting(i int) bool { return r.class[i]&classReporting != 0 }

func (r *run) quoteAt(index int) {
	a := r.a
	q := a.quotes[index]
	if q.kind == quoteSingle {
		var src *found
		if q.parent >= 0 {
			src = r.quoteSources[q.parent]
		}
		if src != nil {
			copied := *src
			copied.rule = SourceOuter
			src = &copied
		}
		r.add(LabelQuote, q.open, q.close+1, RuleQuoteNested, 0.8, src)
		return
	}
	rule, confidence := RuleQuoteCurly, 0.95
	switch q.kind {
	case quoteStraight:
		rule, confidence = RuleQuoteStraight, 0.9
	case quoteParagraph:
		rule, confidence = RuleQuoteParagraph, 0.6
	case quoteSingleTop:
		rule, confidence = RuleQuoteSingle, 0.7
	}
	var src *found
	if q.kind == quoteParagraph {
		src = r.continuedQuoteSource(index)
	}
	if src == nil {
		src = r.quoteSource(q)
	}
	r.quoteSources[index] = src
	if src != nil {
		r.lastQuoteSource, r.lastQuoteEnd = src, q.close
	}
	r.add(LabelQuote, q.open, q.close+1, rule, confidence, src)
}

// continuedQuoteSource is the speaker of a quote left open at its paragraph's
// end (wire style: the next paragraph reopens the quote, and the attribution
// often comes only there): the speaker named for the quote that continues it,
// or nil when none is named there.
func (r *run) continuedQuoteSource(index int) *found {
	a := r.a
	prev := a.quotes[index]
	for k := index + 1; k < len(a.quotes); k++ {
		next := a.quotes[k]
		if next.kind == quoteSingle {
			continue
		}
		if next.open != prev.close+1 || !a.paragraphBreak(next.open) {
			return nil
		}
		prev = next
		if next.kind == quoteParagraph {
			continue
		}
		if src := r.quoteSource(next); src != nil && src.rule != SourcePrevious {
			copied := *src
			copied.rule = "speaker named where the quote continues"
			return &copied
		}
		return nil
	}
	return nil
}

func (r *run) quoteSource(q quote) *found {
	a := r.a
	s := a.sentenceOf(q.close)
	k := q.close + 1
	// “…,” said Ilse Marrow, the town’s deputy mayor.
	if k < s.end && a.raw[k] == "," {
		k++
	}
	if k < s.end && r.isReporting(k) {
		if p, ok := a.rightNP(k+1, s.end); ok {
			return r.sources.resolve(p, SourceAfter, r.lex)
		}
	}
	// “…,” Dosh told reporters. / “…,” she said. / “…,” a survivor, Fatou Ndiaye, said.
	for v := k; v < s.end && v < k+16; v++ {
		if a.quoteDepth[v] > 0 {
			break
		}
		if r.isReporting(v) && v > k {
			if p, ok := a.leftNP(k, v); ok && p.start == k {
				return r.sources.resolve(p, SourceAfter, r.lex)
			}
			break
		}
	}
	// Ilse Marrow said: “…” / Mira Kovac told cheering supporters: “…”
	if q.open >= 2 && (a.raw[q.open-1] == ":" || a.raw[q.open-1] == ",") {
		// “…,” she said, adding: “…” — the speaker of the sentence's quote before
		if w := a.words[q.open-2].Text; (w == "adding" || w == "saying") && r.lastQuoteSource != nil && a.sentenceOf(r.lastQuoteEnd).start == a.sentenceOf(q.open).start {
			copied := *r.lastQuoteSource
			copied.rule = SourcePrevious
			return &copied
		}
		for v := q.open - 2; v >= 0 && v >= q.open-6 && a.quoteDepth[v] == 0 && a.isWord(v); v-- {
			if r.isReporting(v) {
				if p, ok := a.leftNP(a.sentenceOf(v).body, v); ok {
					return r.sources.resolve(p, SourceBefore, r.lex)
				}
				break
			}
		}
	}
	// A quote that starts its sentence with no attribution continues the last
	// speaker's words.
	qs := a.sentenceOf(q.open)
	if r.lastQuoteSource != nil && (q.open == qs.start || q.open == qs.body || q.open > 0 && sentenceFinal[a.raw[q.open-1]]) && q.open-r.lastQuoteEnd < 80 {
		copied := *r.lastQuoteSource
		copied.rule = SourcePrevious
		return &copied
	}
	// The Civic Union dismissed the complaints as “sour grapes”.
	if q.open > qs.body && a.quoteDepth[qs.body] == 0 {
		return r.sentenceSubject(qs, q.open)
	}
	return nil
}

// sentenceFinal marks end a sentence even where the splitter saw an initial
// ("she wrote on X. “…”").
var sentenceFinal = map[string]bool{".": true, "?": true, "!": true}

// trimEnd drops closing punctuation from the end of words [i, j).
func (a *analysis) trimEnd(i, j int) int {
	for j > i {
		switch a.raw[j-1] {
		case ".", ",", ";", ":", "!", "?", "—", "–", "-":
			j--
			continue
		}
		break
	}
	return j
}

func (r *run) claimsIn(s sentence) {
	a := r.a
	for v := s.body; v < s.end; v++ {
		if a.quoteDepth[v] > 0 {
			continue
		}
		w := a.words[v].Text
		if w == "saying" && v > s.body+1 && (a.raw[v-1] == "," || a.words[v-1].Text == "as") && a.raw[s.body] != openDouble && a.raw[s.body] != straight {
			// also "X was quoted by the agency as saying (that) …"
			// "The IOC suspended the committee, saying the government had
			// interfered": the claim of the sentence's subject.
			src := r.sentenceSubject(s, v)
			if src == nil && r.demandParty != nil && r.demandSentence == s.start {
				src = r.demandParty // "A tribunal on Friday ordered …, saying …"
			}
			v = r.claimsAfter(s, v, src)
			continue
		}
		if r.class[v] == 0 {
			continue
		}
		if w == "according" && v+1 < s.end && a.words[v+1].Text == "to" {
			r.accordingTo(s, v)
			continue
		}
		if !r.isReporting(v) {
			continue
		}
		if askOrTell[w] && r.objectThenTo(v, s.end) {
			continue // "told patients not to stop …" is an order (DEMAND), not a claim
		}
		if next := r.invertedAttribution(s, v); next > v {
			v = next
			continue
		}
		p, ok := a.leftNP(s.body, v)
		if !ok {
			// "Malvinia called the accusations “absurd” and said …": the
			// subject of the sentence's first verb.
			if v-1 > s.body && (a.words[v-1].Text == "and" || a.words[v-1].Text == "but") && a.quoteDepth[v-1] == 0 && a.raw[s.body] != openDouble && a.raw[s.body] != straight {
				src := r.sentenceSubject(s, v-1)
				if r.demandParty != nil && r.demandSentence == s.start {
					src = r.demandParty // "The Ministry of Defence ordered … and said …"
				}
				if src != nil {
					v = r.claimsAfter(s, v, src)
				}
			}
			continue
		}
		before := p.start - 1
		if before >= s.body && r.isQuoteAttribution(s, before) {
			continue // a quote's attribution: “…,” she said
		}
		if (w == "insisted" || w == "insists" || w == "insist") && r.demandFollows(v, s.end) {
			continue
		}
		switch {
		case p.start == s.body:
			src := r.sources.resolve(p, SourceSubject, r.lex)
			v = r.claimsAfter(s, v, src)
		case before >= s.body && a.raw[before] == ",":
			if a.raw[s.body] == openDouble || a.raw[s.body] == straight || before-s.body < 3 {
				continue
			}
			src := r.sources.resolve(p, SourceSubject, r.lex)
			if r.clauseFollows(s, v) {
				// "At Bramstad Central, Jonas Ek, a nurse, said he …": the words
				// before the subject only set the scene.
				v = r.claimsAfter(s, v, src)
				continue
			}
			// A sentence attributed only at its end is one claim, in full.
			r.add(LabelClaim, s.body, a.trimEnd(s.body, before), RuleClaimFinal, 0.8, src)
			v = r.claimsAfter(s, v, src)
		}
	}
}

// invertedVerbs come before their subject at a sentence's end: "…, said Jens
// Aalto, a spokesperson for the agency."
var invertedVerbs = set("said", "says", "added", "adds", "wrote", "writes", "explained", "noted")

// invertedAttribution reads a sentence attributed at its end with the verb
// before the speaker ("Convoys will run weekly, said Jens Aalto, a spokesperson
// for the agency.") as one claim, and returns the last word it read (v when the
// verb at v is no such attribution).
func (r *run) invertedAttribution(s sentence, v int) int {
	a := r.a
	if !invertedVerbs[a.words[v].Text] || v-1 < s.body+3 || a.raw[v-1] != "," || v+1 >= s.end {
		return v
	}
	if a.raw[s.body] == openDouble || a.raw[s.body] == straight || r.isQuoteAttribution(s, v-1) {
		return v
	}
	first := a.words[v+1].Text
	if !a.capitalized(v+1) && !determiners[first] || personPronouns[first] || groupPronouns[first] {
		return v
	}
	p, ok := a.rightNP(v+1, s.end)
	if !ok {
		return v
	}
	// the speaker's phrase runs to the sentence's end (an appositive or a
	// relative clause may follow it after a comma)
	k := p.end
	for k < s.end && !a.isWord(k) && a.raw[k] != "," {
		k++
	}
	if k < s.end && a.raw[k] != "," {
		return v
	}
	src := r.sources.resolve(p, SourceSubject, r.lex)
	r.add(LabelClaim, s.body, a.trimEnd(s.body, v-1), RuleClaimFinal, 0.8, src)
	return s.end
}

// isQuoteAttribution says whether the subject after word before attributes a
// quote that opens the sentence: “…,” she said.
func (r *run) isQuoteAttribution(s sentence, before int) bool {
	a := r.a
	closing := before
	if a.raw[closing] == "," && closing > s.body {
		closing--
	}
	if a.raw[closing] != closeDouble && a.raw[closing] != straight && a.raw[closing] != closeSingle {
		return false
	}
	for _, q := range a.quotes {
		if q.close == closing {
			return q.open <= s.body+1
		}
	}
	return a.raw[s.body] == openDouble || a.raw[s.body] == straight
}

// clauseFollows says whether a reported clause follows the verb at v (and not
// just a modifier such as "on Monday" or the sentence's end).
func (r *run) clauseFollows(s sentence, v int) bool {
	a := r.a
	i := v + 1
	if a.words[v].Text == "told" || a.words[v].Text == "tells" {
		if i+1 < s.end && determiners[a.words[i].Text] && r.lex.objects[a.words[i+1].Text] {
			i++
		}
		for i < s.end && r.lex.objects[a.words[i].Text] {
			i++
		}
		// "…, Ines Duarte told a news conference.": whoever was told, then
		// nothing more
		if i < s.end && determiners[a.words[i].Text] {
			k := i + 1
			for k < s.end && k < i+5 && a.isNPWord(k) {
				k++
			}
			if k >= s.end || !a.isWord(k) && a.raw[k] != "“" && a.raw[k] != "\"" {
				return false
			}
		}
	}
	if i >= s.end || !a.isWord(i) {
		return false
	}
	return a.words[i].Text == "that" || !modifierStarts[a.words[i].Text] || quantifierAt(a, i, s.end)
}

// claimVerbsTakingBareClause can report a clause without "that": "said the
// strike would go on". Other reporting verbs ("conceded defeat", "announced a
// plan") need "that" before a clause.
var claimVerbsTakingBareClause = set("said", "saying", "says", "say", "told", "tells", "added", "adds", "stated",
	"claimed", "claims", "insisted", "insists", "warned", "warns", "believes", "believed", "wrote", "writes",
	"argued", "argues", "estimated", "alleged", "predicted", "reported", "reports", "noted", "explained")

// notClauses after a reporting verb say that nothing was asserted: "said
// nothing", "said little", "said goodbye".
var notClauses = set("nothing", "little", "goodbye", "hello", "sorry", "thanks", "otherwise")

// objectTakingVerbs report a bare clause only when one follows ("claimed the
// vote was rigged"), and otherwise take an object ("claimed victory").
var objectTakingVerbs = set("claimed", "claims", "claim", "reported", "reports", "noted", "explained",
	"estimated", "predicted")

// quantifierAt says whether the words at i open a quantity rather than a
// modifier: "said at least 14 journalists …".
func quantifierAt(a *analysis, i, end int) bool {
	return i+1 < end && a.words[i].Text == "at" && (a.words[i+1].Text == "least" || a.words[i+1].Text == "most")
}

// claimsAfter adds the that-clauses after the reporting verb at v and returns the
// last word it read.
func (r *run) claimsAfter(s sentence, v int, src *found) int {
	a := r.a
	i := v + 1
	if a.words[v].Text == "told" || a.words[v].Text == "tells" {
		// "told reporters", "told the BBC"
		if i+1 < s.end && determiners[a.words[i].Text] && r.lex.objects[a.words[i+1].Text] {
			i++
		}
		for i < s.end && i < v+4 && r.lex.objects[a.words[i].Text] {
			i++
		}
	}
	if i+1 < s.end && a.raw[i] == "," && (a.words[i+1].Text == "and" || a.words[i+1].Text == "but") {
		// "C1, he said, and C2"
		i += 2
	}
	if a.words[v].Text == "told" || a.words[v].Text == "tells" {
		for k := i; k < s.end && k < i+4; k++ {
			if a.raw[k] == ":" {
				return k // told cheering supporters: “…”
			}
		}
		// "told a parliamentary committee that …": whoever was told, up to "that"
		k := i
		for k < s.end && k < i+7 && a.isNPWord(k) {
			k++
		}
		if k > i && k < s.end && a.words[k].Text == "that" {
			i = k
		} else if k > i && determiners[a.words[i].Text] && (k >= s.end || !a.isWord(k) && a.raw[k] != "“" && a.raw[k] != "\"") {
			return k // "told a news conference." reports no clause
		}
	}
	if i < s.end && a.words[i].Text == "that" {
		i++
	} else if !claimVerbsTakingBareClause[a.words[v].Text] && !r.lex.extraReporting[a.words[v].Text] {
		return i
	} else if i < s.end && notClauses[a.words[i].Text] {
		return i // "said nothing", "said little about …": no proposition
	} else if i < s.end && objectTakingVerbs[a.words[v].Text] && !r.startsClause(i, s.end) {
		return i // "claimed victory": an object, not a clause
	} else if i < s.end && modifierStarts[a.words[i].Text] && !quantifierAt(a, i, s.end) {
		// "said on Friday that …", "said in a statement, and …"
		j := i
		for j < s.end && j < i+12 && a.words[j].Text != "that" && a.raw[j] != "," {
			j++
		}
		switch {
		case j < s.end && a.words[j].Text == "that":
			i = j + 1
		case j+1 < s.end && a.raw[j] == "," && a.words[j+1].Text == "and":
			i = j + 2
			if i < s.end && a.words[i].Text == "that" {
				i++
			}
		default:
			return j
		}
	}
	if i >= s.end || !a.isWord(i) {
		return i // a quote (“ " :) or ", citing …": no reported clause
	}
	r.addClaimClauses(i, a.trimEnd(i, s.end), RuleClaimSaidThat, 0.75, src)
	return s.end
}

// addClaimClauses adds words [start, end) as claims, one per clause: split at
// "but", "and that" and "and" before a clause with its own subject, and cut
// before "and" + a demand verb.
func (r *run) addClaimClauses(start, end int, rule string, confidence float64, src *found) int {
	a := r.a
	i := start
	for k := i; k < end; k++ {
		if a.quoteDepth[k] > 0 {
			continue
		}
		// "…, calling the trial “a show”": the speaker's own comment after the
		// clause is not part of it.
		if a.raw[k] == "," && k > start && k+1 < end && speechParticiples[a.words[k+1].Text] {
			end = k
			break
		}
		if a.raw[k] == ";" && k > start {
			end = k // "…; police put the figure at 8,000" is another sentence
			break
		}
		split := 0
		switch {
		case (a.words[k].Text == "and" || a.words[k].Text == "but") && k > start && (r.startsDemand(k+1, end) || insistVerbs[a.words[k+1].Text] && r.demandFollows(k+1, end)):
			// "warned that C and appealed for …": the demand is not part of the claim
			r.add(LabelClaim, start, a.trimEnd(start, k), rule, confidence, src)
			return k
		case a.words[k].Text == "but" && k > start && k+1 < end && a.words[k+1].Text == "that":
			split = 2 // "said A but that B"
		case a.words[k].Text == "but" && k > start && k+1 < end && !sharedSubject[a.words[k+1].Text]:
			// "A but it would …" splits; "A but would seek …" and "A but not
			// B" share A's subject and stay one claim
			split = 1
		case a.words[k].Text == "and" && k+1 < end && a.words[k+1].Text == "that":
			split = 2
		case a.words[k].Text == "and" && k > start && r.startsClause(k+1, end):
			split = 1
		}
		if split > 0 {
			r.add(LabelClaim, start, a.trimEnd(start, k), rule, confidence, src)
			start = k + split
		}
	}
	r.add(LabelClaim, start, end, rule, confidence, src)
	return end
}

// documentNouns name what a source issued rather than the source: "according to a
// statement from the ministry" credits the ministry.
var documentNouns = set("statement", "statements", "report", "reports", "release", "letter", "post",
	"posting", "figures", "data", "estimate", "estimates", "tally", "count", "survey", "document",
	"documents", "filing", "transcript", "notice", "bulletin", "video", "message", "email", "note")

// accordingNP is the noun phrase after "according to" at word i, skipping a
// document and its "from"/"by"/"of"/"issued by": "a statement from the ministry".
func (r *run) accordingNP(i, end int) (np, bool) {
	a := r.a
	p, ok := a.rightNP(i, end)
	if !ok || p.nameEnd != p.end || !documentNouns[a.words[p.nameEnd-1].Text] {
		return p, ok
	}
	// "the city auditor’s annual report": its issuer, the possessive
	for k := p.start; k < p.nameEnd-1; k++ {
		if isPossessive(a.words[k].Text) {
			return np{start: p.start, nameEnd: k + 1, appStart: k + 1, end: k + 1}, true
		}
	}
	k := p.nameEnd
	if k < end && (a.words[k].Text == "issued" || a.words[k].Text == "released" || a.words[k].Text == "published") {
		k++
	}
	if k+1 < end && (a.words[k].Text == "from" || a.words[k].Text == "by" || a.words[k].Text == "of") {
		if q, ok := a.rightNP(k+1, end); ok {
			return q, true
		}
	}
	return p, ok
}

// withoutPossessive drops a trailing "’s" from a source's name ("city
// auditor’s" of "the city auditor’s report").
func withoutPossessive(f *found) *found {
	if f != nil && isPossessive(f.name) {
		f.name = strings.TrimSuffix(strings.TrimSuffix(f.name, "’s"), "'s")
	}
	return f
}

func (r *run) accordingTo(s sentence, v int) {
	a := r.a
	switch {
	case v == s.body:
		// According to X, clause.
		p, ok := r.accordingNP(v+2, s.end)
		if !ok {
			return
		}
		comma := p.end
		for comma < s.end && a.raw[comma] != "," {
			comma++
		}
		if comma+1 >= s.end {
			return
		}
		src := withoutPossessive(r.sources.resolve(p, SourceAccording, r.lex))
		r.add(LabelClaim, comma+1, a.trimEnd(comma+1, s.end), RuleClaimAccording, 0.8, src)
	case v > s.body && a.raw[v-1] == ",":
		// Clause, according to X.
		if a.raw[s.body] == openDouble || a.raw[s.body] == straight {
			return
		}
		p, ok := r.accordingNP(v+2, s.end)
		if !ok {
			return
		}
		src := withoutPossessive(r.sources.resolve(p, SourceAccording, r.lex))
		r.add(LabelClaim, s.body, a.trimEnd(s.body, v-1), RuleClaimAccording, 0.8, src)
	}
}

// startsDemand says whether a demand verb starts at word i ("urged", "called for").
func (r *run) startsDemand(i, end int) bool {
	if i >= end {
		return false
	}
	w := r.a.words[i].Text
	return r.class[i]&classDemand != 0 && w != "insist" && w != "insists" && w != "insisted" ||
		r.class[i]&classPhrasal != 0 && i+1 < end && (r.a.words[i+1].Text == "for" || r.a.words[i+1].Text == "on") ||
		askOrTell[w] && r.objectThenTo(i, end)
}

// startsClause says whether words from i start a clause with its own subject:
// a short noun phrase and then an auxiliary ("four attackers had been killed").
func (r *run) startsClause(i, end int) bool {
	a := r.a
	if i >= end || auxiliaries[a.words[i].Text] || !a.isWord(i) {
		return false
	}
	for k := i + 1; k < end && k < i+5; k++ {
		switch a.words[k].Text {
		case "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should", "did", "must", "may", "might":
			return true
		}
		if !a.isNPWord(k) {
			return false
		}
	}
	return false
}

// demandFollows says whether the clause after word v holds "must" or "should",
// which makes "insisted that" a demand rather than a claim.
func (r *run) demandFollows(v, end int) bool {
	for k := v + 1; k < end && k < v+20; k++ {
		switch r.a.words[k].Text {
		case "must", "should":
			return true
		}
	}
	return false
}

func (r *run) demandsIn(s sentence) {
	a := r.a
	if a.isHeadline(s) {
		return // "Tribunal orders release of journalists" reports a demand; it is not one
	}
	for v := s.body; v < s.end; v++ {
		if a.quoteDepth[v] > 0 {
			continue
		}
		if r.class[v] == 0 {
			continue
		}
		w := a.words[v].Text
		rule := ""
		switch {
		case (w == "wants" || w == "want" || w == "wanted") && v+1 < s.end && a.words[v+1].Text != "to" && a.isWord(v+1):
			rule = RuleDemandVerb
		case r.class[v]&classDemand != 0:
			rule = RuleDemandVerb
			if w == "insist" || w == "insists" || w == "insisted" || w == "insisting" {
				if !r.demandFollows(v, s.end) {
					continue
				}
				rule = RuleDemandInsist
			}
		case r.class[v]&classPhrasal != 0 && v+2 < s.end && a.isWord(v+2) && (a.words[v+1].Text == "for" || a.words[v+1].Text == "on" || (w[0] == 'a' && a.words[v+1].Text == "to" && (!strings.HasPrefix(w, "appeal") || r.objectThenTo(v+1, s.end)))):
			// "appealed to residents to stay" is a demand; "appeal to the
			// Supreme Court" is a lawsuit
			rule = RuleDemandCallFor
		case askOrTell[w] && r.objectThenTo(v, s.end):
			rule = RuleDemandAskTo
		case (w == "gave" || w == "give" || w == "gives" || w == "given") && r.untilFollows(v, s.end):
			rule = RuleDemandUltimatum
		default:
			continue
		}
		if v > s.body && (determiners[a.words[v-1].Text] || a.words[v-1].Text == "in" || isPossessive(a.words[v-1].Text) || isApostrophe(a.raw[v-1])) {
			continue // a noun: "the demand", "in order to"
		}
		end := r.demandEnd(v, s.end)
		verb := v
		for verb > s.body {
			switch {
			case auxiliaries[a.words[verb-1].Text]:
				verb--
				continue
			case verb-2 > s.body && timeWords[a.words[verb-1].Text] && (a.words[verb-2].Text == "on" || timeModifiers[a.words[verb-2].Text]):
				// "A tribunal on Friday ordered …": a time between party and verb
				verb -= 2
				continue
			case verb-1 > s.body && timeModifiers[a.words[verb-1].Text] && a.words[verb-1].Text != "late" && a.words[verb-1].Text != "early":
				verb-- // "The council yesterday urged …"
				continue
			}
			break
		}
		var src *found
		start := v
		if !(a.raw[verb-1] == "," && len(w) > 3 && w[len(w)-3:] == "ing") {
			if p, ok := a.leftNP(s.body, verb); ok && (p.start == s.body || !a.isWord(p.start-1) || a.words[p.start-1].Text == "and") {
				src = r.sources.resolve(p, SourceParty, r.lex)
				if a.raw[verb-1] != "," {
					// the party stands straight before the verb (no appositive or
					// relative clause between them)
					start = p.start
				}
			}
		}
		if src == nil {
			src = r.sentenceSubject(s, v)
		}
		r.add(LabelDemand, start, end, rule, 0.75, src)
		r.demandParty, r.demandSentence = src, s.start
		v = end
	}
}

// askOrTell request or order when an object and "to" + a verb follow: "asked
// the union to accept …", "told patients not to stop …".
var askOrTell = set("ask", "asks", "asked", "asking", "tell", "tells", "told", "telling")

// objectThenTo says whether a short object and then "to" (or "not to") and a
// verb follow the verb at v: "asked the federation to send …".
func (r *run) objectThenTo(v, end int) bool {
	a := r.a
	k := v + 1
	for k < end && k < v+7 && a.isNPWord(k) && a.quoteDepth[k] == 0 {
		k++
	}
	if k == v+1 || k >= end {
		return false
	}
	if a.words[k].Text == "not" {
		k++
	}
	if k+1 >= end || a.words[k].Text != "to" {
		return false
	}
	next := a.words[k+1].Text
	return a.isWord(k+1) && !a.capitalized(k+1) && !determiners[next] && !casualty.MayStartQuantity(next)
}

// timeWords and timeModifiers say when, between a party and its demand verb:
// "on Friday", "late Monday", "yesterday".
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"morning", "evening", "night", "afternoon", "week", "month")
var timeModifiers = set("late", "early", "yesterday", "today", "tonight", "this", "last")

func (r *run) untilFollows(v, end int) bool {
	for k := v + 1; k < end && k < v+6; k++ {
		if r.a.words[k].Text == "until" {
			return true
		}
		// "gave the ambassador 72 hours to leave"
		if deadlineUnits[r.a.words[k].Text] && k+1 < end && r.a.words[k+1].Text == "to" {
			return true
		}
	}
	return false
}

var deadlineUnits = set("hours", "days", "weeks", "months", "minutes")

// demandEnd is where a demand's clause ends: the sentence's end, or ", and" / ";"
// / ", but" / ", while" starting another clause.
func (r *run) demandEnd(v, end int) int {
	a := r.a
	for k := v + 1; k < end; k++ {
		if a.quoteDepth[k] > 0 {
			continue
		}
		// "… and demanded …", "… and said …": another verb of the same subject.
		if a.words[k].Text == "and" && (r.startsDemand(k+1, end) || k+1 < end && r.isReporting(k+1) && a.quoteDepth[k+1] == 0) {
			return a.trimEnd(v, k)
		}
		// "…, saying …": the reason given is not part of the demand.
		if a.raw[k] == "," && k+1 < end && participles[a.words[k+1].Text] {
			return a.trimEnd(v, k)
		}
		if a.raw[k] == ";" || a.raw[k] == "," && k+1 < end && (a.words[k+1].Text == "and" || a.words[k+1].Text == "but" || a.words[k+1].Text == "while" || a.words[k+1].Text == "which" || a.words[k+1].Text == "who") {
			return a.trimEnd(v, k)
		}
	}
	return a.trimEnd(v, end)
}

// sentenceSubject is the source of the sentence's first reporting verb before
// word before ("Its leader, Goran Pell, said … and demanded …"), or else the
// capitalised noun phrase that opens the sentence ("Farmers drove …, demanding …",
// "The ministry called the strike “irresponsible”").
func (r *run) sentenceSubject(s sentence, before int) *found {
	a := r.a
	for v := s.body + 1; v < before; v++ {
		if a.quoteDepth[v] > 0 || !r.isReporting(v) {
			continue
		}
		if p, ok := a.leftNP(s.body, v); ok && (p.start == s.body || p.start-1 > s.body && a.raw[p.start-1] == ",") {
			// "X said …" or "…, the ministry said on Thursday, ordering …"
			return r.sources.resolve(p, SourceSentence, r.lex)
		}
		break
	}
	// "Its chief executive, Ingrid Paulsen, described the demands as “…”": an
	// opening description with the name in an appositive.
	if c1 := a.nextComma(s.body, before, 8); c1 > s.body {
		if c2 := a.nextComma(c1+1, before, 5); c2 > c1+2 && c2+1 < before && a.allNameWords(c1+1, c2) {
			if p, ok := a.leftNP(s.body, c2+1); ok && p.start == s.body {
				return r.sources.resolve(p, SourceSentence, r.lex)
			}
		}
	}
	i := s.body
	// "Hundreds of farmers blocked …, demanding …": the people counted.
	if i+2 < before && crowdWords[a.words[i].Text] && a.words[i+1].Text == "of" && a.isWord(i+2) && !a.capitalized(i+2) {
		return r.sources.resolve(np{start: i + 2, nameEnd: i + 3, appStart: i + 3, end: i + 3}, SourceSentence, r.lex)
	}
	for i < before && determiners[a.words[i].Text] {
		i++
	}
	j := i
	for j < before && j < i+6 && (a.capitalized(j) && a.isWord(j) || isApostrophe(a.raw[j]) && a.glued(j) && j > i || j > i && a.nameConnector(s.body, j)) {
		j++
	}
	if j == i {
		return nil
	}
	// "Nordland’s sports minister called …": a possessive name before the
	// description of the one it owns, up to its title or organisation word.
	if isPossessive(a.words[j-1].Text) || isApostrophe(a.raw[j-1]) {
		for k := j; k < before && k < j+3 && a.isWord(k) && !a.capitalized(k) && !npStops[a.words[k].Text]; k++ {
			if r.lex.titles[a.words[k].Text] || r.lex.orgWords[a.words[k].Text] {
				j = k + 1
				break
			}
		}
	}
	return r.sources.resolve(np{start: s.body, nameEnd: j, appStart: j, end: j}, SourceSentence, r.lex)
}

// crowdWords count people without a number: "Hundreds of farmers".
var crowdWords = set("dozens", "hundreds", "thousands", "scores", "tens", "millions")

// insistVerbs make a demand when "must" or "should" follows: "but insisted they
// must not delay …".
var insistVerbs = set("insist", "insists", "insisted", "insisting")

// sharedSubject words right after "but" continue the clause before it without a
// subject of their own: "would not cut any venue but would seek …".
var sharedSubject = set("not", "would", "could", "should", "will", "can", "did", "does", "do", "might",
	"must", "may", "had", "has", "have", "was", "were", "is", "are", "also", "still")

// speechParticiples after a reported clause start the speaker's comment on it:
// "said the defence would appeal, calling the trial a farce".
var speechParticiples = set("calling", "saying", "adding", "citing", "describing", "accusing", "blaming",
	"arguing", "noting", "warning", "insisting", "urging", "dismissing", "denouncing", "branding")

// participles that start a clause giving a reason or a comment after a demand.
var participles = set("saying", "adding", "citing", "arguing", "warning", "noting", "claiming", "threatening")

// isHeadline says whether s is the document's first line standing alone without
// closing punctuation: a headline.
func (a *analysis) isHeadline(s sentence) bool {
	last := s.end - 1
	return s.start == 0 && last >= 0 && a.isWord(last) && s.end < len(a.words) && a.lineBefore[s.end] >= 1
}

// nextComma is the first comma in words [from, end) within limit words, -1 for
// none (or a quote in the way).
func (a *analysis) nextComma(from, end, limit int) int {
	for k := from; k < end && k < from+limit; k++ {
		if a.quoteDepth[k] > 0 {
			return -1
		}
		if a.raw[k] == "," {
			return k
		}
	}
	return -1
}

func isPossessive(w string) bool {
	return len(w) > 2 && (w[len(w)-2:] == "'s" || len(w) > 4 && w[len(w)-4:] == "’s")
}
