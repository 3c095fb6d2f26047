#!/usr/bin/env bash
# -E output is what the compiler alone would print: no .symver lines, no trace of the
# force-included header (to stdout and with -o).
. "$(dirname -- "$0")/common.inc"
cat > strings.c <<'C'
#include <math.h>
#include <string.h>
double f(double x, char *d, const char *s, size_t n) { memcpy(d, s, n); return exp(x); }
C
export GLIBC_PIN_TARGET=2.17
expect_ok "$t/bin/glibc-pin-cc" -E strings.c
[[ -s $t/out ]] || fail "-E printed nothing"
! grep -q 'symver' "$t/out" || fail "-E output holds .symver lines"
! grep -q 'glibc-pin' "$t/out" || fail "-E output mentions glibc-pin"
expect_ok "$t/bin/glibc-pin-cc" -E strings.c -o strings.i
! grep -q -e 'symver' -e 'glibc-pin' strings.i || fail "-E -o strings.i holds .symver lines"
gcc -E strings.c -o plain.i
diff -q strings.i plain.i > /dev/null || fail "-E output differs from plain gcc -E"
# -M dependency output does not list the header either.
expect_ok "$t/bin/glibc-pin-cc" -M strings.c
! grep -q 'glibc-pin' "$t/out" || fail "-M lists the glibc-pin header"
pass
