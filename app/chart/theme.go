package chart

import (
	"image/color"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// Theme is the colours a figure is drawn in.
type Theme struct {
	Background color.Color
	Foreground color.Color // text, axes and ticks
	Grid       color.Color
	// Palette colours series that are not labels (annotators, kinds), in turn.
	Palette []color.Color
	// Statuses colours the document statuses new, in progress and done.
	Statuses map[annotate.Status]color.Color
	labels   map[string]color.Color
}

// okabeIto is Okabe and Ito's colour-blind-safe palette, without its black.
var okabeIto = []color.Color{
	rgb(0xE6, 0x9F, 0x00), rgb(0x56, 0xB4, 0xE9), rgb(0x00, 0x9E, 0x73), rgb(0xF0, 0xE4, 0x42),
	rgb(0x00, 0x72, 0xB2), rgb(0xD5, 0x5E, 0x00), rgb(0xCC, 0x79, 0xA7),
}

// Light is the theme for the light app theme and for print.
func Light(labels []annotate.Label) Theme {
	return Theme{
		Background: color.White,
		Foreground: rgb(0x20, 0x20, 0x22),
		Grid:       rgb(0xE2, 0xE2, 0xE4),
		Palette:    okabeIto,
		Statuses: map[annotate.Status]color.Color{
			annotate.StatusNew: rgb(0xBB, 0xBB, 0xBB), annotate.StatusInProgress: rgb(0xE6, 0x9F, 0x00), annotate.StatusDone: rgb(0x00, 0x72, 0xB2),
		},
		labels: labelcolor.Of(labels),
	}
}

// Dark is the theme for the app's dark theme; its background is Fyne's.
func Dark(labels []annotate.Label) Theme {
	return Theme{
		Background: rgb(0x17, 0x17, 0x18),
		Foreground: rgb(0xEE, 0xEE, 0xEE),
		Grid:       rgb(0x3A, 0x3A, 0x3C),
		Palette:    okabeIto,
		Statuses: map[annotate.Status]color.Color{
			annotate.StatusNew: rgb(0x77, 0x77, 0x77), annotate.StatusInProgress: rgb(0xE6, 0x9F, 0x00), annotate.StatusDone: rgb(0x56, 0xB4, 0xE9),
		},
		labels: labelcolor.Of(labels),
	}
}

// LabelColor is the label's own colour, else a palette colour picked by position.
func (t Theme) LabelColor(name string, position int) color.Color {
	if c, ok := t.labels[name]; ok {
		return c
	}
	return t.Series(position)
}

// Series is the palette's colour for the n-th series.
func (t Theme) Series(n int) color.Color {
	return t.Palette[n%len(t.Palette)]
}

func rgb(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }
