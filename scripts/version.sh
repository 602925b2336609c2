#!/usr/bin/env bash
# Prints the version of the Redox.NET packages built from this checkout: the one place a version is decided.
#   HEAD tagged v<version> and nothing uncommitted    <version>                              (a release: git tag v0.2.0)
#   otherwise, nothing uncommitted                    <VersionPrefix>-dev.<commit height>
#   uncommitted changes                               <VersionPrefix>-dev.<commit height>.dirty-<tree>
# <VersionPrefix> is in Directory.Build.props; <tree> starts the hash of the working tree as git would commit it
# (untracked files included, ignored ones not), so different code never shares a version and the NuGet cache never
# serves stale packages. scripts/pack.sh packs with this version; the tests read it to find what was packed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

prefix=$(sed -n 's:.*<VersionPrefix>\([^<]*\)</VersionPrefix>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
if [ -z "$prefix" ]; then
  echo "version: no <VersionPrefix> in $root/Directory.Build.props" >&2
  exit 1
fi
if ! git -C "$root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  echo "version: $root is not a git checkout: packing as $prefix-dev.0, which never changes (clear redox.* from the NuGet cache after repacking)" >&2
  echo "$prefix-dev.0"
  exit 0
fi

height=$(git -C "$root" rev-list --count HEAD)
# The working tree as a tree object, through a scratch copy of the index (the real index is left alone).
index=$(mktemp)
trap 'rm -f "$index"' EXIT
cp "$(git -C "$root" rev-parse --path-format=absolute --git-path index)" "$index" 2>/dev/null || rm -f "$index"
GIT_INDEX_FILE="$index" git -C "$root" add --all -- . >/dev/null
tree=$(GIT_INDEX_FILE="$index" git -C "$root" write-tree)

if [ "$tree" != "$(git -C "$root" rev-parse 'HEAD^{tree}')" ]; then
  echo "$prefix-dev.$height.dirty-${tree:0:10}"
elif tag=$(git -C "$root" describe --tags --exact-match --match 'v[0-9]*' HEAD 2>/dev/null); then
  echo "${tag#v}"
else
  echo "$prefix-dev.$height"
fi
