#!/usr/bin/env bash
# A link needing a symbol the target lacks fails with glibc-pin's own message naming the symbol,
# the version it would need, the target and the object that referenced it (issue 4).
. "$(dirname -- "$0")/common.inc"
cat > pidfd.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/pidfd.h>
#include <unistd.h>
int main(void) { printf("%d\n", pidfd_open(getpid(), 0) >= 0); return 0; }
C
expect_error "pidfd_open" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" pidfd.c -o pidfd
expect_absent pidfd
grep -q 'glibc-pin: error: .*pidfd_open.*GLIBC_2\.36' "$t/err" ||
  fail "the message does not name the version pidfd_open needs (GLIBC_2.36)"
grep -q 'glibc-pin: error: .*2\.17' "$t/err" || fail "the message does not name the target (2.17)"
grep -q 'glibc-pin: error: .*referenced by .*\.o' "$t/err" || fail "the message does not name the object"
# Compiled first: the object named is the user's own.
expect_ok env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" -c pidfd.c -o pidfd.o
expect_error "glibc-pin: error: .*pidfd_open.*referenced by .*pidfd\.o" \
  env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" pidfd.o -o pidfd
expect_absent pidfd
pass
