package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
)

// chipAt returns the palette chip of a label and the middle of it on the canvas.
func (f *wbFixture) chipAt(name string) (*labelChip, fyne.Position) {
	f.t.Helper()
	for _, o := range f.w.palette.box.Objects {
		if c, ok := o.(*labelChip); ok && c.label.Name == name {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
			return c, pos.Add(fyne.NewPos(c.Size().Width/2, c.Size().Height/2))
		}
	}
	f.t.Fatalf("no chip %s in the palette", name)
	return nil, fyne.Position{}
}

func TestHoveringAPaletteChipShowsTheLabelsGuidelineBelowIt(t *testing.T) {
	f := newWBFixture(t, suggestText)
	tip := f.w.palette.tip
	tip.delay = 0
	chip, middle := f.chipAt("QUOTE")
	test.MoveMouse(f.w.win.Canvas(), middle)
	if _, shown := tip.visible(); !shown {
		t.Fatal("no tip while the pointer rests on the QUOTE chip")
	}
	label, _ := f.w.ed.Label("QUOTE")
	if !strings.HasPrefix(tip.title.Text, "QUOTE") || tip.text.Text != strings.TrimSpace(label.Description) || label.Description == "" {
		t.Errorf("tip reads %q / %q, want the QUOTE guideline %q", tip.title.Text, tip.text.Text, label.Description)
	}
	chipBottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(chip).Y + chip.Size().Height
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(tip.bubble).Y
	if top < chipBottom {
		t.Errorf("the tip's top (%.0f) covers the chip (bottom %.0f)", top, chipBottom)
	}
	if right := fyne.CurrentApp().Driver().AbsolutePositionForObject(tip.bubble).X + tip.bubble.Size().Width; right > f.w.win.Canvas().Size().Width {
		t.Errorf("the tip reaches x=%.0f, past the window's edge", right)
	}
	if tip.text.Size().Height < tip.text.MinSize().Height {
		t.Errorf("the guideline is cut: %.0f high, needs %.0f", tip.text.Size().Height, tip.text.MinSize().Height)
	}

	test.MoveMouse(f.w.win.Canvas(), fyne.NewPos(middle.X, middle.Y+300))
	if _, shown := tip.visible(); shown {
		t.Error("the tip stays after the pointer left the chip")
	}
}

func TestClickingAChipThroughItsTipTagsAndHidesTheTip(t *testing.T) {
	f := newWBFixture(t, suggestText)
	tip := f.w.palette.tip
	tip.delay = 0
	quote := rangeOf(t, suggestText, "“We will stay,”")
	f.w.view.Select(quote[0], quote[1])
	_, middle := f.chipAt("QUOTE")
	test.MoveMouse(f.w.win.Canvas(), middle)
	test.TapCanvas(f.w.win.Canvas(), middle)
	if spans := f.spans(f.ids[0]); len(spans) != 1 || spans[0].Label != "QUOTE" {
		t.Fatalf("clicking the chip stored %+v", spans)
	}
	if _, shown := tip.visible(); shown {
		t.Error("the tip stays after the click")
	}
}

func TestThePointerPassingOverAChipShowsNoTip(t *testing.T) {
	f := newWBFixture(t, suggestText)
	tip := f.w.palette.tip
	tip.delay = 20 * time.Millisecond
	_, middle := f.chipAt("CLAIM")
	test.MoveMouse(f.w.win.Canvas(), middle)
	test.MoveMouse(f.w.win.Canvas(), fyne.NewPos(middle.X, middle.Y+300))
	time.Sleep(100 * time.Millisecond) // past the delay: the cancelled tip must not come
	if _, shown := tip.visible(); shown {
		t.Error("a tip showed after the pointer had left the chip")
	}
}

func TestALabelWithoutDescriptionSaysHowToGiveItOne(t *testing.T) {
	if got := guidelineOf(annotate.Label{Name: "X"}); !strings.Contains(got, "Manage labels") {
		t.Errorf("empty guideline reads %q", got)
	}
}
