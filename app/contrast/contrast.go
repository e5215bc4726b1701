// Package contrast holds the colour arithmetic behind Newsmark's legibility
// rules: WCAG 2 contrast ratios, alpha compositing and a perceptual colour
// difference. It is pure Go over image/color, so the theme, the label manager
// and their tests share one definition.
package contrast

import (
	"fmt"
	"image/color"
	"math"
)

// WCAG 2 thresholds.
const (
	// Text is the AA minimum for normal text.
	Text = 4.5
	// NonText is the AA minimum for graphical objects and UI parts (a
	// highlight's underline against the page).
	NonText = 3.0
)

// linear converts one sRGB channel (0..0xffff) to linear light.
func linear(v uint32) float64 {
	s := float64(v) / 0xffff
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// Luminance is WCAG 2's relative luminance of c, taken as opaque.
func Luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	r, g, b := uint32(n.R)*0x101, uint32(n.G)*0x101, uint32(n.B)*0x101
	return 0.2126*linear(r) + 0.7152*linear(g) + 0.0722*linear(b)
}

// Ratio is the WCAG 2 contrast ratio of two opaque colours, 1 to 21.
func Ratio(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Over composites c (with its alpha) over the opaque background bg, as the
// screen shows it.
func Over(c, bg color.Color) color.NRGBA {
	fg := color.NRGBAModel.Convert(c).(color.NRGBA)
	back := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(fg.A) / 0xff
	mix := func(f, b uint8) uint8 { return uint8(math.Round(float64(f)*a + float64(b)*(1-a))) }
	return color.NRGBA{R: mix(fg.R, back.R), G: mix(fg.G, back.G), B: mix(fg.B, back.B), A: 0xff}
}

// WithAlpha is c with its alpha replaced.
func WithAlpha(c color.Color, alpha uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = alpha
	return n
}

// Difference is the CIE76 colour difference (ΔE*ab) of two opaque colours:
// about 2.3 is just noticeable, and colours under about 20 apart are easily
// taken for one another at a glance.
func Difference(a, b color.Color) float64 {
	la, aa, ba := lab(a)
	lb, ab, bb := lab(b)
	return math.Sqrt((la-lb)*(la-lb) + (aa-ab)*(aa-ab) + (ba-bb)*(ba-bb))
}

// lab converts an sRGB colour to CIE L*a*b* (D65).
func lab(c color.Color) (l, a, b float64) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	r, g, bl := linear(uint32(n.R)*0x101), linear(uint32(n.G)*0x101), linear(uint32(n.B)*0x101)
	x := (0.4124*r + 0.3576*g + 0.1805*bl) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*bl
	z := (0.0193*r + 0.1192*g + 0.9505*bl) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// Parse reads "#RRGGBB" (or "#RGB"); ok is false for anything else.
func Parse(hex string) (color.NRGBA, bool) {
	if len(hex) > 0 && hex[0] == '#' {
		hex = hex[1:]
	}
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	if len(hex) != 6 {
		return color.NRGBA{}, false
	}
	var v [3]uint8
	for i := range 3 {
		hi, ok1 := hexDigit(hex[2*i])
		lo, ok2 := hexDigit(hex[2*i+1])
		if !ok1 || !ok2 {
			return color.NRGBA{}, false
		}
		v[i] = hi<<4 | lo
	}
	return color.NRGBA{R: v[0], G: v[1], B: v[2], A: 0xff}, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// How the document view draws a label's highlight: a translucent fill behind the
// text and a nearly opaque underline band (docview's fillAlpha and bandAlpha).
const (
	HighlightFillAlpha = 0x48
	HighlightBandAlpha = 0xe0
)

// Minimums for a label colour used as a highlight; see HighlightProblem.
const (
	// MinBandRatio is the least luminance contrast of the underline band against
	// the page: below it a dark colour disappears on the dark theme (#332288 on
	// #171718 is 1.4:1). Colour-blind-safe palettes rely on lightness, so this is
	// what keeps labels apart for everyone.
	MinBandRatio = 1.8
	// MinSelectionDifference is the least ΔE between a highlight's fill and the
	// selection's, so a tagged span is never taken for a selected one.
	MinSelectionDifference = 20
)

// Surface is what a highlight is drawn on and with: the page background, the
// text colour and the selection colour (which may be translucent).
type Surface struct {
	Name                        string // "light theme", "dark theme"
	Background, Text, Selection color.Color
}

// HighlightProblem says why a label colour does not work as a highlight on s, or
// "" if it does: its underline must stand out from the page (MinBandRatio), text
// on its fill must keep WCAG AA contrast, and its fill must not look like the
// selection (MinSelectionDifference).
func HighlightProblem(label color.Color, s Surface) string {
	band := Over(WithAlpha(label, HighlightBandAlpha), s.Background)
	fill := Over(WithAlpha(label, HighlightFillAlpha), s.Background)
	if r := Ratio(band, s.Background); r < MinBandRatio {
		return fmt.Sprintf("too faint on the %s (%.1f:1 against the page, want %.1f:1)", s.Name, r, MinBandRatio)
	}
	if r := Ratio(s.Text, fill); r < Text {
		return fmt.Sprintf("too dark behind text on the %s (text reads at %.1f:1, want %.1f:1)", s.Name, r, Text)
	}
	if d := Difference(fill, Over(s.Selection, s.Background)); d < MinSelectionDifference {
		return fmt.Sprintf("too close to the selection colour on the %s", s.Name)
	}
	return ""
}
