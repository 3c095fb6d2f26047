#!/usr/bin/env bash
# A program calling a function the target lacks and no shim provides (pidfd_open: 2.36,
# posix_spawn_file_actions_addclosefrom_np: 2.34) does not link for 2.17: non-zero exit, the
# symbol named, no output file. With every linker that is installed.
. "$(dirname -- "$0")/common.inc"
cat > pidfd.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/pidfd.h>
#include <unistd.h>
int main(void) { printf("%d\n", pidfd_open(getpid(), 0) >= 0); return 0; }
C
cat > spawn.c <<'C'
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
int main(void) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  printf("%d\n", posix_spawn_file_actions_addclosefrom_np(&actions, 3));
  return 0;
}
C
export GLIBC_PIN_TARGET=2.17
for case in pidfd:pidfd_open spawn:posix_spawn_file_actions_addclosefrom_np; do
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
