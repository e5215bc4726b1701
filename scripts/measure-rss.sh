#!/usr/bin/env bash
# Prints the resident memory (RSS) of the real app with a 1 MB article open, under
# Xvfb, and how long the window took to show the article. Needs the packages of
# scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
xvfb_pid=""; app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/newsmark" .
# About 1 MB of news-like prose with curly quotes, em dashes and non-ASCII names.
python3 - "$work/big.txt" <<'PY'
import sys, random
random.seed(7)
words = ("the council said on Tuesday that at least civilians were killed when shelling hit "
         "harbour district “we will not leave” Pavić Zaporizhzhia São Paulo Müller — demanded "
         "withdrawal ceasefire talks resumed monitors recorded violations displaced residents").split()
out, size = [], 0
while size < 1_000_000:
    sentence = " ".join(random.choice(words) for _ in range(random.randint(8, 30))).capitalize() + ". "
    if random.random() < 0.15:
        sentence += "\r\n\r\n"
    out.append(sentence)
    size += len(sentence.encode())
open(sys.argv[1], "w", newline="").write("".join(out))
PY
# shellcheck source=scripts/xvfb.sh
source scripts/xvfb.sh
start_xvfb 1400x900 "$work/xvfb.log"

start=$(date +%s.%N)
"$work/newsmark" --db "$work/rss.db" "$work/big.txt" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 300); do
  title=$(xdotool search --name '^Newsmark' getwindowname %@ 2>/dev/null | head -1 || true)
  [[ "$title" == "Newsmark — "* ]] && break
  sleep 0.05
done
shown=$(date +%s.%N)
sleep 3 # let it settle
rss_kb=$(awk '/^VmRSS/ {print $2}' /proc/$app_pid/status)
hwm_kb=$(awk '/^VmHWM/ {print $2}' /proc/$app_pid/status)
printf 'article: %d bytes\n' "$(stat -c %s "$work/big.txt")"
awk -v a="$start" -v b="$shown" 'BEGIN { printf "window titled with the article after: %.2f s (process start, import and first paint)\n", b - a }'
printf 'RSS with the article open: %d MB (peak %d MB)\n' $((rss_kb / 1024)) $((hwm_kb / 1024))
