#!/usr/bin/env bash
# The whole test suite: formatting, vet, unit and headless UI tests, a short run of
# every fuzz target, the Windows cross-build, the attack cases of issue 10
# (scripts/attack.sh) and the end-to-end test of the real binary under Xvfb.
# Run scripts/install-deps.sh once first.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n==> %s (at %ds)\n' "$*" $((SECONDS - started)); }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [[ -n "$unformatted" ]]; then
  echo "not gofmt-formatted:"; echo "$unformatted"; exit 1
fi

step "go vet ./..."
go vet ./...

step "go test ./..."
go test -count=1 ./...

# A count, not a duration: with a duration, Go 1.26's fuzz coordinator can report a
# bare "context deadline exceeded" failure at the deadline on a loaded machine
# (golang/go#75804, fixed in Go 1.27); a count has no deadline to race.
step "fuzz targets (${FUZZTIME:=20000x} each)"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target"
    go test -run='^$' -fuzz="^${target}\$" -fuzztime="$FUZZTIME" "$pkg" >/tmp/newsmark-fuzz.log 2>&1 || { cat /tmp/newsmark-fuzz.log; exit 1; }
  done
done

step "Windows cross-build"
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc go build -o /tmp/newsmark-windows.exe .
  ls -l /tmp/newsmark-windows.exe
else
  echo "x86_64-w64-mingw32-gcc not found: run scripts/install-deps.sh" >&2; exit 1
fi

step "attack cases against the real binary (special files, damaged databases, backups)"
scripts/attack.sh

step "end to end under Xvfb"
scripts/e2e.sh
