#!/usr/bin/env bash
# examples/c-make, a plain Makefile using $(CC), built with CC=glibc-pin-cc GLIBC_PIN_TARGET=2.17
# make: needs nothing newer than GLIBC_2.17 and runs on real 2.17 and bullseye. Built plainly,
# the same program fails on 2.17 (the negative control).
source "$(dirname -- "$0")/common.inc"
need make
mkdir pinned plain
(cd pinned && log env CC=glibc-pin-cc GLIBC_PIN_TARGET=2.17 make -f "$repo/examples/c-make/Makefile") || exit 1
(cd plain && log make -f "$repo/examples/c-make/Makefile") || exit 1
v=$(max_glibc pinned/wordcount)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "pinned wordcount needs $v"
echo "pinned wordcount needs at most $v"
for rt in 2.17 bullseye; do
  expect_run $rt "^words: 4 in 2 arguments" pinned/wordcount "one two three" four
done
run_on 2.17 plain/wordcount x
[[ $ran_rc -eq 77 || ($ran_rc -ne 0 && $ran == *"version \`GLIBC_2."*"not found"*) ]] ||
  fail "the plain build did not fail on 2.17 as expected: $ran"
finish
