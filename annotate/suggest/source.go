package suggest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// found is a source found in the text: the mention's words [start, end), the
// source's name, whether it is a person, and the rule that found it.
type found struct {
	start, end int
	name       string
	person     bool
	rule       string
}

// sourceTracker remembers the sources named so far in a document, so that a
// surname, a title ("the deputy mayor"), a definite description ("the ministry")
// or a pronoun resolves to the source named before it.
type sourceTracker struct {
	a     *analysis
	known []*knownSource
}

type knownSource struct {
	name   string
	person bool

	aliases map[string]bool // lower case: surname, appositive ("deputy mayor"), nouns of the mention
}

func newSourceTracker(a *analysis) *sourceTracker { return &sourceTracker{a: a} }

// np is a noun phrase naming a source: mention words [start, end), of which
// [start, nameEnd) is the name and [appStart, end) an appositive (appStart == end
// when there is none).
type np struct {
	start, nameEnd, appStart, end int
}

// resolve turns a noun phrase into a source, registering it, and names the rule.
func (t *sourceTracker) resolve(p np, rule string, lex *lexicon) *found {
	a := t.a
	if p.start >= p.nameEnd {
		return nil
	}
	first := a.words[p.start].Text
	if p.nameEnd-p.start == 1 && (personPronouns[first] || groupPronouns[first]) {
		wantPerson := personPronouns[first]
		for k := len(t.known) - 1; k >= 0; k-- {
			if t.known[k].person == wantPerson {
				return &found{start: p.start, end: p.end, name: t.known[k].name, person: wantPerson, rule: rule + "; pronoun → nearest named " + map[bool]string{true: "person", false: "group"}[wantPerson]}
			}
		}
		return nil
	}
	// "a survivor, Fatou Ndiaye, told …", "Orsic’s lawyer, Dario Menz, said …": the
	// name is in the appositive when the phrase before it ends in a common noun.
	appName := p.appStart
	for appName < p.end && determiners[a.words[appName].Text] {
		appName++ // "Her party, the Freedom Party"
	}
	if !a.capitalized(p.nameEnd-1) && appName < p.end && a.capitalized(p.end-1) && a.allNameWords(appName, p.end) {
		p.start, p.nameEnd = appName, p.end
	}
	nameStart := p.start
	definite := false
	for nameStart < p.nameEnd-1 && (determiners[a.words[nameStart].Text] || countWords[a.words[nameStart].Text]) {
		definite = definite || definiteDeterminers[a.words[nameStart].Text]
		nameStart++
	}
	// "a nurse at Maresh Central Hospital": a common noun before a place is
	// the source, not the place.
	for k := nameStart + 1; k < p.nameEnd-1; k++ {
		if placePrepositions[a.words[k].Text] {
			switch {
			case documentNouns[a.words[k-1].Text]:
				// "A statement from the Agriculture Ministry said": its issuer
				nameStart = k + 1
				for nameStart < p.nameEnd-1 && determiners[a.words[nameStart].Text] {
					definite = definite || definiteDeterminers[a.words[nameStart].Text]
					nameStart++
				}
			case !a.capitalized(k-1) && a.isWord(k-1):
				p.nameEnd = k
			}
			break
		}
	}
	last := p.nameEnd - 1
	var name string
	person := false
	if a.capitalized(last) {
		runStart := a.nameRunStart(nameStart, last, lex)
		// An organisation names itself with a word such as "Ministry" or an
		// apostrophe ("Nurses’ Association"); a person's name has neither.
		org := false
		for i := runStart; i < p.nameEnd; i++ {
			if lex.orgWords[a.words[i].Text] || isApostrophe(a.raw[i]) {
				org = true
			}
		}
		titled := false
		if !org {
			// "Varnian Foreign Minister Ilse Varga": a title may follow a
			// capitalised adjective; the name starts after the last title word.
			for k := last - 1; k >= runStart; k-- {
				if lex.titles[a.words[k].Text] && a.isWord(k+1) && !a.gluedHyphen(k+1) && (k == 0 || !a.gluedHyphen(k-1)) {
					runStart = k + 1
					titled = true
					break
				}
			}
		}
		name = a.slice(runStart, p.nameEnd)
		if runStart == last {
			// "the WHO" for the World Health Organization named before
			if known := t.byInitials(a.raw[last]); known != nil {
				return t.register(&found{start: p.start, end: p.end, name: known.name, rule: rule + "; initials of an organisation named before"}, p, lex)
			}
		}
		if !org && runStart == last {
			if full := t.bySurname(a.words[last].Text); full != "" {
				return t.register(&found{start: p.start, end: p.end, name: full, person: true, rule: rule + "; surname of a person named before"}, p, lex)
			}
			if known := t.byDescription(a.words[last].Text, a.words[last].Text); known != nil && !known.person {
				return t.register(&found{start: p.start, end: p.end, name: known.name, rule: rule + "; short name of an organisation named before"}, p, lex)
			}
			// "Journalist Elena Sokol walked out … Sokol told reporters": a person
			// named in full before, though never as a source or with a title.
			if full := a.fullNameBefore(p.start, last, lex); full != "" {
				return t.register(&found{start: p.start, end: p.end, name: full, person: true, rule: rule + "; surname of a person named before"}, p, lex)
			}
		}
		person = !org && (last > runStart || titled || runStart > nameStart)
	} else {
		nameEnd := p.nameEnd
		for k := nameStart + 1; k < p.nameEnd; k++ {
			if placePrepositions[a.words[k].Text] {
				nameEnd = k // "aid worker in the convoy" is an aid worker
				break
			}
		}
		name = a.slice(nameStart, nameEnd)
		// "the transport minister", "Nordland’s sports minister": a person
		person = lex.titles[a.words[nameEnd-1].Text] && !lex.orgWords[a.words[nameEnd-1].Text]
		if definite {
			if known := t.byDescription(strings.ToLower(name), a.words[last].Text); known != nil {
				return t.register(&found{start: p.start, end: p.end, name: known.name, person: known.person, rule: rule + "; description of a source named before"}, p, lex)
			}
			// "…, their union said. The Pella Nurses’ Union says …": an
			// organisation described before it is named.
			if lex.orgWords[a.words[last].Text] {
				if named := a.orgNamedAfter(p.end, a.words[last].Text, lex); named != "" {
					return t.register(&found{start: p.start, end: p.end, name: named, rule: rule + "; description of an organisation named after"}, p, lex)
				}
			}
			// "Tiran’s electoral commission barred … The commission said": an
			// organisation described with a modifier before, never named.
			if lex.orgWords[a.words[last].Text] && last == nameStart {
				if described := a.describedBefore(p.start, last); described != "" {
					return t.register(&found{start: p.start, end: p.end, name: described, rule: rule + "; description of an organisation described before"}, p, lex)
				}
			}
			// "the agency" for the World Food Programme named before: a generic
			// word for an organisation points at the nearest one.
			if genericOrgNouns[a.words[last].Text] && last == nameStart {
				if known := t.nearestOrganisation(lex); known != nil {
					return t.register(&found{start: p.start, end: p.end, name: known.name, rule: rule + "; generic description of the organisation named last"}, p, lex)
				}
			}
		}
	}
	return t.register(&found{start: p.start, end: p.end, name: name, person: person, rule: rule}, p, lex)
}

// countWords before a source's noun are not part of its name: "two people
// familiar with the talks".
var countWords = set("two", "three", "four", "five", "six", "several", "some", "many", "both")

// npLinks join a source's noun to what follows it in its noun phrase.
var npLinks = set("for", "of", "in", "at", "from", "with", "to")

// placePrepositions open a place after a source's noun: "police in the capital".
var placePrepositions = set("in", "at", "from")

// definiteDeterminers make a description point at one source: "the union",
// "their union", "its board".
var definiteDeterminers = set("the", "their", "its")

// nameConnectors join the words of an organisation's name: "Transport and General
// Workers’ Union", "Movement for Change", "Ministry of Defence".
var nameConnectors = set("and", "for", "of")

// nameRunStart is where the capitalised name ending at word last starts, no
// earlier than from: back over capitalised words and glued apostrophes, and over
// connectors between capitalised words when the whole is an organisation's name
// (an organisation word in it), never over two people ("Ana Ferro and Ben Toll").
func (a *analysis) nameRunStart(from, last int, lex *lexicon) int {
	plain, chain := last, last
	org, connected := lex.orgWords[a.words[last].Text], false
	for chain > from {
		k := chain - 1
		switch {
		case a.capitalized(k) || isApostrophe(a.raw[k]) && a.glued(k) || a.gluedHyphen(k):
			chain = k
			org = org || lex.orgWords[a.words[k].Text] || isApostrophe(a.raw[k])
			if !connected {
				plain = k
			}
			continue
		case k-1 >= from && nameConnectors[a.words[k].Text] && a.capitalized(k-1) && !determiners[a.words[k-1].Text]:
			chain, connected = k-1, true
			org = org || lex.orgWords[a.words[k-1].Text]
			continue
		}
		break
	}
	if connected && org {
		return chain
	}
	return plain
}

// orgNamedAfter finds the first organisation named after word from (within a
// few sentences) whose name ends in head ("Pella Nurses’ Union" for "union").
func (a *analysis) orgNamedAfter(from int, head string, lex *lexicon) string {
	for i := from; i < len(a.words) && i < from+120; i++ {
		if a.words[i].Text != head || !a.capitalized(i) || a.quoteDepth[i] > 0 {
			continue
		}
		start := a.nameRunStart(0, i, lex)
		for start < i && determiners[a.words[start].Text] {
			start++
		}
		if start < i {
			return a.slice(start, i+1)
		}
	}
	return ""
}

// fullNameBefore finds, before word before, the same surname as word last
// written after a first name ("Elena Sokol"): a capitalised word that is no
// title, organisation word or determiner, within the last few thousand words.
// It returns "" when there is none.
func (a *analysis) fullNameBefore(before, last int, lex *lexicon) string {
	surname := a.words[last].Text
	for i := before - 1; i > 0 && i > before-3000; i-- {
		if a.words[i].Text != surname || !a.capitalized(i) || a.quoteDepth[i] > 0 {
			continue
		}
		f := a.words[i-1].Text
		if !a.capitalized(i-1) || !a.isWord(i-1) || lex.titles[f] || lex.orgWords[f] || determiners[f] || a.lineBefore[i] > 0 {
			continue
		}
		return a.slice(i-1, i+1)
	}
	return ""
}

// describedBefore finds, before word before, the organisation noun of word
// head with the lower-case modifiers written before it ("electoral
// commission"), "" when there is none.
func (a *analysis) describedBefore(before, head int) string {
	noun := a.words[head].Text
	for i := before - 1; i > 0 && i > before-600; i-- {
		if a.words[i].Text != noun || a.capitalized(i) || a.quoteDepth[i] > 0 {
			continue
		}
		k := i
		for k > 0 && k > i-2 && a.isWord(k-1) && !a.capitalized(k-1) && !determiners[a.words[k-1].Text] && !npStops[a.words[k-1].Text] && !isPossessive(a.words[k-1].Text) {
			k--
		}
		if k < i {
			return a.slice(k, i+1)
		}
	}
	return ""
}

// gluedHyphen says whether word i is a hyphen inside a word: "Secretary-General".
func (a *analysis) gluedHyphen(i int) bool {
	return a.raw[i] == "-" && a.glued(i) && i+1 < len(a.words) && a.words[i+1].Start == a.words[i].End
}

func isApostrophe(s string) bool { return s == "’" || s == "'" }

// genericOrgNouns stand for any organisation ("the agency", "the group"), unlike
// "the government" or "the police", which name their own.
var genericOrgNouns = set("agency", "organisation", "organization", "group", "body", "charity", "firm", "company",
	"federation", "association", "union", "coalition", "alliance", "movement", "network", "programme", "program", "fund")

// nearestOrganisation is the organisation named last: a known source, not a
// person, whose name holds an organisation word.
func (t *sourceTracker) nearestOrganisation(lex *lexicon) *knownSource {
	for k := len(t.known) - 1; k >= 0; k-- {
		if t.known[k].person {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(t.known[k].name)) {
			if lex.orgWords[strings.Trim(w, "’'")] {
				return t.known[k]
			}
		}
	}
	return nil
}

// byInitials is the organisation known before whose initials (without "of",
// "for", "and", "the") spell word, an upper-case abbreviation of two to six
// letters ("WHO", "IOC"); nil for none.
func (t *sourceTracker) byInitials(word string) *knownSource {
	if len(word) < 2 || len(word) > 6 || strings.ToUpper(word) != word || strings.ToLower(word) == word {
		return nil
	}
	for k := len(t.known) - 1; k >= 0; k-- {
		if t.known[k].person {
			continue
		}
		if initials(t.known[k].name) == word {
			return t.known[k]
		}
	}
	// "the UCI" for the International Cycling Union: initials of a name in
	// another language, the same letters in another order
	want := sortedLetters(word)
	for k := len(t.known) - 1; k >= 0; k-- {
		if t.known[k].person {
			continue
		}
		if sortedLetters(initials(t.known[k].name)) == want {
			return t.known[k]
		}
	}
	return nil
}

// initials are the upper-cased first letters of name's words, leaving out "the"
// and connectors: "World Health Organization" gives "WHO".
func initials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if nameConnectors[strings.ToLower(f)] || strings.ToLower(f) == "the" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// sortedLetters is word's letters in order: "UCI" and "ICU" are both "CIU".
func sortedLetters(word string) string {
	r := []rune(word)
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return string(r)
}

func (t *sourceTracker) bySurname(surname string) string {
	for k := len(t.known) - 1; k >= 0; k-- {
		if t.known[k].person && t.known[k].aliases[surname] {
			return t.known[k].name
		}
	}
	return ""
}

func (t *sourceTracker) byDescription(description, head string) *knownSource {
	for k := len(t.known) - 1; k >= 0; k-- {
		if t.known[k].aliases[description] {
			return t.known[k]
		}
	}
	for k := len(t.known) - 1; k >= 0; k-- {
		if !t.known[k].person && t.known[k].aliases[head] {
			return t.known[k]
		}
	}
	return nil
}

// register records a source and its aliases and returns f.
func (t *sourceTracker) register(f *found, p np, lex *lexicon) *found {
	a := t.a
	var ks *knownSource
	for _, k := range t.known {
		if k.name == f.name {
			ks = k
			break
		}
	}
	if ks == nil {
		ks = &knownSource{name: f.name, person: f.person, aliases: map[string]bool{}}
		t.known = append(t.known, ks)
	} else {
		// most recent last, for pronouns
		for i, k := range t.known {
			if k == ks {
				copy(t.known[i:], t.known[i+1:])
				t.known[len(t.known)-1] = ks
				break
			}
		}
	}
	if f.person {
		fields := strings.Fields(f.name)
		ks.aliases[strings.ToLower(fields[len(fields)-1])] = true
	}
	ks.aliases[strings.ToLower(f.name)] = true
	for i := p.start; i < p.nameEnd; i++ {
		if (!f.person || !a.capitalized(i)) && a.isWord(i) && !determiners[a.words[i].Text] {
			ks.aliases[a.words[i].Text] = true
		}
	}
	if p.appStart < p.end {
		// "the town’s deputy mayor" → "deputy mayor" and "mayor"
		i := p.appStart
		for i < p.end && (determiners[a.words[i].Text] || a.raw[i] == ",") {
			i++
		}
		for k := i; k+1 < p.end; k++ {
			if isApostrophe(a.raw[k]) || strings.HasSuffix(a.words[k].Text, "’s") || strings.HasSuffix(a.words[k].Text, "'s") {
				i = k + 1
			}
		}
		end := p.end
		for k := i; k < p.end; k++ {
			if a.words[k].Text == "of" || a.words[k].Text == "for" || a.words[k].Text == "with" || a.words[k].Text == "in" || a.raw[k] == "," {
				end = k
				break
			}
		}
		if i < end && end-i <= 4 {
			ks.aliases[strings.ToLower(a.slice(i, end))] = true
		}
	}
	return f
}

// touch makes the person whose surname is word the most recently named source
// ("Oduya thanked voters. “…,” he said."); it does nothing for no such person.
func (t *sourceTracker) touch(surname string) {
	for k := len(t.known) - 1; k >= 0; k-- {
		if ks := t.known[k]; ks.person && ks.aliases[surname] {
			copy(t.known[k:], t.known[k+1:])
			t.known[len(t.known)-1] = ks
			return
		}
	}
}

// alias adds lower-case aliases to the known source of this name.
func (t *sourceTracker) alias(name string, aliases ...string) {
	for _, k := range t.known {
		if k.name == name {
			for _, w := range aliases {
				k.aliases[w] = true
			}
			return
		}
	}
}

// isNPWord says whether word i can be part of a source's noun phrase.
func (a *analysis) isNPWord(i int) bool {
	if a.quoteDepth[i] > 0 && (a.raw[i] == closeDouble || a.raw[i] == openDouble || a.raw[i] == straight) {
		return false
	}
	if isApostrophe(a.raw[i]) && a.glued(i) || a.gluedHyphen(i) {
		return true
	}
	if a.raw[i] == "." && a.glued(i) && abbreviations[a.words[i-1].Text] {
		return true // "Col. Idris Baro"
	}
	if !a.isWord(i) {
		return false
	}
	return a.capitalized(i) || !npStops[a.words[i].Text]
}

// leftNP finds the noun phrase that ends right before word v (a reporting or
// demand verb), within the sentence body starting at from: "Ilse Marrow",
// "the Civil Protection Agency", "Anya Brell, the union’s general secretary,".
func (a *analysis) leftNP(from, v int) (np, bool) {
	j := v - 1
	if j < from {
		return np{}, false
	}
	if a.raw[j] == "," {
		// appositive or relative clause between commas
		k := j - 1
		for k >= from && k > j-16 && a.raw[k] != "," && a.quoteDepth[k] == 0 {
			k--
		}
		if k < from || a.raw[k] != "," || k == j-1 {
			return np{}, false
		}
		core, ok := a.leftCore(from, k)
		if !ok {
			return np{}, false
		}
		w := a.words[k+1].Text
		if w == "who" || w == "which" || w == "whose" || w == "whom" {
			return np{start: core, nameEnd: k, appStart: k, end: k}, true
		}
		return np{start: core, nameEnd: k, appStart: k + 1, end: j}, true
	}
	start, ok := a.leftCore(from, v)
	if !ok {
		return np{}, false
	}
	// "A Western diplomat who followed the talks told …": a relative clause
	// without commas after a noun phrase that opens the sentence.
	if w := start - 1; w > from && (a.words[w].Text == "who" || a.words[w].Text == "whose") && !a.capitalized(w-1) && a.isWord(w-1) {
		if core, ok := a.leftCore(from, w); ok && core == from {
			return np{start: core, nameEnd: w, appStart: w, end: w}, true
		}
	}
	return np{start: start, nameEnd: v, appStart: v, end: v}, true
}

func (a *analysis) leftCore(from, v int) (int, bool) {
	if v-1 >= from && (personPronouns[a.words[v-1].Text] || groupPronouns[a.words[v-1].Text]) {
		return v - 1, true
	}
	i := v - 1
	for i >= from && v-i <= 10 && (a.isNPWord(i) || a.nameConnector(from, i)) {
		i--
	}
	// "Lawyers for the Interior Ministry", "the head of the agency": a noun
	// phrase with "for" or "of" and a noun before it.
	// "An aid worker in the convoy", "Residents at the camp": a place after
	// the noun, when the whole opens the sentence or follows a comma.
	// "two people with knowledge of the inquiry", "officials close to the
	// president": up to three such links.
	for links, j := 0, i; links < 3 && j > from && npLinks[a.words[j].Text] && a.isNPWord(j-1) && !determiners[a.words[j-1].Text]; links++ {
		k := j - 1
		for k >= from && v-k <= 14 && a.isNPWord(k) {
			k--
		}
		if k < from || a.raw[k] == "," {
			i = k
			break
		}
		j = k
	}
	// "local officials and witnesses said": two nouns joined by "and", when the
	// whole stands at the sentence's start or after a comma.
	if i > from && i < v-1 && a.words[i].Text == "and" && a.isNPWord(i-1) {
		k := i - 1
		for k >= from && v-k <= 10 && a.isNPWord(k) {
			k--
		}
		if k < from || a.raw[k] == "," {
			i = k
		}
	}
	start := i + 1
	for start < v && !a.isWord(start) {
		start++
	}
	return start, start < v
}

// rightNP finds the noun phrase that starts at word i (after "said" or "according
// to") and ends at the sentence's end or a comma, with an appositive after a comma
// when it starts with a determiner: "Ilse Marrow, the town’s deputy mayor".
func (a *analysis) rightNP(i, end int) (np, bool) {
	j := i
	for j < end && j-i < 8 && a.isNPWord(j) {
		j++
	}
	if j == i {
		return np{}, false
	}
	// "people familiar with the matter", "sources close to the talks",
	// "officials with knowledge of the plan": the anonymous-source idioms.
	if j+1 < end && (a.words[j-1].Text == "familiar" && a.words[j].Text == "with" || a.words[j-1].Text == "close" && a.words[j].Text == "to" || a.words[j].Text == "with" && (a.words[j+1].Text == "knowledge" || a.words[j+1].Text == "direct")) {
		k := j + 1
		for k < end && k-j < 8 && (a.isNPWord(k) || a.words[k].Text == "of" || a.words[k].Text == "the") {
			k++
		}
		j = k
	}
	p := np{start: i, nameEnd: j, appStart: j, end: j}
	if j+1 < end && a.raw[j] == "," && (determiners[a.words[j+1].Text] || a.words[j+1].Text == "who") {
		k := j + 1
		for k < end && a.raw[k] != "," && a.raw[k] != "." && a.quoteDepth[k] == 0 && k-j < 16 {
			k++
		}
		if a.words[j+1].Text == "who" {
			return p, true
		}
		p.appStart, p.end = j+1, k
	}
	return p, true
}

// nameConnector says whether word i joins two capitalised words of one name:
// "Federation of Dock and Harbour Workers".
func (a *analysis) nameConnector(from, i int) bool {
	return i > from && i+1 < len(a.words) && nameConnectors[a.words[i].Text] && a.capitalized(i-1) && a.capitalized(i+1) && !determiners[a.words[i-1].Text]
}

// allNameWords says whether words [i, j) are all capitalised (a name).
func (a *analysis) allNameWords(i, j int) bool {
	for k := i; k < j; k++ {
		if !a.capitalized(k) && !(isApostrophe(a.raw[k]) && a.glued(k)) && !a.gluedHyphen(k) {
			return false
		}
	}
	return j > i
}
