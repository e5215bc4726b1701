#!/usr/bin/env bash
# bench-export.sh — how fast does `newsmark export --format spacy` write 10,000
# documents / 100,000 spans, compared with `sqlite3 -json` dumping the same rows, and
# how fast does `newsmark import` read that export back into a fresh database?
#
# Usage: scripts/bench-export.sh [RUNS]     (default 3 runs each; the best is kept)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-export.sh   (skip the build)
# Needs: go, sqlite3. Targets (issue 4): export under 1 s and within 2x of sqlite3;
# re-import under 3 s.
set -euo pipefail

runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-bench-export.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
export LANG=C.UTF-8 # the same locale for newsmark and sqlite3

command -v sqlite3 >/dev/null || { echo "bench-export: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }

# The data generator: 10,000 news-like documents of ~3 KB with curly quotes, em
# dashes, U+00A0, emoji and CRLF, ten spans each, as doccano JSONL.
mkdir -p "$work/gen"
cat >"$work/gen/main.go" <<'GO'
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"unicode/utf8"
)

func main() {
	words := strings.Fields(`the minister said talks would resume after ceasefire deadline harbour city
		officials reported casualties near bridge council demanded release of prisoners negotiators
		rejected claim that convoy had crossed border overnight — “we will not leave” residents
		told reporters café Zürich São Paulo Kyiv naïve résumé 😀 according to statement aid
		trucks waited at crossing for hours while mayor’s office issued new figures`)
	labels := []string{"CLAIM", "QUOTE", "DEMAND", "CASUALTY"}
	rng := rand.New(rand.NewSource(2026))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.Reset()
		fmt.Fprintf(&b, "Report %d: %s\r\n\r\n", i, words[rng.Intn(len(words))])
		target := 2500 + rng.Intn(1000)
		for b.Len() < target {
			b.WriteString(words[rng.Intn(len(words))])
			switch rng.Intn(14) {
			case 0:
				b.WriteString(".\r\n")
			case 1:
				b.WriteString("\u00a0")
			default:
				b.WriteString(" ")
			}
		}
		text := b.String()
		length := utf8.RuneCountInString(text)
		var spans [][3]any
		for s := 0; s < 10; s++ {
			start := s*length/10 + rng.Intn(20)
			spans = append(spans, [3]any{start, start + 10 + rng.Intn(40), labels[rng.Intn(len(labels))]})
		}
		line, _ := json.Marshal(map[string]any{"text": text, "label": spans, "meta": map[string]any{"title": fmt.Sprintf("Report %d", i)}})
		w.Write(line)
		w.WriteByte('\n')
	}
}
GO
(cd "$work/gen" && cat >go.mod <<'MOD'
module gen
go 1.21
MOD
go run . >"$work/input.jsonl")

bin=${NEWSMARK_BIN:-}
if [ -z "$bin" ]; then
	echo "building newsmark…" >&2
	bin="$work/newsmark"
	(cd "$repo" && go build -o "$bin" .)
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
best() { sort -g | head -1; }

db="$work/source.db"
t0=$(now)
"$bin" --db "$db" import --format doccano --annotator bench "$work/input.jsonl" >/dev/null
t1=$(now)
echo "setup: imported $(wc -c <"$work/input.jsonl") bytes of doccano JSONL in $(elapsed "$t0" "$t1") s" >&2
read -r docs spans < <(sqlite3 "$db" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM spans)" | tr '|' ' ')
echo "database: $docs documents, $spans spans" >&2

export_times=()
for _ in $(seq "$runs"); do
	t0=$(now)
	"$bin" --db "$db" export --status all --format spacy --out "$work/export.jsonl" 2>/dev/null
	t1=$(now)
	export_times+=("$(elapsed "$t0" "$t1")")
done
export_best=$(printf '%s\n' "${export_times[@]}" | best)

# The same rows the export reads: every document, then every span with its label
# name, in document order. Two result sets rather than one join, so that sqlite3 does
# not repeat each 3 KB text once per span (which would make it look slower).
query="SELECT id, title, source, text, meta, status FROM documents ORDER BY id;
SELECT s.document_id, s.start_offset, s.end_offset, l.name AS label, s.text, s.annotator, s.note, s.created_at
FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.document_id, s.start_offset, s.end_offset"
sqlite_times=()
for _ in $(seq "$runs"); do
	t0=$(now)
	sqlite3 -json "$db" "$query" >"$work/dump.json"
	t1=$(now)
	sqlite_times+=("$(elapsed "$t0" "$t1")")
done
sqlite_best=$(printf '%s\n' "${sqlite_times[@]}" | best)

import_times=()
for i in $(seq "$runs"); do
	rm -f "$work/fresh.db"*
	t0=$(now)
	"$bin" --db "$work/fresh.db" import --format spacy "$work/export.jsonl" >/dev/null
	t1=$(now)
	import_times+=("$(elapsed "$t0" "$t1")")
done
import_best=$(printf '%s\n' "${import_times[@]}" | best)
read -r docs2 spans2 < <(sqlite3 "$work/fresh.db" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM spans)" | tr '|' ' ')

ratio=$(awk -v a="$export_best" -v b="$sqlite_best" 'BEGIN { printf "%.2f", a / b }')
echo "newsmark export --format spacy: ${export_best} s (best of $runs: ${export_times[*]}), $(wc -c <"$work/export.jsonl") bytes"
echo "sqlite3 -json, same rows:       ${sqlite_best} s (best of $runs: ${sqlite_times[*]}), $(wc -c <"$work/dump.json") bytes"
echo "ratio newsmark/sqlite3:         ${ratio}x (target: under 2x; export target under 1 s)"
echo "newsmark import of the export:  ${import_best} s (best of $runs: ${import_times[*]}) -> $docs2 documents, $spans2 spans (target under 3 s)"
