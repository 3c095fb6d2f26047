#!/usr/bin/env bash
# An unknown target name is a clear error: non-zero exit, the name in the message, no output.
. "$(dirname -- "$0")/common.inc"
write_hello
expect_error "glibc-pin: error: .*unknown target 'centos99'" "$GLIBC_PIN" cc --target centos99 hello.c -o hello
expect_absent hello
expect_error "unknown target 'centos99'" env GLIBC_PIN_TARGET=centos99 "$t/bin/glibc-pin-cc" hello.c -o hello
expect_absent hello
expect_error "unknown target 'centos99'" "$GLIBC_PIN" cache generate --target centos99
pass
