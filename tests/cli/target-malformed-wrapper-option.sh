#!/usr/bin/env bash
# A malformed target given with the wrapper's own option or variable is named in the error.
. "$(dirname -- "$0")/common.inc"
write_hello
for bad in 2.x 2. x86_64-linux-gnu.2.x; do
  expect_error "glibc-pin: error: .*'$bad'" "$t/bin/glibc-pin-cc" --glibc-pin-target=$bad hello.c -o hello
  expect_absent hello
  expect_error "glibc-pin: error: .*'$bad'" env GLIBC_PIN_TARGET=$bad "$t/bin/glibc-pin-cc" hello.c -o hello
  expect_absent hello
done
expect_error "needs a value" "$t/bin/glibc-pin-cc" --glibc-pin-target= hello.c -o hello
expect_absent hello
pass
