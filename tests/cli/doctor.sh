#!/usr/bin/env bash
# glibc-pin doctor: reports the host, the real tools, the cache and the target, and proves a pinned
# compile+link+run works (exit 0). A broken setup (unknown target, a compiler that does not exist)
# is reported as FAILED with exit 1, never a crash.
. "$(dirname -- "$0")/common.inc"
expect_ok "$GLIBC_PIN" doctor --target centos7
grep -q 'ok      pinned compile, link and run' "$t/out" || fail "no end-to-end check in the report"
grep -q "target files: $GLIBC_PIN_CACHE_DIR/x86_64-glibc-2.17-" "$t/out" || fail "cache not reported"
grep -q '^all good$' "$t/out" || fail "no verdict"
run "$GLIBC_PIN" doctor --target 2.99
[[ $rc -eq 1 ]] || fail "unknown target: exit $rc, want 1"
grep -q 'FAILED  target 2.99' "$t/out" || fail "unknown target not reported"
GLIBC_PIN_CC=/nonexistent/cc run "$GLIBC_PIN" doctor
[[ $rc -eq 1 ]] || fail "missing compiler: exit $rc, want 1"
grep -q 'FAILED  C compiler' "$t/out" || fail "missing compiler not reported"
# i386 with cc -m32: ok, or a note that names what is missing; never a failure.
grep -Eq '^  (ok|note)    i386 with cc -m32: ' "$t/out" || fail "no i386 (cc -m32) line"
# A compiler whose -m32 lacks <asm/errno.h> (no gcc-multilib): the note says what gives it.
printf '%s\n' '#!/bin/sh' \
  'case " $* " in *" -m32 "*) echo "m32.c:1: fatal error: asm/errno.h: No such file" >&2; exit 1 ;; esac' \
  'exec cc "$@"' > "$t/cc-no-asm"
chmod +x "$t/cc-no-asm"
GLIBC_PIN_CC=$t/cc-no-asm expect_ok "$GLIBC_PIN" doctor --target 2.17
grep -q '^  note    i386 with cc -m32: <asm/errno.h> is missing: .*gcc-multilib.*-idirafter' "$t/out" ||
  fail "no hint for the missing <asm/errno.h>"
grep -q '^all good$' "$t/out" || fail "a missing -m32 setup must not fail the doctor"
pass
