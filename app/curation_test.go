package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/editor"
)

// curationWB opens trickyText annotated by alice and bob: “Ceasefire” and
// 14 civilians agreed, “We will stay,” only alice's.
func curationWB(t testing.TB) *wbFixture {
	t.Helper()
	f := newWBFixtureTB(t, trickyText, "A second article nobody annotated.")
	text := f.w.ed.Doc().Text
	at := func(who, label, sub string) annotate.Span {
		start := cp(t, text, sub)
		return annotate.Span{DocID: f.ids[0], Start: start, End: start + annotate.RuneLen(sub), Label: label, Annotator: who}
	}
	if _, err := f.db.AddSpans(f.ctx, []annotate.Span{
		at("alice", "QUOTE", "“Ceasefire”"), at("bob", "QUOTE", "“Ceasefire”"),
		at("alice", "QUOTE", "“We will stay,”"),
		at("alice", "CASUALTY", "14 civilians"), at("bob", "CASUALTY", "14 civilians"),
	}, "importer"); err != nil {
		t.Fatal(err)
	}
	f.w.openDocument(f.ids[0])
	return f
}

func (f *wbFixture) curated() int {
	n := 0
	for _, s := range f.spans(f.ids[0]) {
		if s.Annotator == "curator" {
			n++
		}
	}
	return n
}

func TestLayerSwitchShowsOneAnnotatorAllOrCurated(t *testing.T) {
	f := curationWB(t)
	if got := len(f.w.annotations.spans); got != 5 {
		t.Fatalf("all layers: list shows %d, want 5", got)
	}
	options := f.w.status.layer.Options
	if !strings.Contains(strings.Join(options, "|"), "alice's layer|bob's layer|tester's layer|Curated layer|Curation view") {
		t.Errorf("layer switch offers %v", options)
	}
	f.w.status.layer.SetSelected("bob's layer")
	if got := len(f.w.annotations.spans); got != 2 || f.w.ed.Layer().Annotator != "bob" {
		t.Errorf("bob's layer: list shows %d spans, layer %+v", got, f.w.ed.Layer())
	}
	// Another person's layer is for reading.
	start := cp(t, trickyText, "Ana Pavić")
	f.w.view.Select(start, start+9)
	f.w.view.TypedRune('1')
	if len(f.spans(f.ids[0])) != 5 || !strings.Contains(f.w.status.message.Text, "for reading") {
		t.Errorf("tagging in bob's layer: %d spans, status %q", len(f.spans(f.ids[0])), f.w.status.message.Text)
	}
	f.w.status.layer.SetSelected("Curated layer")
	f.w.view.Select(start, start+9)
	f.w.view.TypedRune('1')
	if f.curated() != 1 {
		t.Errorf("tagging in the curated layer stored %d curated spans, want 1", f.curated())
	}
}

func TestCurationKeysAcceptRejectAndAcceptAllAreUndoable(t *testing.T) {
	f := curationWB(t)
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	if _, highlights := f.w.cur.layerView(); len(highlights) != 3 || highlights[0].Color != agreedColor || highlights[1].Color != disputedColor {
		t.Fatalf("curation view draws %+v, want 3 candidates: agreed, disputed, agreed", highlights)
	}
	f.w.view.TypedRune('n') // the first undecided: “Ceasefire”
	f.w.view.TypedRune('a')
	if f.curated() != 1 {
		t.Fatalf("A stored %d curated spans, want 1", f.curated())
	}
	f.w.view.TypedRune('n') // “We will stay,” (alice only)
	f.w.view.TypedRune('r')
	if f.curated() != 1 || len(f.spans(f.ids[0])) != 6 {
		t.Errorf("R changed stored spans: %d curated, %d in all", f.curated(), len(f.spans(f.ids[0])))
	}
	if !strings.Contains(f.w.status.message.Text, "Rejected QUOTE") && !strings.Contains(f.w.status.message.Text, "decided") {
		t.Errorf("status after R: %q", f.w.status.message.Text)
	}
	f.w.view.TypedRune('A')
	if f.curated() != 2 {
		t.Fatalf("Shift+A left %d curated spans, want 2 (the rejected one stays out)", f.curated())
	}
	f.w.onUndo()
	if f.curated() != 1 {
		t.Errorf("undoing accept-all left %d curated spans, want 1", f.curated())
	}
	f.w.onUndo() // the rejection
	f.w.onUndo() // the first accept
	if f.curated() != 0 {
		t.Errorf("after three undos %d curated spans remain", f.curated())
	}
}

func TestAgreementWindowListsDocumentsAndOpensCuration(t *testing.T) {
	f := curationWB(t)
	// Both name the source of “Ceasefire”, in other letters: agreed.
	for _, s := range f.spans(f.ids[0]) {
		if s.Label == "QUOTE" && s.Start == 0 {
			name := map[string]string{"alice": "Ana Pavić", "bob": "ana  pavić"}[s.Annotator]
			if _, err := f.db.SetSpanAttr(f.ctx, s.ID, "source", annotate.SourceValue(name), s.Annotator); err != nil {
				t.Fatal(err)
			}
		}
	}
	aw := newAgreementWindow(test.NewTempApp(t), f.db, "curator", f.w.cur.openForCuration)
	c, err := aw.load(f.ctx)
	aw.setComparison(c, err)
	if len(aw.current.Pairs) != 1 || aw.pairs.Selected != "alice vs bob" {
		t.Fatalf("pairs %v, selected %q", aw.pairs.Options, aw.pairs.Selected)
	}
	rows, cols := aw.tableSize()
	if cols != 9 || rows != 4 { // heading, CASUALTY, QUOTE, micro
		t.Errorf("table %d×%d, want 4×9", rows, cols)
	}
	if got := aw.cellText(0, 8); got != "sources" {
		t.Errorf("last column %q, want sources", got)
	}
	if got := aw.cellText(2, 8); got != "1.000 of 1" {
		t.Errorf("QUOTE source agreement cell %q, want 1.000 of 1", got)
	}
	if got := aw.cellText(1, 8); got != "–" {
		t.Errorf("CASUALTY source agreement cell %q, want – (no sources)", got)
	}
	// micro: alice 3, bob 2, exact 2: F1 = 4/5.
	if got := aw.cellText(rows-1, 4); got != "0.800" {
		t.Errorf("micro exact F1 cell %q, want 0.800", got)
	}
	if len(aw.rows) != 1 || !strings.Contains(aw.docText(0), "1 span unmatched") {
		t.Errorf("document rows %v: %q", aw.rows, aw.docText(0))
	}
	f.w.openDocument(f.ids[1])
	aw.docs.Select(0)
	if f.w.ed.DocID() != f.ids[0] || f.w.ed.Layer().Mode != editor.LayerCuration {
		t.Errorf("click opened document %d in layer %+v, want %d in curation", f.w.ed.DocID(), f.w.ed.Layer(), f.ids[0])
	}
}

// BenchmarkCurationRedraw500 redraws the curation view of a document holding
// 500 spans by each of two annotators and 100 curated ones: candidates,
// highlights, the annotation list, the curated view's visible rows and each
// annotator's stacked layer with its visible rows (target: under 16 ms, one
// frame).
func BenchmarkCurationRedraw500(b *testing.B) {
	var text strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&text, "Sentence %d says “something” — about 😀 the port.\r\n", i)
	}
	f := newWBFixtureTB(b, text.String())
	n := annotate.RuneLen(f.w.ed.Doc().Text)
	var spans []annotate.Span
	labels := []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}
	for i := range 500 {
		start := i * (n / 500)
		s := annotate.Span{DocID: f.ids[0], Start: start, End: start + 10 + i%30, Label: labels[i%4], Annotator: "alice"}
		spans = append(spans, s)
		if i%5 != 0 {
			s.Annotator = "bob"
		} else {
			s.Annotator, s.Start = "bob", s.Start+2
		}
		spans = append(spans, s)
		if i%5 == 1 {
			s.Annotator = "curator"
			spans = append(spans, s)
		}
	}
	if _, err := f.db.AddSpans(f.ctx, spans, "bench"); err != nil {
		b.Fatal(err)
	}
	f.w.openDocument(f.ids[0])
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	f.w.Window().Resize(fyne.NewSize(1400, 900))
	views := f.w.cur.strips.views()
	if len(views) != 3 {
		b.Fatalf("%d views in the curation view, want the curated one and two annotators'", len(views))
	}
	for b.Loop() {
		f.w.refreshSpans()
		for _, v := range views {
			test.WidgetRenderer(v).Layout(v.Size())
		}
	}
}
