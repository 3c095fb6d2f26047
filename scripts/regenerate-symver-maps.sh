#!/usr/bin/env bash
# regenerate-symver-maps.sh GLIBC_GIT_DIR GLIBC_TARBALL
# Regenerate symver-maps/*.tsv from
#   - glibc's history (a git directory with the release tags glibc-2.N, e.g. a clone of the
#     public glibc repository): the ABI lists of every release;
#   - GLIBC_TARBALL, the glibc-X.Y.tar.xz inside Debian sid's glibc-source package (get it with
#     `apt-get download glibc-source` and `dpkg-deb -x`): the ABI lists of a release newer than
#     that history;
#   - real glibc binaries: Debian's libc6 of bullseye, bookworm, trixie and sid for amd64,
#     i386 and arm64 (scripts/fetch-runtimes.sh) and glibc 2.17 and 2.28 from ../shared/runtimes,
#     for the default/compat status of each symbol version.
# The binaries come from fetch-runtimes.sh's cache (it downloads what is missing).
set -euo pipefail
ME=regenerate-symver-maps.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
[ $# -eq 2 ] && [ -d "$1" ] && [ -f "$2" ] || { echo "usage: $ME GLIBC_GIT_DIR GLIBC_TARBALL" >&2; exit 2; }
GIT_DIR_ARG=$1
tarball=$2

"$REPO/scripts/fetch-runtimes.sh"

declare -A release=([bullseye]=2.31 [bookworm]=2.36 [trixie]=2.41 [sid]=2.43)
declare -A arch=([amd64]=x86_64 [i386]=i386 [arm64]=aarch64)
observed=()
for suite in bullseye bookworm trixie sid; do
  for a in amd64 i386 arm64; do
    dir=$CACHE/runtimes/$suite-$a
    have=$(sed -n 's/^libc6[: ].*[ =]\([0-9]*\.[0-9]*\)-.*/\1/p' "$dir/VERSIONS" | head -1)
    [ "$have" = "${release[$suite]}" ] || { echo "$ME: $dir holds glibc '$have', expected ${release[$suite]}; update the table" >&2; exit 1; }
    observed+=(--observed "${arch[$a]}:${release[$suite]}=$dir")
  done
done
for v in 2.17 2.28; do
  [ -d "$CACHE/oldglibc/$v/lib" ] && observed+=(--observed "x86_64:$v=$CACHE/oldglibc/$v/lib")
done
python3 "$REPO/scripts/gen-symver-maps.py" --glibc-git "$GIT_DIR_ARG" \
  --release-tarball "$tarball" "${observed[@]}" --out "$REPO/symver-maps"
