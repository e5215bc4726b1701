package chart

import (
	"image/color"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sans is the typeface variant of every text: Liberation Sans, which gonum embeds,
// reads better at small sizes than its default serif.
const sans = "Sans"

// headroom leaves space above the highest value for the legend, which gonum draws
// inside the data area.
const headroom = 1.3

// titledPlot is a plot on the theme's background, its title in the theme's style.
func titledPlot(theme Theme, title string) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = theme.Background
	p.Title.Text = title
	p.Title.TextStyle.Color = theme.Foreground
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.TextStyle.Font.Variant = sans
	return p
}

// newPlot is a plot in the theme's colours, with a light grid behind the data.
func newPlot(theme Theme, title, xLabel, yLabel string) *plot.Plot {
	p := titledPlot(theme, title)
	p.Title.Padding = vg.Millimeter * 2
	p.Legend.TextStyle.Font.Variant = sans
	for _, axis := range []*plot.Axis{&p.X, &p.Y} {
		axis.Label.TextStyle.Font.Variant = sans
		axis.Tick.Label.Font.Variant = sans
		axis.Color = theme.Foreground
		axis.LineStyle.Color = theme.Foreground
		axis.Label.TextStyle.Color = theme.Foreground
		axis.Tick.Label.Color = theme.Foreground
		axis.Tick.LineStyle.Color = theme.Foreground
	}
	p.Y.Tick.Marker = plainTicks{}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Legend.TextStyle.Color = theme.Foreground
	p.Legend.Top = true
	grid := plotter.NewGrid()
	grid.Vertical.Color = theme.Grid
	grid.Horizontal.Color = theme.Grid
	p.Add(grid)
	return p
}

// addStacked adds values to p as one series of stacked bars: on top of below
// (nil for the first series), without an outline, in colour c, listed in the
// legend as name. It returns the new bars, for the next series to stack on.
func addStacked(p *plot.Plot, below *plotter.BarChart, values plotter.Values, width vg.Length, horizontal bool, c color.Color, name string) (*plotter.BarChart, error) {
	bars, err := plotter.NewBarChart(values, width)
	if err != nil {
		return nil, err
	}
	bars.Horizontal = horizontal
	bars.Color = c
	bars.LineStyle.Width = 0
	if below != nil {
		bars.StackOn(below)
	}
	p.Add(bars)
	p.Legend.Add(name, bars)
	return bars, nil
}

// messagePlotter writes a sentence in the middle of an empty plot.
type messagePlotter struct {
	message string
	style   text.Style
}

func (m messagePlotter) Plot(c draw.Canvas, _ *plot.Plot) {
	centre := vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}
	c.FillText(m.style, centre, m.message)
}

// emptyFigure is a figure that says there is nothing to chart yet, instead of an
// error or a blank frame.
func emptyFigure(name, title, message string, theme Theme, header []string) Figure {
	p := titledPlot(theme, title)
	p.HideAxes()
	p.Add(messagePlotter{message: message, style: text.Style{
		Color:   theme.Foreground,
		Font:    font.From(font.Font{Typeface: plot.DefaultFont.Typeface, Variant: sans}, 12),
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: plot.DefaultTextHandler,
	}})
	return Figure{Name: name, Title: title, Empty: true, Table: [][]string{header}, plots: []*plot.Plot{p}, theme: theme}
}

// dayTicks marks whole days (every day, or every few when there are many) on an
// axis of Unix seconds, so a tick stands under each day's point.
func dayTicks(min, max float64) []plot.Tick {
	const day = 24 * 60 * 60
	first := time.Unix(int64(min), 0).UTC().Truncate(24 * time.Hour)
	days := int((max-min)/day) + 1
	step := 1
	for days/step > 8 {
		step *= 2
	}
	var ticks []plot.Tick
	for t := first; float64(t.Unix()) <= max; t = t.AddDate(0, 0, 1) {
		if float64(t.Unix()) < min {
			continue
		}
		label := ""
		if int(t.Sub(first).Hours()/24)%step == 0 {
			label = t.Format("2 Jan")
		}
		ticks = append(ticks, plot.Tick{Value: float64(t.Unix()), Label: label})
	}
	return ticks
}

// plainTicks are gonum's default ticks with their labels written as people write
// counts: "250", not "250.00".
type plainTicks struct{}

func (plainTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = strconv.FormatFloat(ticks[i].Value, 'f', -1, 64)
		}
	}
	return ticks
}
