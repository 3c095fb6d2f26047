#!/usr/bin/env bash
# CC="ccache glibc-pin-cc": ccache in front of glibc-pin. A pinned build through ccache runs on
# 2.17, and a second build is served from the cache (hits) and gives the same pins. The target
# goes on the command line (CC="ccache glibc-pin-cc --glibc-pin-target=T"), which ccache hashes;
# see the note in toolchain/README.md about a target given only in the environment.
# Also: the cached objects are the compiled ones byte for byte, and two targets never share an
# entry (the same source for 2.28 is a miss, with other pins).
source "$(dirname -- "$0")/common.inc"
need ccache
need make
export CCACHE_DIR=$out/ccache CCACHE_NOHASHDIR=1 CCACHE_BASEDIR=$out
for n in 1 2; do
  mkdir b$n
  (cd b$n && log make -f "$repo/examples/c-make/Makefile" CC="ccache glibc-pin-cc --glibc-pin-target=2.17") || exit 1
done
stats=$(ccache --print-stats)
hits=$(awk -F'\t' '$1 ~ /^(direct|preprocessed)_cache_hit$/ {s += $2} END {print s+0}' <<< "$stats")
[[ $hits -ge 2 ]] || fail "second build not served from ccache (hits=$hits)"
echo "ccache hits: $hits"
for n in 1 2; do
  v=$(max_glibc b$n/wordcount)
  [[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "b$n/wordcount needs $v"
  expect_run 2.17 "^words: 2 in 1 arguments" b$n/wordcount "cached build"
done
for o in $(cd b1 && ls *.o); do
  cmp -s "b1/$o" "b2/$o" || fail "$o differs between the compiled and the cached build"
done
echo "objects identical: $(cd b1 && ls *.o | tr '\n' ' ')"
printf '#include <glob.h>\nint f(void) { glob_t g; return glob("*", 0, 0, &g); }\n' > g.c
misses() { ccache --print-stats | awk -F'\t' '$1 == "cache_miss" {print $2}'; }
log ccache glibc-pin-cc --glibc-pin-target=2.17 -c g.c -o g-2.17.o
m=$(misses)
log ccache glibc-pin-cc --glibc-pin-target=2.28 -c g.c -o g-2.28.o
[[ $(misses) -eq $((m + 1)) ]] || fail "the 2.28 compile was not a miss after the 2.17 one"
nm g-2.17.o | grep -q 'glob@GLIBC_2.2.5' || fail "the 2.17 object is not pinned to glob@GLIBC_2.2.5"
! nm g-2.28.o | grep -q 'glob@GLIBC_2.2.5' || fail "the 2.28 object got the 2.17 pins (a shared cache entry)"
finish
