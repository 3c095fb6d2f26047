#!/usr/bin/env bash
# Was a bug (found by this test, fixed): a shared library calling pidfd_open (2.36), pinned to 2.17, links with exit
# status 0: -shared allows undefined symbols, so the reference stays undefined and unversioned,
# and the post-link check only looks at GLIBC_ version needs. The library works on the host
# (pidfd_open binds to the host's libc) and fails on 2.17 only when loaded or called there: a
# silently broken binary. Expected: the link fails naming pidfd_open (as an executable's does).
. "$(dirname -- "$0")/common.inc"
cat > lib.c <<'C'
#define _GNU_SOURCE
#include <sys/pidfd.h>
#include <unistd.h>
int has_pidfd(void) { return pidfd_open(getpid(), 0) >= 0; }
C
expect_error "pidfd_open" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" -shared -fPIC lib.c -o libp.so
expect_absent libp.so
pass
