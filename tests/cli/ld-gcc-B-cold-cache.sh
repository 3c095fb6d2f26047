#!/usr/bin/env bash
# Was a bug (found by this test, fixed): 'gcc -B<dir>/' with glibc-pin as <dir>/ld, on an empty cache, recurses
# without end: glibc-pin-as-ld generates the target, whose stub builds run 'cc -shared ...';
# that cc inherits gcc's COMPILER_PATH (which holds <dir>), so its collect2 runs <dir>/ld,
# i.e. glibc-pin again, which finds the cache still empty and generates again... (a fork bomb;
# RLIMIT_NPROC does not stop it as root). This test stops it at 150 processes.
# Expected: the generator's own tool runs do not go through glibc-pin (clean COMPILER_PATH /
# GCC_EXEC_PREFIX, use the real ld explicitly, or refuse re-entry with an error).
. "$(dirname -- "$0")/common.inc"
write_hello
mkdir ldbin
ln -s "$GLIBC_PIN" ldbin/ld
export GLIBC_PIN_TARGET=2.17
expect_ok gcc -c hello.c -o hello.o
guarded 120 150 gcc -B"$t/ldbin/" hello.o -o hello
[[ -z $guard ]] || fail "$guard"
[[ $rc -eq 0 ]] || fail "gcc -B with glibc-pin as ld failed ($rc)"
[[ $("$t/hello") == "hello from glibc-pin" ]] || fail "wrong output"
v=$(max_glibc hello)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "not pinned: needs $v"
[[ -z $(ls -d "$GLIBC_PIN_CACHE_DIR"/.tmp-* 2>/dev/null) ]] || fail "temporary directories left in the cache"
pass
