package dataset

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// ChangedTotal is how many spans a BIO export widened to whole tokens.
func (s ExportSummary) ChangedTotal() int { return sumCounts(s.Changed) }

// DroppedTotal is how many spans a BIO export left out.
func (s ExportSummary) DroppedTotal() int { return sumCounts(s.Dropped) }

func sumCounts(counts map[string]int) int {
	total := 0
	for _, n := range counts {
		total += n
	}
	return total
}

// ByStatus writes documents per status as " (8 done, 3 in progress, 1 new)",
// statuses in that order, or "" when there are none: how an export says what was
// reviewed.
func ByStatus(counts map[annotate.Status]int) string {
	var parts []string
	for _, s := range []annotate.Status{annotate.StatusDone, annotate.StatusInProgress, annotate.StatusNew} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s.Display()))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// PerLabel writes per-label counts as " (CLAIM 2, QUOTE 1)", labels in name
// order, or "" when there are none: the form both the command line and the
// export dialog report changed and dropped spans in.
func PerLabel(counts map[string]int) string {
	if len(counts) == 0 {
		return ""
	}
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = fmt.Sprintf("%s %d", name, counts[name])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
