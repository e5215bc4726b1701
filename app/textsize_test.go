package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestTextSizeGrowsTheArticleKeepsTheReadingPlaceAndIsRemembered(t *testing.T) {
	long := strings.Repeat("“Talks resumed,” the mayor’s office said — 14\u00a0civilians 😀 were evacuated.\r\n", 300)
	f := newWBFixture(t, long)
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	textSize := func(w *Workbench) float32 { return w.view.Theme().Size(theme.SizeNameText) }
	if got := textSize(f.w); got != base {
		t.Fatalf("text size at start %v, want the theme's %v", got, base)
	}
	f.w.view.SetScrollPosition(4000)
	top := f.w.view.FirstVisibleOffset()

	f.w.onTextSize(+1)
	f.w.onTextSize(+1)
	if got, want := textSize(f.w), base*1.3; got != want {
		t.Errorf("after two steps up the text size is %v, want %v", got, want)
	}
	if !f.w.view.OffsetVisible(top) {
		t.Errorf("offset %d, at the top before, is off screen after the text grew", top)
	}
	if got := f.w.library.filter.Theme().Size(theme.SizeNameText); got != base {
		t.Errorf("the library's text grew too (%v): only the article should", got)
	}
	if got := f.w.prefs.Float(prefTextScale); got != 1.3 {
		t.Errorf("remembered scale %v, want 1.3", got)
	}

	again := NewWorkbench(f.w.app, f.db, Options{Annotator: "tester"})
	again.tasks.Wait()
	again.Window().Resize(fyne.NewSize(1200, 800))
	if got, want := textSize(again), base*1.3; got != want {
		t.Errorf("after a restart the text size is %v, want %v", got, want)
	}

	for range 10 {
		f.w.onTextSize(+1)
	}
	if got, want := textSize(f.w), base*2; got != want {
		t.Errorf("the largest size is %v, want %v", got, want)
	}
	f.w.onTextSize(0)
	if got := textSize(f.w); got != base {
		t.Errorf("Actual size gives %v, want %v", got, base)
	}
	for range 10 {
		f.w.onTextSize(-1)
	}
	if got, want := textSize(f.w), base*0.85; got != want {
		t.Errorf("the smallest size is %v, want %v", got, want)
	}
}

func TestNearestScaleSnapsToASteps(t *testing.T) {
	for in, want := range map[float64]float64{0: 0.85, 1: 1, 1.2: 1.15, 1.26: 1.3, 9: 2, -3: 0.85} {
		if got := nearestScale(in); got != want {
			t.Errorf("nearestScale(%v) = %v, want %v", in, got, want)
		}
	}
}
