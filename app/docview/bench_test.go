package docview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/app/docview/internal/sampletext"
	"github.com/newsmark/newsmark/app/internal/cputime"
)

const benchSize = 1 << 20 // 1 MiB of UTF-8

// openBench returns a 900x700 window showing a 1 MB article.
func openBench(b *testing.B) (*View, fyne.Window, string) {
	b.Helper()
	return openBenchText(b, sampletext.Article(benchSize, 1))
}

// openBenchText returns a 900x700 window showing text.
func openBenchText(b *testing.B, text string) (*View, fyne.Window, string) {
	b.Helper()
	v, w := newTestView(b, text, 900, 700)
	v.ensureLayout()
	if len(v.rows) < 2000 {
		b.Fatalf("only %d rows for a 1 MB article", len(v.rows))
	}
	return v, w, text
}

// openEach shows text in a fresh view in w each iteration.
func openEach(b *testing.B, w fyne.Window, text string) {
	for b.Loop() {
		v := New()
		v.SetText(text)
		w.SetContent(v)
		if len(test.WidgetRenderer(v).Objects()) == 0 {
			b.Fatal("nothing drawn")
		}
	}
}

// dragEach takes one drag step each iteration in the middle of v's text.
func dragEach(b *testing.B, v *View) {
	v.ScrollToOffset(len(v.text) / 2)
	start := fyne.NewPos(40, 100)
	i := 0
	for b.Loop() {
		i++
		to := fyne.NewPos(float32(100+i%400), float32(150+i%300))
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.Delta{DX: to.X - start.X, DY: to.Y - start.Y}})
	}
	v.DragEnd()
}

// scrollEach takes one wheel step each iteration in the middle of v's text,
// a hundred down then a hundred up.
func scrollEach(b *testing.B, v *View) {
	scrollEachAt(b, v, len(v.text)/2)
}

// scrollEachAt is scrollEach around offset.
func scrollEachAt(b *testing.B, v *View, offset int) {
	v.ScrollToOffset(offset)
	i := 0
	for b.Loop() {
		i++
		dy := float32(-60)
		if i%200 >= 100 {
			dy = 60
		}
		v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
	}
}

// BenchmarkOpen1MB measures SetText, wrapping and the first render of a 1 MB
// article in a fresh view (the process-wide font caches stay warm after the
// first iteration; the per-view width cache does not).
func BenchmarkOpen1MB(b *testing.B) {
	_, w, text := openBench(b)
	startCPU := cputime.Used()
	openEach(b, w, text)
	b.ReportMetric(float64(cputime.Used()-startCPU)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkReopen1MB measures what opening a 1 MB article costs in the
// workbench, which shows every document in one view: SetText of another
// article (two alternate) on a view that has shown one, wrapping and the
// first render. Unlike BenchmarkOpen1MB it does not pay for faulting in the
// fresh 4 MB the code points of a new view take.
func BenchmarkReopen1MB(b *testing.B) {
	v, _, first := openBench(b)
	second := sampletext.Article(benchSize, 2)
	texts := []string{first, second}
	i := 0
	startCPU := cputime.Used()
	for b.Loop() {
		i++
		v.SetText(texts[i%2])
		if len(test.WidgetRenderer(v).Objects()) == 0 {
			b.Fatal("nothing drawn")
		}
	}
	b.ReportMetric(float64(cputime.Used()-startCPU)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkSelectDrag1MB measures one drag step (hit test, selection, render)
// in the middle of a 1 MB article.
func BenchmarkSelectDrag1MB(b *testing.B) {
	v, _, _ := openBench(b)
	dragEach(b, v)
}

// BenchmarkScroll1MB measures one wheel step (scroll and render of the newly
// visible rows) in a 1 MB article.
func BenchmarkScroll1MB(b *testing.B) {
	v, _, _ := openBench(b)
	scrollEach(b, v)
}

// BenchmarkSetHighlights1MB measures tagging: replacing the highlights of a
// 1 MB article that holds 2000 of them with one more, and redrawing.
func BenchmarkSetHighlights1MB(b *testing.B) {
	v, _, _ := openBench(b)
	n := len(v.text)
	hs := make([]Highlight, 0, 2001)
	for i := range 2000 {
		start := i * (n / 2000)
		hs = append(hs, Highlight{ID: int64(i + 1), Start: start, End: start + 5 + i%40, Color: red})
	}
	v.ScrollToOffset(n / 2)
	tagged := append(hs, Highlight{ID: 9999, Start: n/2 + 3, End: n/2 + 30, Color: blue})
	i := 0
	for b.Loop() {
		i++
		if i%2 == 0 {
			v.SetHighlights(hs)
		} else {
			v.SetHighlights(tagged)
		}
	}
}

// BenchmarkWrap1MB measures re-wrapping a 1 MB article at a new width (what a
// window resize costs), with the per-view width cache warm.
func BenchmarkWrap1MB(b *testing.B) {
	v, _, _ := openBench(b)
	widths := []float32{700, 880}
	i := 0
	for b.Loop() {
		i++
		v.rows = wrapRows(v.text, widths[i%2], v.widths)
	}
}

// BenchmarkOpenArabic1MB is BenchmarkOpen1MB on a 1 MB Arabic article: bidi
// levels for every paragraph, shaping of each distinct word while wrapping.
// Every iteration is a fresh view, so the shaping cache starts empty.
func BenchmarkOpenArabic1MB(b *testing.B) {
	_, w, text := openBenchText(b, sampletext.ArabicArticle(benchSize, 1))
	openEach(b, w, text)
}

// BenchmarkSelectDragArabic1MB is BenchmarkSelectDrag1MB on the Arabic article.
func BenchmarkSelectDragArabic1MB(b *testing.B) {
	v, _, _ := openBenchText(b, sampletext.ArabicArticle(benchSize, 1))
	dragEach(b, v)
}

// BenchmarkScrollArabic1MB is BenchmarkScroll1MB on the Arabic article.
func BenchmarkScrollArabic1MB(b *testing.B) {
	v, _, _ := openBenchText(b, sampletext.ArabicArticle(benchSize, 1))
	scrollEach(b, v)
}

// BenchmarkScrollSuggestions1MB measures a wheel step near the end of a 1 MB
// article holding 12,700 suggestions (what the suggester proposes for such an
// article): drawing a row's dashed underlines must not walk every suggestion
// before it.
func BenchmarkScrollSuggestions1MB(b *testing.B) {
	v, _, _ := openBench(b)
	n := len(v.text)
	const count = 12700
	hs := make([]Highlight, 0, count)
	for i := range count {
		start := i * (n / count)
		hs = append(hs, Highlight{Start: start, End: start + 10 + i%60, Color: red})
	}
	v.SetSuggestions(hs)
	scrollEachAt(b, v, n*9/10)
}
