package chart

import (
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/newsmark/newsmark/annotate/overview"
)

// Casualties draws the reported figures over their documents' dates, one series
// of points per kind (killed, injured, displaced …). A range is placed at its
// middle; the CSV gives every figure with its span text.
func Casualties(series overview.CasualtySeries, theme Theme) Figure {
	header := []string{"date", "doc_id", "title", "kind", "value", "count", "min", "max", "qualifier", "group", "annotator", "text"}
	title := "Reported casualty figures"
	if series.Points() == 0 {
		return emptyFigure("casualties", title, "No casualty figures yet: tag a CASUALTY span with a number.", theme, header)
	}
	figure := Figure{Name: "casualties", Title: title, theme: theme, Table: [][]string{header}}
	p := newPlot(theme, title, "", "people")
	p.X.Tick.Marker = plot.TickerFunc(dayTicks)
	peak := 1.0
	first, last := time.Time{}, time.Time{}
	for n, kind := range series.Kinds {
		points := make(plotter.XYs, len(series.ByKind[kind]))
		for i, point := range series.ByKind[kind] {
			points[i] = plotter.XY{X: float64(point.Date.Unix()), Y: point.Value}
			peak = max(peak, point.Value)
			if first.IsZero() || point.Date.Before(first) {
				first = point.Date
			}
			if point.Date.After(last) {
				last = point.Date
			}
			c := point.Casualty
			figure.Table = append(figure.Table, []string{point.Date.Format(time.DateOnly), strconv.FormatInt(c.DocID, 10), c.Title, kind,
				formatNumber(&point.Value), formatNumber(c.Count), formatNumber(c.Min), formatNumber(c.Max), c.Qualifier, c.Group, c.Annotator, c.Text})
		}
		scatter, err := plotter.NewScatter(points)
		if err != nil {
			continue
		}
		scatter.GlyphStyle.Color = theme.Series(n)
		scatter.GlyphStyle.Radius = vg.Points(3.5)
		scatter.GlyphStyle.Shape = shapes[n%len(shapes)]
		p.Add(scatter)
		p.Legend.Add(kind, scatter)
		figure.Series++
	}
	p.Y.Min = 0
	p.Y.Max = peak * headroom
	// A day either side, so no point sits on the frame.
	p.X.Min = float64(first.AddDate(0, 0, -1).Unix())
	p.X.Max = float64(last.AddDate(0, 0, 1).Unix())
	figure.plots = []*plot.Plot{p}
	return figure
}

// shapes tell the kinds apart without colour (print, colour blindness).
var shapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}, draw.RingGlyph{}}

// formatNumber writes a number as people read it, "" when there is none.
func formatNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
