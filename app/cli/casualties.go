package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate/dataset"
)

// casualtyJSON is one row of `casualties --json`; absent values are null.
type casualtyJSON struct {
	DocID     int64    `json:"doc_id"`
	Title     string   `json:"title"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Count     *float64 `json:"count"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Qualifier *string  `json:"qualifier"`
	Kind      *string  `json:"kind"`
	Group     *string  `json:"group"`
	Confirmed bool     `json:"confirmed"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func runCasualties(e *env, args []string) error {
	fs := flag.NewFlagSet("casualties", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print CSV")
	if err := fs.Parse(args); err != nil {
		return usagef("casualties: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("casualties: unexpected %q (casualties [--json|--csv])", fs.Arg(0))
	}
	if *asJSON && *asCSV {
		return usagef("casualties: --json or --csv, not both")
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	rows, err := store.Casualties(e.ctx)
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		out := make([]casualtyJSON, len(rows))
		for i, c := range rows {
			out[i] = casualtyJSON{DocID: c.DocID, Title: c.Title, Start: c.Start, End: c.End, Text: c.Text,
				Count: c.Count, Min: c.Min, Max: c.Max, Qualifier: optional(c.Qualifier), Kind: optional(c.Kind), Group: optional(c.Group),
				Confirmed: c.Confirmed}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case *asCSV:
		return dataset.WriteCasualtiesCSV(e.stdout, rows)
	}
	table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(table, "DOC\tFIGURE\tKIND\tQUALIFIER\tGROUP\tCONFIRMED\tTEXT")
	for _, c := range rows {
		confirmed := "parsed"
		if c.Confirmed {
			confirmed = "yes"
		}
		fmt.Fprintf(table, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", c.DocID, dash(c.FigureText()), dash(c.Kind), dash(c.Qualifier), dash(c.Group), confirmed, oneLine(c.Text, 60))
	}
	return table.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
