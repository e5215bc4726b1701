package docview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestScrollAnchorKeepsTwoViewsOfOneTextOnTheSameLines(t *testing.T) {
	text := strings.Repeat(tricky+"\r\n", 40)
	leader, _ := newTestView(t, text, 300, 200)
	follower := New()
	follower.SetText(text)
	w := test.NewTempWindow(t, follower)
	w.Resize(fyne.NewSize(300, 200))

	leader.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -537)})
	offset, within := leader.ScrollAnchor()
	if offset == 0 || within <= 0 || within >= 1 {
		t.Fatalf("anchor after scrolling 537 px: offset %d within %.2f, want a row start past 0 and part of a row", offset, within)
	}
	follower.SetScrollAnchor(offset, within)
	if got, want := follower.ScrollPosition(), leader.ScrollPosition(); abs32(got-want) > 0.01 {
		t.Errorf("follower scrolled to %.2f, leader is at %.2f", got, want)
	}
	if got, _ := follower.ScrollAnchor(); got != offset {
		t.Errorf("follower's top row starts at %d, leader's at %d", got, offset)
	}
}

func TestScrollAnchorWaitsForTheViewToBeLaidOut(t *testing.T) {
	text := strings.Repeat(tricky+"\r\n", 40)
	leader, _ := newTestView(t, text, 300, 200)
	leader.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -300)})
	offset, within := leader.ScrollAnchor()

	follower := New()
	follower.SetText(text)
	follower.SetScrollAnchor(offset, within) // no size yet
	w := test.NewTempWindow(t, follower)
	w.Resize(fyne.NewSize(300, 200))
	follower.ensureLayout() // what the renderer's Layout does first
	if got, want := follower.ScrollPosition(), leader.ScrollPosition(); abs32(got-want) > 0.01 {
		t.Errorf("follower laid out later scrolled to %.2f, leader is at %.2f", got, want)
	}
}
