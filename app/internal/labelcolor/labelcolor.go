// Package labelcolor turns labels' "#RRGGBB" colours into the colours widgets
// draw with: the one place the app parses them.
package labelcolor

import (
	"image/color"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/contrast"
)

// Unknown is drawn for a span whose label is not in the set, or a malformed colour.
var Unknown color.Color = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}

// Parse reads "#RRGGBB"; a malformed value (labels are validated, so only a
// hand-edited database) shows as grey rather than failing.
func Parse(hex string) color.Color {
	if len(hex) != 7 || hex[0] != '#' {
		return Unknown // contrast.Parse also takes "#RGB" and no '#'
	}
	c, ok := contrast.Parse(hex)
	if !ok {
		return Unknown
	}
	return c
}

// Map is each label's colour by name.
type Map map[string]color.Color

// Of maps the labels' names to their colours.
func Of(labels []annotate.Label) Map {
	m := make(Map, len(labels))
	for _, l := range labels {
		m[l.Name] = Parse(l.Color)
	}
	return m
}

// Get is the colour of the named label, Unknown if it is not in the map.
func (m Map) Get(name string) color.Color {
	if c, ok := m[name]; ok {
		return c
	}
	return Unknown
}
