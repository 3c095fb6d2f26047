#!/usr/bin/env bash
# A link needing a symbol the target lacks fails with glibc-pin's own message naming the symbol,
# the version it would need, the target and the object that referenced it (issue 4).
. "$(dirname -- "$0")/common.inc"
# (pthread_attr_setsigmask_np, 2.32: no shim.)
cat > sigmask.c <<'C'
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
int main(void) {
  pthread_attr_t attr;
  sigset_t set;
  pthread_attr_init(&attr);
  sigemptyset(&set);
  printf("%d\n", pthread_attr_setsigmask_np(&attr, &set));
  return 0;
}
C
expect_error "pthread_attr_setsigmask_np" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" sigmask.c -o sigmask
expect_absent sigmask
grep -q 'glibc-pin: error: .*pthread_attr_setsigmask_np.*GLIBC_2\.32' "$t/err" ||
  fail "the message does not name the version pthread_attr_setsigmask_np needs (GLIBC_2.32)"
grep -q 'glibc-pin: error: .*2\.17' "$t/err" || fail "the message does not name the target (2.17)"
grep -q 'glibc-pin: error: .*referenced by .*\.o' "$t/err" || fail "the message does not name the object"
# Compiled first: the object named is the user's own.
expect_ok env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" -c sigmask.c -o sigmask.o
expect_error "glibc-pin: error: .*pthread_attr_setsigmask_np.*referenced by .*sigmask\.o" \
  env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" sigmask.o -o sigmask
expect_absent sigmask
pass
