package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchPage is a ~100 KB page shaped like bench-html.sh's: the article is a small
// part of it.
func benchPage() []byte {
	style := "<style>" + strings.Repeat(".c-nav__item--active{color:#123456;margin:0 4px;padding:2px 6px}\n", 450) + "</style>"
	script := "<script>" + strings.Repeat("window.dataLayer=window.dataLayer||[];dataLayer.push({event:'view',section:'news',id:12345});\n", 500) + "</script>"
	var nav, related, comments, paras strings.Builder
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&nav, `<li class="c-nav__item"><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	for r := 0; r < 40; r++ {
		fmt.Fprintf(&related, `<li><a href="/news/%d"><img src="/img/%d.jpg" alt="">Related story %d about the harbour</a></li>`, r, r, r)
	}
	for c := 0; c < 25; c++ {
		fmt.Fprintf(&comments, `<div class="comment"><span class="comment-author">reader%d</span><p>Comment %d: agreed</p><a href="#reply">Reply</a></div>`, c, c)
	}
	for p := 0; p < 12; p++ {
		fmt.Fprintf(&paras, "<p>Paragraph %d: “the minister said talks would resume after the ceasefire deadline,” officials in Zürich reported — while aid trucks waited at the crossing for hours and the mayor’s office issued new figures.</p>\n", p)
	}
	return []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bench | The Bench Courier</title>
<meta property="og:site_name" content="The Bench Courier"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
` + style + `</head><body><header><nav><ul>` + nav.String() + `</ul></nav></header><main><article><h1>Bench</h1>
<p class="byline">By <span class="author">Reporter</span></p><div class="share"><a href="#fb">Share on Facebook</a></div>
<div class="article-body">` + paras.String() + `</div></article><aside class="related"><ul>` + related.String() + `</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>` + comments.String() + `</section></main><footer>© 2024</footer>` + script + `</body></html>`)
}

func BenchmarkExtractHTML100KB(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ExtractHTML(page, "bench.html"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadPages100KB is one page of an HTML import's reading side: the file
// read into a reused buffer, extracted and its original compressed, on the
// extracting workers (Read), per page.
func BenchmarkReadPages100KB(b *testing.B) {
	dir := b.TempDir()
	page := string(benchPage())
	const pages = 64
	for i := range pages {
		p := strings.Replace(page, "Paragraph 0:", fmt.Sprintf("Paragraph 0 of page %d:", i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%02d.html", i)), []byte(p), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(page)))
	b.ResetTimer()
	n := 0
	for n < b.N {
		for _, err := range Read([]string{dir}, ReadOptions{}) {
			if err != nil {
				b.Fatal(err)
			}
			if n++; n == b.N {
				break
			}
		}
	}
}
