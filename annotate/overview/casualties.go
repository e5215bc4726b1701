package overview

import (
	"slices"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// CasualtyPoint is one reported figure placed on its document's date.
type CasualtyPoint struct {
	Date     time.Time
	Value    float64 // the count; for a range its middle; for "at least 20" 20
	Casualty annotate.Casualty
}

// CasualtySeries is the casualty figures by kind (killed, injured, displaced …),
// each series in date order, and the figures that carry no number (vague ones,
// "dozens"), which a chart cannot place.
type CasualtySeries struct {
	Kinds    []string                   // in the convention's order, then others by name
	ByKind   map[string][]CasualtyPoint // kind -> points in date order
	NoNumber int
}

// ComputeCasualties places each CASUALTY span that passes the filter on its
// document's date. The label filter keeps them only if it names CASUALTY; a span
// without a kind is charted as "unspecified".
func ComputeCasualties(facts annotate.OverviewFacts, filter Filter) CasualtySeries {
	series := CasualtySeries{ByKind: map[string][]CasualtyPoint{}}
	if !filter.keepsLabel(annotate.LabelCasualty) {
		return series
	}
	for _, c := range facts.Casualties {
		date, ok := facts.DocumentDates[c.DocID]
		if !ok || !filter.keepsAnnotator(c.Annotator) || !filter.keepsStatus(c.Status) || !filter.keepsDay(date) {
			continue
		}
		value, ok := figureValue(c)
		if !ok {
			series.NoNumber++
			continue
		}
		kind := c.Kind
		if kind == "" {
			kind = "unspecified"
		}
		series.ByKind[kind] = append(series.ByKind[kind], CasualtyPoint{Date: date, Value: value, Casualty: c})
	}
	for _, kind := range annotate.CasualtyKinds {
		if _, ok := series.ByKind[kind]; ok {
			series.Kinds = append(series.Kinds, kind)
		}
	}
	for _, kind := range sortedKeys(series.ByKind) {
		if !slices.Contains(series.Kinds, kind) {
			series.Kinds = append(series.Kinds, kind)
		}
	}
	for _, points := range series.ByKind {
		slices.SortStableFunc(points, func(a, b CasualtyPoint) int { return a.Date.Compare(b.Date) })
	}
	return series
}

// Points is how many figures the series hold.
func (s CasualtySeries) Points() int {
	n := 0
	for _, points := range s.ByKind {
		n += len(points)
	}
	return n
}

// figureValue is the number a chart places: the count, else the middle of a
// range, else its one known end.
func figureValue(c annotate.Casualty) (float64, bool) {
	switch {
	case c.Count != nil:
		return *c.Count, true
	case c.Min != nil && c.Max != nil:
		return (*c.Min + *c.Max) / 2, true
	case c.Min != nil:
		return *c.Min, true
	case c.Max != nil:
		return *c.Max, true
	}
	return 0, false
}
