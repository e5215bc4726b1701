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

// logScaleRatio is how many times the largest figure must exceed the smallest
// before the axis turns logarithmic.
const logScaleRatio = 50

// Casualties draws the reported figures over their documents' dates, one series
// of points per kind (killed, injured, displaced …). A range is placed at its
// middle. When the figures span more than logScaleRatio the axis is logarithmic
// (nine dead and 25,000 displaced on one linear axis flatten every small figure
// onto zero), and a figure of zero, which a log axis cannot place, is left to the
// CSV. The CSV gives every figure with its span text.
func Casualties(series overview.CasualtySeries, theme Theme) Figure {
	header := []string{"date", "doc_id", "title", "kind", "value", "count", "min", "max", "qualifier", "group", "annotator", "text"}
	title := "Reported casualty figures"
	if series.Points() == 0 {
		return emptyFigure("casualties", title, "No casualty figures yet: tag a CASUALTY span with a number.", theme, header)
	}
	figure := Figure{Name: "casualties", Title: title, theme: theme, Table: [][]string{header}}
	peak, least := 1.0, 0.0
	first, last := time.Time{}, time.Time{}
	for _, kind := range series.Kinds {
		for _, point := range series.ByKind[kind] {
			peak = max(peak, point.Value)
			if point.Value > 0 && (least == 0 || point.Value < least) {
				least = point.Value
			}
			if first.IsZero() || point.Date.Before(first) {
				first = point.Date
			}
			last = maxTime(last, point.Date)
			c := point.Casualty
			figure.Table = append(figure.Table, []string{point.Date.Format(time.DateOnly), strconv.FormatInt(c.DocID, 10), c.Title, kind,
				formatNumber(&point.Value), formatNumber(c.Count), formatNumber(c.Min), formatNumber(c.Max), c.Qualifier, c.Group, c.Annotator, c.Text})
		}
	}
	logScale := least > 0 && peak/least >= logScaleRatio

	p := newPlot(theme, title, "", "people")
	p.X.Tick.Marker = plot.TickerFunc(dayTicks)
	for n, kind := range series.Kinds {
		var points plotter.XYs
		for _, point := range series.ByKind[kind] {
			if logScale && point.Value <= 0 {
				continue
			}
			points = append(points, plotter.XY{X: float64(point.Date.Unix()), Y: point.Value})
		}
		if len(points) == 0 {
			continue
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
	p.Y.Min, p.Y.Max = 0, peak*headroom
	if logScale {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		p.Y.Min, p.Y.Max = least/2, peak*4 // room above for the legend
		p.Y.Label.Text = "people (log scale)"
	}
	// A day either side, so no point sits on the frame.
	p.X.Min = float64(first.AddDate(0, 0, -1).Unix())
	p.X.Max = float64(last.AddDate(0, 0, 1).Unix())
	figure.plots = []*plot.Plot{p}
	return figure
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
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
