#!/usr/bin/env bash
# bench-search.sh — how fast is `newsmark search` over 100,000 annotations, as a whole
# process (open the database, load every span into the index, search, print),
# compared with `fzf --filter` over the same span texts in a file?
#
# Usage: scripts/bench-search.sh [RUNS] [SPANS]   (default 5 runs of each query, 100000 spans)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-search.sh   (skip the build)
#        BENCH_DIR=dir scripts/bench-search.sh                    (keep and reuse the corpus and database)
# Needs: go, fzf. Target (issue 5): newsmark search within 3x of fzf --filter.
set -euo pipefail

runs=${1:-5}
spans=${2:-100000}
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${BENCH_DIR:-}" ]; then
	work=$BENCH_DIR
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-search-bench.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi

command -v fzf >/dev/null || { echo "bench-search: fzf is not installed (apt-get install fzf)" >&2; exit 1; }

if [ -n "${NEWSMARK_BIN:-}" ]; then
	bin=$NEWSMARK_BIN
else
	echo "building newsmark ..."
	(cd "$repo" && go build -o "$work/newsmark" .)
	bin=$work/newsmark
fi

# The corpus: generated news articles (quotes, claims, demands, casualty figures,
# curly quotes, names like Pavić, Müller, São Paulo) as doccano JSONL, and the same
# span texts one per line for fzf.
if [ ! -s "$work/spans.txt" ] || [ "$(wc -l <"$work/spans.txt")" != "$spans" ]; then
	echo "generating $spans spans ..."
	(cd "$repo" && go run ./scripts/searchcorpus "$spans" "$work/corpus.jsonl" "$work/spans.txt")
	rm -f "$work/search.db" "$work/search.db-wal" "$work/search.db-shm"
fi
if [ ! -s "$work/search.db" ]; then
	echo "importing into $work/search.db ..."
	"$bin" --db "$work/search.db" import --format doccano "$work/corpus.jsonl" 2>/dev/null
fi
stored=$("$bin" --db "$work/search.db" stats --json 2>/dev/null | grep -o '"annotations": *[0-9]*' | grep -o '[0-9]*$')
[ "$stored" = "$spans" ] || { echo "bench-search: the database holds $stored spans, want $spans" >&2; exit 1; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
best() { sort -g | head -1; }

# Queries a researcher types: a misspelt name, two words of a figure, a transposed
# letter, a phrase from a quote.
queries=("zaporizhia" "soldiers week" "casualites" "hospital fuel two days")
printf '%-26s %10s %10s %8s\n' "query" "newsmark" "fzf" "ratio"
worst=0
for q in "${queries[@]}"; do
	ns=() fz=()
	# Alternate the two, so that load from other programs falls on both alike.
	for _ in $(seq "$runs"); do
		start=$(now)
		"$bin" --db "$work/search.db" search "$q" >"$work/newsmark.out" 2>/dev/null
		ns+=("$(elapsed "$start" "$(now)")")
		start=$(now)
		fzf --filter "$q" <"$work/spans.txt" >"$work/fzf.out"
		fz+=("$(elapsed "$start" "$(now)")")
	done
	[ -s "$work/newsmark.out" ] || { echo "bench-search: newsmark found nothing for $q" >&2; exit 1; }
	n=$(printf '%s\n' "${ns[@]}" | best)
	f=$(printf '%s\n' "${fz[@]}" | best)
	ratio=$(awk -v n="$n" -v f="$f" 'BEGIN { printf "%.2f", n / f }')
	printf '%-26s %9ss %9ss %7sx\n' "\"$q\"" "$n" "$f" "$ratio"
	worst=$(awk -v a="$worst" -v b="$ratio" 'BEGIN { print (b > a) ? b : a }')
done
echo "best of $runs whole-process runs each over $spans spans; worst ratio newsmark / fzf: ${worst}x (target: within 3x)"
