#!/usr/bin/env bash
# bench-suggest.sh — how long does `newsmark suggest` take over 10,000 wire-style
# articles of ~3 KB (30 MB), compared with `newsmark import` of the same articles?
#
# Usage: scripts/bench-suggest.sh [RUNS]     (default 3 runs each; the best is kept)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-suggest.sh   (skip the build)
# Needs: go. Target (issue 12): suggest within 3x of import.
set -euo pipefail

runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-bench-suggest.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The corpus generator: deterministic wire copy with the constructions the rules
# look for (curly quotes and their attribution, said-that clauses, sentence-final
# attribution, according to, demands, casualty figures) between filler sentences,
# with some non-ASCII (em dashes, accents, emoji).
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

func main() {
	dir := os.Args[1]
	names := []string{"Ilka Varn", "Tomas Bede", "Ana Sørli", "Jonas Pirre", "Maite Oyarzun", "Kofi Mensah"}
	orgs := []string{"the Interior Ministry", "the Red Crescent", "the port authority", "police", "the union", "UN agencies"}
	places := []string{"Velmora", "Harlen", "Zürich", "São Tomé", "Kosta", "Drell"}
	sentences := []func(r *rand.Rand) string{
		func(r *rand.Rand) string {
			return fmt.Sprintf("“We have lost %d homes in %s — everything,” said %s, a local official.", 10+r.Intn(900), places[r.Intn(6)], names[r.Intn(6)])
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("At least %d people were killed in %s, %s said on %s.", 2+r.Intn(80), places[r.Intn(6)], orgs[r.Intn(6)], []string{"Monday", "Tuesday", "Friday"}[r.Intn(3)])
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("%s said that the convoy had crossed the border and that %d,%03d residents had fled.", names[r.Intn(6)], 1+r.Intn(9), r.Intn(1000))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("According to %s, talks would resume after the ceasefire deadline.", orgs[r.Intn(6)])
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("The union demanded a %d percent pay rise by March 1 😀.", 3+r.Intn(15))
		},
		func(r *rand.Rand) string {
			return "Aid trucks waited at the crossing for hours while the mayor’s office issued new figures."
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf("Between %d and %d miners were still missing, officials said.", 5+r.Intn(10), 20+r.Intn(10))
		},
		func(r *rand.Rand) string {
			return "The café on the main square reopened, and negotiators met in the old town hall."
		},
	}
	rng := rand.New(rand.NewSource(2026))
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.Reset()
		fmt.Fprintf(&b, "Article %d from %s\n\n%s (Newsmark) — ", i, places[rng.Intn(6)], strings.ToUpper(places[rng.Intn(6)]))
		target := 2500 + rng.Intn(1000)
		for b.Len() < target {
			b.WriteString(sentences[rng.Intn(len(sentences))](rng))
			if rng.Intn(4) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("%02d", i/1000), fmt.Sprintf("article-%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			panic(err)
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			panic(err)
		}
	}
}
GO
echo "generating 10,000 articles in $work/corpus ..."
(cd "$work/gen" && GOFLAGS= GO111MODULE=off go run main.go "$work/corpus")
echo "corpus: $(find "$work/corpus" -name '*.txt' | wc -l) files, $(du -sb "$work/corpus" | cut -f1) bytes on disk"

if [ -n "${NEWSMARK_BIN:-}" ]; then
	cp "$NEWSMARK_BIN" "$work/newsmark"
else
	echo "building newsmark ..."
	(cd "$repo" && go build -o "$work/newsmark" .)
fi

now() { date +%s.%N; }
# cpu CMD…: runs CMD and appends its user+system CPU seconds to $work/cpu (the
# wall time on a shared machine also counts other programs' turns on the cores).
cpu() {
	local TIMEFORMAT='%U %S'
	{ time "$@" ; } 2>>"$work/cpu.raw"
}
best() { sort -g | head -1; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# One run of each, in turn, so that load from other programs falls on both alike.
run_import() {
	rm -f "$work/n.db" "$work/n.db-wal" "$work/n.db-shm"
	sync
	local start end
	start=$(now)
	cpu "$work/newsmark" --db "$work/n.db" import "$work/corpus" 2>"$work/import.out" >/dev/null ||
		{ echo "bench-suggest: newsmark import failed:" >&2; tail -20 "$work/cpu.raw" >&2; exit 1; }
	end=$(now)
	import_times+=("$(elapsed "$start" "$end")")
	import_cpu+=("$(tail -1 "$work/cpu.raw" | awk '{ printf "%.3f", $1 + $2 }')")
}
run_suggest() {
	rm -f "$work/suggestions.jsonl"
	local start end
	start=$(now)
	cpu "$work/newsmark" --db "$work/n.db" suggest --out "$work/suggestions.jsonl" 2>"$work/suggest.out" >/dev/null ||
		{ echo "bench-suggest: newsmark suggest failed:" >&2; tail -20 "$work/cpu.raw" >&2; exit 1; }
	end=$(now)
	suggest_times+=("$(elapsed "$start" "$end")")
	suggest_cpu+=("$(tail -1 "$work/cpu.raw" | awk '{ printf "%.3f", $1 + $2 }')")
}
import_times=()
suggest_times=()
import_cpu=()
suggest_cpu=()
for run in $(seq "$runs"); do
	run_import
	run_suggest
done

lines=$(wc -l <"$work/suggestions.jsonl")
[ "$lines" = 10000 ] || { echo "bench-suggest: suggest wrote $lines documents, want 10000" >&2; exit 1; }
spans=$(grep -o '"label": "[A-Z]*"' "$work/suggestions.jsonl" | sort | uniq -c | awk '{printf "%s %s  ", $3, $1}')
import_best=$(printf '%s\n' "${import_times[@]}" | best)
suggest_best=$(printf '%s\n' "${suggest_times[@]}" | best)
echo "suggested spans (labels counted in spans and relations): $spans"
printf 'newsmark import (whole process):  best %.3f s  (runs: %s)\n' "$import_best" "${import_times[*]}"
printf 'newsmark suggest (whole process): best %.3f s  (runs: %s)\n' "$suggest_best" "${suggest_times[*]}"
awk -v s="$suggest_best" -v i="$import_best" 'BEGIN { printf "ratio suggest / import: %.2fx (target: under 3x)\n", s / i }'
import_cpu_best=$(printf '%s\n' "${import_cpu[@]}" | best)
suggest_cpu_best=$(printf '%s\n' "${suggest_cpu[@]}" | best)
printf 'CPU (user+system): import best %.3f s (runs: %s), suggest best %.3f s (runs: %s), ratio %.2fx\n' \
	"$import_cpu_best" "${import_cpu[*]}" "$suggest_cpu_best" "${suggest_cpu[*]}" \
	"$(awk -v s="$suggest_cpu_best" -v i="$import_cpu_best" 'BEGIN { print s / i }')"
