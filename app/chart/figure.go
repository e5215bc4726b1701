package chart

import (
	"encoding/csv"
	"fmt"
	"image"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is one chart, ready to draw: one or more plots stacked top to bottom, the
// number of data series they hold, and the numbers behind them.
type Figure struct {
	Name   string
	Title  string
	Series int        // data series drawn: bars of one group, lines, point sets
	Table  [][]string // a header row, then the numbers the chart shows
	Empty  bool       // nothing to chart: the figure says "no data yet"
	plots  []*plot.Plot
	theme  Theme
}

// Size is a figure's size on paper and the resolution PNGs are drawn at.
type Size struct {
	Width, Height vg.Length
	DPI           int
}

// Publication is a full-width figure in a two-column paper, at print resolution.
var Publication = Size{Width: 16 * vg.Centimeter, Height: 10 * vg.Centimeter, DPI: 300}

// Formats lists the file formats a figure is written in.
var Formats = []string{"png", "svg", "pdf"}

// FormatOf is the format a file name asks for by its extension.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	for _, format := range Formats {
		if ext == format {
			return format, nil
		}
	}
	return "", fmt.Errorf("%s: a chart is written as .png, .svg or .pdf, not %q", path, filepath.Ext(path))
}

// WriteTo draws the figure in the format ("png", "svg" or "pdf") at the size.
func (f Figure) WriteTo(w io.Writer, format string, size Size) error {
	var canvas vg.CanvasWriterTo
	switch format {
	case "png":
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(size.Width, size.Height), vgimg.UseDPI(size.DPI), vgimg.UseBackgroundColor(f.theme.Background))}
	case "svg":
		canvas = vgsvg.New(size.Width, size.Height)
	case "pdf":
		canvas = vgpdf.New(size.Width, size.Height)
	default:
		return fmt.Errorf("unknown chart format %q (want png, svg or pdf)", format)
	}
	f.draw(draw.New(canvas))
	_, err := canvas.WriteTo(w)
	return err
}

// Image draws the figure into an image of the given pixels, for the screen: width
// and height are the widget's size times the screen's scale, so text is crisp.
func (f Figure) Image(widthPx, heightPx int, scale float32) image.Image {
	if widthPx < 1 || heightPx < 1 {
		widthPx, heightPx = 1, 1
	}
	// 72 points an inch is one Fyne unit a point; the scale makes a pixel finer.
	dpi := 72 * float64(scale)
	w := vg.Length(float64(widthPx) / dpi * vg.Inch.Points())
	h := vg.Length(float64(heightPx) / dpi * vg.Inch.Points())
	canvas := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(int(dpi+0.5)), vgimg.UseBackgroundColor(f.theme.Background))
	f.draw(draw.New(canvas))
	return canvas.Image()
}

// WriteCSV writes the numbers behind the figure.
func (f Figure) WriteCSV(w io.Writer) error {
	out := csv.NewWriter(w)
	if err := out.WriteAll(f.Table); err != nil {
		return fmt.Errorf("write %s numbers: %w", f.Name, err)
	}
	return nil
}

func (f Figure) draw(c draw.Canvas) {
	fillBackground(c, f.theme)
	if len(f.plots) == 1 {
		f.plots[0].Draw(c)
		return
	}
	rows := make([][]*plot.Plot, len(f.plots))
	for i, p := range f.plots {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(f.plots), Cols: 1, PadY: vg.Millimeter * 4}
	canvases := plot.Align(rows, tiles, c)
	for i, p := range f.plots {
		p.Draw(canvases[i][0])
	}
}

// fillBackground paints the whole canvas: SVG and PDF start transparent, and
// aligned plots leave gaps between their tiles.
func fillBackground(c draw.Canvas, theme Theme) {
	var path vg.Path
	path.Move(c.Min)
	path.Line(vg.Point{X: c.Max.X, Y: c.Min.Y})
	path.Line(c.Max)
	path.Line(vg.Point{X: c.Min.X, Y: c.Max.Y})
	path.Close()
	c.SetColor(theme.Background)
	c.Fill(path)
}
