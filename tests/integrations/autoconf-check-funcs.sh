#!/usr/bin/env bash
# autoconf: ./configure CC=glibc-pin-cc with GLIBC_PIN_TARGET=2.17 makes AC_CHECK_FUNCS report
# _Fork missing (the host's header declares it - AC_CHECK_DECLS says so - but the probe's
# link against the 2.17 stubs fails) and the shimmed getrandom and memfd_create present.
# Control: the same configure with the host compiler finds all three.
source "$(dirname -- "$0")/common.inc"
need autoconf
cp "$here/autoconf/configure.ac" .
log autoconf
log autoheader
mkdir pinned plain
(cd pinned && log env GLIBC_PIN_TARGET=2.17 ../configure CC=glibc-pin-cc) || exit 1
(cd plain && log ../configure CC=gcc) || exit 1
grep -E 'HAVE_(_FORK|GETRANDOM|MEMFD_CREATE|DECL__FORK)' pinned/config.h plain/config.h
grep -q '^/\* #undef HAVE__FORK \*/' pinned/config.h || fail "2.17: _Fork not reported missing"
grep -q '^#define HAVE_DECL__FORK 1' pinned/config.h || fail "2.17: the host header should declare _Fork"
grep -q '^#define HAVE_GETRANDOM 1' pinned/config.h || fail "2.17: shimmed getrandom not found"
grep -q '^#define HAVE_MEMFD_CREATE 1' pinned/config.h || fail "2.17: shimmed memfd_create not found"
grep -q '_Fork needs _Fork@GLIBC_2.34 .* x86_64-linux-gnu.2.17 does not have' pinned/config.log ||
  fail "config.log lacks glibc-pin's verdict on _Fork"
for f in _FORK GETRANDOM MEMFD_CREATE; do
  grep -q "^#define HAVE_$f 1" plain/config.h || fail "host: $f not found by the plain configure"
done
pass
