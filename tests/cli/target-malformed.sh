#!/usr/bin/env bash
# Was a bug (found by this test, fixed): 'glibc-pin cc --target 2.x' is not recognised as the wrapper's --target, so
# it reaches the compiler: without GLIBC_PIN_TARGET the error is "no target" (2.x never named);
# with GLIBC_PIN_TARGET set, gcc reads '--target' as an abbreviation of --target-help, prints
# pages of help, exits 0, and glibc-pin then fails with "hello: not a readable ELF file".
# Expected: a leading --target whose value starts like a version ("2." or a digit) belongs to
# the wrapper and a malformed one is reported as such, naming it.
. "$(dirname -- "$0")/common.inc"
write_hello
for form in "--target 2.x" "--target=2.x"; do
  # shellcheck disable=SC2086
  expect_error "glibc-pin: error: .*'2\.x'" "$GLIBC_PIN" cc $form hello.c -o hello
  expect_absent hello
  # shellcheck disable=SC2086
  expect_error "glibc-pin: error: .*'2\.x'" env GLIBC_PIN_TARGET=2.17 "$GLIBC_PIN" cc $form hello.c -o hello
  expect_absent hello
  ! grep -q 'target specific' "$t/out" || fail "the compiler printed its --target-help"
done
pass
