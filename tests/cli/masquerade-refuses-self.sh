#!/usr/bin/env bash
# GLIBC_PIN_CC naming glibc-pin itself (directly, through glibc-pin-cc, or through another
# symlink) is refused with a clear error instead of recursing.
. "$(dirname -- "$0")/common.inc"
write_hello
mkdir masq
ln -s "$t/bin/glibc-pin-cc" masq/cc
export GLIBC_PIN_TARGET=2.17
for self in "$t/bin/glibc-pin-cc" "$t/masq/cc" "$GLIBC_PIN"; do
  guarded 60 20 env GLIBC_PIN_CC="$self" "$t/bin/glibc-pin-cc" hello.c -o hello
  [[ -z $guard ]] || fail "GLIBC_PIN_CC=$self: $guard"
  [[ $rc -ne 0 ]] || fail "GLIBC_PIN_CC=$self was accepted"
  grep -q "glibc-pin: error: .*is glibc-pin itself.*GLIBC_PIN_CC" "$t/err" ||
    fail "GLIBC_PIN_CC=$self: no clear error: $(cat "$t/err")"
  expect_absent hello
  guarded 60 20 "$GLIBC_PIN" cc --target 2.17 --glibc-pin-compiler="$self" hello.c -o hello
  [[ $rc -ne 0 ]] && grep -q "is glibc-pin itself" "$t/err" ||
    fail "--glibc-pin-compiler=$self: no clear error"
  expect_absent hello
done
guarded 60 20 env GLIBC_PIN_CXX="$t/bin/glibc-pin-c++" "$t/bin/glibc-pin-c++" -x c hello.c -o hello
[[ $rc -ne 0 ]] && grep -q "is glibc-pin itself" "$t/err" || fail "GLIBC_PIN_CXX: no clear error"
guarded 60 20 env GLIBC_PIN_LD="$t/bin/glibc-pin-ld" "$t/bin/glibc-pin-ld" -o hello x.o
[[ $rc -ne 0 ]] && grep -q "is glibc-pin itself" "$t/err" || fail "GLIBC_PIN_LD: no clear error"
pass
