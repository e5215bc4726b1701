package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/newsmark/newsmark/app/docview"
)

// Preference keys of the View menu's settings.
const (
	prefTheme          = "view.theme"          // "system", "light" or "dark"
	prefFullWidth      = "view.fullWidth"      // the article fills the window's width
	prefExactSelection = "view.exactSelection" // mouse selections take exact characters
)

// Theme choices as View ▸ Theme lists them.
var themeChoices = []struct{ key, label string }{
	{"system", "System"}, {"light", "Light"}, {"dark", "Dark"},
}

// readableChars is the line length the article is held to unless View ▸ Full
// width is on: about 90 characters, a comfortable measure for reading prose.
const readableChars = 90

// viewSettings are the View menu's remembered choices: the theme, the line
// length and how mouse selections snap.
type viewSettings struct {
	app      fyne.App
	prefs    fyne.Preferences
	view     *docview.View
	docText  *documentText
	column   *readableColumn
	refresh  func() // rebuilds the main menu so check marks follow
	themeKey string
}

func newViewSettings(a fyne.App, view *docview.View, docText *documentText) *viewSettings {
	s := &viewSettings{app: a, prefs: a.Preferences(), view: view, docText: docText}
	s.column = &readableColumn{view: view, full: s.prefs.BoolWithFallback(prefFullWidth, false)}
	view.ExactSelection = s.prefs.BoolWithFallback(prefExactSelection, false)
	s.setTheme(s.prefs.StringWithFallback(prefTheme, "system"))
	return s
}

// setTheme applies and remembers a theme choice ("system", "light", "dark").
func (s *viewSettings) setTheme(key string) {
	var variant *fyne.ThemeVariant
	switch key {
	case "light":
		v := theme.VariantLight
		variant = &v
	case "dark":
		v := theme.VariantDark
		variant = &v
	default:
		key = "system"
	}
	s.themeKey = key
	s.prefs.SetString(prefTheme, key)
	s.app.Settings().SetTheme(withVariant(s.app.Settings().Theme(), variant))
	if s.docText != nil {
		s.docText.override.Theme = s.docText.theme()
		s.docText.override.Refresh()
	}
}

// setFullWidth turns the readable line length off (true) or on.
func (s *viewSettings) setFullWidth(full bool) {
	s.column.full = full
	s.prefs.SetBool(prefFullWidth, full)
	s.column.relayout()
}

// setExactSelection makes mouse selections take exact characters (true) or
// snap to whole words.
func (s *viewSettings) setExactSelection(exact bool) {
	s.view.ExactSelection = exact
	s.prefs.SetBool(prefExactSelection, exact)
}

// menuItems are the View menu's entries for these settings.
func (s *viewSettings) menuItems() []*fyne.MenuItem {
	themes := make([]*fyne.MenuItem, 0, len(themeChoices))
	for _, c := range themeChoices {
		it := fyne.NewMenuItem(c.label, func() { s.setTheme(c.key); s.refreshMenu() })
		it.Checked = s.themeKey == c.key
		themes = append(themes, it)
	}
	themeItem := fyne.NewMenuItem("Theme", nil)
	themeItem.ChildMenu = fyne.NewMenu("", themes...)
	full := fyne.NewMenuItem("Full width", func() { s.setFullWidth(!s.column.full); s.refreshMenu() })
	full.Checked = s.column.full
	exact := fyne.NewMenuItem("Select exact characters (no snapping to words)", func() {
		s.setExactSelection(!s.view.ExactSelection)
		s.refreshMenu()
	})
	exact.Checked = s.view.ExactSelection
	return []*fyne.MenuItem{themeItem, full, exact}
}

func (s *viewSettings) refreshMenu() {
	if s.refresh != nil {
		s.refresh()
	}
}

// readableColumn lays the article out at most readableChars wide, centred,
// unless full is set.
type readableColumn struct {
	view *docview.View
	full bool
	box  *fyne.Container // the container it lays out, for relayout
}

// maxWidth is the widest the article may be: readableChars average characters
// of the article's text size, with its padding and scroll bar.
func (c *readableColumn) maxWidth() float32 {
	th := c.view.Theme()
	size := th.Size(theme.SizeNameText)
	sample := "the quick brown fox jumps over a lazy dog, THE QUICK BROWN FOX"
	avg := fyne.MeasureText(sample, size, fyne.TextStyle{}).Width / float32(len(sample))
	return avg*readableChars + 2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameScrollBar)
}

func (c *readableColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	width := size.Width
	if !c.full {
		width = min(width, c.maxWidth())
	}
	for _, o := range objects {
		o.Move(fyne.NewPos((size.Width-width)/2, 0))
		o.Resize(fyne.NewSize(width, size.Height))
	}
}

func (c *readableColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

func (c *readableColumn) relayout() {
	if c.box != nil {
		c.box.Refresh()
	}
}
