#!/usr/bin/env bash
# Was a bug (found by this test, fixed): a shared library calling pidfd_open (2.36), pinned to 2.17, links with exit
# status 0: -shared allows undefined symbols, so the reference stays undefined and unversioned,
# and the post-link check only looks at GLIBC_ version needs. The library works on the host
# (pidfd_open binds to the host's libc) and fails on 2.17 only when loaded or called there: a
# silently broken binary. Expected: the link fails naming the symbol (as an executable's does).
# (pidfd_open has a shim now: the case is pkey_alloc, 2.27, which has none. getpid keeps libc.so.6
# in DT_NEEDED: a library with no DT_NEEDED at all is issue 13's case 3.)
. "$(dirname -- "$0")/common.inc"
cat > lib.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
int new_key(void) { return getpid() > 0 ? pkey_alloc(0, 0) : -1; }
C
expect_error "pkey_alloc" env GLIBC_PIN_TARGET=2.17 "$t/bin/glibc-pin-cc" -shared -fPIC lib.c -o libp.so
expect_absent libp.so
pass
