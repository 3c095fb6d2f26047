#!/usr/bin/env bash
# CMake identifies the real compiler behind glibc-pin-cc: GNU for gcc (the default) and Clang
# for GLIBC_PIN_CC=clang, given at configure time only (it is baked into the compiler line).
source "$(dirname -- "$0")/common.inc"
need clang
log cmake -S "$here/cmake-checks" -B gcc -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET=centos7
log env GLIBC_PIN_CC=clang cmake -S "$here/cmake-checks" -B clang -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET=centos7
head -2 gcc/checks.txt clang/checks.txt
grep -qx 'compiler_id=GNU' gcc/checks.txt || fail "gcc: CMake did not identify GNU"
grep -qx 'compiler_id=Clang' clang/checks.txt || fail "clang: CMake did not identify Clang"
grep -q -- "--glibc-pin-compiler=$(readlink -f "$(command -v clang)")\|--glibc-pin-compiler=$(command -v clang)" clang/checks.txt ||
  fail "clang: not passed as the real compiler"
# Same verdicts with clang.
grep -qx 'HAVE_SYM__FORK=0' clang/checks.txt && grep -qx 'HAVE_FUNC_GETRANDOM=1' clang/checks.txt ||
  fail "clang: configure checks do not see the target"
pass
