package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/newsmark/newsmark/app/contrast"
)

// labelColourWarning says why a label colour would make a poor highlight on
// Newsmark's light or dark theme (see contrast.HighlightProblem), or "" if it
// works on both or is not a colour. The label manager shows it under the colour
// field; the colour is still the user's choice.
func labelColourWarning(hex string) string {
	c, ok := contrast.Parse(strings.TrimSpace(hex))
	if !ok {
		return ""
	}
	th := withReadableText(theme.DefaultTheme())
	var problems []string
	for _, v := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light theme", theme.VariantLight}, {"dark theme", theme.VariantDark}} {
		surface := contrast.Surface{
			Name:       v.name,
			Background: th.Color(theme.ColorNameBackground, v.variant),
			Text:       th.Color(theme.ColorNameForeground, v.variant),
			Selection:  th.Color(theme.ColorNameSelection, v.variant),
		}
		if p := contrast.HighlightProblem(c, surface); p != "" {
			problems = append(problems, p)
		}
	}
	if len(problems) == 0 {
		return ""
	}
	return "As a highlight this colour is " + strings.Join(problems, "; and ") + "."
}
