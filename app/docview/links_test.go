package docview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func drawnLines(v *View) []*canvas.Line {
	var lines []*canvas.Line
	for _, o := range test.WidgetRenderer(v).Objects() {
		if l, ok := o.(*canvas.Line); ok {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestLinksAreDrawnBetweenTheirHighlights(t *testing.T) {
	v, _ := newTestView(t, tricky, 700, 300)
	quote := at(t, tricky, "“the plant is safe”", 0)
	officials := at(t, tricky, "Officials", 0)
	second := at(t, tricky, "“quoted”", 0)
	orange := color.NRGBA{R: 0xE6, G: 0x9F, A: 0xff}
	blue := color.NRGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xff}
	v.SetHighlights([]Highlight{
		{ID: 1, Start: quote, End: quote + 19, Color: orange},
		{ID: 2, Start: officials, End: officials + 9, Color: blue},
		{ID: 3, Start: second, End: second + 8, Color: orange},
	})
	if n := len(drawnLines(v)); n != 0 {
		t.Fatalf("%d lines drawn without links", n)
	}
	v.SetLinks([]Link{{From: 1, To: 2}, {From: 3, To: 2}, {From: 1, To: 99}})
	lines := drawnLines(v)
	if len(lines) != 2 {
		t.Fatalf("%d lines drawn, want 2 (the link to a missing highlight is skipped)", len(lines))
	}
	// The first line runs from under the quote's first character to under "Officials".
	from, to := lines[0].Position1, lines[0].Position2
	wantFrom := v.padding() + v.xOf(v.rowOf(quote), quote)
	wantTo := v.padding() + v.xOf(v.rowOf(officials), officials)
	if from.X < wantFrom || from.X > wantFrom+20 || to.X < wantTo || to.X > wantTo+20 {
		t.Errorf("line from %v to %v; want it to start near x=%.0f and end near x=%.0f", from, to, wantFrom, wantTo)
	}
	if lines[1].Position1.Y <= lines[0].Position1.Y {
		t.Errorf("the second quote is on a lower row, but its line starts at y=%.0f (first at %.0f)", lines[1].Position1.Y, lines[0].Position1.Y)
	}
	// The selected highlight's links are drawn thicker.
	v.SelectHighlight(3)
	lines = drawnLines(v)
	if lines[0].StrokeWidth >= lines[1].StrokeWidth {
		t.Errorf("stroke widths %v and %v: the selected span's link should be thicker", lines[0].StrokeWidth, lines[1].StrokeWidth)
	}
	if got := v.LinkedTo(2); len(got) != 2 {
		t.Errorf("LinkedTo(2) = %v", got)
	}
	// Scrolled so that one end is off screen, the link is not drawn.
	v.Resize(fyne.NewSize(700, 40))
	v.ScrollToOffset(len(v.text))
	for _, l := range drawnLines(v) {
		if l.Position1.Y < 0 || l.Position2.Y < 0 {
			t.Errorf("a line is drawn to an end off screen: %v–%v", l.Position1, l.Position2)
		}
	}
}
