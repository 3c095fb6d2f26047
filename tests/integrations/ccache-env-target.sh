#!/usr/bin/env bash
# ccache keys its entries on the command line: with the target only in the environment
# (CC="ccache glibc-pin-cc", GLIBC_PIN_TARGET=...), it could hand a 2.17 compile the cached 2.28
# object (glob unpinned instead of glob@GLIBC_2.2.5). glibc-pin refuses a target from the
# environment when ccache runs it, so ccache caches nothing and compiles directly: slower, never
# wrong. (Put --glibc-pin-target=T in CC to get caching: ccache.sh.)
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
[[ $(nm g-2.17.o | grep glob) == *"glob@GLIBC_2.2.5"* ]] || fail "the 2.17 object is not pinned"
pass
