package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestSecondaryTextIsReadableButQuieterThanTheForeground(t *testing.T) {
	f := newWBFixture(t, "Text.")
	if _, ok := f.w.app.Settings().Theme().(readableTheme); !ok {
		t.Fatalf("the workbench runs with theme %T, want readableTheme", f.w.app.Settings().Theme())
	}
	th := withReadableText(theme.DefaultTheme())
	for _, variant := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		base := theme.DefaultTheme()
		bg := base.Color(theme.ColorNameBackground, variant)
		secondary := th.Color(theme.ColorNameDisabled, variant)
		fg := th.Color(theme.ColorNameForeground, variant)
		if got := contrast(secondary, bg); got < 4.5 {
			t.Errorf("variant %v: secondary text contrast %.2f:1 on the background, want at least 4.5:1", variant, got)
		}
		if contrast(secondary, bg) >= contrast(fg, bg) {
			t.Errorf("variant %v: secondary text is as strong as the foreground", variant)
		}
		if got, want := th.Color(theme.ColorNamePrimary, variant), base.Color(theme.ColorNamePrimary, variant); got != want {
			t.Errorf("variant %v: primary colour changed to %v, want the base theme's %v", variant, got, want)
		}
	}
	if again := withReadableText(th); again != th {
		t.Errorf("wrapping the theme twice stacked it: %#v", again)
	}
}
