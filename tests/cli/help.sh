#!/usr/bin/env bash
# glibc-pin --help, glibc-pin --version and glibc-pin cc --help work without a target or cache.
. "$(dirname -- "$0")/common.inc"
expect_ok "$GLIBC_PIN" --help
grep -q '^Usage: glibc-pin COMMAND' "$t/out" || fail "glibc-pin --help: no usage"
grep -qw cc "$t/out" || fail "glibc-pin --help does not list cc"
expect_ok "$GLIBC_PIN" --version
grep -Eq '^glibc-pin [0-9]+\.[0-9]+' "$t/out" || fail "glibc-pin --version: no version"
expect_ok "$GLIBC_PIN" cc --help
grep -q 'glibc-pin cc|c++|ld' "$t/out" || fail "glibc-pin cc --help: no usage"
grep -q -- '--glibc-pin-target' "$t/out" || fail "glibc-pin cc --help: wrapper options missing"
expect_ok "$GLIBC_PIN" cache --help
expect_error "unknown command" "$GLIBC_PIN" no-such-command
[[ ! -e $GLIBC_PIN_CACHE_DIR ]] || fail "--help created the cache"
pass
