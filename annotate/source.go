package annotate

import (
	"slices"
	"strings"
)

// SourceKind is what sort of speaker a source is.
type SourceKind string

const (
	SourceUnknown      SourceKind = "" // created from a bare name; nobody has said yet
	SourcePerson       SourceKind = "person"
	SourceOrganisation SourceKind = "organisation"
	SourceGroup        SourceKind = "group" // an unnamed group: "residents", "officials"
)

// ParseSourceKind reads a kind as typed ("organization" is accepted).
func ParseSourceKind(s string) (SourceKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return SourceUnknown, nil
	case "person":
		return SourcePerson, nil
	case "organisation", "organization", "org":
		return SourceOrganisation, nil
	case "group":
		return SourceGroup, nil
	}
	return "", Errorf(EINVALID, "unknown source kind %q (want person, organisation or group)", s)
}

// Source is a person, organisation or group statements are attributed to. It
// belongs to the project, not to one document: the ledger counts its statements
// across documents. Names and aliases are unique across sources, ignoring case.
type Source struct {
	ID      int64
	Name    string
	Kind    SourceKind
	Aliases []string // other ways the text names it: "Marrow", "the deputy mayor"
}

// NormalizeSourceName collapses runs of white space (NBSP included) to one space
// and trims the ends, so "Ilse\u00a0Marrow" and "Ilse Marrow" are one name.
func NormalizeSourceName(name string) string { return OneLine(name) }

// Validate checks the name, kind and aliases.
func (s Source) Validate() error {
	if NormalizeSourceName(s.Name) == "" {
		return Errorf(EINVALID, "a source needs a name")
	}
	if len(s.Name) > 200 {
		return Errorf(EINVALID, "source name %q is longer than 200 bytes", Clip(s.Name))
	}
	if _, err := ParseSourceKind(string(s.Kind)); err != nil {
		return Errorf(EINVALID, "source %s: %v", s.Name, err)
	}
	seen := map[string]bool{strings.ToLower(NormalizeSourceName(s.Name)): true}
	for _, alias := range s.Aliases {
		a := strings.ToLower(NormalizeSourceName(alias))
		if a == "" {
			return Errorf(EINVALID, "source %s: an alias cannot be empty", s.Name)
		}
		if seen[a] {
			return Errorf(EINVALID, "source %s: %q is given twice among its name and aliases", s.Name, alias)
		}
		seen[a] = true
	}
	return nil
}

// Names returns the source's name followed by its aliases.
func (s Source) Names() []string { return append([]string{s.Name}, s.Aliases...) }

// Known reports whether name is the source's name or one of its aliases,
// ignoring case and spacing.
func (s Source) Known(name string) bool {
	name = NormalizeSourceName(name)
	for _, n := range s.Names() {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// Merge folds from into s: from's name and aliases become aliases of s (once
// each, ignoring case), and s takes from's kind if it has none.
func (s Source) Merge(from Source) Source {
	out := s
	out.Aliases = slices.Clone(s.Aliases)
	for _, n := range from.Names() {
		if !out.Known(n) {
			out.Aliases = append(out.Aliases, NormalizeSourceName(n))
		}
	}
	if out.Kind == SourceUnknown {
		out.Kind = from.Kind
	}
	return out
}

// LedgerEntry is one line of the sources ledger: a source and how many of its
// statements each label has across documents.
type LedgerEntry struct {
	Source Source
	Counts map[string]int // by label name; the statement labels are present with zeros
	Total  int
}

// StatementLabels are the labels whose spans carry a source by default.
var StatementLabels = []string{"QUOTE", "CLAIM", "DEMAND"}
