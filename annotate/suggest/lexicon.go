package suggest

import "strings"

// lexicon holds the word lists the rules read. Pattern files extend them by name
// (see Patterns): "CLAIM words verbs: alleged" adds a reporting verb.
type lexicon struct {
	reportingVerbs map[string]bool // said, told, added … (CLAIM words verbs)
	demandVerbs    map[string]bool // demanded, urged … (DEMAND words verbs)
	demandPhrasal  map[string]bool // verbs that demand only with "for"/"on": called, asked, appealed
	titles         map[string]bool // Minister, Mayor … stripped from a person's name (SOURCE words titles)
	orgWords       map[string]bool // ministry, agency … mark an organisation (SOURCE words organisations)
	objects        map[string]bool // reporters, supporters … after "told"
	extraReporting map[string]bool // reporting verbs from pattern files (take a bare clause)
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

func defaultLexicon() lexicon {
	return lexicon{
		reportingVerbs: set("said", "says", "say", "told", "tells", "added", "adds", "stated", "states",
			"claimed", "claims", "reported", "reports", "announced", "announces", "confirmed", "confirms",
			"warned", "warns", "insisted", "insists", "explained", "noted", "wrote", "writes", "argued",
			"argues", "estimated", "acknowledged", "declared", "alleged", "testified", "believes", "believed",
			"predicted", "admitted", "conceded", "maintained", "reiterated", "asserted", "contended"),
		demandVerbs: set("demand", "demands", "demanded", "demanding", "urge", "urges", "urged", "urging",
			"order", "orders", "ordered", "ordering", "insist", "insists", "insisted", "insisting",
			"require", "requires", "required", "requiring", "press", "pressed", "pressing"),
		demandPhrasal: set("call", "calls", "called", "calling", "ask", "asks", "asked", "asking",
			"appeal", "appeals", "appealed", "appealing", "push", "pushed", "pushing", "press", "pressed"),
		titles: set("minister", "mayor", "president", "commander", "director", "secretary", "governor",
			"chief", "senator", "general", "spokesman", "spokeswoman", "spokesperson", "dr", "mr", "mrs",
			"ms", "prof", "professor", "judge", "ambassador", "premier", "chancellor", "king", "queen",
			"prince", "princess", "pope", "captain", "colonel", "major", "lieutenant", "sergeant", "sheikh",
			"deputy", "prime", "foreign", "defence", "defense", "interior", "finance", "health", "transport",
			"justice", "labour", "labor", "education", "economy", "trade", "energy", "candidate", "leader",
			"chairman", "chairwoman", "chair", "ceo", "head", "officer", "inspector", "commissioner",
			"councillor", "councilor", "representative", "rep", "sen", "gov", "gen", "col", "lt", "capt",
			// occupations written before a name like a title: "Journalist Elena Sokol"
			"journalist", "activist", "lawyer", "attorney", "reporter", "coach", "bishop", "archbishop",
			"cardinal", "rabbi", "imam", "pastor", "detective", "economist", "analyst", "dissident", "blogger"),
		orgWords: set("ministry", "agency", "union", "commission", "association", "federation", "shipping",
			"institute", "nations", "service", "office", "frontières", "frontieres", "party", "council",
			"court", "army", "police", "government", "authority", "company", "group", "bank", "committee",
			"organization", "organisation", "cross", "crescent", "department", "guard", "forces", "coalition",
			"alliance", "parliament", "assembly", "board", "corporation", "inc", "ltd", "network", "fund",
			"programme", "program", "centre", "center", "university", "hospital", "school", "federal",
			"club", "league", "movement", "front", "command", "military", "navy", "embassy", "administration",
			"cabinet", "senate", "congress", "campaign", "house", "press", "media", "news", "times", "post", "solidarity",
			"unit", "bureau", "tribunal", "panel", "foundation", "trust", "society", "secretariat", "directorate",
			"inspectorate", "observatory", "delegation", "confederation", "chamber", "regulator", "watchdog"),
		objects: set("reporters", "journalists", "supporters", "lawmakers", "parliament", "newsmark",
			"reuters", "ap", "afp", "bbc", "cnn", "television", "radio", "press", "members", "crowd", "crowds",
			"delegates", "students", "workers", "residents", "parliament", "council", "court", "committee"),
	}
}

// Word classes, looked up once per word (run.class) instead of once per rule.
const (
	classReporting uint8 = 1 << iota
	classDemand
	classPhrasal
	classDemandOther // want/wants/wanted, gave/give/gives/given, according
)

// classes builds the one map the rules' per-word tests read.
func (l lexicon) classes() map[string]uint8 {
	m := map[string]uint8{}
	for w := range l.reportingVerbs {
		m[w] |= classReporting
	}
	for w := range l.demandVerbs {
		m[w] |= classDemand
	}
	for w := range l.demandPhrasal {
		m[w] |= classPhrasal
	}
	for _, w := range []string{"want", "wants", "wanted", "gave", "give", "gives", "given", "according"} {
		m[w] |= classDemandOther
	}
	return m
}

// extend returns a copy of the lexicon with the pattern files' word lists added.
func (l lexicon) extend(lists map[string][]string) lexicon {
	add := func(m map[string]bool, words []string) map[string]bool {
		out := make(map[string]bool, len(m)+len(words))
		for w := range m {
			out[w] = true
		}
		for _, w := range words {
			out[strings.ToLower(w)] = true
		}
		return out
	}
	for name, words := range lists {
		switch name {
		case "CLAIM verbs":
			l.reportingVerbs = add(l.reportingVerbs, words)
			l.extraReporting = add(l.extraReporting, words)
		case "DEMAND verbs":
			l.demandVerbs = add(l.demandVerbs, words)
		case "SOURCE titles":
			l.titles = add(l.titles, words)
		case "SOURCE organisations":
			l.orgWords = add(l.orgWords, words)
		}
	}
	return l
}

// Words that end a noun phrase when walking left from a verb.
var npStops = set("and", "but", "or", "that", "which", "who", "whom", "whose", "when", "while", "as",
	"because", "if", "unless", "after", "before", "since", "than", "was", "were", "is", "are", "be",
	"been", "being", "had", "has", "have", "do", "does", "did", "will", "would", "could", "should", "may",
	"might", "must", "can", "not", "also", "then", "in", "on", "at", "by", "for", "from", "with", "to",
	"of", "into", "about", "over", "under", "it", "this", "there", "so", "later", "earlier", "say", "said",
	"says", "later", "however", "meanwhile")

var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our")

var personPronouns = set("he", "she", "him", "her")
var groupPronouns = set("they", "it", "we")

// Auxiliaries between a party and its demand verb: "is demanding", "has asked".
var auxiliaries = set("is", "are", "was", "were", "has", "have", "had", "will", "would", "also", "again",
	"repeatedly", "on", "been", "now", "then", "later", "publicly", "formally")

// Prepositions and time words that open a modifier after "said" ("said on Friday",
// "said in a statement") rather than the reported clause.
var modifierStarts = set("on", "in", "at", "late", "early", "earlier", "later", "by", "during", "after",
	"before", "via", "through", "from", "of", "yesterday", "today", "tonight", "last", "this",
	"overnight", "separately", "privately", "publicly", "repeatedly", "again", "also", "then", "when",
	"while", "with", "without", "to", "outside", "inside", "speaking")
