#!/usr/bin/env bash
# A version older than the architecture's base (x86_64 starts at GLIBC_2.2.5) is an error that
# says what the database covers.
. "$(dirname -- "$0")/common.inc"
[[ $(uname -m) == x86_64 ]] || skip "x86_64 host only"
write_hello
expect_error "glibc-pin: error: target '2\.1'.*base version is GLIBC_2\.2\.5" \
  "$GLIBC_PIN" cc --target 2.1 hello.c -o hello
expect_absent hello
expect_error "target '2\.1'" env GLIBC_PIN_TARGET=2.1 "$t/bin/glibc-pin-cc" hello.c -o hello
expect_absent hello
pass
