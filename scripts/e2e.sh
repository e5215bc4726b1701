#!/usr/bin/env bash
# End-to-end test of the real binary: start it under Xvfb on an article, select a
# span with the keyboard, tag it with its label's digit, undo, redo, quit with
# Ctrl+Q, then ask the command line what the database holds; then drag with the
# mouse from mid-word to mid-word and check that whole words were stored. Leaves a screenshot
# in $ARTIFACTS (default ./ci-artifacts) and prints its path.
# NEWSMARK_BIN=PATH tests that binary (the one the Linux package installed, say)
# instead of building one from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTIFACTS=${ARTIFACTS:-$PWD/ci-artifacts}
mkdir -p "$ARTIFACTS"
work=$(mktemp -d)
# The locale of Debian containers and most CI machines, under which Fyne used to
# log "Error parsing user locale C" (app/internal/localeenv fixes it; checked below).
export LANG=C.UTF-8 LANGUAGE=
unset LC_ALL LC_MESSAGES
# Fyne keeps the window size, last document and caret under the user's config
# folder, and the one-window-per-database lock lives in the cache folder: use
# fresh ones, so the test neither reads nor changes the user's.
# Go's build cache defaults to the cache folder too: keep using the real one.
GOCACHE=$(go env GOCACHE)
export GOCACHE XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
bin="$work/newsmark"
db="$work/e2e.db"
article="$work/ceasefire.txt"
xvfb_pid=""; app_pid=""
cleanup() {
  # The app saves its session on SIGTERM: wait for it before removing its folder.
  if [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null; then wait "$app_pid" 2>/dev/null || true; fi
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "e2e: FAIL: $*" >&2
  if [[ -n "${DISPLAY:-}" ]] && import -window root "$ARTIFACTS/e2e-failure.png" 2>/dev/null; then
    echo "e2e: screenshot at the failure: $ARTIFACTS/e2e-failure.png" >&2
  fi
  [[ -s "$work/app.log" ]] && sed 's/^/  app: /' "$work/app.log" >&2
  [[ -s "$work/xvfb.log" ]] && sed 's/^/  Xvfb: /' "$work/xvfb.log" >&2
  exit 1
}

if [[ -n "${NEWSMARK_BIN:-}" ]]; then
  [[ -x "$NEWSMARK_BIN" ]] || fail "NEWSMARK_BIN=$NEWSMARK_BIN is not an executable"
  bin=$(cd "$(dirname "$NEWSMARK_BIN")" && pwd)/$(basename "$NEWSMARK_BIN")
  echo "e2e: testing $bin ($("$bin" version | head -1))"
else
  go build -o "$bin" .
fi

# The first 12 code points are the curly-quoted word, so 12 x Shift+Right selects
# exactly “Ceasefire,” (3 bytes per curly quote: a byte-counting bug would show).
printf '“Ceasefire,” the mayor said — at least 12 people died.\r\nTalks resume on Monday.\r\n' > "$article"

# shellcheck source=scripts/xvfb.sh
source scripts/xvfb.sh
start_xvfb 1280x800 "$work/xvfb.log" || fail "Xvfb did not start"

launch_app() { "$bin" "$@" >"$work/app.log" 2>&1 & app_pid=$!; }

# start_app ARGS... starts the app and waits for its window, titled
# "Newsmark — <document>"; it sets app_pid and win.
start_app() {
  local launches=1
  launch_app "$@"
  win=""
  for _ in $(seq 150); do
    # Only this process's window (GLFW sets _NET_WM_PID): the window of an app that
    # just quit can linger on a loaded X server. Search by the ASCII prefix: how X
    # encodes the rest of the title depends on the locale.
    win=$(xdotool search --onlyvisible --pid "$app_pid" --name '^Newsmark' 2>/dev/null | head -1 || true)
    [[ -n "$win" && "$(xdotool getwindowname "$win" 2>/dev/null)" == "Newsmark — "* ]] && break
    win=""
    if ! kill -0 "$app_pid" 2>/dev/null; then
      # The X server refusing a connection is the machine's fault, not the app's: say
      # so and try again (twice at most). Any other exit fails the test.
      if grep -q "Failed to open display" "$work/app.log" && ((launches < 3)) && xdpyinfo >/dev/null 2>&1; then
        echo "e2e: the app could not open $DISPLAY, which answers xdpyinfo; launching it again" >&2
        launches=$((launches + 1)); sleep 0.5
        launch_app "$@"
        continue
      fi
      fail "the app exited before showing its window"
    fi
    sleep 0.2
  done
  [[ -n "$win" ]] || fail "no window titled 'Newsmark — …' within 30 s (windows: $(xdotool search --name . getwindowname %@ 2>/dev/null | tr '\n' '|'))"
  echo "e2e: window $win: $(xdotool getwindowname "$win")"
}

# focus_app looks the app's window up again (on a loaded X server the id first
# found has been seen to go stale) and gives it the keyboard.
focus_app() {
  local found
  for _ in $(seq 50); do
    found=$(xdotool search --onlyvisible --pid "$app_pid" --name '^Newsmark' 2>/dev/null | head -1 || true)
    [[ -n "$found" ]] && xdotool windowfocus --sync "$found" 2>/dev/null && { win=$found; return 0; }
    sleep 0.2
  done
  fail "could not give the app's window the keyboard focus"
}

# quit_app presses Ctrl+Q and waits for a clean exit. On a loaded machine a
# synthetic key press has been seen to get lost; the press is repeated (at most
# three times, and the log says so) before the test gives up.
quit_app() {
  local try
  for try in 1 2 3; do
    xdotool key --window "$win" --delay 60 ctrl+q 2>/dev/null || true # the window may vanish before the key-up
    for _ in $(seq 70); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null || break
    echo "e2e: the app is still running 7 s after Ctrl+Q (press $try)" >&2
  done
  # xdotool stops at the X error it gets when the window vanishes between the
  # press and the release, which leaves Ctrl and Q held down in the X server:
  # the next app would see every key with Ctrl, and a held Q repeat as Ctrl+Q.
  xdotool keyup Control_L q 2>/dev/null || true
  if kill -0 "$app_pid" 2>/dev/null; then fail "Ctrl+Q did not quit the app (pressed 3 times)"; fi
  wait "$app_pid" || fail "the app exited with status $?"
  app_pid=""
  # Let the X server drop the window before anything looks for the next one.
  for _ in $(seq 100); do xdotool getwindowname "$win" >/dev/null 2>&1 || break; sleep 0.1; done
}

start_app --db "$db" "$article"
sleep 1.5 # let the first frame and the import settle
focus_app

keys() { xdotool key --window "$win" --delay 60 "$@"; sleep 0.4; }
keys ctrl+Home
for _ in $(seq 12); do keys shift+Right; done
# While the app runs, the command line reads the same database (WAL allows it), so
# each step is checked where it matters: in what SQLite holds.
annotations() { "$bin" --db "$db" stats --json | tr -d ' ' | sed -n 's/.*"annotations":\([0-9]*\).*/\1/p'; }
expect_annotations() {
  local want=$1 what=$2 got=""
  for _ in $(seq 50); do got=$(annotations); [[ "$got" == "$want" ]] && return 0; sleep 0.2; done
  fail "after $what the database holds $got annotations, want $want"
}
keys 2            # QUOTE
expect_annotations 1 "pressing 2 on the selection"
keys ctrl+z       # undo the tag
expect_annotations 0 "Ctrl+Z"
keys ctrl+shift+z # redo it
expect_annotations 1 "Ctrl+Shift+Z"
sleep 0.5
import -window root "$ARTIFACTS/e2e-workbench.png"
echo "e2e: screenshot $ARTIFACTS/e2e-workbench.png"
quit_app

export_out=$("$bin" --db "$db" export --status all --format doccano --out -)
echo "e2e: database holds: $export_out"
expected='"label":[[0,12,"QUOTE"]]'
[[ "$(tr -d ' ' <<<"$export_out")" == *"$expected"* ]] || fail "expected exactly one QUOTE span 0-12 ($expected)"
stats=$("$bin" --db "$db" stats --json)
[[ "$(tr -d ' ' <<<"$stats")" == *'"annotations":1'* ]] || fail "expected exactly one annotation, stats say $stats"
if grep -q "locale" "$work/app.log"; then fail "the app complained about the locale"; fi
echo "e2e: tag, undo, redo and quit: passed"

# A restart without a file reopens the last document with the caret where it was
# (after the tag, at 12), and the keyboard goes to the article at once: Shift+End
# then 1 must tag the rest of the line as CLAIM, white space and the stop trimmed.
echo "e2e: the app saved: $(cat "$XDG_CONFIG_HOME"/fyne/*/preferences.json 2>/dev/null)"
start_app --db "$db"
sleep 1.5
focus_app
import -window root "$ARTIFACTS/e2e-restart.png"
echo "e2e: screenshot $ARTIFACTS/e2e-restart.png"
keys shift+End
keys 1
expect_annotations 2 "Shift+End and 1 after a restart"
quit_app
claim=$("$bin" --db "$db" search --json --label CLAIM)
[[ "$claim" == *'"start": 13'* && "$claim" == *'"end": 53'* && "$claim" == *'"text": "the mayor said — at least 12 people died"'* ]] ||
  fail "after a restart, expected CLAIM 13-53 \"the mayor said — at least 12 people died\" (the stop of a partial sentence trimmed by the CLAIM rule), search says: $claim"
echo "e2e: restart restores the caret and the keyboard: passed"

# A mouse drag that starts and ends in the middle of words must store whole words
# (selections snap to UAX #29 words). The article is 60 lines of one long word
# each, so a point a little right of the article's left edge is inside a word on
# whatever row it hits: the drag runs from 40 % to 60 % of the window's height.
lines="$work/lines.txt"
for i in $(seq -w 1 60); do printf 'Line%sxxxxxxxxxxxxxxxxxxxxxxxxxxEnd\n' "$i"; done > "$lines"
line_len=35 # "Line", two digits, 26 x, "End"; then "\n"
start_app --db "$db" "$lines"
sleep 1.5
focus_app
eval "$(xdotool getwindowgeometry --shell "$win")" # X Y WIDTH HEIGHT
# The library takes the left fifth of the window; 80 px into the article is
# past the padding and well inside the ~250 px wide words.
drag_x=$((X + WIDTH / 5 + 80))
xdotool mousemove --sync "$drag_x" $((Y + HEIGHT * 2 / 5)) mousedown 1
for step in 1 2 3 4 5 6 7 8; do
  xdotool mousemove --sync "$drag_x" $((Y + HEIGHT * 2 / 5 + HEIGHT * step / 40)); sleep 0.05
done
xdotool mouseup 1
sleep 0.4
keys 1 # CLAIM
expect_annotations 3 "a mid-word drag and 1"
import -window root "$ARTIFACTS/e2e-drag.png"
echo "e2e: screenshot $ARTIFACTS/e2e-drag.png"
quit_app
dragged=$("$bin" --db "$db" export --status all --format spacy --out - 2>/dev/null | grep '"text": "Line01' |
  grep -o '"start": [0-9]*, "end": [0-9]*, "label": "CLAIM"' | head -1)
[[ -n "$dragged" ]] || fail "no CLAIM stored in the drag document"
drag_start=$(sed 's/"start": \([0-9]*\).*/\1/' <<<"$dragged")
drag_end=$(sed 's/.*"end": \([0-9]*\).*/\1/' <<<"$dragged")
((drag_end - drag_start > line_len)) || fail "the drag stored $drag_start-$drag_end, not several lines"
((drag_start % (line_len + 1) == 0 && drag_end % (line_len + 1) == line_len)) ||
  fail "the drag stored $drag_start-$drag_end: it does not start and end on whole words (lines of $line_len)"
echo "e2e: a mid-word drag stores whole words ($drag_start-$drag_end): passed"

# A database that is not one: the app must say so in a window (someone who
# started it from a desktop icon sees no stderr), leave the file alone, and exit 1
# when the window is closed.
corrupt="$work/corrupt.db"
printf 'not a database, only some text that a user named .db by mistake\n' > "$corrupt"
before=$(sha256sum < "$corrupt")
"$bin" --db "$corrupt" >"$work/app.log" 2>&1 &
app_pid=$!
errwin=""
for _ in $(seq 100); do
  errwin=$(xdotool search --pid "$app_pid" --name '^Newsmark$' 2>/dev/null | head -1 || true)
  [[ -n "$errwin" ]] && break
  kill -0 "$app_pid" 2>/dev/null || fail "with a corrupt database the app exited without a window"
  sleep 0.2
done
[[ -n "$errwin" ]] || fail "no error window for a corrupt database within 20 s"
sleep 0.5
import -window root "$ARTIFACTS/e2e-startup-error.png"
echo "e2e: screenshot $ARTIFACTS/e2e-startup-error.png"
xdotool windowfocus --sync "$errwin" 2>/dev/null || true
xdotool key --window "$errwin" Return 2>/dev/null || true
for _ in $(seq 200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "Return did not close the error window"
status=0; wait "$app_pid" || status=$?
app_pid=""
[[ $status -eq 1 ]] || fail "with a corrupt database the app exited with $status, want 1"
grep -q "$corrupt is not a Newsmark database" "$work/app.log" || fail "stderr does not name the corrupt file"
[[ "$(sha256sum < "$corrupt")" == "$before" ]] || fail "the corrupt file was changed"
echo "e2e: corrupt database window: passed"
echo "e2e: 4 passed, 0 failed"
