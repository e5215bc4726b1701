package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate"
)

// statsJSON is the shape of `stats --json`; the first three keys are a contract
// with pipelines, the rest may grow.
type statsJSON struct {
	Documents   int            `json:"documents"`
	Annotations int            `json:"annotations"`
	Labels      map[string]int `json:"labels"`
	ByStatus    map[string]int `json:"by_status"`
}

func runStats(e *env, args []string) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usagef("stats: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("stats: unexpected argument %q", fs.Arg(0))
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	stats, err := store.Stats(e.ctx)
	if err != nil {
		return err
	}
	labels, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	counts := make(map[string]int, len(labels))
	for _, label := range labels {
		counts[label.Name] = stats.Labels[label.Name]
	}
	for name, n := range stats.Labels {
		counts[name] = n
	}
	byStatus := map[string]int{}
	for _, status := range []annotate.Status{annotate.StatusNew, annotate.StatusInProgress, annotate.StatusDone} {
		byStatus[string(status)] = stats.ByStatus[status]
	}
	if *asJSON {
		out := statsJSON{Documents: stats.Documents, Annotations: stats.Annotations, Labels: counts, ByStatus: byStatus}
		enc := json.NewEncoder(e.stdout)
		return enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "documents    %d (new %d, in progress %d, done %d)\n", stats.Documents,
		byStatus[string(annotate.StatusNew)], byStatus[string(annotate.StatusInProgress)], byStatus[string(annotate.StatusDone)])
	fmt.Fprintf(e.stdout, "annotations  %d\n", stats.Annotations)
	table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, label := range labels {
		fmt.Fprintf(table, "  %s\t%d\n", label.Name, counts[label.Name])
	}
	return table.Flush()
}
