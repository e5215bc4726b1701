#!/usr/bin/env bash
# bench-html.sh — how long does `newsmark import` take for 1,000 saved web pages of
# ~100 KB each (navigation, inline scripts and styles, share buttons, related links,
# a comment section around the article), compared with importing the same articles'
# text as 1,000 .txt files?
#
# Usage: scripts/bench-html.sh [RUNS]     (default 3 runs each; the best is kept)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-html.sh   (skip the build)
# Needs: go. Target (issue 15): the pages within 3x of the text files.
set -euo pipefail

runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-bench-html.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# The corpus generator: deterministic. Each article is 8–15 paragraphs of varied
# sentences with some non-ASCII; its page wraps it in what news sites wrap articles
# in. The .txt holds the article as HTML import stores it (paragraphs separated by
# blank lines).
mkdir -p "$work/gen"
cat >"$work/gen/main.go" <<'GO'
package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var words = strings.Fields(`the minister said talks would resume after ceasefire deadline harbour city
	officials reported casualties near bridge council demanded release of prisoners negotiators
	rejected claim that convoy had crossed border overnight residents told reporters café Zürich
	São Paulo Kyiv naïve résumé according to statement aid trucks waited at crossing for hours
	while mayor’s office issued new figures`)

func sentence(rng *rand.Rand) string {
	n := 8 + rng.Intn(18)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[rng.Intn(len(words))]
	}
	s := strings.Join(parts, " ")
	if rng.Intn(5) == 0 {
		s = "“" + s + "”, said " + words[rng.Intn(len(words))]
	}
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:]) + "."
}

func main() {
	pages, texts := os.Args[1], os.Args[2]
	rng := rand.New(rand.NewSource(2026))
	style := "<style>" + strings.Repeat(".c-nav__item--active{color:#123456;margin:0 4px;padding:2px 6px}\n", 450) + "</style>"
	script := "<script>" + strings.Repeat("window.dataLayer=window.dataLayer||[];dataLayer.push({event:'view',section:'news',id:12345});\n", 550) + "</script>"
	var nav strings.Builder
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&nav, `<li class="c-nav__item"><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	for i := 0; i < 1000; i++ {
		title := fmt.Sprintf("Article %d: %s %s %s", i, words[rng.Intn(len(words))], words[rng.Intn(len(words))], words[rng.Intn(len(words))])
		var paras []string
		for p := 8 + rng.Intn(8); p > 0; p-- {
			var b strings.Builder
			for s := 2 + rng.Intn(4); s > 0; s-- {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(sentence(rng))
			}
			paras = append(paras, b.String())
		}
		var related, comments strings.Builder
		for r := 0; r < 40; r++ {
			fmt.Fprintf(&related, `<li><a href="/news/%d-%d"><img src="/img/%d.jpg" alt="">Related story %d about the %s</a></li>`, i, r, r, r, words[rng.Intn(len(words))])
		}
		for c := 0; c < 25; c++ {
			fmt.Fprintf(&comments, `<div class="comment"><span class="comment-author">reader%d</span><p>Comment %d: %s</p><a href="#reply">Reply</a> <a href="#like">Like</a></div>`, c, c, words[rng.Intn(len(words))])
		}
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | The Bench Courier</title>
<meta property="og:site_name" content="The Bench Courier"><meta property="og:title" content="%s">
<meta property="article:published_time" content="2024-03-%02dT10:00:00Z"><link rel="canonical" href="https://bench.example/news/%d">
%s</head><body><header><a href="/">The Bench Courier</a><nav><ul>%s</ul></nav></header>
<main><article><h1>%s</h1><p class="byline">By <span class="author">Reporter %d</span></p>
<div class="share"><a href="#fb">Share on Facebook</a><a href="#x">Share on X</a><a href="#mail">Email</a></div>
<div class="article-body"><p>%s</p></div></article>
<aside class="related"><h2>Related stories</h2><ul>%s</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>%s<a href="https://disqus.com/">blog comments powered by Disqus</a></section></main>
<footer><p>© 2024 Bench Courier Media. All rights reserved.</p></footer>%s</body></html>
`, title, title, 1+i%28, i, style, nav.String(), title, i%50, strings.Join(paras, "</p>\n<p>"), related.String(), comments.String(), script)
		sub := fmt.Sprintf("%02d", i/100)
		write(filepath.Join(pages, sub, fmt.Sprintf("page-%04d.html", i)), page)
		write(filepath.Join(texts, sub, fmt.Sprintf("page-%04d.txt", i)), strings.Join(paras, "\n\n"))
	}
}

func write(path, content string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		panic(err)
	}
}
GO
echo "generating 1,000 pages and their texts in $work ..."
(cd "$work/gen" && GOFLAGS= GO111MODULE=off go run main.go "$work/pages" "$work/texts")
echo "pages: $(find "$work/pages" -name '*.html' | wc -l) files, $(du -sb "$work/pages" | cut -f1) bytes; texts: $(du -sb "$work/texts" | cut -f1) bytes"

if [ -n "${NEWSMARK_BIN:-}" ]; then
	cp "$NEWSMARK_BIN" "$work/newsmark"
else
	echo "building newsmark ..."
	(cd "$repo" && go build -o "$work/newsmark" .)
fi

now() { date +%s.%N; }
best() { sort -g | head -1; }

# run_import NAME FOLDER: one timed import into a fresh database; appends the wall
# time to NAME_times and the CPU time (user + system) to NAME_cpu. On a shared
# machine the CPU time is the steadier figure.
run_import() {
	local name=$1 folder=$2 start end cpu
	rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm"
	sync
	start=$(now)
	# GNU time writes its line to the command's stderr file, $name.err.
	/usr/bin/env time -f '%U %S' "$work/newsmark" --db "$work/$name.db" import "$folder" >"$work/$name.out" 2>"$work/$name.err" ||
		{ echo "bench-html: newsmark import of $folder failed:" >&2; head -20 "$work/$name.out" "$work/$name.err" >&2; exit 1; }
	end=$(now)
	cpu=$(tail -1 "$work/$name.err" | awk '{ printf "%.3f", $1 + $2 }')
	eval "${name}_times+=(\"$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')\")"
	eval "${name}_cpu+=(\"$cpu\")"
}
type -P time >/dev/null || { echo "bench-html: needs GNU time (apt-get install time)" >&2; exit 1; }
html_times=()
text_times=()
html_cpu=()
text_cpu=()
for run in $(seq "$runs"); do
	run_import html "$work/pages"
	run_import text "$work/texts"
done

for name in html text; do
	docs=$("$work/newsmark" --db "$work/$name.db" stats --json 2>/dev/null | grep -o '"documents": *[0-9]*' | grep -o '[0-9]*$')
	[ "$docs" = 1000 ] || { echo "bench-html: $name import stored $docs documents, want 1000" >&2; cat "$work/$name.out" >&2; exit 1; }
done
# The extraction must give the article, not the page: compare one document's text.
"$work/newsmark" --db "$work/html.db" export --format spacy --status all --out "$work/html.jsonl" >/dev/null
"$work/newsmark" --db "$work/text.db" export --format spacy --status all --out "$work/text.jsonl" >/dev/null
same=$(python3 - "$work/html.jsonl" "$work/text.jsonl" <<'PY' 2>/dev/null || echo "?"
import json, sys
a = sorted(json.loads(l)["text"] for l in open(sys.argv[1]))
b = sorted(json.loads(l)["text"] for l in open(sys.argv[2]))
print(sum(x == y for x, y in zip(a, b)))
PY
)
echo "pages whose extracted text equals the article's .txt: $same of 1000"

html_best=$(printf '%s\n' "${html_times[@]}" | best)
text_best=$(printf '%s\n' "${text_times[@]}" | best)
printf 'import 1,000 pages (~100 KB, whole process): best %.3f s  (runs: %s)\n' "$html_best" "${html_times[*]}"
printf 'import their 1,000 texts as .txt:             best %.3f s  (runs: %s)\n' "$text_best" "${text_times[*]}"
awk -v h="$html_best" -v t="$text_best" 'BEGIN { printf "ratio pages / texts, wall time: %.2fx (target: under 3x)\n", h / t }'
html_cpu_best=$(printf '%s\n' "${html_cpu[@]}" | best)
text_cpu_best=$(printf '%s\n' "${text_cpu[@]}" | best)
awk -v h="$html_cpu_best" -v t="$text_cpu_best" 'BEGIN { printf "CPU time (user + system): pages %.3f s, texts %.3f s, ratio %.2fx\n", h, t, h / t }'
echo "load average during the runs: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
