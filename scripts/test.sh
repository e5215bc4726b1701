#!/usr/bin/env bash
# The whole test suite: formatting, vet, unit and headless UI tests, a short run of
# every fuzz target, the Linux and Windows packages (built and checked), the attack
# cases of issue 10 (scripts/attack.sh) and the end-to-end test of the packaged
# binary under Xvfb. Run scripts/install-deps.sh once first.
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

step "the copy of go-readability (scripts/check-readability.sh)"
scripts/check-readability.sh

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

# Fyne's packaging tool builds the Linux tarball and, with MinGW, the Windows .exe
# (the Windows cross-build); the check installs the tarball into a temporary HOME,
# starts it and inspects the .exe's resources. The end-to-end test then drives the
# binary the package installed, so what ships is what is tested.
step "packages (scripts/package.sh, scripts/check-package.sh)"
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || { echo "x86_64-w64-mingw32-gcc not found: run scripts/install-deps.sh" >&2; exit 1; }
scripts/package.sh linux windows
installed=$(mktemp -d)
trap 'rm -rf "$installed"' EXIT
scripts/check-package.sh "$installed" | tee "$installed/check.log"
packaged_bin=$(tail -1 "$installed/check.log")

step "attack cases against the real binary (special files, damaged databases, backups)"
scripts/attack.sh

step "end to end under Xvfb (the packaged binary)"
NEWSMARK_BIN=$packaged_bin scripts/e2e.sh
