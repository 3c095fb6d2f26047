#!/usr/bin/env bash
# meson with toolchain/meson-glibc-pin.ini and a target file for 2.17: cc.has_function reports
# _Fork missing and the shimmed getrandom present; the program runs on real 2.17.
source "$(dirname -- "$0")/common.inc"
need meson
need ninja
printf "[constants]\nglibc_pin_target = '2.17'\n" > target.ini
log meson setup b "$here/meson" --native-file target.ini --native-file "$repo/toolchain/meson-glibc-pin.ini"
grep -E 'has_function' "$out/$nlog.log"
grep -q 'has_function _Fork: false' "$out/$nlog.log" || fail "_Fork not reported missing"
grep -q 'has_function getrandom: true' "$out/$nlog.log" || fail "shimmed getrandom not found"
log env -u GLIBC_PIN_TARGET ninja -C b
v=$(max_glibc b/wordcount)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "wordcount needs $v"
expect_run 2.17 "^words: 3 in 2 arguments" b/wordcount "a b" c
finish
