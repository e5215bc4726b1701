# Sourced by the scripts that run the real binary. start_xvfb WIDTHxHEIGHT LOGFILE
# starts Xvfb on a display it picks itself, exports DISPLAY and sets xvfb_pid.
#
# Why not a fixed or random display number: another X server may hold it. Why
# -noreset: by default Xvfb resets when its last client disconnects, and a client
# that connects during the reset (our app, right after the readiness probe hung
# up) fails with "Failed to open display" — that flake turned a CI run red. Why
# -r (no key auto-repeat): a key whose release xdotool never sent (it stops at
# an X error when the window it types into closes) must not repeat into the next
# window; a repeated Ctrl+Q once quit the app started after the one it closed.
start_xvfb() {
  local size=$1 log=$2 numfile
  numfile=$(mktemp)
  Xvfb -displayfd 3 -noreset -r -screen 0 "${size}x24" -nolisten tcp 3>"$numfile" >"$log" 2>&1 &
  xvfb_pid=$!
  local n=""
  for _ in $(seq 100); do
    n=$(tr -dc '0-9' <"$numfile")
    [[ -n "$n" ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$numfile"
  if [[ -z "$n" ]]; then
    echo "Xvfb did not start: $(tr '\n' ' ' <"$log")" >&2
    return 1
  fi
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Xvfb on $DISPLAY accepts no connections: $(tr '\n' ' ' <"$log")" >&2
  return 1
}
