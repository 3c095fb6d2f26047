#!/usr/bin/env bash
# Known bug (fails until fixed): with the target only in the environment (CC="ccache glibc-pin-cc",
# GLIBC_PIN_TARGET=...), ccache cannot tell targets apart: glibc-pin adds its per-target header
# only to real compiles, not to ccache's -E/dependency run, and ccache hashes neither the
# environment nor options it does not see. A 2.17 compile after a 2.28 one is a cache hit and
# returns the 2.28 object (glob unpinned instead of glob@GLIBC_2.2.5). Workaround: put
# --glibc-pin-target=T in CC (ccache.sh). Fix (driver): include a per-target header in -E output too.
source "$(dirname -- "$0")/common.inc"
need ccache
export CCACHE_DIR=$out/ccache
printf '#include <glob.h>\nint main(void) { glob_t g; return glob("*", 0, 0, &g); }\n' > g.c
log env GLIBC_PIN_TARGET=2.28 ccache glibc-pin-cc -c g.c -o g-2.28.o
log env GLIBC_PIN_TARGET=2.17 ccache glibc-pin-cc -c g.c -o g-2.17.o
log env GLIBC_PIN_TARGET=2.17 glibc-pin-cc -c g.c -o g-2.17-direct.o
nm g-2.17.o g-2.17-direct.o | grep glob
[[ $(nm g-2.17.o | grep glob) == "$(nm g-2.17-direct.o | grep glob)" ]] ||
  fail "through ccache the 2.17 object is the cached 2.28 one (pins differ from a direct compile)"
pass
