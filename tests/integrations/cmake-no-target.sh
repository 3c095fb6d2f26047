#!/usr/bin/env bash
# The toolchain file without a target stops the configure with a message saying how to give one;
# GLIBC_PIN_TARGET in the environment at configure time is enough (and is baked in).
source "$(dirname -- "$0")/common.inc"
check_fails cmake -S "$here/cmake-checks" -B none -G Ninja -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake"
tr -s ' \n' ' ' < "$lastlog" | grep -q 'glibc-pin.cmake: no target: pass -DGLIBC_PIN_TARGET=T'  || { cat "$lastlog"; fail "no message"; }
log env GLIBC_PIN_TARGET=2.28 cmake -S "$here/cmake-checks" -B env -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake"
grep -q '^compiler_arg1=--glibc-pin-target=2.28 ' env/checks.txt || fail "environment target not baked in"
pass
