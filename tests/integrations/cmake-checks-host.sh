#!/usr/bin/env bash
# Control for cmake-checks-2.17: with the host's glibc as the target, and in a plain
# configure without the toolchain file, the same checks find _Fork (so the 2.17 "missing"
# is the target's doing, not a broken check).
source "$(dirname -- "$0")/common.inc"
host=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
[[ $host == 2.3[4-9]* || $host == 2.[4-9]* ]] || skip "host glibc $host has no _Fork (needs 2.34)"
log cmake -S "$here/cmake-checks" -B pinned -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET="$host"
log cmake -S "$here/cmake-checks" -B plain -G Ninja
for b in pinned plain; do
  echo "--- $b"; cat $b/checks.txt
  [[ $(grep -c '=1$' $b/checks.txt) -eq 6 ]] || fail "$b: not every check found its function"
done
grep -q "^compiler_arg1=--glibc-pin-target=$host " pinned/checks.txt || fail "pinned: no target in ARG1"
pass
