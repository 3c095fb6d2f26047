#!/usr/bin/env bash
# glibc-pin-cc @args.rsp: quoted arguments in a response file (a -D with spaces, an output name
# with a space) arrive intact; the program links, runs and prints the define.
. "$(dirname -- "$0")/common.inc"
cat > greet.c <<'C'
#include <stdio.h>
int main(void) { puts(GREETING); return 0; }
C
cat > args.rsp <<'RSP'
"-DGREETING=\"hello from a response file\"" greet.c
-o 'greet out'
RSP
expect_ok env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" @args.rsp
[[ $("$t/greet out") == "hello from a response file" ]] || fail "the program printed '$("$t/greet out")'"
v=$(max_glibc "$t/greet out")
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "needs $v"
# Nested: a response file naming another one.
echo "@args.rsp -O2" > outer.rsp
rm -f "greet out"
expect_ok env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" @outer.rsp
[[ $("$t/greet out") == "hello from a response file" ]] || fail "nested: wrong output"
pass
