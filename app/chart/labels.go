package chart

import (
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/overview"
)

// Labels draws spans per label as bars. Stacked by several annotators or statuses,
// each group is a series in the palette (statuses in their own colours); with one
// group only, each bar takes its label's colour, as in the workbench.
func Labels(counts overview.LabelCounts, theme Theme) Figure {
	header := append([]string{"label"}, counts.Groups...)
	title := "Spans per label, by " + string(counts.By)
	if counts.Total() == 0 {
		return emptyFigure("labels", title, NoData, theme, header)
	}
	figure := Figure{Name: "labels", Title: title, theme: theme, Table: [][]string{header}}
	for i, label := range counts.Labels {
		row := []string{label}
		for _, group := range counts.Groups {
			row = append(row, strconv.Itoa(counts.Counts[group][i]))
		}
		figure.Table = append(figure.Table, row)
	}
	p := newPlot(theme, title, "", "spans")
	width := vg.Points(28)
	groups := nonEmptyGroups(counts)
	if len(groups) == 1 {
		// One bar chart per label, so each bar carries its label's colour.
		for i, label := range counts.Labels {
			values := make(plotter.Values, len(counts.Labels))
			values[i] = float64(counts.Counts[groups[0]][i])
			bars, err := plotter.NewBarChart(values, width)
			if err != nil {
				continue
			}
			bars.Color = theme.LabelColor(label, i)
			bars.LineStyle.Width = 0
			p.Add(bars)
			figure.Series++
		}
	} else {
		var below *plotter.BarChart
		for n, group := range groups {
			values := make(plotter.Values, len(counts.Labels))
			for i := range counts.Labels {
				values[i] = float64(counts.Counts[group][i])
			}
			c := theme.Series(n)
			if counts.By == overview.ByStatus {
				c = theme.Statuses[annotate.Status(group)]
			}
			bars, err := addStacked(p, below, values, width, false, c, groupName(counts.By, group))
			if err != nil {
				continue
			}
			below = bars
			figure.Series++
		}
	}
	p.NominalX(counts.Labels...)
	p.X.Min, p.X.Max = -0.6, float64(len(counts.Labels))-0.4
	p.Y.Min = 0
	p.Y.Max = float64(max(1, tallestBar(counts))) * headroom
	figure.plots = []*plot.Plot{p}
	return figure
}

// nonEmptyGroups drops groups without a span, so a legend never lists a status or
// annotator the chart does not show.
func nonEmptyGroups(counts overview.LabelCounts) []string {
	var groups []string
	for _, group := range counts.Groups {
		for _, n := range counts.Counts[group] {
			if n > 0 {
				groups = append(groups, group)
				break
			}
		}
	}
	return groups
}

func groupName(by overview.Grouping, group string) string {
	if by == overview.ByStatus {
		return annotate.Status(group).Display()
	}
	return DisplayAnnotator(group)
}

func tallestBar(counts overview.LabelCounts) int {
	tallest := 0
	for i := range counts.Labels {
		height := 0
		for _, group := range counts.Groups {
			height += counts.Counts[group][i]
		}
		tallest = max(tallest, height)
	}
	return tallest
}
