package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strconv"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
)

// agreementJSON is what `agreement --json` prints. The keys of a pair and the
// first seven keys of a measure are the contract the issue fixed; the rest may
// grow. Undefined figures (no spans, expected agreement of 1) are null.
type agreementJSON struct {
	Pairs []pairJSON `json:"pairs"`
}

type pairJSON struct {
	A         string                  `json:"a"`
	B         string                  `json:"b"`
	Documents int                     `json:"documents"`
	Micro     measuresJSON            `json:"micro"`
	Labels    map[string]measuresJSON `json:"labels"`
}

type measuresJSON struct {
	ASpans           int      `json:"a_spans"`
	BSpans           int      `json:"b_spans"`
	ExactMatches     int      `json:"exact_matches"`
	ExactF1          *float64 `json:"exact_f1"`
	OverlapF1        *float64 `json:"overlap_f1"`
	AlphaU           *float64 `json:"alpha_u"`
	Kappa            *float64 `json:"kappa"`
	OverlapMatches   int      `json:"overlap_matches"`
	ExactPrecision   *float64 `json:"exact_precision"`
	ExactRecall      *float64 `json:"exact_recall"`
	OverlapPrecision *float64 `json:"overlap_precision"`
	OverlapRecall    *float64 `json:"overlap_recall"`
	KappaItems       int      `json:"kappa_items"`
	// Source agreement on overlap-matched statements where either names a
	// source (attrs.source, else the linked SOURCE mention's words).
	SourceAgreement *float64 `json:"source_agreement"`
	SourcePairs     int      `json:"source_pairs"`
}

func number(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func measuresOf(m agreement.Measures) measuresJSON {
	return measuresJSON{
		ASpans: m.ASpans, BSpans: m.BSpans, ExactMatches: m.ExactMatches,
		ExactF1: number(m.ExactF1()), OverlapF1: number(m.OverlapF1()),
		AlphaU: number(m.AlphaU), Kappa: number(m.Kappa),
		OverlapMatches: m.OverlapMatches,
		ExactPrecision: number(m.ExactPrecision()), ExactRecall: number(m.ExactRecall()),
		OverlapPrecision: number(m.OverlapPrecision()), OverlapRecall: number(m.OverlapRecall()),
		KappaItems:      m.KappaItems,
		SourceAgreement: number(m.SourceAgreement()), SourcePairs: m.SourcePairs,
	}
}

// runAgreement is `newsmark agreement [--annotators A,B] [--label L]... [--doc ID]...
// [--curator NAME] [--json]`: agreement between every pair of annotators over
// the documents both annotated (both have at least one span there, of any
// label).
func runAgreement(e *env, args []string) error {
	fs := flag.NewFlagSet("agreement", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var annotators, labels, docArgs stringList
	fs.Var(&annotators, "annotators", "compare only these annotators (comma-separated, at least two); default every annotator but the curated layer")
	fs.Var(&labels, "label", "only this label (repeatable, or comma-separated)")
	fs.Var(&docArgs, "doc", "only this document id (repeatable)")
	curator := fs.String("curator", annotate.DefaultCurator, "the curated layer, left out unless named in --annotators")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usagef("agreement: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("agreement: unexpected argument %q", fs.Arg(0))
	}
	docIDs, err := parseDocIDs(docArgs)
	if err != nil {
		return usagef("agreement: %v", err)
	}
	if len(annotators) == 1 {
		return usagef("agreement: --annotators needs at least two names, got %q", annotators[0])
	}
	for _, l := range labels {
		if err := (annotate.Label{Name: l, Color: annotate.FallbackColor(0)}).Validate(); err != nil {
			return usagef("agreement: --label: %v", err)
		}
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	// A one-shot command holding every span in memory: fewer collections, as in
	// search (the setting is restored when the command returns).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	comparison, err := agreement.ComparePairs(e.ctx, store, agreement.PairOptions{
		Annotators: annotators, Labels: labels, DocIDs: docIDs, Curator: *curator,
	})
	if err != nil {
		return err
	}
	pairs, titles := comparison.Pairs, comparison.Titles
	if *asJSON {
		return printAgreementJSON(e, store, pairs, labels)
	}
	return printAgreement(e, pairs, titles)
}

func parseDocIDs(args []string) ([]int64, error) {
	var ids []int64
	for _, arg := range args {
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("--doc wants a document id (a positive number), not %q", arg)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func printAgreementJSON(e *env, store annotate.Store, pairs []agreement.PairResult, chosenLabels []string) error {
	// Every label of the database appears (zeros and nulls included), so the
	// shape does not depend on which labels a pair used; with --label, those.
	names := chosenLabels
	if len(names) == 0 {
		all, err := store.Labels(e.ctx)
		if err != nil {
			return err
		}
		for _, l := range all {
			names = append(names, l.Name)
		}
	}
	out := agreementJSON{Pairs: []pairJSON{}}
	for _, p := range pairs {
		pj := pairJSON{A: p.A, B: p.B, Documents: p.Result.Documents, Micro: measuresOf(p.Result.Micro), Labels: map[string]measuresJSON{}}
		for _, name := range names {
			m, ok := p.Result.Labels[name]
			if !ok {
				m = agreement.Measures{AlphaU: math.NaN(), Kappa: math.NaN()}
			}
			pj.Labels[name] = measuresOf(m)
		}
		for name, m := range p.Result.Labels {
			pj.Labels[name] = measuresOf(m)
		}
		out.Pairs = append(out.Pairs, pj)
	}
	return json.NewEncoder(e.stdout).Encode(out)
}

// worstShown is how many documents with the most disagreement the table lists.
const worstShown = 5

func printAgreement(e *env, pairs []agreement.PairResult, titles map[int64]string) error {
	for i, p := range pairs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		r := p.Result
		fmt.Fprintf(e.stdout, "%s vs %s: %s both annotated\n", p.A, p.B, plural(r.Documents, "document"))
		if r.Documents == 0 {
			continue
		}
		table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(table, "label\t%s\t%s\texact\tF1 exact\tF1 overlap\tα_u\tκ\tsources\t\n", p.A, p.B)
		row := func(name string, m agreement.Measures) {
			fmt.Fprintf(table, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", name, m.ASpans, m.BSpans, m.ExactMatches,
				agreement.Figure(m.ExactF1()), agreement.Figure(m.OverlapF1()), agreement.Figure(m.AlphaU), agreement.Figure(m.Kappa), sourceFigure(m))
		}
		for _, name := range r.LabelNames() {
			row(name, r.Labels[name])
		}
		row("all (micro)", r.Micro)
		if err := table.Flush(); err != nil {
			return err
		}
		m := r.Micro
		fmt.Fprintf(e.stdout, "%s against %s: exact precision %s, recall %s; overlap precision %s, recall %s\n",
			p.A, p.B, agreement.Figure(m.ExactPrecision()), agreement.Figure(m.ExactRecall()), agreement.Figure(m.OverlapPrecision()), agreement.Figure(m.OverlapRecall()))
		docs := slices.Clone(r.PerDocument)
		agreement.SortByDisagreement(docs)
		var worst []agreement.DocumentAgreement
		for _, d := range docs {
			if d.Disagreements() > 0 && len(worst) < worstShown {
				worst = append(worst, d)
			}
		}
		if len(worst) > 0 {
			fmt.Fprintln(e.stdout, "most disagreement:")
			for _, d := range worst {
				fmt.Fprintf(e.stdout, "  doc %d  %s unmatched  %s\n", d.ID, plural(d.Disagreements(), "span"), titles[d.ID])
			}
		}
	}
	return nil
}

// sourceFigure is source agreement with the pairs it counts ("0.500 of 2"),
// or "–" when no matched pair names a source.
func sourceFigure(m agreement.Measures) string {
	if m.SourcePairs == 0 {
		return "–"
	}
	return fmt.Sprintf("%s of %d", agreement.Figure(m.SourceAgreement()), m.SourcePairs)
}
