package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/newsmark/newsmark/app/chart"
)

// chartView shows one figure, drawn at the screen's pixel size: a raster asks for
// an image as many pixels wide as it covers, so on a 2x display the chart is drawn
// at twice the resolution and its text stays crisp.
type chartView struct {
	raster *canvas.Raster
	figure chart.Figure
	drawn  bool // a figure has been set
}

func newChartView() *chartView {
	v := &chartView{}
	v.raster = canvas.NewRaster(v.render)
	v.raster.SetMinSize(fyne.NewSize(480, 300))
	return v
}

// show replaces the figure and redraws.
func (v *chartView) show(figure chart.Figure) {
	v.figure, v.drawn = figure, true
	v.raster.Refresh()
}

func (v *chartView) render(widthPx, heightPx int) image.Image {
	if !v.drawn {
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	scale := float32(1)
	if size := v.raster.Size(); size.Width > 0 {
		scale = float32(widthPx) / size.Width
	}
	return v.figure.Image(widthPx, heightPx, scale)
}
