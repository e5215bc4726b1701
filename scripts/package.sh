#!/usr/bin/env bash
# Builds the desktop packages this machine can build into dist/, with Fyne's own
# packaging tool (fyne.io/tools/cmd/fyne, pinned in scripts/fyne-tool.mod so it comes
# from the Go module proxy like every other module) reading FyneApp.toml:
#
#   Linux   dist/Newsmark.tar.xz  binary, .desktop file (opens .txt, .md, .jsonl,
#                                 .html, .docx), icon and a Makefile: make user-install
#   Windows dist/Newsmark.exe     cross-built with MinGW (x86_64-w64-mingw32-gcc); icon,
#                                 version resource and manifest embedded
#   macOS   dist/Newsmark.app     only on a Mac (it needs Apple's SDK); see
#                                 .github/workflows/release.yml
#
# The version comes from FyneApp.toml and the git commit is stamped into the binary
# (newsmark version, Help ▸ About). Usage: scripts/package.sh [linux] [windows] [darwin]
# (default: every target this machine can build). Run scripts/install-deps.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."

host_os=$(go env GOOS)
targets=("$@")
if ((${#targets[@]} == 0)); then
  case $host_os in
    linux) targets=(linux windows) ;;
    darwin) targets=(darwin) ;;
    windows) targets=(windows) ;;
    *) echo "package: no package for $host_os" >&2; exit 1 ;;
  esac
fi

version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)
[[ -n "$version" ]] || { echo "package: FyneApp.toml has no Version" >&2; exit 1; }
commit=unknown
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse --short=12 HEAD)
  # Uncommitted changes to tracked files make a build no commit describes.
  [[ -z "$(git status --porcelain --untracked-files=no)" ]] || commit+="-dirty"
fi
echo "package: Newsmark $version, commit $commit"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tool, built once from the pinned version (and cached by Go afterwards).
go build -modfile=scripts/fyne-tool.mod -o "$work/fyne" fyne.io/tools/cmd/fyne

# `fyne package` writes into the source folder while it works (a metadata .go file,
# the Windows resource .syso, the binary) and deletes an existing ./newsmark as
# stale: it works on a copy of the tracked and new files, so the checkout, and a
# test run in it meanwhile, are left alone.
src="$work/src"
mkdir -p "$src"
if git rev-parse --git-dir >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -C "$src" -xf -
else
  tar --exclude=./dist --exclude=./newsmark --exclude=./newsmark.exe -cf - . | tar -C "$src" -xf -
fi

# `fyne` passes -ldflags found in GOFLAGS on to `go build` (one per GOFLAGS word).
cli=github.com/newsmark/newsmark/app/cli
stamp="-ldflags=-X=$cli.Version=$version -ldflags=-X=$cli.Commit=$commit"

mkdir -p dist
for target in "${targets[@]}"; do
  case $target in
    linux)
      rm -f dist/Newsmark.tar.xz
      (cd "$src" && GOFLAGS="${GOFLAGS:-} $stamp" "$work/fyne" package --os linux --release)
      mv "$src/Newsmark.tar.xz" dist/
      ;;
    windows)
      rm -f dist/Newsmark.exe
      : "${WINDOWS_CC:=x86_64-w64-mingw32-gcc}"
      command -v "$WINDOWS_CC" >/dev/null || { echo "package: $WINDOWS_CC not found: run scripts/install-deps.sh" >&2; exit 1; }
      (cd "$src" && GOFLAGS="${GOFLAGS:-} $stamp" CC="$WINDOWS_CC" GOARCH=amd64 "$work/fyne" package --os windows --release)
      mv "$src/Newsmark.exe" dist/
      ;;
    darwin)
      rm -rf dist/Newsmark.app
      (cd "$src" && GOFLAGS="${GOFLAGS:-} $stamp" "$work/fyne" package --os darwin --release)
      mv "$src/Newsmark.app" dist/
      ;;
    *) echo "package: unknown target $target (linux, windows, darwin)" >&2; exit 2 ;;
  esac
done
ls -l dist/
