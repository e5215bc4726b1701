package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Text colours that meet WCAG AA (4.5:1) on the theme's background and input
// background; TestEveryTextColourMeetsWCAGAA checks each.
//
// Fyne draws LowImportance labels (the library's second line, hints, status
// messages, empty-state text) in its "disabled" colour, which is nearly
// invisible: #39393a on the dark background is 1.5:1 and #e3e3e3 on white 1.3:1.
// These greys stay clearly quieter than the foreground but read at AA contrast.
// Disabled controls use the same colour, and still differ from enabled ones by
// their fainter button background.
//
// Fyne's success green (#43f436) is 1.5:1 on white, so the library's "done" was
// barely legible on the light theme; its error red, warning orange, placeholder
// grey and primary blue (HighImportance text, links) also fall short of 4.5:1 on
// one theme or the other. The colours below keep their hue and change lightness.
var (
	darkSecondary  = color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9c, A: 0xff}
	lightSecondary = color.NRGBA{R: 0x69, G: 0x69, B: 0x69, A: 0xff}

	lightText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameForeground:  color.NRGBA{R: 0x1f, G: 0x1f, B: 0x21, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff},
		theme.ColorNameSuccess:     color.NRGBA{R: 0x1a, G: 0x7a, B: 0x2e, A: 0xff},
		theme.ColorNameError:       color.NRGBA{R: 0xc0, G: 0x24, B: 0x1a, A: 0xff},
		theme.ColorNameWarning:     color.NRGBA{R: 0xa8, G: 0x56, B: 0x00, A: 0xff},
		theme.ColorNamePrimary:     color.NRGBA{R: 0x1a, G: 0x5c, B: 0xd8, A: 0xff},
		theme.ColorNameHyperlink:   color.NRGBA{R: 0x1a, G: 0x5c, B: 0xd8, A: 0xff},
	}
	darkText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameError:     color.NRGBA{R: 0xff, G: 0x6b, B: 0x5e, A: 0xff},
		theme.ColorNamePrimary:   color.NRGBA{R: 0x5e, G: 0x93, B: 0xf8, A: 0xff},
		theme.ColorNameHyperlink: color.NRGBA{R: 0x5e, G: 0x93, B: 0xf8, A: 0xff},
	}

	// The selection is Fyne's blue, but stronger than its 25 % so that it stands
	// apart from a label's translucent fill: at 25 % a CLAIM highlight (#0072B2)
	// looked like a selection on both themes. The light theme's darker text (the
	// foreground above) keeps selected text at AA contrast.
	lightSelection = color.NRGBA{R: 0x00, G: 0x6c, B: 0xff, A: 0x70}
	darkSelection  = color.NRGBA{R: 0x00, G: 0x6c, B: 0xff, A: 0x70}
)

// readableTheme is the app's theme: the base theme with readable text colours
// and a selection that no label colour resembles. variant, when set, is the
// light or dark look chosen in View ▸ Theme instead of the system's.
type readableTheme struct {
	fyne.Theme
	variant *fyne.ThemeVariant
}

// withReadableText wraps base once (wrapping twice would change nothing but
// would stack delegations on every colour lookup).
func withReadableText(base fyne.Theme) fyne.Theme {
	if base == nil {
		base = theme.DefaultTheme()
	}
	if _, ok := base.(readableTheme); ok {
		return base
	}
	return readableTheme{Theme: base}
}

// withVariant is th (wrapped readable) showing the given variant whatever the
// system's; nil follows the system.
func withVariant(th fyne.Theme, variant *fyne.ThemeVariant) fyne.Theme {
	r := withReadableText(th).(readableTheme)
	r.variant = variant
	return r
}

func (t readableTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		variant = *t.variant
	}
	light := variant == theme.VariantLight
	switch name {
	case theme.ColorNameDisabled:
		if light {
			return lightSecondary
		}
		return darkSecondary
	case theme.ColorNameSelection:
		if light {
			return lightSelection
		}
		return darkSelection
	}
	overrides := darkText
	if light {
		overrides = lightText
	}
	if c, ok := overrides[name]; ok {
		return c
	}
	return t.Theme.Color(name, variant)
}
