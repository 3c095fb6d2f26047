#!/usr/bin/env bash
# '@missing.rsp' that names no file is an ordinary argument, as gcc treats it: it reaches the
# compiler, whose driver hands it to the linker, which fails to open it. Same outcome as plain
# gcc, no crash, no output.
. "$(dirname -- "$0")/common.inc"
write_hello
run gcc hello.c @missing.rsp -o plain
[[ $rc -ne 0 ]] || skip "gcc accepts a missing @file here"
expect_error "@missing\.rsp" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" hello.c @missing.rsp -o hello
expect_absent hello
expect_error "@missing\.rsp" "$GLIBC_PIN" cc --target 2.17 hello.c @missing.rsp -o hello
expect_absent hello
pass
