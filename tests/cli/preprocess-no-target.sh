#!/usr/bin/env bash
# -E and -M need no target: they print what the compiler alone prints, with or without one.
# Compiler caches probe their compiler so before any command names a target (sccache runs
# `CC -E` on a test file to tell gcc from clang). A compile or link still needs the target.
. "$(dirname -- "$0")/common.inc"
printf '#if defined(__clang__)\nclang\n#elif defined(__GNUC__)\ngcc\n#endif\n' > probe.c
expect_ok "$t/bin/glibc-pin-cc" -E probe.c
grep -qx 'gcc' "$t/out" || fail "-E without a target did not preprocess"
gcc -E probe.c -o plain.i
expect_ok "$t/bin/glibc-pin-cc" -E probe.c -o pinned.i
diff -q pinned.i plain.i > /dev/null || fail "-E output without a target differs from plain gcc -E"
expect_ok "$t/bin/glibc-pin-cc" -M probe.c
expect_error "no target" "$t/bin/glibc-pin-cc" -c probe.c -o probe.o
pass
