#!/usr/bin/env bash
# A target newer than the host's glibc (2.40 on a 2.36 host) is refused: the stubs could not
# pin anything the host's headers and crt files do not know.
. "$(dirname -- "$0")/common.inc"
host=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
[[ $(printf '%s\n' "$host" 2.40 | sort -V | tail -n 1) == 2.40 && $host != 2.40 ]] ||
  skip "the host's glibc $host is not older than 2.40"
write_hello
expect_error "glibc-pin: error: .*2\.40.* newer than this host's glibc $host" \
  "$GLIBC_PIN" cc --target 2.40 hello.c -o hello
expect_absent hello
expect_error "newer than this host" "$t/bin/glibc-pin-cc" --glibc-pin-target=2.40 hello.c -o hello
expect_absent hello
pass
