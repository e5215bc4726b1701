package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/assets"
)

// megabyteArticle repeats the sample article and the tricky text to just over 1 MB.
func megabyteArticle() string {
	sample := assets.SampleDocument().Text
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(sample)
		b.WriteString(trickyText)
	}
	return b.String()
}

// benchFixture opens a 1 MB article holding spans annotations spread over it.
func benchFixture(b *testing.B, spans int) *wbFixture {
	f := newWBFixtureTB(b, megabyteArticle())
	n := annotate.RuneLen(f.w.ed.Doc().Text)
	for i := range spans {
		start := i * (n / spans)
		if _, err := f.db.CreateSpan(f.ctx, annotate.Span{DocID: f.ids[0], Start: start, End: start + 5 + i%40, Label: "CLAIM", Annotator: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
	f.w.openDocument(f.ids[0])
	return f
}

// BenchmarkOpenDocument1MB measures opening a 1 MB article with 2000 annotations
// in the workbench: reading it and its spans from SQLite, giving them to the view
// and the list, and laying out and rendering the view's visible rows.
func BenchmarkOpenDocument1MB(b *testing.B) {
	f := benchFixture(b, 2000)
	for b.Loop() {
		f.w.openDocument(f.ids[0])
		test.WidgetRenderer(f.w.view).Layout(f.w.view.Size())
	}
}

// BenchmarkTagAndUndo1MB measures one tagging keystroke (store insert with
// history, highlights, list, library row, search index) plus its undo, in a 1 MB
// article holding 2000 annotations.
func BenchmarkTagAndUndo1MB(b *testing.B) {
	f := benchFixture(b, 2000)
	middle := annotate.RuneLen(f.w.ed.Doc().Text) / 2
	for b.Loop() {
		f.w.view.Select(middle+3, middle+30)
		f.w.view.OnTypedRune('2')
		f.w.onUndo()
	}
	if got := len(f.spans(f.ids[0])); got != 2000 {
		b.Fatalf("%d spans after tag+undo rounds, want 2000", got)
	}
}
