package suggest

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/casualty"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// PatternsFileName is the pattern file Newsmark reads from the database's folder.
const PatternsFileName = "suggest-patterns.txt"

// Patterns are the user's own suggestion patterns, read by ParsePatterns (the
// format is in the package comment).
type Patterns struct {
	lists    map[string][]string // "DEMAND verbs", "SOURCE titles", or a user list "@name"
	patterns []pattern
}

type pattern struct {
	label string
	rule  string
	items []item
}

type itemKind uint8

const (
	itemWord   itemKind = iota // one of words
	itemAny                    // *
	itemNumber                 // #
	itemGroup                  // [ … ]: optional sequence
)

type item struct {
	kind     itemKind
	words    map[string]bool
	listName string // @name, resolved after parsing
	line     int
	group    []item
}

var builtinLists = map[string]map[string]bool{
	LabelClaim:  {"verbs": true},
	LabelDemand: {"verbs": true},
	LabelSource: {"titles": true, "organisations": true},
}

// ParsePatterns reads a pattern file; name is used in errors ("FILE line N: …").
// More files can be merged with Merge.
func ParsePatterns(r io.Reader, name string) (*Patterns, error) {
	p := &Patterns{lists: map[string][]string{}}
	scanner := bufio.NewScanner(r)
	var errs []string
	var pending []*item
	for line := 1; scanner.Scan(); line++ {
		text := strings.TrimSpace(scanner.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := p.parseLine(text, line, &pending); err != nil {
			errs = append(errs, fmt.Sprintf("%s line %d: %v", name, line, err))
		}
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	for _, it := range pending {
		words, ok := p.lists["@"+it.listName]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s line %d: no word list named %q (define it with `LABEL words %s: a, b, c`)", name, it.line, it.listName, it.listName))
			continue
		}
		it.words = set(words...)
	}
	if len(errs) > 0 {
		return nil, annotate.Errorf(annotate.EINVALID, "%s", strings.Join(errs, "\n"))
	}
	return p, nil
}

// Merge adds other's lists and patterns to p.
func (p *Patterns) Merge(other *Patterns) {
	if other == nil {
		return
	}
	for k, v := range other.lists {
		p.lists[k] = append(p.lists[k], v...)
	}
	p.patterns = append(p.patterns, other.patterns...)
}

// Len is the number of patterns (word lists not counted).
func (p *Patterns) Len() int { return len(p.patterns) }

func (p *Patterns) parseLine(text string, line int, pending *[]*item) error {
	fields := strings.Fields(text)
	if len(fields) < 3 {
		return fmt.Errorf("want `LABEL phrase|words|tokens …`, got %q", text)
	}
	label := strings.ToUpper(fields[0])
	switch label {
	case LabelQuote, LabelClaim, LabelDemand, LabelCasualty, LabelSource:
	default:
		return fmt.Errorf("unknown label %q (want QUOTE, CLAIM, DEMAND, CASUALTY or SOURCE)", fields[0])
	}
	kind := strings.ToLower(fields[1])
	body := strings.TrimSpace(text[strings.Index(text, fields[1])+len(fields[1]):])
	switch kind {
	case "phrase":
		words := dataset.Tokenize(body)
		if len(words) == 0 {
			return fmt.Errorf("empty phrase")
		}
		items := make([]item, len(words))
		for i, w := range words {
			items[i] = item{kind: itemWord, words: set(w.Text), line: line}
		}
		p.patterns = append(p.patterns, pattern{label: label, rule: fmt.Sprintf("%s: phrase %q (patterns line %d)", label, body, line), items: items})
	case "words":
		colon := strings.Index(body, ":")
		if colon < 0 {
			return fmt.Errorf("a word list is `%s words NAME: word, word, …` (missing \":\")", label)
		}
		listName := strings.TrimSpace(body[:colon])
		if listName == "" || strings.ContainsAny(listName, " \t@") {
			return fmt.Errorf("bad word list name %q (one word, no @)", listName)
		}
		var words []string
		for _, w := range strings.Split(body[colon+1:], ",") {
			if w = strings.TrimSpace(w); w != "" {
				words = append(words, strings.ToLower(w))
			}
		}
		if len(words) == 0 {
			return fmt.Errorf("word list %q is empty", listName)
		}
		if builtinLists[label][listName] {
			p.lists[label+" "+listName] = append(p.lists[label+" "+listName], words...)
		} else {
			p.lists["@"+listName] = append(p.lists["@"+listName], words...)
		}
	case "tokens":
		items, err := parseItems(body, line, pending)
		if err != nil {
			return err
		}
		if len(items) == 0 || allOptional(items) {
			return fmt.Errorf("a token pattern needs at least one part that is not optional")
		}
		p.patterns = append(p.patterns, pattern{label: label, rule: fmt.Sprintf("%s: tokens %q (patterns line %d)", label, body, line), items: items})
	default:
		return fmt.Errorf("unknown pattern kind %q (want phrase, words or tokens)", fields[1])
	}
	return nil
}

func allOptional(items []item) bool {
	for _, it := range items {
		if it.kind != itemGroup {
			return false
		}
	}
	return true
}

// parseItems reads a token pattern: words (alternatives joined by "|"), @list,
// # (a number), * (any word) and [ … ] around optional parts.
func parseItems(body string, line int, pending *[]*item) ([]item, error) {
	body = strings.ReplaceAll(strings.ReplaceAll(body, "[", " [ "), "]", " ] ")
	stack := [][]item{nil}
	for _, f := range strings.Fields(body) {
		top := len(stack) - 1
		switch {
		case f == "[":
			stack = append(stack, nil)
		case f == "]":
			if top == 0 {
				return nil, fmt.Errorf("\"]\" without \"[\"")
			}
			group := stack[top]
			if len(group) == 0 {
				return nil, fmt.Errorf("empty optional part \"[]\"")
			}
			stack = stack[:top]
			stack[top-1] = append(stack[top-1], item{kind: itemGroup, group: group, line: line})
		case f == "*":
			stack[top] = append(stack[top], item{kind: itemAny, line: line})
		case f == "#":
			stack[top] = append(stack[top], item{kind: itemNumber, line: line})
		case strings.HasPrefix(f, "@"):
			if len(f) == 1 {
				return nil, fmt.Errorf("\"@\" needs a word list name")
			}
			stack[top] = append(stack[top], item{kind: itemWord, listName: f[1:], line: line})
		default:
			words := map[string]bool{}
			for _, alt := range strings.Split(f, "|") {
				if alt != "" {
					words[strings.ToLower(alt)] = true
				}
			}
			if len(words) == 0 {
				return nil, fmt.Errorf("empty alternative in %q", f)
			}
			stack[top] = append(stack[top], item{kind: itemWord, words: words, line: line})
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("\"[\" without \"]\"")
	}
	items := stack[0]
	collectPending(items, pending)
	return items, nil
}

// collectPending records the @list items to resolve once the whole file is read.
// The pointers stay valid: the slices are not appended to after parsing.
func collectPending(items []item, pending *[]*item) {
	for i := range items {
		if items[i].listName != "" {
			*pending = append(*pending, &items[i])
		}
		if items[i].kind == itemGroup {
			collectPending(items[i].group, pending)
		}
	}
}

// matchItems matches items at word i and returns the end (exclusive) of the
// longest match, or -1.
func (a *analysis) matchItems(items []item, i int) int {
	if len(items) == 0 {
		return i
	}
	it := items[0]
	switch it.kind {
	case itemGroup:
		best := -1
		if j := a.matchItems(it.group, i); j >= 0 {
			best = a.matchItems(items[1:], j)
		}
		if j := a.matchItems(items[1:], i); j > best {
			best = j
		}
		return best
	case itemAny:
		if i >= len(a.words) {
			return -1
		}
		return a.matchItems(items[1:], i+1)
	case itemNumber:
		_, n := casualty.NumberAt(a.words, i)
		if n == 0 {
			return -1
		}
		return a.matchItems(items[1:], i+n)
	default:
		if i >= len(a.words) || !it.words[a.words[i].Text] {
			return -1
		}
		return a.matchItems(items[1:], i+1)
	}
}

func (r *run) userPatterns(p *Patterns) {
	a := r.a
	for _, pat := range p.patterns {
		for i := 0; i < len(a.words); i++ {
			if end := a.matchItems(pat.items, i); end > i {
				sug := r.add(pat.label, i, end, pat.rule, 0.6, nil)
				if sug != nil && pat.label == LabelCasualty {
					sug.Attrs = casualty.ParseWords(a.words[i:end]).Attrs()
				}
				i = end - 1
			}
		}
	}
}
