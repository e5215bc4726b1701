package annotate

import (
	"strconv"
	"strings"
)

// LabelCasualty is the default label of casualty figures.
const LabelCasualty = "CASUALTY"

// The values of the CASUALTY attributes kind and qualifier (README, "Casualty
// figures"); the default label set (assets/labels.json) declares them. A figure
// has count, or min and max for a range.
var (
	CasualtyKinds      = []string{"killed", "dead", "injured", "missing", "displaced", "affected"}
	CasualtyQualifiers = []string{"exact", "at least", "more than", "up to", "about", "vague"}
)

// CasualtyParser reads a casualty figure from a span's text and returns its
// attributes (count or min/max, kind, qualifier, group; absent ones left out),
// or nil when it finds no figure. The parser lives in annotate/casualty; taking
// it as a value keeps storage and the importers free of it.
type CasualtyParser func(text string) Attrs

// MarkParsed returns attrs with every value marked as a parser's guess.
func MarkParsed(attrs Attrs) Attrs {
	out := attrs.Clone()
	for k, v := range out {
		v.Parsed = true
		out[k] = v
	}
	return out
}

// Casualty is one row of the casualties table: a CASUALTY span with its figure.
type Casualty struct {
	DocID     int64
	Title     string
	SpanID    int64
	Start     int
	End       int
	Text      string
	Count     *float64
	Min       *float64
	Max       *float64
	Qualifier string
	Kind      string
	Group     string
	Confirmed bool   // no value is an unconfirmed parse
	Annotator string // who tagged the span
	Status    Status // the document's status
}

// CasualtyFromSpan reads the figure off a CASUALTY span's attributes.
func CasualtyFromSpan(title string, s Span) Casualty {
	c := Casualty{DocID: s.DocID, Title: title, SpanID: s.ID, Start: s.Start, End: s.End, Text: s.Text, Confirmed: s.Attrs.Confirmed()}
	number := func(name string) *float64 {
		if v, ok := s.Attrs[name]; ok && v.Type == AttrNumber {
			n := v.Number
			return &n
		}
		return nil
	}
	c.Count, c.Min, c.Max = number("count"), number("min"), number("max")
	c.Qualifier = strings.TrimSpace(s.Attrs["qualifier"].Text)
	c.Kind = strings.TrimSpace(s.Attrs["kind"].Text)
	c.Group = strings.TrimSpace(s.Attrs["group"].Text)
	return c
}

// FigureText is the figure as tables show it: the count, a range min–max, an open
// range (20+, ≤30), or "" when the figure has no number ("dozens").
func (c Casualty) FigureText() string {
	n := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	switch {
	case c.Count != nil:
		return n(c.Count)
	case c.Min != nil && c.Max != nil:
		return n(c.Min) + "–" + n(c.Max)
	case c.Min != nil:
		return n(c.Min) + "+"
	case c.Max != nil:
		return "≤" + n(c.Max)
	}
	return ""
}
