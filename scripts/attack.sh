#!/usr/bin/env bash
# attack.sh — replays the attack cases of issue 10 against the real binary: special
# files at export and import paths (named pipes, symbolic and hard links, a device
# node), damaged and refused databases, stale temporary files, malformed input and
# the backup commands. Everything happens in a temporary folder; the only paths
# outside it are /dev/zero (read, as an import source) and, for a user who is not
# root (who cannot replace it), /dev/null as an export target. As root a device
# node made in the temporary folder stands in for /dev/null.
#
# Usage: scripts/attack.sh               (builds the binary)
#        NEWSMARK_BIN=path/to/newsmark scripts/attack.sh
# Needs: go (unless NEWSMARK_BIN), sqlite3, flock, timeout. Takes well under a minute.
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmark-attack.XXXXXX")
cleanup() {
  jobs -p | xargs -r kill 2>/dev/null
  chmod -R u+w "$work" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
bin=${NEWSMARK_BIN:-}
if [[ -z "$bin" ]]; then
  bin="$work/newsmark"
  (cd "$repo" && go build -o "$bin" .) || { echo "attack: build failed" >&2; exit 1; }
fi
# Fresh config and cache folders (window locks, clean-close markers), so the run
# neither reads nor changes the user's.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
started=$SECONDS

passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; [[ -n "${2:-}" ]] && printf '        %s\n' "$2"; }
# expect NAME CONDITION...: runs the condition (a command) and records the result.
expect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "${detail:-}"; fi; detail=; }
detail=

# nm runs the binary on the test database with a time limit, keeping its exit
# status in $rc and its output in $out and $err.
db="$work/news.db"
nm() {
  timeout 20 "$bin" --db "$db" "$@" >"$work/out" 2>"$work/err"
  rc=$?
  out=$(cat "$work/out") err=$(cat "$work/err")
}
has() { [[ "$1" == *"$2"* ]] || { detail="missing '$2' in: ${1:0:400}"; return 1; }; }
is_fifo() { [[ -p "$1" ]]; }
is_link() { [[ -L "$1" ]]; }
is_chardev() { [[ -c "$1" ]]; }
gone() { [[ ! -e "$1" ]]; }
same() { cmp -s "$1" "$2"; }

# A small corpus with curly quotes, an em dash, NBSP, emoji and CRLF.
mkdir -p "$work/in"
body=$(for _ in $(seq 1 40); do printf 'A paragraph of the article, long enough to fill a few pages. '; done)
for i in $(seq 1 60); do
  printf '“Talks resumed,” the mayor’s office said — %d\u00a0civilians 😀 were evacuated.\r\n%s\r\n' "$i" "$body" >"$work/in/a$i.txt"
done
nm import "$work/in"
[[ $rc -eq 0 ]] || { echo "attack: the first import failed: $err" >&2; exit 1; }

echo "Broken promise 2: export destinations (at $((SECONDS - started)) s)"
mkfifo "$work/pipe.jsonl"
(cat "$work/pipe.jsonl" >"$work/from-pipe.jsonl") &
nm export --status all --format spacy --out "$work/pipe.jsonl"
wait
expect "export into a named pipe writes through it" test "$(wc -l <"$work/from-pipe.jsonl")" -eq 60
expect "the named pipe is still a named pipe" is_fifo "$work/pipe.jsonl"

mkdir -p "$work/real"
echo old >"$work/real/data.jsonl"
ln -s real/data.jsonl "$work/link.jsonl"
nm export --status all --format spacy --out "$work/link.jsonl"
expect "export through a symlink succeeds" test $rc -eq 0
expect "the symlink stays a symlink" is_link "$work/link.jsonl"
expect "its target holds the export" test "$(wc -l <"$work/real/data.jsonl")" -eq 60

if [[ $(id -u) -eq 0 ]]; then
  mknod "$work/null" c 1 3 && chmod 666 "$work/null"
  devnull="$work/null"
else
  devnull=/dev/null
fi
nm export --status all --format hf --out "$devnull"
expect "export to a character device succeeds" test $rc -eq 0
expect "the device node is still a device" is_chardev "$devnull"
expect "hf writes no labels.json beside a device" gone "$(dirname "$devnull")/labels.json"

head -c 1000000 /dev/zero >"$work/.stale.jsonl.tmp-123456"
mkdir -p "$work/.brat.tmp-42" && echo x >"$work/.brat.tmp-42/.newsmark-export"
nm export --status all --format spacy --out "$work/fresh.jsonl"
expect "a killed export's temp file is removed by the next export" gone "$work/.stale.jsonl.tmp-123456"
expect "a killed export's temp folder is removed too" gone "$work/.brat.tmp-42"

echo '{"id2label": {"0": "PER"}}' >"$work/labels.json"
cp "$work/labels.json" "$work/labels.orig"
nm export --status all --format hf --out "$work/train.jsonl"
expect "hf refuses to replace an unrelated labels.json" test $rc -eq 1
expect "and says how to allow it" has "$err" "--replace-labels"
expect "the unrelated labels.json is untouched" same "$work/labels.json" "$work/labels.orig"
nm export --status all --format hf --out "$work/train.jsonl" --replace-labels
expect "--replace-labels replaces it" test $rc -eq 0

echo "Broken promise 3: a damaged database is not written to (at $((SECONDS - started)) s)"
cp "$db" "$work/damaged.db"
pages=$(( $(stat -c %s "$work/damaged.db") / 16384 ))
dd if=/dev/urandom of="$work/damaged.db" bs=16384 seek=$((pages / 2)) count=3 conv=notrunc status=none
cp "$work/damaged.db" "$work/damaged.orig"
db_saved=$db db="$work/damaged.db"
nm import "$work/in/a1.txt"
expect "import into a damaged database exits 1" test $rc -eq 1
expect "the message says to restore a backup" has "$err" "newsmark restore"
expect "the damaged file is unchanged" same "$work/damaged.db" "$work/damaged.orig"
expect "no -wal was created beside it" gone "$work/damaged.db-wal"
nm check
expect "check reports the damage and exits 1" test $rc -eq 1
expect "in words" has "$out" "DAMAGED"
db=$db_saved

echo "Broken promise 4: one window per database, whatever the path (at $((SECONDS - started)) s)"
ln -s news.db "$work/link.db"
ln "$db" "$work/hard.db"
nm backup --out "$work/before.db"
expect "backup --out writes a checked backup" has "$out" "checked with integrity_check"
# A window holds a lock on the database file itself; flock(1) takes the same one.
(exec 9<"$db"; flock -n 9 && exec sleep 15) &
holder=$!
sleep 0.3
for path in "$work/link.db" "$work/hard.db" "$db"; do
  timeout 20 "$bin" --db "$path" restore "$work/before.db" >"$work/out" 2>"$work/err"
  rc=$? err=$(cat "$work/err")
  expect "restore through $(basename "$path") is refused while a window holds the database" has "$err" "already open"
done
XDG_CACHE_HOME="$work/other-cache" timeout 20 "$bin" --db "$db" restore "$work/before.db" >/dev/null 2>"$work/err"
expect "another cache folder does not get past the lock" has "$(cat "$work/err")" "already open"
kill $holder 2>/dev/null; wait $holder 2>/dev/null
expect "the hard link got no -wal of its own" gone "$work/hard.db-wal"

echo "Broken promise 5: named pipes inside an imported folder (at $((SECONDS - started)) s)"
mkdir -p "$work/withpipe"
cp "$work/in/a1.txt" "$work/withpipe/ok.txt"
mkfifo "$work/withpipe/pipe.txt"
nm import "$work/withpipe"
expect "the import finishes (does not block on the pipe)" test $rc -eq 0
expect "the summary names the skipped pipe" has "$err" "pipe.txt (a named pipe)"

echo "Broken promise 6: the size limit holds while reading (at $((SECONDS - started)) s)"
(ulimit -v 2000000; timeout 20 "$bin" --db "$db" import /dev/zero >"$work/out" 2>"$work/err"); rc=$?
expect "import /dev/zero exits 1 (not killed, not out of memory)" test $rc -eq 1
expect "naming the limit" has "$(cat "$work/err")" "over the limit"

echo "Unclear or messy (at $((SECONDS - started)) s)"
cp "$db" "$work/newer.db"
sqlite3 "$work/newer.db" "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00.000000Z')"
db_saved=$db db="$work/newer.db"
nm stats
expect "a newer database is refused" has "$err" "newer version"
expect "and gets no -wal" gone "$work/newer.db-wal"
expect "and no -shm" gone "$work/newer.db-shm"
db=$db_saved

printf '\xff\xfe' >"$work/utf16.txt"
printf 'Windows “text” — 😀\r\n' | iconv -f UTF-8 -t UTF-16LE >>"$work/utf16.txt"
nm import "$work/utf16.txt"
expect "UTF-16 text with a BOM imports" has "$out" "1 document added"

printf '%s\n' '{"text": "Fine"}' '{"text": "Lone \ud800 surrogate"}' >"$work/lone.jsonl"
nm import "$work/lone.jsonl"
expect "a lone surrogate is refused with its line" has "$err" "lone.jsonl:2: lone UTF-16 surrogate"

printf 'Talks -X- _ B-CLAIM\n -X- _ B-CLAIM\n' >"$work/empty.conll"
nm import "$work/empty.conll"
expect "a CoNLL line with an empty token is refused" has "$err" "empty.conll:2:"

nm labels add "$(head -c 100000 /dev/zero | tr '\0' 'X')"
expect "a 100,000-character label is refused" test $rc -ne 0
expect "and the message quotes at most a little of it" test ${#err} -lt 400

nm import "$work/no such
file.txt"
expect "a path with a newline is quoted, so it reads as one name" has "$err" 'no such\nfile.txt": no such file'


printf '%s\n' '{"text": "T", "meta": {"title": 42}}' >"$work/title.jsonl"
nm import "$work/title.jsonl"
expect "a non-string meta.title is refused with its line" has "$err" 'title.jsonl:1: "meta.title" is a number'
python3 -c 'print("{\"text\": \"Deep\", \"meta\": {\"a\": " + "[" * 5000 + "]" * 5000 + "}}")' >"$work/deep.jsonl"
nm import "$work/deep.jsonl"
expect "meta nested 5,000 levels is refused with its line" has "$err" "deep.jsonl:1:"

nm search --label NOPE talks
expect "search --label NOPE names the unknown label" has "$err" 'no label named "NOPE"'

echo "Backups (at $((SECONDS - started)) s)"
nm backup
expect "backup goes to the backups folder" has "$out" "$work/backups/news-"
nm import "$work/utf16.txt" "$work/withpipe/ok.txt"
nm restore "$work/before.db"
expect "restore works when no window is open" test $rc -eq 0
expect "and keeps the database as it was" has "$out" "before-restore"
nm check
expect "check of the restored database is clean" test $rc -eq 0

echo
echo "attack: $passed passed, $failed failed ($((SECONDS - started)) s)"
[[ $failed -eq 0 ]]
