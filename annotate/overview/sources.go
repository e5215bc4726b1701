package overview

import (
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// SourceCounts is the most quoted sources: for each source (a bar, most statements
// first), the statements of each label (a segment).
type SourceCounts struct {
	Sources []string
	Labels  []string         // the statement labels that occur, in the label set's order
	Counts  map[string][]int // label -> statements of each source, aligned with Sources
	Totals  []int            // statements of each source, aligned with Sources
}

// ComputeSourceCounts ranks sources by their statements that pass the filter and
// keeps the top n (all when n <= 0). Ties go to the name, so the order is stable.
func ComputeSourceCounts(facts annotate.OverviewFacts, labels []annotate.Label, filter Filter, n int) SourceCounts {
	perSource := map[string]map[string]int{}
	total := map[string]int{}
	for _, c := range facts.Sources {
		if !filter.keeps(c.Label, c.Annotator, c.Status, c.Day) {
			continue
		}
		if perSource[c.Source] == nil {
			perSource[c.Source] = map[string]int{}
		}
		perSource[c.Source][c.Label] += c.Spans
		total[c.Source] += c.Spans
	}
	sources := sortedKeys(perSource)
	slices.SortStableFunc(sources, func(a, b string) int { return total[b] - total[a] })
	if n > 0 && len(sources) > n {
		sources = sources[:n]
	}
	result := SourceCounts{Sources: sources, Counts: map[string][]int{}}
	present := map[string]bool{}
	for _, s := range sources {
		result.Totals = append(result.Totals, total[s])
		for label := range perSource[s] {
			present[label] = true
		}
	}
	for _, label := range labels {
		if present[label.Name] {
			result.Labels = append(result.Labels, label.Name)
			delete(present, label.Name)
		}
	}
	result.Labels = append(result.Labels, sortedKeys(present)...)
	for _, label := range result.Labels {
		counts := make([]int, len(sources))
		for i, s := range sources {
			counts[i] = perSource[s][label]
		}
		result.Counts[label] = counts
	}
	return result
}
