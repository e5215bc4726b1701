package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
)

func TestPaletteKeepsTheChipsWholeAndGivesTheHintWhatIsLeft(t *testing.T) {
	test.NewTempApp(t)
	p := newPalette(nil)
	row := p.build().(*fyne.Container).Objects[0].(*fyne.Container)
	p.setLabels([]annotate.Label{{Name: "CLAIM", Color: "#0072B2", Hotkey: "1"}, {Name: "QUOTE", Color: "#E69F00", Hotkey: "2"},
		{Name: "DEMAND", Color: "#009E73", Hotkey: "3"}, {Name: "CASUALTY", Color: "#CC79A7", Hotkey: "4"}})
	scroll, hint := row.Objects[0], row.Objects[1].(*widget.Label)
	chips := p.box.MinSize().Width
	height := row.MinSize().Height

	for _, c := range []struct {
		width        float32
		wantChips    float32
		wantHintShow bool
	}{
		{chips + 400, chips, true},               // room for both
		{chips + minPaletteHint/2, chips, false}, // too little for the hint: chips stay whole
		{chips / 2, chips / 2, false},            // narrower than the chips: they scroll
	} {
		row.Resize(fyne.NewSize(c.width, height))
		row.Layout.Layout(row.Objects, row.Size())
		if got := scroll.Size().Width; got != c.wantChips {
			t.Errorf("row %.0f wide: chips get %.0f, want %.0f", c.width, got, c.wantChips)
		}
		if hint.Visible() != c.wantHintShow {
			t.Errorf("row %.0f wide: hint visible %v, want %v", c.width, hint.Visible(), c.wantHintShow)
		}
		if hint.Visible() && hint.Position().X < scroll.Size().Width {
			t.Errorf("row %.0f wide: the hint at x=%.0f overlaps the chips (%.0f wide)", c.width, hint.Position().X, scroll.Size().Width)
		}
	}
}
