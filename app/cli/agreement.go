package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
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
		KappaItems: m.KappaItems,
	}
}

// pairResult is one compared pair of annotators.
type pairResult struct {
	a, b   string
	result agreement.Result
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
	pairs, titles, err := compareAnnotators(e, store, annotators, labels, docIDs, *curator)
	if err != nil {
		return err
	}
	if *asJSON {
		return printAgreementJSON(e, store, pairs, labels)
	}
	return printAgreement(e, pairs, titles)
}

// compareAnnotators reads the layers and compares every pair of annotators.
func compareAnnotators(e *env, store annotate.Store, names, labels []string, docIDs []int64, curator string) ([]pairResult, map[int64]string, error) {
	filter := annotate.LayerFilter{Annotators: names, DocIDs: docIDs, MinAnnotators: 2}
	if len(names) == 0 {
		filter.Exclude = []string{curator}
	}
	// Documents in which each pair both have spans.
	shared := map[[2]string][]agreement.Document{}
	titles := map[int64]string{}
	for doc, err := range store.Layers(e.ctx, filter) {
		if err != nil {
			return nil, nil, err
		}
		titles[doc.ID] = doc.Title
		layers := splitLayers(doc)
		for i, a := range doc.Annotators {
			for _, b := range doc.Annotators[i+1:] {
				key := [2]string{a, b}
				shared[key] = append(shared[key], agreement.Document{ID: doc.ID, Length: doc.Length, A: layers[a], B: layers[b]})
			}
		}
	}
	if len(names) == 0 {
		// Everyone who shares a document with somebody.
		for key := range shared {
			names = append(names, key[0], key[1])
		}
	}
	if err := checkAnnotators(e, store, names, shared, curator); err != nil {
		return nil, nil, err
	}
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	var pairs []pairResult
	for i, a := range names {
		for _, b := range names[i+1:] {
			docs := shared[[2]string{a, b}]
			pairs = append(pairs, pairResult{a: a, b: b, result: agreement.Compare(docs, agreement.Options{Labels: labels})})
		}
	}
	return pairs, titles, nil
}

// splitLayers parts a document's spans by annotator, in one allocation.
func splitLayers(doc annotate.DocumentLayers) map[string][]annotate.Span {
	layers := make(map[string][]annotate.Span, len(doc.Annotators))
	all := make([]annotate.Span, 0, len(doc.Spans))
	for _, name := range doc.Annotators {
		start := len(all)
		for _, s := range doc.Spans {
			if s.Annotator == name {
				all = append(all, s)
			}
		}
		layers[name] = all[start:len(all):len(all)]
	}
	return layers
}

// checkAnnotators explains why there is nothing to compare: fewer than two
// annotators, or a named one without spans. Progress is read only then.
func checkAnnotators(e *env, store annotate.Store, names []string, shared map[[2]string][]agreement.Document, curator string) error {
	inShared := map[string]bool{}
	for key := range shared {
		inShared[key[0]], inShared[key[1]] = true, true
	}
	missing := slices.ContainsFunc(names, func(n string) bool { return !inShared[n] })
	if len(names) >= 2 && !missing {
		return nil
	}
	progress, err := store.AnnotatorProgress(e.ctx, curator)
	if err != nil {
		return err
	}
	var everyone []string
	for _, a := range progress.Annotators {
		everyone = append(everyone, a.Name)
	}
	for _, name := range names {
		if !slices.Contains(everyone, name) {
			return annotate.Errorf(annotate.ENOTFOUND, "no spans by annotator %q (see `newsmark annotators`)", name)
		}
	}
	if len(names) >= 2 {
		return nil // named annotators who share no document: their pairs show 0 documents
	}
	var annotators []string
	for _, name := range everyone {
		if name != curator {
			annotators = append(annotators, name)
		}
	}
	if len(annotators) < 2 {
		return annotate.Errorf(annotate.EINVALID,
			"agreement needs two annotators; the database has spans by %s (bring in a colleague's work with `newsmark import --annotator NAME FILE`)", listOrNone(annotators))
	}
	return annotate.Errorf(annotate.EINVALID,
		"agreement needs documents that two annotators both annotated; %s have none in common (see `newsmark annotators` for who still needs a second annotator)",
		strings.Join(annotators, ", "))
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "nobody"
	}
	return fmt.Sprintf("%q only", names)
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

func printAgreementJSON(e *env, store annotate.Store, pairs []pairResult, chosenLabels []string) error {
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
		pj := pairJSON{A: p.a, B: p.b, Documents: p.result.Documents, Micro: measuresOf(p.result.Micro), Labels: map[string]measuresJSON{}}
		for _, name := range names {
			m, ok := p.result.Labels[name]
			if !ok {
				m = agreement.Measures{AlphaU: math.NaN(), Kappa: math.NaN()}
			}
			pj.Labels[name] = measuresOf(m)
		}
		for name, m := range p.result.Labels {
			pj.Labels[name] = measuresOf(m)
		}
		out.Pairs = append(out.Pairs, pj)
	}
	return json.NewEncoder(e.stdout).Encode(out)
}

// worstShown is how many documents with the most disagreement the table lists.
const worstShown = 5

func printAgreement(e *env, pairs []pairResult, titles map[int64]string) error {
	for i, p := range pairs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		r := p.result
		fmt.Fprintf(e.stdout, "%s vs %s: %s both annotated\n", p.a, p.b, plural(r.Documents, "document"))
		if r.Documents == 0 {
			continue
		}
		table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(table, "label\t%s\t%s\texact\tF1 exact\tF1 overlap\tα_u\tκ\t\n", p.a, p.b)
		row := func(name string, m agreement.Measures) {
			fmt.Fprintf(table, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t\n", name, m.ASpans, m.BSpans, m.ExactMatches,
				figure(m.ExactF1()), figure(m.OverlapF1()), figure(m.AlphaU), figure(m.Kappa))
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
			p.a, p.b, figure(m.ExactPrecision()), figure(m.ExactRecall()), figure(m.OverlapPrecision()), figure(m.OverlapRecall()))
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

// figure prints a measure with three decimals, or "–" when it is undefined.
func figure(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}
