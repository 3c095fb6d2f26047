#!/usr/bin/env bash
# -c with the wrapper: the object carries its pins itself, so a later plain 'gcc' link (no
# wrapper) still binds to the target's versions. For 2.12: memcpy@GLIBC_2.2.5 (memcpy@@2.14
# came in 2.14). For 2.17 memcpy needs no pin (2.17 has GLIBC_2.14 already), but exp does:
# exp@GLIBC_2.2.5 instead of the host's exp@@GLIBC_2.29.
. "$(dirname -- "$0")/common.inc"
[[ $(uname -m) == x86_64 ]] || skip "x86_64 host only"
cat > lib.c <<'C'
#include <math.h>
#include <string.h>
void copy(char *d, const char *s, size_t n) { memcpy(d, s, n); }
double e(double x) { return exp(x); }
C
cat > main.c <<'C'
#include <stdio.h>
void copy(char *d, const char *s, unsigned long n);
double e(double x);
int main(int argc, char **argv) {
  char buf[16];
  copy(buf, "copied", 7);
  printf("%s %g\n", buf, e(argc - 1));
  return 0;
}
C
symbols() { readelf -sW "$1" | awk '$7 == "UND" {print $8}'; }

expect_ok "$GLIBC_PIN" cc --target 2.12 -O0 -fno-builtin -c lib.c -o lib-2.12.o
symbols lib-2.12.o | grep -qx 'memcpy@GLIBC_2\.2\.5' || fail "2.12: no memcpy@GLIBC_2.2.5 in the object: $(symbols lib-2.12.o)"
symbols lib-2.12.o | grep -qx 'exp@GLIBC_2\.2\.5' || fail "2.12: no exp@GLIBC_2.2.5"
nm lib-2.12.o | grep -q 'U memcpy@GLIBC_2\.2\.5' || fail "nm does not show memcpy@GLIBC_2.2.5"

expect_ok "$GLIBC_PIN" cc --target 2.17 -O0 -fno-builtin -c lib.c -o lib-2.17.o
symbols lib-2.17.o | grep -qx 'exp@GLIBC_2\.2\.5' || fail "2.17: no exp@GLIBC_2.2.5: $(symbols lib-2.17.o)"
symbols lib-2.17.o | grep -qx 'memcpy' || fail "2.17: memcpy should stay unpinned: $(symbols lib-2.17.o)"

# Linked plainly: the versions stay.
expect_ok gcc main.c lib-2.12.o -lm -o plain-2.12
objdump -T plain-2.12 | grep -Eq '\(GLIBC_2\.2\.5\) +memcpy$' || fail "plain link: memcpy not @GLIBC_2.2.5"
objdump -T plain-2.12 | grep -Eq '\(GLIBC_2\.2\.5\) +exp$' || fail "plain link: exp not @GLIBC_2.2.5"
[[ $(./plain-2.12) == "copied 1" ]] || fail "plain-2.12: wrong output"
expect_ok gcc main.c lib-2.17.o -lm -o plain-2.17
objdump -T plain-2.17 | grep -Eq '\(GLIBC_2\.2\.5\) +exp$' || fail "plain link (2.17): exp not @GLIBC_2.2.5"
[[ $(./plain-2.17 x) == "copied 2.71828" ]] || fail "plain-2.17: wrong output"

# The same with clang, when it is there.
if command -v clang > /dev/null; then
  expect_ok env GLIBC_PIN_CC=clang "$GLIBC_PIN" cc --target 2.12 -O0 -fno-builtin -c lib.c -o lib-clang.o
  symbols lib-clang.o | grep -qx 'memcpy@GLIBC_2\.2\.5' || fail "clang 2.12: no memcpy@GLIBC_2.2.5"
fi
pass
