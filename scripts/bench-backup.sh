#!/usr/bin/env bash
# bench-backup.sh — how long does `newsmark backup` take on a database of SIZE MB,
# compared with `sqlite3 DB ".backup OUT"` of the same file? newsmark's figure
# includes what makes its backup count: the integrity_check of the copy, the
# fsync and the rename. Each is run RUNS times; the best is kept.
#
# Usage: scripts/bench-backup.sh [SIZE_MB] [RUNS]    (default 200 MB, 3 runs; the
#        issue's figure is for 1 GB: scripts/bench-backup.sh 1024 1)
#        NEWSMARK_BIN=path/to/newsmark scripts/bench-backup.sh   (skip the build)
# Needs: go, sqlite3. Target (issue 10): under 2x sqlite3's .backup.
set -euo pipefail

size_mb=${1:-200}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-bench-backup.XXXXXX")
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "bench-backup: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }

bin=${NEWSMARK_BIN:-}
if [[ -z "$bin" ]]; then
  bin="$work/newsmark"
  (cd "$repo" && go build -o "$bin" .)
fi
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config"

# A Newsmark database, filled by SQL: articles of ~10 KB of text (hex of random
# bytes, so nothing compresses), each with three annotations and their history.
db="$work/news.db"
"$bin" --db "$db" stats >/dev/null
docs=$((size_mb * 1024 / 17))
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $docs)
INSERT INTO documents (title, source, text, length, hash, imported_at)
SELECT 'Article ' || i, 'bench', t, length(t), hex(randomblob(32)), '2026-11-29T12:00:00.000000Z'
FROM (SELECT i, hex(randomblob(5000)) AS t FROM n);
INSERT INTO spans (document_id, start_offset, end_offset, label_id, text, annotator, created_at, updated_at)
SELECT d.id, k * 100, k * 100 + 40, (SELECT min(id) FROM labels), substr(d.text, k * 100 + 1, 40), 'bench',
       '2026-11-29T12:00:00.000000Z', '2026-11-29T12:00:00.000000Z'
FROM documents d, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2);
INSERT INTO span_history (span_id, document_id, action, before, after, annotator, at)
SELECT id, document_id, 'create', NULL, json_object('id', id, 'start', start_offset, 'end', end_offset), 'bench', created_at FROM spans;
COMMIT;
SQL
# Let newsmark open and close it once, as after a working session: the first open
# after another program wrote it runs quick_check, which is not the backup's cost.
"$bin" --db "$db" stats >/dev/null
actual=$(stat -c %s "$db")
printf 'database: %d MB (%d articles)\n' $((actual / 1048576)) "$docs"

best() { sort -n | head -1; }
time_it() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

newsmark_times=() sqlite_times=()
for run in $(seq 1 "$runs"); do
  rm -f "$work/out-sqlite.db" "$work/out-newsmark.db"
  sync; sqlite_times+=("$(time_it sqlite3 "$db" ".backup '$work/out-sqlite.db'")")
  sync; newsmark_times+=("$(time_it "$bin" --db "$db" backup --out "$work/out-newsmark.db")")
done
s=$(printf '%s\n' "${sqlite_times[@]}" | best)
n=$(printf '%s\n' "${newsmark_times[@]}" | best)
printf 'sqlite3 .backup:   %.2f s\n' "$s"
printf 'newsmark backup:   %.2f s (copy, integrity_check, fsync, rename)\n' "$n"
printf 'ratio:             %.2fx (target: under 2x)\n' "$(echo "$n / $s" | bc -l)"
