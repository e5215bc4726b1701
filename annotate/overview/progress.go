package overview

import (
	"slices"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// Progress is where annotation stands: documents per status for the project and per
// annotator, and spans made per day by each annotator.
type Progress struct {
	Documents   map[annotate.Status]int // the whole project
	ByAnnotator []AnnotatorProgress     // sorted by name
	Days        []time.Time             // every day from the first span to the last, in order
	SpansPerDay map[string][]int        // annotator -> spans on each of Days
	Annotators  []string                // the keys of SpansPerDay, sorted
}

// AnnotatorProgress is one annotator's documents per status.
type AnnotatorProgress struct {
	Annotator string
	Documents map[annotate.Status]int
}

// ComputeProgress applies the filter to the facts. The project's document counts
// honour only the status filter (documents have no label, annotator or day); an
// annotator's documents honour the annotator and status filters.
func ComputeProgress(facts annotate.OverviewFacts, filter Filter) Progress {
	progress := Progress{Documents: map[annotate.Status]int{}, SpansPerDay: map[string][]int{}}
	for _, status := range Statuses {
		if filter.keepsStatus(status) {
			progress.Documents[status] = facts.Documents[status]
		}
	}
	byAnnotator := map[string]map[annotate.Status]int{}
	for _, c := range facts.AnnotatorDocuments {
		if !filter.keepsAnnotator(c.Annotator) || !filter.keepsStatus(c.Status) {
			continue
		}
		if byAnnotator[c.Annotator] == nil {
			byAnnotator[c.Annotator] = map[annotate.Status]int{}
		}
		byAnnotator[c.Annotator][c.Status] += c.Documents
	}
	for _, name := range sortedKeys(byAnnotator) {
		progress.ByAnnotator = append(progress.ByAnnotator, AnnotatorProgress{Annotator: name, Documents: byAnnotator[name]})
	}

	perDay := map[string]map[time.Time]int{}
	var first, last time.Time
	for _, c := range facts.Spans {
		if !filter.keeps(c.Label, c.Annotator, c.Status, c.Day) {
			continue
		}
		day := dayOf(c.Day)
		if perDay[c.Annotator] == nil {
			perDay[c.Annotator] = map[time.Time]int{}
		}
		perDay[c.Annotator][day] += c.Spans
		if first.IsZero() || day.Before(first) {
			first = day
		}
		if day.After(last) {
			last = day
		}
	}
	if first.IsZero() {
		return progress
	}
	// Every day in between, so a chart over time shows idle days as zero rather
	// than joining the days around them.
	for day := first; !day.After(last); day = day.AddDate(0, 0, 1) {
		progress.Days = append(progress.Days, day)
	}
	progress.Annotators = sortedKeys(perDay)
	for _, name := range progress.Annotators {
		counts := make([]int, len(progress.Days))
		for i, day := range progress.Days {
			counts[i] = perDay[name][day]
		}
		progress.SpansPerDay[name] = counts
	}
	return progress
}

// Empty reports whether there is nothing to chart.
func (p Progress) Empty() bool {
	for _, n := range p.Documents {
		if n > 0 {
			return false
		}
	}
	return len(p.Days) == 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
