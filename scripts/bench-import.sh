#!/usr/bin/env bash
# bench-import.sh — how fast does `newsmark import` store a folder of 10,000 plain
# text articles of ~3 KB (30 MB), compared with the sqlite3 command-line tool
# importing the same texts from one CSV in one transaction?
#
# Usage: scripts/bench-import.sh [RUNS]     (default 3 runs each; the best is kept)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-import.sh   (skip the build)
# Needs: go, sqlite3. Target (issue 2): newsmark within 3x of sqlite3.
set -euo pipefail

runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v sqlite3 >/dev/null || { echo "bench-import: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }

# The corpus generator: deterministic, varied sentences, some non-ASCII (curly
# quotes, em dash, accents, emoji). It writes one .txt per article and one CSV of
# the same texts (with the SHA-256 Newsmark keys documents by, so both sides
# maintain the same unique index).
mkdir -p "$work/gen"
cat >"$work/gen/main.go" <<'GO'
package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, csvPath := os.Args[1], os.Args[2]
	words := strings.Fields(`the minister said talks would resume after ceasefire deadline harbour city
		officials reported casualties near bridge council demanded release of prisoners negotiators
		rejected claim that convoy had crossed border overnight — “we will not leave” residents
		told reporters café Zürich São Paulo Kyiv naïve résumé 😀 according to statement aid
		trucks waited at crossing for hours while mayor’s office issued new figures`)
	rng := rand.New(rand.NewSource(2026))
	out, err := os.Create(csvPath)
	if err != nil {
		panic(err)
	}
	w := csv.NewWriter(out)
	w.Write([]string{"title", "source", "text", "hash"})
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		b.Reset()
		title := fmt.Sprintf("Article %d: %s %s", i, words[rng.Intn(len(words))], words[rng.Intn(len(words))])
		b.WriteString(title + "\n\n")
		target := 2500 + rng.Intn(1000)
		for b.Len() < target {
			b.WriteString(words[rng.Intn(len(words))])
			if rng.Intn(12) == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		name := filepath.Join(dir, fmt.Sprintf("%02d", i/1000), fmt.Sprintf("article-%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			panic(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			panic(err)
		}
		sum := sha256.Sum256([]byte(text))
		w.Write([]string{title, name, text, hex.EncodeToString(sum[:])})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		panic(err)
	}
	if err := out.Close(); err != nil {
		panic(err)
	}
}
GO
echo "generating 10,000 articles in $work/corpus ..."
(cd "$work/gen" && GOFLAGS= GO111MODULE=off go run main.go "$work/corpus" "$work/corpus.csv")
echo "corpus: $(find "$work/corpus" -name '*.txt' | wc -l) files, $(du -sb "$work/corpus" | cut -f1) bytes on disk, CSV $(stat -c %s "$work/corpus.csv") bytes"

if [ -n "${NEWSMARK_BIN:-}" ]; then
	cp "$NEWSMARK_BIN" "$work/newsmark"
else
	echo "building newsmark ..."
	(cd "$repo" && go build -o "$work/newsmark" .)
fi

now() { date +%s.%N; }
best() { sort -g | head -1; }

# One run of each, in turn, so that load from other programs falls on both alike.
run_newsmark() {
	rm -f "$work/n.db" "$work/n.db-wal" "$work/n.db-shm"
	sync
	local start end
	start=$(now)
	"$work/newsmark" --db "$work/n.db" import "$work/corpus" >"$work/newsmark.out" 2>&1 ||
		{ echo "bench-import: newsmark import failed:" >&2; head -20 "$work/newsmark.out" >&2; exit 1; }
	end=$(now)
	newsmark_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
}
run_sqlite() {
	rm -f "$work/s.db" "$work/s.db-journal"
	sync
	local start end
	start=$(now)
	# Same columns as the CSV (the rowid is the id), the same unique index on the
	# hash; sqlite3's defaults: rollback journal, synchronous=FULL, 4 KiB pages.
	sqlite3 "$work/s.db" >"$work/sqlite.out" 2>&1 <<SQL
CREATE TABLE documents (title TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, hash TEXT NOT NULL UNIQUE);
BEGIN;
.import --csv --skip 1 $work/corpus.csv documents
COMMIT;
SQL
	end=$(now)
	sqlite_times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
}
newsmark_times=()
sqlite_times=()
for run in $(seq "$runs"); do
	run_newsmark
	run_sqlite
done

docs=$("$work/newsmark" --db "$work/n.db" stats --json 2>/dev/null | grep -o '"documents": *[0-9]*' | grep -o '[0-9]*$')
[ "$docs" = 10000 ] || { echo "bench-import: newsmark stored $docs documents, want 10000" >&2; cat "$work/newsmark.out" >&2; exit 1; }
rows=$(sqlite3 "$work/s.db" 'SELECT count(*) FROM documents')
[ "$rows" = 10000 ] || { echo "bench-import: sqlite3 stored $rows rows, want 10000" >&2; head -5 "$work/sqlite.out" >&2; exit 1; }

newsmark_best=$(printf '%s\n' "${newsmark_times[@]}" | best)
sqlite_best=$(printf '%s\n' "${sqlite_times[@]}" | best)
printf 'newsmark import (whole process): best %.3f s  (runs: %s)\n' "$newsmark_best" "${newsmark_times[*]}"
printf 'sqlite3 .import in one transaction: best %.3f s  (runs: %s)\n' "$sqlite_best" "${sqlite_times[*]}"
awk -v n="$newsmark_best" -v s="$sqlite_best" 'BEGIN { printf "ratio newsmark / sqlite3: %.2fx (target: within 3x)\n", n / s }'
