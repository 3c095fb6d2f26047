#!/usr/bin/env bash
# A program calling a function the target lacks and no shim provides
# (pthread_attr_setsigmask_np: 2.32, pkey_alloc: 2.27; no real binary of the demand table
# imports them, so there is no shim) does not link for 2.17: non-zero exit, the symbol named,
# no output file. With every linker that is installed.
. "$(dirname -- "$0")/common.inc"
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
cat > pkey.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
int main(void) { printf("%d\n", pkey_alloc(0, 0)); return 0; }
C
export GLIBC_PIN_TARGET=2.17
for case in sigmask:pthread_attr_setsigmask_np pkey:pkey_alloc; do
  src=${case%%:*} symbol=${case#*:}
  expect_ok gcc $src.c -o plain-$src  # the host has it: only the pin can make this fail
  expect_error "$symbol" "$t/bin/glibc-pin-cc" $src.c -o $src
  expect_absent $src
  for ld in gold lld mold; do
    command -v ld.$ld > /dev/null || command -v $ld > /dev/null || continue
    expect_error "$symbol" "$t/bin/glibc-pin-cc" -fuse-ld=$ld $src.c -o $src-$ld
    expect_absent $src-$ld
  done
  # Compiled first, linked through the wrapper.
  expect_ok "$t/bin/glibc-pin-cc" -c $src.c -o $src.o
  expect_error "$symbol" "$t/bin/glibc-pin-cc" $src.o -o $src
  expect_absent $src
done
pass
