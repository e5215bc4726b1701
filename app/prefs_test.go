package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestAnnotatorComesFromOptionThenPreferenceThenLogin(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	login := func() string { return "login" }
	if got := resolveAnnotator(" ana ", prefs, login); got != "ana" {
		t.Errorf("explicit: %q", got)
	}
	if got := resolveAnnotator("", prefs, login); got != "login" {
		t.Errorf("no preference: %q", got)
	}
	prefs.SetString(prefAnnotator, "bo")
	if got := resolveAnnotator("", prefs, login); got != "bo" {
		t.Errorf("preference: %q", got)
	}
	prefs.SetString(prefAnnotator, "")
	if got := resolveAnnotator("", prefs, func() string { return "" }); got != "annotator" {
		t.Errorf("nothing known: %q", got)
	}
}

func TestSelectionTextCountsCodePoints(t *testing.T) {
	cases := []struct {
		name       string
		start, end int
		open       bool
		want       string
	}{
		{"a caret", 12, 12, true, "Caret 12"},
		{"a range", 12, 40, true, "Selection 12–40 (28 chars)"},
		{"one character", 3, 4, true, "Selection 3–4 (1 char)"},
		{"no document", 0, 0, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := selectionText(c.start, c.end, c.open); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
