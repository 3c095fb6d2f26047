#!/usr/bin/env bash
# examples/cxx-cmake (static + shared library, threads, exceptions, <filesystem>, a configure
# check) built with the toolchain file for centos7: runs on real 2.17 and bullseye and took the
# _Fork fallback. The target was given at configure time only; the build runs with no
# GLIBC_PIN_* in its environment. Built plainly, it fails on 2.17.
source "$(dirname -- "$0")/common.inc"
log cmake -S "$repo/examples/cxx-cmake" -B pinned -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET=centos7
log cmake --build pinned
log cmake -S "$repo/examples/cxx-cmake" -B plain -G Ninja
log cmake --build plain
for f in pinned/cxx-demo pinned/libgreet.so; do
  v=$(max_glibc $f)
  [[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "$f needs $v"
  echo "$f needs at most $v"
done
re='^threads: sum=5005000
mean: 2.5
caught: mean of nothing
hello, cmake
filesystem: size=3 removed=2
_Fork: fallback
glibc: 2\.'
for rt in 2.17 bullseye; do
  run_on $rt pinned/cxx-demo
  [[ $ran_rc -eq 77 ]] && continue
  [[ $ran_rc -eq 0 && $ran =~ $re ]] || fail "on $rt: exit $ran_rc, output:
$ran"
  echo "ran on $rt: $(tail -1 <<< "$ran")"
done
run_on 2.17 plain/cxx-demo
[[ $ran_rc -eq 77 || ($ran_rc -ne 0 && $ran == *"version \`GLIBC"*"not found"*) ]] ||
  fail "the plain build did not fail on 2.17 as expected: $ran"
finish
