#!/usr/bin/env bash
# 'glibc-pin cc --target 2.17' is the wrapper's target; clang's own --target=x86_64-linux-gnu
# after it passes through to clang untouched, and the result is still pinned.
. "$(dirname -- "$0")/common.inc"
command -v clang > /dev/null || skip "no clang"
[[ $(uname -m) == x86_64 ]] || skip "x86_64 host only"
write_hello
expect_ok env GLIBC_PIN_CC=clang "$GLIBC_PIN" cc --target 2.17 --target=x86_64-linux-gnu \
  --glibc-pin-verbose hello.c -o hello
grep -q 'target x86_64-linux-gnu\.2\.17' "$t/err" || fail "the wrapper did not take 2.17"
grep -Eq 'clang .* --target=x86_64-linux-gnu( |$)' "$t/err" || fail "--target= did not reach clang"
[[ $("$t/hello") == "hello from glibc-pin" ]] || fail "wrong output"
v=$(max_glibc hello)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "needs $v"
# The symlink form has no leading --target: clang's --target= is simply clang's.
expect_ok env GLIBC_PIN_CC=clang GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" \
  --target=x86_64-linux-gnu hello.c -o hello2
[[ $("$t/hello2") == "hello from glibc-pin" ]] || fail "symlink form: wrong output"
pass
