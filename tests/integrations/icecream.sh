#!/usr/bin/env bash
# icecream: icecc-scheduler and iceccd on loopback; Debian's zstd (`make -j4 lib-release`) built
# through glibc-pin with icecream as the compiler, pinned for 2.17.
#
# Order as with distcc, for the same reason: CC=glibc-pin-cc, GLIBC_PIN_CC=/usr/lib/icecc/bin/cc.
# glibc-pin adds `-include <cache>/glibc-pin-symver.h` (a file only this machine has); icecc
# preprocesses here and ships the result, .symver lines included; links stay here.
#
# Loopback only: neither icecc-scheduler nor iceccd (icecream 1.4) can be told which address to
# listen on (they bind 0.0.0.0, and the scheduler broadcasts), so this test runs them only in a
# private network namespace (unshare --net), whose only interface is its loopback; where no such
# namespace can be made the test skips, saying so. iceccd has no port option either, so a
# namespace holds one daemon: the scheduler schedules every compile onto that node, and for a job
# scheduled onto the client's own node icecream compiles in the client ("building myself, but
# telling localhost"). What runs here is therefore icecream's full protocol (daemon, scheduler,
# native environment, job accounting) but not a compile on another machine: that needs a second
# node (another namespace joined by a network link), which this test does not build.
#
# Proven: the scheduler's log has a BEGIN/END pair with status=0 for the compiles of zstd's C
# files, on the daemon's node; libzstd.so passes check for 2.17; a round-trip program linked with
# the icecream-built libzstd.a runs on real 2.17.
source "$(dirname -- "$0")/common.inc"
source "$here/distributed.inc"
need icecc-scheduler
need iceccd
need make
[[ -x /usr/lib/icecc/bin/cc ]] || skip "no /usr/lib/icecc/bin/cc (icecc's masquerade links)"
in_private_network
[[ -n ${PIN_TEST_NETNS:-} ]] ||
  skip "icecc-scheduler and iceccd cannot be bound to 127.0.0.1 (no such option: they listen on 0.0.0.0 and broadcast), and no private network namespace can be made here (unshare --net: $(unshare --net true 2>&1 | head -n 1))"
echo "network: $network"
[[ $(id -u) -eq 0 ]] || skip "iceccd needs root here (its socket /var/run/icecc and cache /var/cache/icecc belong to the icecc user)"

net=glibc-pin-test-$$
# both drop root for the user icecc: their logs must be writable for it
chmod 755 "$out"
for f in scheduler.log iceccd.log; do
  touch "$out/$f" && chmod 666 "$out/$f"
done
start_daemon "$out/scheduler.out" icecc-scheduler -vvv -n "$net" -l "$out/scheduler.log"
wait_port 8765
start_daemon "$out/iceccd.out" iceccd -vv -n "$net" -s 127.0.0.1 -N glibc-pin-node -l "$out/iceccd.log"
wait_port 10245
export GLIBC_PIN_CC=/usr/lib/icecc/bin/cc GLIBC_PIN_TARGET=2.17
export ICECC_LOGFILE=$out/client.log ICECC_DEBUG=info

zstd_tree zstd
# the first compile waits for icecream's native environment (a tarball of gcc): one alone first
printf 'int warm(void) { return 0; }\n' > warm.c
log glibc-pin-cc -c warm.c -o warm.o
log make -C zstd -j4 lib-release CC=glibc-pin-cc
sources=$(ls zstd/lib/common/*.c zstd/lib/compress/*.c zstd/lib/decompress/*.c zstd/lib/dictBuilder/*.c | wc -l)
ends=$(grep -c 'END [0-9]* status=0 .*server=glibc-pin-node' "$out/scheduler.log")
begins=$(grep -c 'BEGIN: [0-9]* client=glibc-pin-node.*server=glibc-pin-node' "$out/scheduler.log")
[[ $ends -ge $sources && $begins -ge $sources ]] ||
  { tail -n 30 "$out/scheduler.log"; fail "the scheduler ran $ends jobs (of $begins begun) for $sources C files"; }
grep -q 'status=[1-9]' "$out/scheduler.log" && { grep 'status=[1-9]' "$out/scheduler.log"; fail "a job failed"; }
echo "scheduler: $ends compiles scheduled and finished on node glibc-pin-node, e.g. $(grep -m1 -o 'END [0-9]* status=0.*' "$out/scheduler.log")"
zstd_object_pinned zstd "compiled through icecream"
prove_pinned_zstd zstd
stop_daemons
# a killed iceccd leaves its socket behind; no other iceccd runs: remove it
pgrep -x iceccd > /dev/null || rm -f /var/run/icecc/iceccd.socket
finish
