package overview

import "github.com/newsmark/newsmark/annotate"

// Grouping is what a label chart's bars are stacked by.
type Grouping string

const (
	ByAnnotator Grouping = "annotator"
	ByStatus    Grouping = "status"
)

// LabelCounts is a stacked bar chart's numbers: for each label (a bar), the spans of
// each group (a segment).
type LabelCounts struct {
	Labels []string         // bars, in the label set's order
	Groups []string         // segments: annotators sorted by name, or statuses in workflow order
	Counts map[string][]int // group -> spans of each label, aligned with Labels
	By     Grouping
}

// ComputeLabelCounts counts spans per label, stacked by annotator or by document
// status. labels gives the bars' order (the label set's); a label that has spans but
// is missing from it is added at the end.
func ComputeLabelCounts(facts annotate.OverviewFacts, labels []annotate.Label, filter Filter, by Grouping) LabelCounts {
	result := LabelCounts{Counts: map[string][]int{}, By: by}
	index := map[string]int{}
	addLabel := func(name string) {
		if _, ok := index[name]; !ok && filter.keepsLabel(name) {
			index[name] = len(result.Labels)
			result.Labels = append(result.Labels, name)
		}
	}
	for _, label := range labels {
		addLabel(label.Name)
	}
	totals := map[string]map[string]int{} // group -> label -> spans
	for _, c := range facts.Spans {
		if !filter.keeps(c.Label, c.Annotator, c.Status, c.Day) {
			continue
		}
		addLabel(c.Label)
		group := c.Annotator
		if by == ByStatus {
			group = string(c.Status)
		}
		if totals[group] == nil {
			totals[group] = map[string]int{}
		}
		totals[group][c.Label] += c.Spans
	}
	if by == ByStatus {
		for _, status := range Statuses {
			if filter.keepsStatus(status) {
				result.Groups = append(result.Groups, string(status))
			}
		}
	} else {
		result.Groups = sortedKeys(totals)
	}
	for _, group := range result.Groups {
		counts := make([]int, len(result.Labels))
		for label, n := range totals[group] {
			counts[index[label]] = n
		}
		result.Counts[group] = counts
	}
	return result
}

// Total is the number of spans counted.
func (c LabelCounts) Total() int {
	total := 0
	for _, counts := range c.Counts {
		for _, n := range counts {
			total += n
		}
	}
	return total
}
