#!/usr/bin/env bash
# Was a bug (found by this test, fixed): a symlink named 'cc' to glibc-pin-cc, first in PATH, should make 'cc hello.c'
# a pinned compile that runs the real cc further down PATH (skipping itself), as ccache does.
# Today the name 'cc' is not a personality: glibc-pin takes 'hello.c' for a subcommand
# ("unknown command 'hello.c'"). Careful when fixing: the generator runs 'cc' from PATH to
# build the stubs, which would then find this symlink again; the run is guarded against such a
# recursion (cold cache first, then warm).
. "$(dirname -- "$0")/common.inc"
write_hello
mkdir masq
ln -s "$t/bin/glibc-pin-cc" masq/cc
export GLIBC_PIN_TARGET=2.17
for cache in cold warm; do
  guarded 120 150 env PATH="$t/masq:$PATH" cc hello.c -o hello-$cache
  [[ -z $guard ]] || fail "$cache cache: $guard"
  [[ $rc -eq 0 ]] || fail "$cache cache: 'cc hello.c' through the masquerading symlink failed ($rc)"
  [[ $("$t/hello-$cache") == "hello from glibc-pin" ]] || fail "$cache cache: wrong output"
  v=$(max_glibc hello-$cache)
  [[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] ||
    fail "$cache cache: not pinned, needs $v"
done
pass
