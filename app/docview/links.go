package docview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Link joins two highlights, as brat draws a relation: a statement (From) and
// the words naming its source (To).
type Link struct {
	From, To int64
}

// SetLinks sets the links drawn between highlights; links to highlights the
// view does not have are not drawn.
func (v *View) SetLinks(links []Link) {
	v.links = append(v.links[:0], links...)
	v.Refresh()
}

// Links are the links the view draws.
func (v *View) Links() []Link { return append([]Link(nil), v.links...) }

// LinkedTo lists the highlights linked to id, either way round.
func (v *View) LinkedTo(id int64) []int64 {
	var out []int64
	for _, l := range v.links {
		switch id {
		case l.From:
			out = append(out, l.To)
		case l.To:
			out = append(out, l.From)
		}
	}
	return out
}

// linkAnchor is where a link meets a highlight: below the middle of its first
// character, under the underline bands. ok is false when that row is not on
// screen.
func (v *View) linkAnchor(id int64, first, last int) (fyne.Position, bool) {
	i := v.highlightIndex(id)
	if i < 0 {
		return fyne.Position{}, false
	}
	h := v.highlights[i]
	row := v.rowOf(h.Start)
	if row < first || row > last {
		return fyne.Position{}, false
	}
	x := v.padding() + v.xOf(row, h.Start) + v.widths.width(v.text[h.Start])/2
	y := v.rowTop(row) - v.scrollY + v.rowHeight - 1
	return fyne.NewPos(x, y), true
}

// linkLines draws each link whose two ends are on screen as a line in the
// statement's label colour, with a dot at each end, thicker for the selected
// highlight's links.
func (v *View) linkLines(first, last int) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, l := range v.links {
		from, ok1 := v.linkAnchor(l.From, first, last)
		to, ok2 := v.linkAnchor(l.To, first, last)
		if !ok1 || !ok2 {
			continue
		}
		line := canvas.NewLine(fillColor(v.highlights[v.highlightIndex(l.From)].Color, 0xc0))
		line.StrokeWidth = 1
		if v.selected != 0 && (l.From == v.selected || l.To == v.selected) {
			line.StrokeWidth = 2.5
		}
		line.Position1, line.Position2 = from, to
		out = append(out, line)
		for _, end := range []fyne.Position{from, to} {
			dot := canvas.NewCircle(line.StrokeColor)
			dot.Move(fyne.NewPos(end.X-2.5, end.Y-2.5))
			dot.Resize(fyne.NewSize(5, 5))
			out = append(out, dot)
		}
	}
	return out
}
