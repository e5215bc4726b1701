package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/chart"
)

// statsJSON is the shape of `stats --json`; the first three keys are a contract
// with pipelines, the rest may grow.
type statsJSON struct {
	Documents   int            `json:"documents"`
	Annotations int            `json:"annotations"`
	Labels      map[string]int `json:"labels"`
	ByStatus    map[string]int `json:"by_status"`
	// Annotators counts each annotator's spans, per label, and the documents
	// holding them; SpansPerDay the spans created each day (UTC) by each annotator.
	Annotators  map[string]annotatorStats `json:"annotators"`
	SpansPerDay map[string]map[string]int `json:"spans_per_day"`
}

type annotatorStats struct {
	Spans     int            `json:"spans"`
	Documents int            `json:"documents"`
	Labels    map[string]int `json:"labels"`
}

// annotatorActivity folds the overview's counts into per-annotator totals and
// spans per day.
func annotatorActivity(facts annotate.OverviewFacts) (map[string]annotatorStats, map[string]map[string]int) {
	annotators := map[string]annotatorStats{}
	perDay := map[string]map[string]int{}
	for _, c := range facts.AnnotatorDocuments {
		a := annotators[c.Annotator]
		a.Documents += c.Documents
		annotators[c.Annotator] = a
	}
	for _, c := range facts.Spans {
		a := annotators[c.Annotator]
		if a.Labels == nil {
			a.Labels = map[string]int{}
		}
		a.Spans += c.Spans
		a.Labels[c.Label] += c.Spans
		annotators[c.Annotator] = a
		day := c.Day.Format(time.DateOnly)
		if perDay[day] == nil {
			perDay[day] = map[string]int{}
		}
		perDay[day][c.Annotator] += c.Spans
	}
	return annotators, perDay
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
	facts, err := store.OverviewFacts(e.ctx)
	if err != nil {
		return err
	}
	annotators, perDay := annotatorActivity(facts)
	byStatus := map[string]int{}
	for _, status := range []annotate.Status{annotate.StatusNew, annotate.StatusInProgress, annotate.StatusDone} {
		byStatus[string(status)] = stats.ByStatus[status]
	}
	if *asJSON {
		out := statsJSON{Documents: stats.Documents, Annotations: stats.Annotations, Labels: counts, ByStatus: byStatus,
			Annotators: annotators, SpansPerDay: perDay}
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
	if len(annotators) > 0 {
		fmt.Fprintf(table, "annotators\n")
		for _, name := range slices.Sorted(maps.Keys(annotators)) {
			fmt.Fprintf(table, "  %s\t%d spans in %d documents\n", chart.DisplayAnnotator(name), annotators[name].Spans, annotators[name].Documents)
		}
	}
	return table.Flush()
}
