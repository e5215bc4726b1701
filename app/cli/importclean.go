package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsmark/newsmark/annotate/dataset"
)

// printCleanReports lists every removed line under its file, then a count per
// reason: stored text never changes without the user seeing how.
func printCleanReports(w io.Writer, reports []dataset.CleanReport) {
	byReason := map[string]int{}
	lines, files := 0, 0
	for _, r := range reports {
		if r.Unchanged {
			fmt.Fprintf(w, "%s: every line looks like boilerplate; kept whole\n", r.Path)
			continue
		}
		files++
		fmt.Fprintf(w, "%s: removed %s\n", r.Path, plural(len(r.Removed), "line"))
		for _, line := range r.Removed {
			fmt.Fprintf(w, "  line %d (%s): %s\n", line.Line, line.Reason, line.Text)
			byReason[line.Reason]++
			lines++
		}
	}
	if lines == 0 {
		fmt.Fprintln(w, "cleaned: no boilerplate lines found")
		return
	}
	reasons := make([]string, 0, len(byReason))
	for reason, n := range byReason {
		reasons = append(reasons, fmt.Sprintf("%s %d", reason, n))
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "cleaned: removed %s from %s (%s)\n", plural(lines, "line"), plural(files, "file"), strings.Join(reasons, ", "))
}
