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

# finish_linux_tarball TARBALL mends and completes what `fyne package` (v1.7.4) made:
# - with [CanOpen] MimeTypes its Makefile says Exec := "newsmark %F" and then
#   installs usr/.../bin/"newsmark %F", a file that does not exist: the Makefile
#   gets the bare name, the .desktop file keeps its %F;
# - it installs a MIME type for *.jsonl (scripts/linux/io.newsmark.workbench.xml),
#   which older desktops do not know, and refreshes the MIME and menu caches.
finish_linux_tarball() {
  local tarball=$1 dir="$work/tarball" makefile share
  rm -rf "$dir"; mkdir -p "$dir"
  tar -C "$dir" -xJf "$tarball"
  makefile=$(find "$dir" -name Makefile | head -1)
  share=$(cd "$(dirname "$makefile")" && find usr -type d -path '*/share/applications' | head -1)
  share=${share%/applications}
  [[ -n "$share" ]] || { echo "package: no share/applications in the tarball" >&2; exit 1; }
  install -Dm644 scripts/linux/io.newsmark.workbench.xml "$(dirname "$makefile")/$share/mime/packages/io.newsmark.workbench.xml"
  local refresh='if command -v update-mime-database >/dev/null; then update-mime-database DIR/mime; fi; if command -v update-desktop-database >/dev/null; then update-desktop-database DIR/applications; fi'
  local user='$(DESTDIR)$(HOME)/.local/share' system='$(DESTDIR)$(PREFIX)/share'
  awk -v share="$share" -v usershare="$user" -v sysshare="$system" -v refresh="$refresh" '
    function add(line) { print "\t" line; added++ }
    function refreshIn(dir) { r = refresh; gsub(/DIR/, dir, r); add(r) }
    /^Exec := ".* %F"$/ { sub(/ %F"$/, "\""); fixed++ }
    { print }
    /^\tinstall .*pixmaps\/\$\(Icon\) \$\(DESTDIR\)\$\(PREFIX\)/ {
      add("install -Dm00644 " share "/mime/packages/$(AppID).xml " sysshare "/mime/packages/$(AppID).xml"); refreshIn(sysshare) }
    /^\t-rm \$\(DESTDIR\)\$\(PREFIX\)\/share\/pixmaps\/\$\(Icon\)$/ {
      add("-rm " sysshare "/mime/packages/$(AppID).xml"); refreshIn(sysshare) }
    /^\tsed -i -e "s,Exec=/ {
      add("install -Dm00644 " share "/mime/packages/$(AppID).xml " usershare "/mime/packages/$(AppID).xml"); refreshIn(usershare) }
    /^\t-rm \$\(DESTDIR\)\$\(HOME\)\/.local\/share\/icons\/\$\(Icon\)$/ {
      add("-rm " usershare "/mime/packages/$(AppID).xml"); refreshIn(usershare) }
    END { if (fixed != 1 || added != 8) { print "Makefile: fixed " fixed " Exec lines, added " added " lines, want 1 and 8" > "/dev/stderr"; exit 1 } }
  ' "$makefile" >"$makefile.new" || { echo "package: fyne's Makefile is not the one this script mends" >&2; exit 1; }
  mv "$makefile.new" "$makefile"
  (cd "$dir" && tar -cJf "$tarball" --owner=0 --group=0 -- *)
}

mkdir -p dist
for target in "${targets[@]}"; do
  # `fyne package` counts Build up in FyneApp.toml after each package: every target
  # starts from the checkout's, so all carry the same version.
  cp FyneApp.toml "$src/FyneApp.toml"
  case $target in
    linux)
      rm -f dist/Newsmark.tar.xz
      (cd "$src" && GOFLAGS="${GOFLAGS:-} $stamp" "$work/fyne" package --os linux --release)
      finish_linux_tarball "$src/Newsmark.tar.xz"
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
