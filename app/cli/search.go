package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// searchJSON is one result of `search --json`. doc_id, title, start, end (code
// points), label, text and score are a contract with pipelines; the rest may grow.
type searchJSON struct {
	DocID     int64  `json:"doc_id"`
	Title     string `json:"title"`
	SpanID    int64  `json:"span_id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Label     string `json:"label"`
	Text      string `json:"text"`
	Score     int    `json:"score"`
	Annotator string `json:"annotator"`
	Note      string `json:"note,omitempty"`
	Matched   []int  `json:"matched"` // code-point indexes into text
}

// runSearch is `newsmark search [--label L]... [--annotator A] [--doc ID] [--status S] [--limit N] [--json]
// QUERY`: it runs the fuzzy search over every span and prints the best matches
// first. Flags may come before or after the query words; the words form one query.
// With no query it lists the most recently changed annotations.
func runSearch(e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var labels stringList
	fs.Var(&labels, "label", "only spans with this label (repeatable, or comma-separated)")
	annotator := fs.String("annotator", "", "only spans by this annotator")
	docID := fs.Int64("doc", 0, "only spans in the document with this id (see doc_id in --json)")
	status := fs.String("status", "", "only spans in documents with this status: new, in_progress or done")
	limit := fs.Int("limit", search.DefaultLimit, "print at most N results")
	asJSON := fs.Bool("json", false, "print a JSON array")
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("search: %v", err)
	}
	if *docID < 0 {
		return usagef("search: --doc must be a document id, not %d", *docID)
	}
	if *limit <= 0 {
		return usagef("search: --limit must be at least 1, not %d", *limit)
	}
	if *status != "" && !annotate.Status(*status).Valid() {
		return usagef("search: unknown status %q (want new, in_progress or done)", *status)
	}
	query := strings.Join(words, " ")

	store, err := e.store()
	if err != nil {
		return err
	}
	if err := checkSearchLabels(e, store, labels); err != nil {
		return err
	}
	// One query, so no index is kept: Find searches the spans batch by batch as
	// they stream from the database. That keeps the live heap small, so with the
	// default GOGC the collector would run every few megabytes of the 100,000 rows'
	// short-lived strings: a quarter of the command's time. A one-shot command can
	// afford the memory; the setting is restored when it returns.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	results, err := search.Find(e.ctx, store.AllSpans(e.ctx), query, search.Options{
		Labels:    labels,
		Annotator: *annotator,
		DocID:     *docID,
		Status:    annotate.Status(*status),
		Limit:     *limit,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return printSearchJSON(e, results)
	}
	if len(results) == 0 {
		fmt.Fprintf(e.stderr, "no annotations match %q\n", query)
		return nil
	}
	return printSearchTable(e, results)
}

func printSearchJSON(e *env, results []search.Result) error {
	out := make([]searchJSON, len(results))
	for i, r := range results {
		out[i] = searchJSON{
			DocID: r.Record.DocID, Title: r.Record.DocTitle, SpanID: r.Record.ID,
			Start: r.Record.Start, End: r.Record.End, Label: r.Record.Label, Text: r.Record.Text,
			Score: r.Score, Annotator: r.Record.Annotator, Note: r.Record.Note, Matched: r.Matched,
		}
		if out[i].Matched == nil {
			out[i].Matched = []int{}
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("search: write results: %w", err)
	}
	return nil
}

// Column widths, in code points, for the human listing.
const (
	searchTitleWidth = 40
	searchTextWidth  = 160
)

func printSearchTable(e *env, results []search.Result) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCORE\tLABEL\tDOCUMENT\tSPAN\tTEXT")
	for _, r := range results {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d-%d\t%s\n", r.Score, r.Record.Label,
			oneLine(r.Record.DocTitle, searchTitleWidth), r.Record.Start, r.Record.End,
			oneLine(r.Record.Text, searchTextWidth))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("search: write results: %w", err)
	}
	return nil
}

// oneLine collapses s onto one line (tabs and line breaks would break the columns)
// and shortens it to width code points.
func oneLine(s string, width int) string {
	s = annotate.OneLine(s)
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	return string([]rune(s)[:width-1]) + "…"
}

// checkSearchLabels names a --label the database does not know, rather than
// answering that no annotations match it (search compares labels ignoring case).
func checkSearchLabels(e *env, store annotate.Store, labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	known, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	for _, name := range labels {
		normalized := annotate.NormalizeLabelName(name)
		if !slices.ContainsFunc(known, func(l annotate.Label) bool { return strings.EqualFold(l.Name, normalized) }) {
			return fmt.Errorf("search: no label named %q (labels: %s)", annotate.Clip(name), labelNames(known))
		}
	}
	return nil
}
