#!/usr/bin/env bash
# -### prints the compiler's commands; build tools key their caches on its version line (Go's
# gccToolID). glibc-pin adds the target's cache directory to that line, so objects pinned for
# 2.17 are never reused for 2.28 from the same cache.
. "$(dirname -- "$0")/common.inc"
expect_ok "$GLIBC_PIN" cc --target 2.17 -### -x c -c - < /dev/null
grep -E ' version .*\[glibc-pin x86_64-glibc-2\.17-[0-9a-f]+\]' "$t/err" > "$t/v217" ||
  fail "no tagged version line for 2.17"
expect_ok "$GLIBC_PIN" cc --target 2.28 -### -x c -c - < /dev/null
grep -E ' version .*\[glibc-pin x86_64-glibc-2\.28-[0-9a-f]+\]' "$t/err" ||
  fail "no tagged version line for 2.28"
[[ $(grep -c '\[glibc-pin ' "$t/err") -eq 1 ]] || fail "more than one line tagged"
pass
