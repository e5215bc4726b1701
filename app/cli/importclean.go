package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/newsmark/newsmark/annotate/dataset"
)

// cleanLog collects what import --clean removed, file by file; the reader reports
// from its own goroutine.
type cleanLog struct {
	mu      sync.Mutex
	reports []dataset.CleanReport
}

func (l *cleanLog) add(r dataset.CleanReport) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports = append(l.reports, r)
}

// print lists every removed line under its file, then a count per reason:
// stored text never changes without the user seeing how.
func (l *cleanLog) print(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	byReason := map[string]int{}
	lines, files := 0, 0
	for _, r := range l.reports {
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
