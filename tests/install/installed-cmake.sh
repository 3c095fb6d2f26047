#!/usr/bin/env bash
# The installed toolchain file, used with nothing else saying where glibc-pin is (PATH holds
# neither the build tree nor the install), finds the glibc-pin of its own install, moved after
# installing; the project it builds is pinned (configure checks see 2.17) and runs on 2.17 and
# bullseye. find_package(glibc-pin) from the same install gives glibc-pin::glibc-pin.
source "$(dirname -- "$0")/common.inc"
install_to "$out/staged"
mkdir -p moved && mv staged moved/prefix
prefix=$out/moved/prefix
command -v glibc-pin > /dev/null && fail "glibc-pin is on PATH ($(command -v glibc-pin)): the test would not show anything"

log cmake -S "$here/tiny" -B tc -G Ninja -DGLIBC_PIN_TARGET=centos7 \
    -DCMAKE_TOOLCHAIN_FILE="$prefix/share/glibc-pin/toolchain/glibc-pin.cmake"
grep -qx "GLIBC_PIN_BIN_DIR:PATH=$prefix/bin" tc/CMakeCache.txt || fail "toolchain file did not pick $prefix/bin"
grep -qx 'HAVE__FORK=' tc/checks.txt && grep -qx 'HAVE_GETRANDOM=1' tc/checks.txt ||
  { cat tc/checks.txt; fail "configure checks do not see centos7"; }
log cmake --build tc
v=$(max_glibc tc/tiny)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "tiny not pinned: needs $v"
expect_run 2.17 '^tiny: getrandom works on glibc 2\.17$' tc/tiny
expect_run bullseye '^tiny: getrandom works on glibc 2\.31$' tc/tiny

log cmake -S "$here/tiny" -B pkg -G Ninja -DGLIBC_PIN_TARGET=centos7 -DUSE_PACKAGE=ON \
    -DCMAKE_TOOLCHAIN_FILE="$prefix/share/glibc-pin/toolchain/glibc-pin.cmake" -DCMAKE_PREFIX_PATH="$prefix"
grep -qF -- "-- glibc-pin package: $prefix/bin/glibc-pin toolchain $prefix/share/glibc-pin/toolchain/glibc-pin.cmake" "$lastlog" ||
  { cat "$lastlog"; fail "find_package(glibc-pin) did not give the moved install"; }
log cmake --build pkg -v
grep -qF "$prefix/bin/glibc-pin check --target centos7" "$lastlog" || { cat "$lastlog"; fail "no post-build check"; }
finish
