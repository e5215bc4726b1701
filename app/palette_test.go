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
	hint := row.Objects[1].(*widget.Label)
	chips := p.box.Layout.(*flowLayout).naturalWidth(p.box.Objects)
	oneRow := p.box.Objects[0].MinSize().Height

	for _, c := range []struct {
		width        float32
		wantHintShow bool
		wantRows     int
	}{
		{chips + 400, true, 1},               // room for both
		{chips + minPaletteHint/2, false, 1}, // too little for the hint: chips stay whole on one row
		{chips / 2, false, 2},                // narrower than the chips: they wrap to 2 rows or more
	} {
		row.Resize(fyne.NewSize(c.width, 100))
		row.Layout.Layout(row.Objects, row.Size())
		p.box.Layout.Layout(p.box.Objects, p.box.Size())
		rows := map[float32]bool{}
		for _, chip := range p.box.Objects {
			rows[chip.Position().Y] = true
			if right := p.box.Position().X + chip.Position().X + chip.Size().Width; right > c.width+0.5 {
				t.Errorf("row %.0f wide: a chip reaches x=%.0f", c.width, right)
			}
		}
		if (c.wantRows == 1) != (len(rows) == 1) {
			t.Errorf("row %.0f wide: chips on %d rows, want %d", c.width, len(rows), c.wantRows)
		}
		if len(rows) > 1 && p.box.MinSize().Height < float32(len(rows))*oneRow {
			t.Errorf("row %.0f wide: the palette asks for %.0f px, less than two rows", c.width, p.box.MinSize().Height)
		}
		if hint.Visible() != c.wantHintShow {
			t.Errorf("row %.0f wide: hint visible %v, want %v", c.width, hint.Visible(), c.wantHintShow)
		}
		if hint.Visible() && hint.Position().X < p.box.Size().Width {
			t.Errorf("row %.0f wide: the hint at x=%.0f overlaps the chips (%.0f wide)", c.width, hint.Position().X, p.box.Size().Width)
		}
	}
}
