#!/usr/bin/env bash
# check-readability.sh — is annotate/dataset/third_party/go-readability upstream's
# release plus newsmark.patch, and do upstream's tests and Newsmark's pass there on
# upstream's test pages? (See that directory's NEWSMARK.md.) Needs go and git; it
# fetches the release from the Go module proxy (or takes it from the module cache).
set -euo pipefail
cd "$(dirname "$0")/.."

module=codeberg.org/readeck/go-readability/v2
version=v2.1.3
copy=annotate/dataset/third_party/go-readability

# The release's checksum as go.sum recorded it before the module was replaced.
sum='h1:6SR63+o3nHiZT6Ntq2Px4nNd2eSfrtsDpdM4uL3id9c='

info=$(go mod download -json "$module@$version")
upstream=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$info")
[[ -d "$upstream" ]] || { echo "check-readability: cannot fetch $module@$version" >&2; exit 1; }
grep -q "\"Sum\": \"$sum\"" <<<"$info" || { echo "check-readability: $module@$version is not the release this copy was made from (checksum)" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

# Upstream as the copy keeps it, with the patch applied, must equal the copy but
# for the files Newsmark added.
mkdir "$work/expected"
(cd "$upstream" && tar cf - --exclude=./test-pages --exclude=./cmd --exclude=./scripts \
  --exclude=./Makefile --exclude=./.forgejo --exclude=./.golangci.toml .) | tar xf - -C "$work/expected"
chmod -R u+w "$work/expected"
(cd "$work/expected" && git apply --whitespace=nowarn "$OLDPWD/$copy/newsmark.patch")
if ! diff -r --exclude=NEWSMARK.md --exclude=newsmark.patch --exclude=newsmark_test.go \
  --exclude=test-pages "$work/expected" "$copy"; then
  echo "check-readability: $copy differs from $module@$version plus newsmark.patch (above)" >&2
  exit 1
fi

# The copy vetted, and its tests, upstream's and Newsmark's, on upstream's test pages.
cp -r "$copy" "$work/tested"
ln -s "$upstream/test-pages" "$work/tested/test-pages"
(cd "$work/tested" && go vet ./... && go test -count=1 ./...)
echo "check-readability: $copy is $module@$version plus newsmark.patch; its tests pass"
