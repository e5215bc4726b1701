package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

func (f *wbFixture) stripColors(i int) []string {
	var out []string
	for _, h := range f.w.cur.strips.strips[i].highlights() {
		switch h.Color {
		case agreedColor:
			out = append(out, "agreed")
		case disputedColor:
			out = append(out, "disputed")
		case rejectedColor:
			out = append(out, "rejected")
		case acceptedColor:
			out = append(out, "accepted")
		default:
			out = append(out, "other")
		}
	}
	return out
}

func TestCurationViewStacksEachAnnotatorsLayerOverTheCuratedOne(t *testing.T) {
	f := curationWB(t)
	strips := f.w.cur.strips
	if strips.shown || strips.area.Objects[0] != fyne.CanvasObject(f.w.view) {
		t.Fatalf("strips shown outside the curation view")
	}
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	if !strips.shown || len(strips.top.Objects) != 2 {
		t.Fatalf("curation view shows %d strips (shown %v), want alice's and bob's", len(strips.top.Objects), strips.shown)
	}
	if h := strips.strips[0].header.Text; !strings.HasPrefix(h, "alice's layer · 3 spans: 2 agreed, 1 disputed to decide; 0 accepted") {
		t.Errorf("alice's header %q", h)
	}
	if h := strips.strips[1].header.Text; !strings.HasPrefix(h, "bob's layer · 2 spans") {
		t.Errorf("bob's header %q", h)
	}
	// Text order: “Ceasefire” (both), “We will stay,” (alice), 14 civilians (both).
	if got := strings.Join(f.stripColors(0), " "); got != "agreed disputed agreed" {
		t.Errorf("alice's strip colours %q", got)
	}
	if got := strings.Join(f.stripColors(1), " "); got != "agreed agreed" {
		t.Errorf("bob's strip colours %q", got)
	}
	if strips.strips[0].view.Text() != f.w.ed.Doc().Text {
		t.Errorf("alice's strip does not show the document")
	}

	// A click (here Tab, the keyboard's way) on alice's only-hers quote picks it.
	alice := strips.strips[0].view
	alice.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	alice.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	sel, ok := f.w.ed.Span(f.w.view.SelectedHighlight())
	if !ok || f.w.view.Slice(sel.Start, sel.End) != "“We will stay,”" {
		t.Fatalf("picking alice's second span selected %+v in the curated view", sel)
	}
	if !strings.Contains(f.w.status.message.Text, "alice's QUOTE") || !strings.Contains(f.w.status.message.Text, "1 of 2") {
		t.Errorf("status after the pick: %q", f.w.status.message.Text)
	}
	if strips.strips[1].view.SelectedHighlight() != 0 {
		t.Errorf("bob's strip outlines a span he does not have")
	}
	f.w.view.TypedRune('a')
	if f.curated() != 1 || !strings.Contains(f.w.status.message.Text, "from alice's copy") {
		t.Fatalf("A after the pick: %d curated, status %q", f.curated(), f.w.status.message.Text)
	}
	if got := strings.Join(f.stripColors(0), " "); got != "agreed accepted agreed" {
		t.Errorf("alice's strip after accepting: %q, want the accepted span marked accepted", got)
	}
	// The Agreed span in bob's strip: selecting it in the curated view outlines both copies.
	bob := strips.strips[1].view
	bob.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if alice.SelectedHighlight() == 0 || bob.SelectedHighlight() == 0 {
		t.Errorf("picking bob's first span outlines alice's %d and bob's %d", alice.SelectedHighlight(), bob.SelectedHighlight())
	}
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerAll})
	if strips.shown || strips.area.Objects[0] != fyne.CanvasObject(f.w.view) {
		t.Errorf("strips still shown in all layers")
	}
}

func TestCurationStripsScrollWithEachOther(t *testing.T) {
	var text strings.Builder
	for i := range 300 {
		fmt.Fprintf(&text, "Line %d: “quoted” — 😀 words\u00a0here.\r\n", i)
	}
	f := newWBFixtureTB(t, text.String())
	var spans []annotate.Span
	for i := range 300 {
		start := cp(t, text.String(), fmt.Sprintf("Line %d:", i))
		spans = append(spans, annotate.Span{DocID: f.ids[0], Start: start, End: start + 4, Label: "CLAIM", Annotator: "alice"},
			annotate.Span{DocID: f.ids[0], Start: start, End: start + 4 + i%2, Label: "CLAIM", Annotator: "bob"})
	}
	if _, err := f.db.AddSpans(f.ctx, spans, "importer"); err != nil {
		t.Fatal(err)
	}
	f.w.openDocument(f.ids[0])
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	f.w.Window().Resize(fyne.NewSize(1200, 800))
	strips := f.w.cur.strips
	for _, v := range strips.views() {
		test.WidgetRenderer(v).Layout(v.Size())
	}
	bob := strips.strips[1].view
	bob.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -1000)})
	want, within := bob.ScrollAnchor()
	if want == 0 {
		t.Fatalf("bob's strip did not scroll")
	}
	for _, v := range []*docview.View{strips.strips[0].view, f.w.view} {
		if got, gotWithin := v.ScrollAnchor(); got != want || abs(gotWithin-within) > 0.01 {
			t.Errorf("a view follows at %d (+%.2f), bob's strip is at %d (+%.2f)", got, gotWithin, want, within)
		}
	}
	f.w.view.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 400)})
	want, _ = f.w.view.ScrollAnchor()
	if got, _ := bob.ScrollAnchor(); got != want {
		t.Errorf("scrolling the curated view left bob's strip at %d, want %d", got, want)
	}
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func TestCurationViewWithoutAnnotatorsShowsTheCuratedViewAlone(t *testing.T) {
	f := curationWB(t)
	f.w.openDocument(f.ids[1]) // nobody annotated it
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	if f.w.cur.strips.shown {
		t.Errorf("strips shown for a document no annotator worked on")
	}
	f.w.openDocument(f.ids[0])
	if !f.w.cur.strips.shown || len(f.w.cur.strips.top.Objects) != 2 {
		t.Errorf("opening an annotated document in the curation view: shown %v, %d strips", f.w.cur.strips.shown, len(f.w.cur.strips.top.Objects))
	}
	if got := f.w.cur.strips.strips[0].view.Text(); got != f.w.ed.Doc().Text {
		t.Errorf("strip still shows the other document's text %q", got)
	}
}

// TestManyAnnotatorsStripsScrollInsteadOfGrowingTheWindow: with six annotators the
// strips keep a header and two lines each and scroll, instead of asking for a
// window taller than the screen or squeezing each strip to a sliver; with two,
// they share the space above the curated view.
func TestManyAnnotatorsStripsScrollInsteadOfGrowingTheWindow(t *testing.T) {
	text := strings.Repeat("A paragraph of the article, long enough to wrap over two lines of the views at this width. ", 4)
	l := newLayerStrips(docview.New(), widget.NewLabel("actions"), func(string, int64) {}, func(rune) {})
	win := test.NewTempWindow(t, l.area)
	win.Resize(fyne.NewSize(900, 700))
	layers := func(n int) []stripLayer {
		var out []stripLayer
		for i := range n {
			out = append(out, stripLayer{annotator: fmt.Sprint("annotator", i), header: fmt.Sprint("annotator", i, "'s layer")})
		}
		return out
	}
	l.show(layers(6), text, "Curated layer")
	win.Resize(fyne.NewSize(900, 700))
	if h := l.area.MinSize().Height; h > 500 {
		t.Errorf("six strips ask for %.0f px of height: the window would grow to fit them", h)
	}
	for i, s := range l.strips[:6] {
		if got, least := s.box.Size().Height, s.box.MinSize().Height; got < least-0.5 {
			t.Errorf("strip %d is %.0f px tall, less than its header and two lines (%.0f)", i, got, least)
		}
	}
	l.show(layers(2), text, "Curated layer")
	win.Resize(fyne.NewSize(900, 701)) // lay out again
	above := l.split.Leading.Size().Height
	for i, s := range l.strips[:2] {
		if got := s.box.Size().Height; got < above/2-theme.Padding()*2 {
			t.Errorf("with two annotators strip %d is %.0f px of the %.0f above the curated view", i, got, above)
		}
	}
}
