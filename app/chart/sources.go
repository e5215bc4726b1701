package chart

import (
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/newsmark/newsmark/annotate/overview"
)

// TopSources is how many sources the sources chart ranks.
const TopSources = 15

// Sources draws the most quoted sources as horizontal bars, the most quoted at
// the top, each stacked by statement label in the label's colour.
func Sources(counts overview.SourceCounts, theme Theme) Figure {
	header := append([]string{"source"}, counts.Labels...)
	header = append(header, "total")
	title := "Most quoted sources"
	if len(counts.Sources) == 0 {
		return emptyFigure("sources", title, "No sources yet: set the source of a quote, claim or demand.", theme, header)
	}
	figure := Figure{Name: "sources", Title: title, theme: theme, Table: [][]string{header}}
	for i, source := range counts.Sources {
		row := []string{source}
		for _, label := range counts.Labels {
			row = append(row, strconv.Itoa(counts.Counts[label][i]))
		}
		figure.Table = append(figure.Table, append(row, strconv.Itoa(counts.Totals[i])))
	}
	// gonum draws the first category at the bottom: reverse, so the most quoted
	// source heads the chart.
	names := slices.Clone(counts.Sources)
	slices.Reverse(names)
	p := newPlot(theme, title, "statements", "")
	var below *plotter.BarChart
	for n, label := range counts.Labels {
		values := make(plotter.Values, len(names))
		for i := range names {
			values[i] = float64(counts.Counts[label][len(names)-1-i])
		}
		bars, err := addStacked(p, below, values, vg.Points(12), true, theme.LabelColor(label, n), label)
		if err != nil {
			continue
		}
		below = bars
		figure.Series++
	}
	p.NominalY(names...)
	p.X.Min = 0
	p.X.Max = float64(max(1, counts.Totals[0])) * headroom
	figure.plots = []*plot.Plot{p}
	return figure
}
