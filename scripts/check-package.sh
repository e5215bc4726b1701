#!/usr/bin/env bash
# Checks the packages scripts/package.sh built in dist/:
#   Linux    the tarball installs with `make user-install` into a temporary HOME, the
#            menu entry names the installed binary and the file types it opens, and
#            the installed binary starts and reports FyneApp.toml's version and this
#            commit; prints the installed binary's path on the last line (for e2e.sh);
#   Windows  Newsmark.exe is a 64-bit GUI program carrying its icon, version
#            resource (FyneApp.toml's version) and manifest.
# Usage: scripts/check-package.sh INSTALL_DIR (kept, so the caller can run the
# installed binary; the caller removes it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:?usage: scripts/check-package.sh INSTALL_DIR}
mkdir -p "$root"
root=$(cd "$root" && pwd)

fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
version=$(sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

# --- Linux: unpack, make user-install into a temporary HOME, start it ---
tarball=dist/Newsmark.tar.xz
[[ -s $tarball ]] || fail "$tarball is missing: run scripts/package.sh"
mkdir -p "$root/unpacked" "$root/home"
tar -C "$root/unpacked" -xJf "$tarball"
makefile=$(find "$root/unpacked" -name Makefile | head -1)
[[ -n $makefile ]] || fail "the tarball holds no Makefile: $(tar -tJf "$tarball" | tr '\n' ' ')"
make -s -C "$(dirname "$makefile")" user-install HOME="$root/home" >/dev/null
bin="$root/home/.local/bin/newsmark"
desktop="$root/home/.local/share/applications/io.newsmark.workbench.desktop"
icon="$root/home/.local/share/icons/io.newsmark.workbench.png"
for f in "$bin" "$desktop" "$icon"; do
  [[ -s $f ]] || fail "make user-install did not install ${f#"$root/home/"}"
done
[[ -x $bin ]] || fail "the installed binary is not executable"
[[ "$(head -c 8 "$icon" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] || fail "the installed icon is not a PNG"

grep -qx "Exec=$bin %F" "$desktop" || fail "the menu entry does not start the installed binary with the files: $(grep '^Exec=' "$desktop")"
grep -qx "Icon=io.newsmark.workbench" "$desktop" || fail "the menu entry's icon: $(grep '^Icon=' "$desktop")"
grep -qx "Name=Newsmark" "$desktop" || fail "the menu entry's name: $(grep '^Name=' "$desktop")"
for mime in text/plain text/markdown application/jsonl text/html \
  application/vnd.openxmlformats-officedocument.wordprocessingml.document; do
  grep -q "^MimeType=\(.*;\)\?$mime;" "$desktop" || fail "the menu entry does not open $mime: $(grep '^MimeType=' "$desktop" || echo 'no MimeType line')"
done
mimexml="$root/home/.local/share/mime/packages/io.newsmark.workbench.xml"
[[ -s $mimexml ]] || fail "make user-install did not install the MIME type for .jsonl"
if command -v update-mime-database >/dev/null; then
  grep -qx "[0-9]*:application/jsonl:\*\.jsonl" "$root/home/.local/share/mime/globs2" ||
    fail "after make user-install the MIME database does not map *.jsonl to application/jsonl"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects the menu entry"
fi

out=$(HOME="$root/home" "$bin" --version) || fail "the installed binary did not start: $out"
first=$(head -1 <<<"$out")
[[ $first == "newsmark $version" ]] || fail "the installed binary says '$first', want 'newsmark $version' (FyneApp.toml)"
grep -qx "commit $commit\(-dirty\)\?" <<<"$out" || fail "the installed binary does not carry commit $commit: $out"
grep -q "Fyne v2\." <<<"$out" || fail "the installed binary does not name its Fyne version: $out"
echo "check-package: Linux tarball $(du -h "$tarball" | cut -f1): installs, menu entry and icon in place, starts: $(tr '\n' ' ' <<<"$out")"

# --- Windows: GUI subsystem, icon, version and manifest resources ---
exe=dist/Newsmark.exe
[[ -s $exe ]] || fail "$exe is missing: run scripts/package.sh"
command -v wrestool >/dev/null || fail "wrestool (icoutils) not found: run scripts/install-deps.sh"
objdump=x86_64-w64-mingw32-objdump
headers=$($objdump -p "$exe") || fail "$objdump cannot read $exe"
grep -q "^Magic.*20b" <<<"$headers" || fail "$exe is not a 64-bit (PE32+) program"
grep -q "^Subsystem.*(Windows GUI)" <<<"$headers" || fail "$exe is not a GUI program (it would open a console window)"
resources=$(wrestool -l "$exe")
for type in "--type=14" "--type=3" "--type=16" "--type=24"; do
  grep -q -- "$type " <<<"$resources" || fail "$exe lacks resource $type (14 icon group, 3 icon, 16 version, 24 manifest): $resources"
done
wrestool -x --type=14 "$exe" >"$root/group.ico"
[[ "$(head -c 4 "$root/group.ico" | od -An -tx1 | tr -d ' \n')" == 00000100 ]] || fail "the icon resource does not extract as an .ico file"
# The version resource holds its strings in UTF-16: look for the product version.
want="$version"; while [[ $(tr -cd . <<<"$want" | wc -c) -lt 2 ]]; do want+=".0"; done
want+=".$build"
wrestool -x --raw --type=16 "$exe" | strings -el >"$root/version.txt"
grep -A1 -x "ProductVersion" "$root/version.txt" | grep -qx "$want" ||
  fail "the version resource does not give ProductVersion $want: $(tr '\n' ' ' <"$root/version.txt")"
grep -A1 -x "FileVersion" "$root/version.txt" | grep -qx "$want" ||
  fail "the version resource does not give FileVersion $want: $(tr '\n' ' ' <"$root/version.txt")"
wrestool -x --raw --type=24 "$exe" | grep -q "<assemblyIdentity version=\"$want\"" || fail "the manifest does not name version $want"
echo "check-package: Windows exe $(du -h "$exe" | cut -f1): GUI program with icon, version $want and manifest"
echo "$bin"
