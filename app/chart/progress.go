package chart

import (
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/overview"
)

// NoData is what an empty chart says.
const NoData = "No data yet: annotate a few documents and this chart fills in."

// Progress draws where annotation stands: documents per status for the project and
// each annotator (stacked horizontal bars, one series a status), above the spans
// made per day by each annotator (one line each).
func Progress(progress overview.Progress, theme Theme) Figure {
	header := []string{"what", "who", "day", "new", "in_progress", "done", "spans"}
	if progress.Empty() {
		return emptyFigure("progress", "Progress", NoData, theme, header)
	}
	figure := Figure{Name: "progress", Title: "Progress", theme: theme, Table: [][]string{header}}

	rows := []string{"all documents"}
	counts := []map[annotate.Status]int{progress.Documents}
	for _, a := range progress.ByAnnotator {
		rows = append(rows, a.Annotator)
		counts = append(counts, a.Documents)
	}
	for i := range rows {
		who := rows[i]
		if i == 0 {
			who = ""
		}
		figure.Table = append(figure.Table, []string{"documents", who, "",
			strconv.Itoa(counts[i][annotate.StatusNew]), strconv.Itoa(counts[i][annotate.StatusInProgress]),
			strconv.Itoa(counts[i][annotate.StatusDone]), ""})
	}
	documents := newPlot(theme, "Documents by status", "documents", "")
	var below *plotter.BarChart
	for _, status := range overview.Statuses {
		values := make(plotter.Values, len(rows))
		for i := range rows {
			values[i] = float64(counts[i][status])
		}
		bars, err := addStacked(documents, below, values, vg.Points(14), true, theme.Statuses[status], status.Display())
		if err != nil {
			continue // a negative count cannot come from COUNT(*)
		}
		below = bars
		figure.Series++
	}
	documents.NominalY(rows...)
	documents.X.Min = 0
	documents.X.Max = float64(max(1, counts[0][annotate.StatusNew]+counts[0][annotate.StatusInProgress]+counts[0][annotate.StatusDone])) * headroom
	documents.Legend.Left = false
	figure.plots = append(figure.plots, documents)

	if len(progress.Days) > 0 {
		activity := newPlot(theme, "Spans per day", "", "spans")
		activity.X.Tick.Marker = plot.TickerFunc(dayTicks)
		peak := 1
		for n, annotator := range progress.Annotators {
			points := make(plotter.XYs, len(progress.Days))
			for i, day := range progress.Days {
				peak = max(peak, progress.SpansPerDay[annotator][i])
				points[i] = plotter.XY{X: float64(day.Unix()), Y: float64(progress.SpansPerDay[annotator][i])}
				figure.Table = append(figure.Table, []string{"spans", annotator, day.Format(time.DateOnly), "", "", "",
					strconv.Itoa(progress.SpansPerDay[annotator][i])})
			}
			line, marks, err := plotter.NewLinePoints(points)
			if err != nil {
				continue
			}
			line.Color = theme.Series(n)
			line.Width = vg.Points(1.5)
			marks.Color = theme.Series(n)
			activity.Add(line, marks)
			activity.Legend.Add(DisplayAnnotator(annotator), line, marks)
			figure.Series++
		}
		activity.Y.Min = 0
		activity.Y.Max = float64(peak) * headroom
		if len(progress.Days) == 1 {
			// One day: give the axis a day either side, so the point is not on its edge.
			activity.X.Min = float64(progress.Days[0].AddDate(0, 0, -1).Unix())
			activity.X.Max = float64(progress.Days[0].AddDate(0, 0, 1).Unix())
		}
		figure.plots = append(figure.plots, activity)
	}
	return figure
}

// DisplayAnnotator names the annotator of spans stored without one, in legends
// and in the Overview's filter alike.
func DisplayAnnotator(name string) string {
	if name == "" {
		return "(no name)"
	}
	return name
}
