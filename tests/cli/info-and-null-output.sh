#!/usr/bin/env bash
# Calls that only print information need no target (glibc-pin-cc --version / --help run the
# real compiler), and a link to -o /dev/null is not "verified" as if it were a binary.
. "$(dirname -- "$0")/common.inc"
expect_ok "$t/bin/glibc-pin-cc" --version
grep -qiE 'gcc|clang|free software' "$t/out" || fail "--version did not reach the compiler"
expect_ok "$t/bin/glibc-pin-cc" -dumpmachine
grep -q 'x86_64' "$t/out" || fail "-dumpmachine did not reach the compiler"
write_hello
GLIBC_PIN_TARGET=2.17 expect_ok "$t/bin/glibc-pin-cc" "$t/hello.c" -o /dev/null
pass
