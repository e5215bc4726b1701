package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/app/internal/cputime"
)

// writeBenchPages writes n saved news pages of ~100 KB shaped like those of
// scripts/bench-html.sh (navigation, an inline style and script, share buttons,
// related links and comments around an article of 8–15 paragraphs) into dir.
func writeBenchPages(b *testing.B, dir string, n int) {
	b.Helper()
	style := "<style>" + strings.Repeat(".c-nav__item--active{color:#123456;margin:0 4px;padding:2px 6px}\n", 450) + "</style>"
	script := "<script>" + strings.Repeat("window.dataLayer=window.dataLayer||[];dataLayer.push({event:'view',section:'news',id:12345});\n", 550) + "</script>"
	var nav, related, comments strings.Builder
	for i := range 80 {
		fmt.Fprintf(&nav, `<li class="c-nav__item"><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	for r := range 40 {
		fmt.Fprintf(&related, `<li><a href="/news/%d"><img src="/img/%d.jpg" alt="">Related story %d about the harbour</a></li>`, r, r, r)
	}
	for c := range 25 {
		fmt.Fprintf(&comments, `<div class="comment"><span class="comment-author">reader%d</span><p>Comment %d: agreed</p><a href="#reply">Reply</a></div>`, c, c)
	}
	for i := range n {
		var paras strings.Builder
		for p := range 8 + i%8 {
			fmt.Fprintf(&paras, "<p>Page %d, paragraph %d: “the minister said talks would resume after the ceasefire deadline,” officials in Zürich reported — while aid trucks waited at the crossing for hours and the mayor’s office issued new figures.</p>\n", i, p)
		}
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article %d | The Bench Courier</title>
<meta property="og:site_name" content="The Bench Courier"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
%s</head><body><header><nav><ul>%s</ul></nav></header><main><article><h1>Article %d</h1>
<p class="byline">By <span class="author">Reporter</span></p><div class="share"><a href="#fb">Share on Facebook</a></div>
<div class="article-body">%s</div></article><aside class="related"><ul>%s</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>%s</section></main><footer>© 2024</footer>%s</body></html>`,
			i, style, nav.String(), i, paras.String(), related.String(), comments.String(), script)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%04d.html", i)), []byte(page), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportPagesCommand runs `newsmark import` over 200 saved pages of
// ~100 KB into a new database, as scripts/bench-html.sh does for 1,000 but
// without starting a process: for profiling (-cpuprofile) the whole import.
// Besides the time it reports the CPU time and the time the Go scheduler's
// processors stood idle (idle-s/op): on a machine shared with other programs
// the idle time still shows whether the pipeline keeps every core fed.
func BenchmarkImportPagesCommand(b *testing.B) {
	dir := b.TempDir()
	pages := filepath.Join(dir, "pages")
	if err := os.Mkdir(pages, 0o755); err != nil {
		b.Fatal(err)
	}
	writeBenchPages(b, pages, 200)
	host := Host{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	b.ResetTimer()
	idle, cpu := idleTime(), cputime.Used()
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(dir, fmt.Sprintf("import-%d.db", i))
		if code := Run([]string{"--db", db, "import", pages}, host); code != 0 {
			b.Fatalf("import exited %d", code)
		}
	}
	b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric((idleTime()-idle)/float64(b.N), "idle-s/op")
	b.StopTimer()
	var out strings.Builder
	host.Stdout = &out
	if code := Run([]string{"--db", filepath.Join(dir, "import-0.db"), "stats", "--json"}, host); code != 0 ||
		!regexp.MustCompile(`"documents": *200\b`).MatchString(out.String()) {
		b.Fatalf("the import did not store the 200 pages: stats exited %d: %s", code, out.String())
	}
}

// idleTime is the time the Go scheduler's processors have stood idle so far.
func idleTime() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s[0].Value.Float64()
}
