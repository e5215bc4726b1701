package app

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// textScales are the document text sizes View ▸ Larger/Smaller text steps
// through, as multiples of the theme's text size. Only the article grows: the
// library, palette and annotation list keep their size, so a larger reading
// size costs no room elsewhere.
var textScales = []float64{0.85, 1, 1.15, 1.3, 1.5, 1.75, 2}

// scaledText is the app theme with the text size multiplied, for the document view.
type scaledText struct {
	fyne.Theme
	scale float32
}

func (t scaledText) Size(name fyne.ThemeSizeName) float32 {
	size := t.Theme.Size(name)
	if name == theme.SizeNameText {
		return size * t.scale
	}
	return size
}

// documentText holds the document view inside a theme override that sets its
// text size.
type documentText struct {
	override *container.ThemeOverride
	scale    float64
	settings fyne.Settings // the app's, for the theme the scale applies to
}

func newDocumentText(view fyne.CanvasObject, scale float64, settings fyne.Settings) *documentText {
	d := &documentText{scale: nearestScale(scale), settings: settings}
	d.override = container.NewThemeOverride(view, d.theme())
	return d
}

func (d *documentText) theme() fyne.Theme {
	return scaledText{Theme: withReadableText(d.settings.Theme()), scale: float32(d.scale)}
}

// step moves the scale up (+1) or down (-1) one notch, or back to 1 (0), and
// reports whether it changed.
func (d *documentText) step(direction int) bool {
	i := slices.Index(textScales, d.scale)
	next := d.scale
	switch {
	case direction == 0:
		next = 1
	case i+direction >= 0 && i+direction < len(textScales):
		next = textScales[i+direction]
	}
	if next == d.scale {
		return false
	}
	d.scale = next
	d.override.Theme = d.theme()
	d.override.Refresh()
	return true
}

// percent is the scale as the status bar says it.
func (d *documentText) percent() string {
	return fmt.Sprintf("%d%%", int(math.Round(d.scale*100)))
}

// nearestScale snaps a remembered scale to the closest step (preferences may
// hold anything).
func nearestScale(scale float64) float64 {
	best := 1.0
	for _, s := range textScales {
		if math.Abs(s-scale) < math.Abs(best-scale) {
			best = s
		}
	}
	return best
}

// onTextSize is View ▸ Larger text (+1), Smaller text (-1) and Actual size (0).
func (w *Workbench) onTextSize(direction int) {
	if !w.docText.step(direction) {
		if direction > 0 {
			w.status.flash("Text is as large as it goes")
		} else if direction < 0 {
			w.status.flash("Text is as small as it goes")
		}
		return
	}
	w.prefs.SetFloat(prefTextScale, w.docText.scale)
	w.status.flash("Text size " + w.docText.percent())
}
