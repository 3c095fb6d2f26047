#!/usr/bin/env bash
# The ld personality through 'gcc -B<dir>/' with an 'ld' symlink in <dir>: a plain gcc link is
# pinned, and the real ld is found (not the symlink again). Warm cache (generated beforehand);
# the cold-cache case is ld-gcc-B-cold-cache.sh.
. "$(dirname -- "$0")/common.inc"
write_hello
mkdir ldbin
ln -s "$GLIBC_PIN" ldbin/ld
export GLIBC_PIN_TARGET=2.17
expect_ok "$GLIBC_PIN" cache generate
expect_ok gcc -c hello.c -o hello.o
guarded 60 60 gcc -B"$t/ldbin/" hello.o -o hello
[[ -z $guard ]] || fail "$guard"
[[ $rc -eq 0 ]] || fail "gcc -B with glibc-pin as ld failed ($rc)"
[[ $("$t/hello") == "hello from glibc-pin" ]] || fail "wrong output"
v=$(max_glibc hello)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "not pinned: needs $v"
pass
