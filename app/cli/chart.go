package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/atomicfile"
	"github.com/newsmark/newsmark/annotate/overview"
	"github.com/newsmark/newsmark/app/chart"
)

// chartKinds are the charts `newsmark chart` draws, in the order the usage lists them.
var chartKinds = []string{"progress", "labels"}

// runChart is `newsmark chart KIND [filters] --out FILE.png|.svg|.pdf [--csv FILE]`.
func runChart(e *env, args []string) error {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var labels stringList
	fs.Var(&labels, "label", "only spans with this label (repeatable, or comma-separated)")
	annotator := fs.String("annotator", "", "only spans by this annotator")
	status := fs.String("status", "", "only documents with this status: new, in_progress or done")
	from := fs.String("from", "", "only days from this one on (YYYY-MM-DD)")
	to := fs.String("to", "", "only days up to this one (YYYY-MM-DD)")
	by := fs.String("by", string(overview.ByAnnotator), "labels chart: stack bars by annotator or status")
	themeName := fs.String("theme", "light", "light or dark")
	out := fs.String("out", "", "the image to write: .png, .svg or .pdf")
	csvOut := fs.String("csv", "", "also write the numbers behind the chart as CSV here")
	widthCM := fs.Float64("width", 16, "width in centimetres")
	heightCM := fs.Float64("height", 10, "height in centimetres")
	dpi := fs.Int("dpi", 300, "resolution of a PNG")
	positional, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("chart: %v", err)
	}
	if len(positional) != 1 || !slices.Contains(chartKinds, positional[0]) {
		return usagef("chart: say which chart: %s", strings.Join(chartKinds, ", "))
	}
	kind := positional[0]
	if *out == "" {
		return usagef("chart: --out FILE.png|.svg|.pdf is required")
	}
	format, err := chart.FormatOf(*out)
	if err != nil {
		return usagef("chart: %v", err)
	}
	filter, err := chartFilter(labels, *annotator, *status, *from, *to)
	if err != nil {
		return usagef("chart: %v", err)
	}
	if *by != string(overview.ByAnnotator) && *by != string(overview.ByStatus) {
		return usagef("chart: --by must be annotator or status, not %q", *by)
	}
	if *themeName != "light" && *themeName != "dark" {
		return usagef("chart: --theme must be light or dark, not %q", *themeName)
	}
	if *widthCM < 2 || *heightCM < 2 || *widthCM > 100 || *heightCM > 100 || *dpi < 36 || *dpi > 1200 {
		return usagef("chart: size must be 2-100 cm a side and --dpi 36-1200")
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	labelSet, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	if err := checkKnownLabels(labels, labelSet); err != nil {
		return err
	}
	facts, err := store.OverviewFacts(e.ctx)
	if err != nil {
		return err
	}
	theme := chart.Light(labelSet)
	if *themeName == "dark" {
		theme = chart.Dark(labelSet)
	}
	var figure chart.Figure
	switch kind {
	case "progress":
		figure = chart.Progress(overview.ComputeProgress(facts, filter), theme)
	case "labels":
		figure = chart.Labels(overview.ComputeLabelCounts(facts, labelSet, filter, overview.Grouping(*by)), theme)
	}
	size := chart.Size{Width: vg.Length(*widthCM) * vg.Centimeter, Height: vg.Length(*heightCM) * vg.Centimeter, DPI: *dpi}
	if err := atomicfile.Write(*out, func(w io.Writer) error { return figure.WriteTo(w, format, size) }); err != nil {
		return err
	}
	if *csvOut != "" {
		if err := atomicfile.Write(*csvOut, figure.WriteCSV); err != nil {
			return err
		}
	}
	note := ""
	if figure.Empty {
		note = " (no data yet)"
	}
	fmt.Fprintf(e.stderr, "wrote the %s chart to %s%s\n", kind, *out, note)
	return nil
}

// chartFilter reads the filter flags every chart shares.
func chartFilter(labels []string, annotator, status, from, to string) (overview.Filter, error) {
	filter := overview.Filter{Labels: labels, Annotator: annotator, Status: annotate.Status(status)}
	if status != "" && !filter.Status.Valid() {
		return filter, fmt.Errorf("unknown status %q (want new, in_progress or done)", status)
	}
	for _, bound := range []struct {
		flag, value string
		into        *time.Time
	}{{"--from", from, &filter.From}, {"--to", to, &filter.To}} {
		if bound.value == "" {
			continue
		}
		day, err := time.Parse(time.DateOnly, bound.value)
		if err != nil {
			return filter, fmt.Errorf("%s %q is not a date of the form 2026-11-29", bound.flag, bound.value)
		}
		*bound.into = day
	}
	if !filter.From.IsZero() && !filter.To.IsZero() && filter.To.Before(filter.From) {
		return filter, fmt.Errorf("--to %s is before --from %s", to, from)
	}
	return filter, nil
}

// checkKnownLabels names a --label the database does not know, rather than drawing
// an empty chart that looks like no work was done.
func checkKnownLabels(wanted []string, labelSet []annotate.Label) error {
	for _, name := range wanted {
		if !slices.ContainsFunc(labelSet, func(l annotate.Label) bool { return l.Name == name }) {
			return annotate.Errorf(annotate.ENOTFOUND, "no label is called %q (see newsmark labels)", name)
		}
	}
	return nil
}
