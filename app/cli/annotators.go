package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate"
)

// annotatorsJSON is what `annotators --json` prints.
type annotatorsJSON struct {
	Annotators  []annotatorJSON  `json:"annotators"`
	Documents   int              `json:"documents"`
	Unannotated int              `json:"unannotated"`
	Single      int              `json:"single"`
	Shared      int              `json:"shared"`
	NeedSecond  []needSecondJSON `json:"need_second"`
}

type annotatorJSON struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	Spans     int    `json:"spans"`
	Done      int    `json:"done"`
	Curator   bool   `json:"curator"`
}

type needSecondJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Annotator string `json:"annotator"`
}

// needSecondShown caps the list of documents lacking a second annotator in the
// human output (--json lists them all).
const needSecondShown = 20

// runAnnotators is `newsmark annotators [--curator NAME] [--json]`: each
// annotator's documents, spans and documents done, and the documents that still
// lack a second annotator.
func runAnnotators(e *env, args []string) error {
	fs := flag.NewFlagSet("annotators", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	curator := fs.String("curator", annotate.DefaultCurator, "the curated layer, which does not count as an annotator")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usagef("annotators: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("annotators: unexpected argument %q", fs.Arg(0))
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	p, err := store.AnnotatorProgress(e.ctx, *curator)
	if err != nil {
		return err
	}
	if *asJSON {
		out := annotatorsJSON{Annotators: []annotatorJSON{}, Documents: p.Documents, Unannotated: p.Unannotated,
			Single: p.Single, Shared: p.Shared, NeedSecond: []needSecondJSON{}}
		for _, a := range p.Annotators {
			out.Annotators = append(out.Annotators, annotatorJSON{a.Name, a.Documents, a.Spans, a.Done, a.Name == *curator})
		}
		for _, d := range p.NeedSecond {
			out.NeedSecond = append(out.NeedSecond, needSecondJSON{d.ID, d.Title, d.Annotator})
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(table, "annotator\tdocuments\tdone\tspans\t")
	for _, a := range p.Annotators {
		name := a.Name
		if name == *curator {
			name += " (curated layer)"
		}
		fmt.Fprintf(table, "%s\t%d\t%d\t%d\t\n", name, a.Documents, a.Done, a.Spans)
	}
	if err := table.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %d annotated by two or more, %d by one (need a second), %d by none\n",
		plural(p.Documents, "document"), p.Shared, p.Single, p.Unannotated)
	for i, d := range p.NeedSecond {
		if i == needSecondShown {
			fmt.Fprintf(e.stdout, "  … and %d more (--json lists them all)\n", len(p.NeedSecond)-i)
			break
		}
		fmt.Fprintf(e.stdout, "  doc %d  only %s  %s\n", d.ID, d.Annotator, d.Title)
	}
	return nil
}
