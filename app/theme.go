package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Secondary text colours. Fyne draws LowImportance labels (the library's second
// line, hints, status messages, empty-state text) in its "disabled" colour, which
// is nearly invisible: #39393a on the dark background is 1.5:1 and #e3e3e3 on
// white 1.3:1. These greys stay clearly quieter than the foreground but read at
// WCAG AA contrast (about 6:1 on #171718, 4.5:1 on white). Disabled controls use
// the same colour, and still differ from enabled ones by their fainter button
// background.
var (
	darkSecondary  = color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9c, A: 0xff}
	lightSecondary = color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}
)

// readableTheme is the app's theme: the base theme with readable secondary text.
type readableTheme struct{ fyne.Theme }

// withReadableText wraps base once (wrapping twice would change nothing but
// would stack delegations on every colour lookup).
func withReadableText(base fyne.Theme) fyne.Theme {
	if base == nil {
		base = theme.DefaultTheme()
	}
	if _, ok := base.(readableTheme); ok {
		return base
	}
	return readableTheme{base}
}

func (t readableTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameDisabled {
		if variant == theme.VariantLight {
			return lightSecondary
		}
		return darkSecondary
	}
	return t.Theme.Color(name, variant)
}
