#!/usr/bin/env bash
# A response file that includes itself, directly or through another, is an error naming the
# file, not an endless expansion.
. "$(dirname -- "$0")/common.inc"
write_hello
echo "-O2 @self.rsp" > self.rsp
expect_error "glibc-pin: error: .*@self\.rsp.*nested" \
  env GLIBC_PIN_TARGET=2.17 timeout 60 "$t/bin/glibc-pin-cc" @self.rsp hello.c -o hello
expect_absent hello
echo "@b.rsp" > a.rsp
echo "-DX=1 @a.rsp" > b.rsp
expect_error "nested" env GLIBC_PIN_TARGET=2.17 timeout 60 "$t/bin/glibc-pin-cc" hello.c @a.rsp -o hello
expect_absent hello
expect_error "nested" env GLIBC_PIN_TARGET=2.17 timeout 60 "$t/bin/glibc-pin-ld" @a.rsp -o hello
expect_absent hello
pass
