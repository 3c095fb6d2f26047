#!/usr/bin/env bash
# sccache (Debian's package, local disk cache) in front of glibc-pin:
#   CC="sccache glibc-pin-cc --glibc-pin-target=2.17"
# The target goes in the compiler command, which sccache hashes: an object pinned for one target
# is never handed out for another. (A target only in the environment is refused under sccache,
# as under ccache: sccache does not hash GLIBC_PIN_TARGET.)
# Proven: the second build of zstd's library is served from the cache (sccache's stats: hits,
# no new misses); its objects are byte for byte the first build's and pinned; the library passes
# check for 2.17 and a program linked with it runs on real 2.17; the same source compiled for
# 2.28 is a miss with other pins (glob@GLIBC_2.27, not glob@GLIBC_2.2.5).
# The sccache server listens on 127.0.0.1 (a private network namespace when allowed), is
# bounded by SCCACHE_IDLE_TIMEOUT and by timeout, and is stopped when the test ends.
source "$(dirname -- "$0")/common.inc"
source "$here/distributed.inc"
need sccache
need make
in_private_network
echo "network: $network"

export SCCACHE_DIR=$out/sccache SCCACHE_SERVER_PORT=$(free_port) SCCACHE_IDLE_TIMEOUT=600
export SCCACHE_ERROR_LOG=$out/sccache-server.log SCCACHE_CACHE_SIZE=2G
# The server: started in the foreground mode under our own bound, killed on exit (and stopped
# through its client too, should a client have started another one).
trap 'sccache --stop-server > /dev/null 2>&1; stop_daemons' EXIT
start_daemon "$out/sccache-server.out" env SCCACHE_START_SERVER=1 SCCACHE_NO_DAEMON=1 sccache
wait_port "$SCCACHE_SERVER_PORT"
stat_of() {  # stat_of NAME: a counter from `sccache --show-stats` (text form)
  sccache --show-stats | awk -v k="$1" 'index($0, k) == 1 {print $NF; exit}'
}

zstd_tree zstd1
cp -r zstd1 zstd2
cc="sccache glibc-pin-cc --glibc-pin-target=2.17"
log make -C zstd1 -j4 lib-release CC="$cc"
misses1=$(stat_of "Cache misses") hits1=$(stat_of "Cache hits")
log make -C zstd2 -j4 lib-release CC="$cc"
misses2=$(stat_of "Cache misses") hits2=$(stat_of "Cache hits")
sccache --show-stats > "$out/stats.txt"
echo "sccache: first build $misses1 misses, $hits1 hits; second build $((misses2 - misses1)) misses, $((hits2 - hits1)) hits"
[[ $misses1 -ge 20 ]] || { cat "$out/stats.txt"; fail "the first build compiled through sccache only $misses1 times (not cacheable?)"; }
[[ $((hits2 - hits1)) -ge $misses1 && $misses2 -eq $misses1 ]] ||
  { cat "$out/stats.txt"; fail "the second build was not served from the cache"; }

# the cached objects are the first build's, byte for byte, and pinned
n=0
while IFS= read -r o; do
  cmp -s "zstd1/$o" "zstd2/$o" || fail "$o differs between the compiled and the cached build"
  n=$((n + 1))
done < <(cd zstd1 && find lib -name '*.o')
[[ $n -ge 20 ]] || fail "only $n objects to compare"
echo "$n objects identical"
zstd_object_pinned zstd2 "served from the cache"
prove_pinned_zstd zstd2

# two targets never share an entry
printf '#include <glob.h>\nint f(void) { glob_t g; return glob("*", 0, 0, &g); }\n' > g.c
log sccache glibc-pin-cc --glibc-pin-target=2.17 -c g.c -o g-2.17.o
m=$(stat_of "Cache misses")
log sccache glibc-pin-cc --glibc-pin-target=2.28 -c g.c -o g-2.28.o
[[ $(stat_of "Cache misses") -eq $((m + 1)) ]] || fail "the 2.28 compile was not a miss after the 2.17 one"
nm g-2.17.o | grep -q 'glob@GLIBC_2.2.5' || fail "the 2.17 object is not pinned to glob@GLIBC_2.2.5"
! nm g-2.28.o | grep -q 'glob@GLIBC_2.2.5' || fail "the 2.28 object got the 2.17 pins (a shared cache entry)"
# and a target only in the environment is refused, not cached under the wrong key
check_fails env GLIBC_PIN_TARGET=2.17 sccache glibc-pin-cc -c g.c -o g-env.o
grep -q 'does not see GLIBC_PIN_TARGET' "$lastlog" || { cat "$lastlog"; fail "no clear error for a target from the environment"; }
sccache --stop-server > /dev/null 2>&1
stop_daemons
finish
