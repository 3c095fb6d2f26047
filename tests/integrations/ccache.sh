#!/usr/bin/env bash
# CC="ccache glibc-pin-cc": ccache in front of glibc-pin. A pinned build through ccache runs on
# 2.17, and a second build is served from the cache (hits) and gives the same pins. The target
# goes on the command line (CC="ccache glibc-pin-cc --glibc-pin-target=T"), which ccache hashes;
# see the note in toolchain/README.md about a target given only in the environment.
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
finish
