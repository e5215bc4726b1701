#!/usr/bin/env bash
# Installs what building, running and testing Newsmark needs on Debian or Ubuntu:
# a C compiler and the X11/GL headers for Fyne, Xvfb, xdotool and ImageMagick for the
# end-to-end test, sqlite3 and fzf for the comparison benchmarks, MinGW for the
# Windows cross-build, icoutils and desktop-file-utils to check the packages, and
# the Go modules (Fyne's packaging tool too, pinned in scripts/fyne-tool.mod). Run as root (or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev   # Fyne (cgo, GLFW)
  xvfb xdotool imagemagick x11-utils                          # end-to-end test under a virtual display
  sqlite3 fzf                                                 # benchmark baselines
  gcc-mingw-w64-x86-64                                        # Windows cross-build
  icoutils desktop-file-utils xz-utils make                   # package checks (wrestool, desktop-file-validate)
  python3                                                     # offset cross-checks in tests
  unicode-data                                                # BidiCharacterTest.txt for the docview bidi conformance test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3 may come from elsewhere (pyenv); do not install Debian's if one is on PATH.
if command -v python3 >/dev/null 2>&1; then
  missing=("${missing[@]/python3}")
fi
missing=(${missing[@]+"${missing[@]}"})
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Under sudo, Go may be missing from root's PATH; the build that follows downloads the
# modules itself, so only say so.
if command -v go >/dev/null 2>&1; then
  go mod download
  go mod download -modfile=scripts/fyne-tool.mod
else
  echo "note: go is not on this PATH; Go 1.26 or newer is needed to build (the official Go release in /usr/local/go, or your distribution's golang package)" >&2
fi
echo "dependencies ready"
