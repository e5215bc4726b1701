package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/contrast"
	"github.com/newsmark/newsmark/assets"
)

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
		if got := contrast.Ratio(secondary, bg); got < 4.5 {
			t.Errorf("variant %v: secondary text contrast %.2f:1 on the background, want at least 4.5:1", variant, got)
		}
		if contrast.Ratio(secondary, bg) >= contrast.Ratio(fg, bg) {
			t.Errorf("variant %v: secondary text is as strong as the foreground", variant)
		}
		if got, want := th.Color(theme.ColorNameButton, variant), base.Color(theme.ColorNameButton, variant); got != want {
			t.Errorf("variant %v: button colour changed to %v, want the base theme's %v", variant, got, want)
		}
	}
	if again := withReadableText(th); again != th {
		t.Errorf("wrapping the theme twice stacked it: %#v", again)
	}
}

var variants = map[string]fyne.ThemeVariant{"light theme": theme.VariantLight, "dark theme": theme.VariantDark}

// textColours are the theme colours Newsmark draws text in.
var textColours = []fyne.ThemeColorName{
	theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder, theme.ColorNameSuccess,
	theme.ColorNameError, theme.ColorNameWarning, theme.ColorNamePrimary, theme.ColorNameHyperlink,
}

func TestEveryTextColourMeetsWCAGAA(t *testing.T) {
	th := withReadableText(theme.DefaultTheme())
	for name, variant := range variants {
		for _, surface := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
			bg := contrast.Over(th.Color(surface, variant), th.Color(theme.ColorNameBackground, variant))
			for _, text := range textColours {
				if r := contrast.Ratio(contrast.Over(th.Color(text, variant), bg), bg); r < contrast.Text {
					t.Errorf("%s: %s text on %s reads at %.2f:1, want %.1f:1", name, text, surface, r, contrast.Text)
				}
			}
		}
		sel := contrast.Over(th.Color(theme.ColorNameSelection, variant), th.Color(theme.ColorNameBackground, variant))
		if r := contrast.Ratio(th.Color(theme.ColorNameForeground, variant), sel); r < contrast.Text {
			t.Errorf("%s: selected text reads at %.2f:1", name, r)
		}
	}
}

// labelColours are the colours a label gets without the user typing one: the
// default labels', the fallbacks for labels an import creates, and the label
// manager's swatches.
func labelColours(t *testing.T) []string {
	defaults, err := assets.DefaultLabels()
	if err != nil {
		t.Fatal(err)
	}
	var colours []string
	for _, l := range defaults {
		colours = append(colours, l.Color)
	}
	for i := range 9 {
		colours = append(colours, annotate.FallbackColor(i))
	}
	return append(colours, swatchColors()...)
}

func TestLabelColoursWorkAsHighlightsOnBothThemes(t *testing.T) {
	th := withReadableText(theme.DefaultTheme())
	for _, hex := range labelColours(t) {
		c, ok := contrast.Parse(hex)
		if !ok {
			t.Fatalf("label colour %q does not parse", hex)
		}
		for name, variant := range variants {
			surface := contrast.Surface{Name: name, Background: th.Color(theme.ColorNameBackground, variant),
				Text: th.Color(theme.ColorNameForeground, variant), Selection: th.Color(theme.ColorNameSelection, variant)}
			if problem := contrast.HighlightProblem(c, surface); problem != "" {
				t.Errorf("%s: %s", hex, problem)
			}
		}
	}
}

func TestHighlightRuleCatchesTheColoursReportedFaint(t *testing.T) {
	th := withReadableText(theme.DefaultTheme())
	dark := contrast.Surface{Name: "dark theme", Background: th.Color(theme.ColorNameBackground, theme.VariantDark),
		Text: th.Color(theme.ColorNameForeground, theme.VariantDark), Selection: th.Color(theme.ColorNameSelection, theme.VariantDark)}
	indigo, _ := contrast.Parse("#332288")
	if contrast.HighlightProblem(indigo, dark) == "" {
		t.Error("#332288 passes as a highlight on the dark theme")
	}
	base := theme.DefaultTheme()
	blueSelection := dark
	blueSelection.Selection = base.Color(theme.ColorNameSelection, theme.VariantDark)
	claim, _ := contrast.Parse("#0072B2")
	if contrast.HighlightProblem(claim, blueSelection) == "" {
		t.Error("CLAIM blue passes against Fyne's blue selection")
	}
}
