#!/usr/bin/env bash
# No target at all (no GLIBC_PIN_TARGET, no flag): a usage error that says how to give one,
# before the compiler runs.
. "$(dirname -- "$0")/common.inc"
write_hello
expect_error "glibc-pin: error: no target.*GLIBC_PIN_TARGET" "$t/bin/glibc-pin-cc" hello.c -o hello
expect_absent hello
expect_error "no target" "$GLIBC_PIN" cc hello.c -o hello
expect_absent hello
expect_error "no target" "$t/bin/glibc-pin-ld" -o hello hello.o
expect_error "needs --target" "$GLIBC_PIN" cache generate
# An empty GLIBC_PIN_TARGET counts as none.
expect_error "no target" env GLIBC_PIN_TARGET= "$t/bin/glibc-pin-cc" hello.c -o hello
expect_absent hello
pass
