#!/usr/bin/env bash
# plain-link-fails.sh SOURCE SYMBOL...: the negative control of a differential test whose
# interfaces are newer than the host's glibc: SOURCE built plainly here does not even link,
# and the linker names every SYMBOL as undefined (so the pinned build's are the shims).
set -uo pipefail
source=$1
shift
out=$(cc -O2 "$source" -o /dev/null -ldl 2>&1) && { echo "FAIL: $source links plainly"; exit 1; }
echo "$out"
for symbol in "$@"; do
  grep -q "undefined reference to \`$symbol'" <<< "$out" || { echo "FAIL: $symbol is not named undefined"; exit 1; }
done
echo "PASS: the plain build does not link: $*"
