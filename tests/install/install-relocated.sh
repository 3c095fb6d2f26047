#!/usr/bin/env bash
# cmake --install puts exactly the documented layout in place (packaging/CMakeLists.txt), with
# no absolute path of the install in it; moved to another directory, the installed glibc-pin
# still pins a link (its shims found relative to the executable, never in the build tree) whose
# output runs on glibc 2.17 and bullseye. Without its shims it fails instead of looking elsewhere.
source "$(dirname -- "$0")/common.inc"
install_to "$out/staged"

# The layout, file by file: nothing missing, nothing more (no dbpack/dbproof, no tests).
expected=$(
  printf '%s\n' bin/glibc-pin bin/glibc-pin-cc bin/glibc-pin-c++ bin/glibc-pin-ld \
    lib/glibc-pin/shims/shims.tsv \
    lib/cmake/glibc-pin/glibc-pinConfig.cmake lib/cmake/glibc-pin/glibc-pinConfigVersion.cmake \
    share/glibc-pin/toolchain/glibc-pin.cmake share/glibc-pin/toolchain/meson-glibc-pin.ini \
    share/glibc-pin/toolchain/cargo-config.toml \
    share/man/man1/glibc-pin.1.gz share/doc/glibc-pin/README.md
  for c in "$repo"/src/shims/*.c; do echo "lib/glibc-pin/shims/$(basename "$c" .c).o"; done
  # the other architectures' shims, built when their cross compiler was installed
  for arch in aarch64 i386; do
    [[ -d $build/src/shims/$arch ]] || continue
    for c in "$repo"/src/shims/*.c; do echo "lib/glibc-pin/shims/$arch/$(basename "$c" .c).o"; done
  done
)
actual=$(cd staged && find . \( -type f -o -type l \) -printf '%P\n')
diff <(sort <<< "$expected") <(sort <<< "$actual") || fail "installed files differ from the layout (< expected, > installed)"

mkdir -p elsewhere/deeper
mv staged elsewhere/deeper/prefix
prefix=$out/elsewhere/deeper/prefix
! grep -rlF "$out/staged" "$prefix" || fail "files above name the install directory (not relocatable)"

exercise_installed "$prefix"

# No fallback: a copy without its shims fails and says so.
cp -a "$prefix" noshims
rm -r noshims/lib/glibc-pin/shims
nlog=$((nlog + 1))
if noshims/bin/glibc-pin-cc --glibc-pin-target=2.28 "$repo/examples/hello/hello.c" -o hello-noshims > $nlog.log 2>&1; then
  fail "a glibc-pin without shims linked anyway (found shims somewhere else)"
fi
grep -q 'cannot find the compiled shims' $nlog.log || { cat $nlog.log; fail "no message about the missing shims"; }
finish
