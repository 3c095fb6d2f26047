#!/usr/bin/env bash
# The toolchain file finds glibc-pin through GLIBC_PIN_ROOT (a directory, or a prefix with bin/)
# and through PATH; an install without the personality symlinks gets its own in the build dir.
# A GLIBC_PIN_ROOT without glibc-pin is an error naming the place.
source "$(dirname -- "$0")/common.inc"
mkdir -p prefix/bin bare
cp "$GLIBC_PIN" prefix/bin/glibc-pin
for p in glibc-pin-cc glibc-pin-c++ glibc-pin-ld; do ln -s glibc-pin "prefix/bin/$p"; done
cp "$GLIBC_PIN" bare/glibc-pin
# The copies need the shims that live beside the real executable.
export GLIBC_PIN_SHIM_DIR=$bindir/shims
tc=$repo/toolchain/glibc-pin.cmake
log cmake -S "$here/cmake-checks" -B root-prefix -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" -DGLIBC_PIN_TARGET=2.17 -DGLIBC_PIN_ROOT="$out/prefix"
grep -qx "GLIBC_PIN_BIN_DIR:PATH=$out/prefix/bin" root-prefix/CMakeCache.txt || fail "GLIBC_PIN_ROOT prefix not used"
log cmake -S "$here/cmake-checks" -B root-bare -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" -DGLIBC_PIN_TARGET=2.17 -DGLIBC_PIN_ROOT="$out/bare"
grep -qx "GLIBC_PIN_BIN_DIR:PATH=$out/root-bare/glibc-pin-bin" root-bare/CMakeCache.txt || fail "no personalities made for a bare install"
[[ $(readlink root-bare/glibc-pin-bin/glibc-pin-cc) == "$out/bare/glibc-pin" ]] || fail "bad personality link"
log env PATH="$out/prefix/bin:$PATH" cmake -S "$here/cmake-checks" -B path -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" -DGLIBC_PIN_TARGET=2.17
grep -qx "GLIBC_PIN_BIN_DIR:PATH=$out/prefix/bin" path/CMakeCache.txt || fail "PATH not searched first"
for b in root-prefix root-bare path; do
  grep -qx 'HAVE_SYM__FORK=0' $b/checks.txt && grep -qx 'HAVE_SYM_GETRANDOM=1' $b/checks.txt || fail "$b: wrong checks"
done
check_fails cmake -S "$here/cmake-checks" -B root-wrong -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" -DGLIBC_PIN_TARGET=2.17 -DGLIBC_PIN_ROOT="$out/nowhere"
tr -s ' \n' ' ' < "$lastlog" | grep -q "glibc-pin not found (looked in GLIBC_PIN_ROOT=$out/nowhere)" || { cat "$lastlog"; fail "no message"; }
pass
