package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestViewSettingsApplyAndAreRemembered(t *testing.T) {
	f := newWBFixture(t, trickyText)
	s := f.w.viewSet
	t.Run("Theme dark shows dark colours whatever the system says", func(t *testing.T) {
		// The test app's theme looks the same in both variants: start from Fyne's.
		f.w.app.Settings().SetTheme(withReadableText(theme.DefaultTheme()))
		s.setTheme("dark")
		th := f.w.app.Settings().Theme()
		base := th.(readableTheme).Theme
		dark := base.Color(theme.ColorNameBackground, theme.VariantDark)
		if dark == base.Color(theme.ColorNameBackground, theme.VariantLight) {
			t.Fatal("the base theme's backgrounds do not differ: the test cannot tell")
		}
		if got, want := th.Color(theme.ColorNameBackground, theme.VariantLight), dark; got != want {
			t.Fatalf("background %v, want the dark %v", got, want)
		}
		if f.w.prefs.String(prefTheme) != "dark" {
			t.Fatalf("remembered %q", f.w.prefs.String(prefTheme))
		}
		// The article's own theme (text size override) follows.
		if got := f.w.docText.override.Theme.Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
			t.Fatalf("the article's background is %v", got)
		}
		s.setTheme("system")
		if got := f.w.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != base.Color(theme.ColorNameBackground, theme.VariantLight) {
			t.Fatalf("System follows the variant asked for: got %v", got)
		}
	})
	t.Run("the article is held to a readable width unless Full width", func(t *testing.T) {
		f.w.win.Resize(fyne.NewSize(2400, 800))
		column := s.column.box
		column.Refresh()
		narrow := f.w.docText.override.Size().Width
		if narrow >= column.Size().Width-1 || narrow > s.column.maxWidth()+1 {
			t.Fatalf("article %.0f wide in a %.0f column (max %.0f)", narrow, column.Size().Width, s.column.maxWidth())
		}
		s.setFullWidth(true)
		if got := f.w.docText.override.Size().Width; got != column.Size().Width {
			t.Fatalf("Full width: article %.0f wide in a %.0f column", got, column.Size().Width)
		}
		if !f.w.prefs.Bool(prefFullWidth) {
			t.Fatal("Full width not remembered")
		}
	})
	t.Run("exact selection sets the view's option and is remembered", func(t *testing.T) {
		s.setExactSelection(true)
		if !f.w.view.ExactSelection || !f.w.prefs.Bool(prefExactSelection) {
			t.Fatal("exact selection not applied or not remembered")
		}
		f.w.view.ExactSelection = false
		again := newViewSettings(f.w.app, f.w.view, nil)
		if !f.w.view.ExactSelection || !again.column.full {
			t.Fatal("a new window does not read the remembered settings")
		}
	})
	t.Run("the View menu shows the choices with check marks", func(t *testing.T) {
		var labels []string
		for _, m := range f.w.win.MainMenu().Items {
			if m.Label != "View" {
				continue
			}
			for _, it := range m.Items {
				if it.Checked {
					labels = append(labels, it.Label)
				}
				if it.ChildMenu != nil {
					for _, sub := range it.ChildMenu.Items {
						if sub.Checked {
							labels = append(labels, sub.Label)
						}
					}
				}
			}
		}
		if len(labels) == 0 {
			t.Fatal("no checked item in the View menu")
		}
	})
}
