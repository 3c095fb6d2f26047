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
pass
