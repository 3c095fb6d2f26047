#!/usr/bin/env bash
# --glibc-pin-* belongs to the wrapper: an unknown one is an error listing the known ones, never
# passed to the compiler.
. "$(dirname -- "$0")/common.inc"
write_hello
expect_error "glibc-pin: error: unknown wrapper option --glibc-pin-bogus.*--glibc-pin-target" \
  "$GLIBC_PIN" cc --target 2.17 --glibc-pin-bogus hello.c -o hello
expect_absent hello
expect_error "unknown wrapper option --glibc-pin-bogus=1" \
  env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" hello.c --glibc-pin-bogus=1 -o hello
expect_absent hello
expect_error "unknown wrapper option" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-ld" --glibc-pin-bogus -o hello
pass
