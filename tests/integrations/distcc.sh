#!/usr/bin/env bash
# distcc: a real project (Debian's zstd, `make -j4 lib-release`) compiled on two distccd daemons
# through glibc-pin, pinned for 2.17.
#
# The order is glibc-pin outside, distcc inside: CC=glibc-pin-cc with GLIBC_PIN_CC=<a link named cc
# to distcc> (distcc's masquerade: it runs the next `cc` in PATH on the daemon). Debian's
# /usr/lib/distcc/cc exists only if update-distcc-symlinks ran after gcc came (not on a fresh
# machine that installed both at once), so the test makes its own link. glibc-pin rewrites the command first: it adds
# `-include <cache>/glibc-pin-symver.h`, a file only this machine has. distcc then preprocesses
# here, where the header exists, and ships the preprocessed source with its .symver lines to a
# daemon, which needs nothing but the same gcc. Links run here too (distcc never distributes
# them), so the stub libraries and the post-link check stay with glibc-pin's cache.
# The other order, CC="distcc glibc-pin-cc", would preprocess with `glibc-pin-cc -E`, which (as the
# compiler alone would) prints no .symver lines, and send the compile to a daemon that has no
# glibc-pin, no cache and no header: the objects would not be pinned.
#
# Proven: both daemons' logs show COMPILE_OK jobs for zstd's sources, with DISTCC_FALLBACK=0 (a
# job that cannot be distributed fails instead of compiling here); libzstd.so passes check for
# 2.17; a round-trip program linked with the distcc-built libzstd.a runs on real 2.17.
#
# Pump mode (distcc-pump) is tried on one file: Debian 12's distcc 3.4 include server crashes
# under Python >= 3.10 for every file (`PY_SSIZE_T_CLEAN macro must be defined`, distcc#454,
# fixed upstream after 3.4 by distcc#479) and distcc falls back to preprocessing locally. The test
# prints which happened; if pump works (a fixed distcc), the pinned object must come out the same.
source "$(dirname -- "$0")/common.inc"
source "$here/distributed.inc"
need distcc
need distccd
need make
in_private_network
echo "network: $network"

# distccd drops root for the user distcc (or nobody): its logs must be writable for it.
chmod 755 "$out"
ports=()
for n in 1 2; do
  port=$(free_port)
  ports+=("$port")
  touch "$out/distccd-$n.log" && chmod 666 "$out/distccd-$n.log"
  start_daemon "$out/distccd-$n.out" distccd --daemon --no-detach --listen 127.0.0.1 \
    --port "$port" --allow 127.0.0.1 --jobs 2 --log-file "$out/distccd-$n.log" --log-level info
  wait_port "$port"
done

export DISTCC_HOSTS="127.0.0.1:${ports[0]}/2 127.0.0.1:${ports[1]}/2"
export DISTCC_FALLBACK=0 DISTCC_DIR=$out/distcc-state
mkdir -p "$DISTCC_DIR"
mkdir -p "$out/masquerade"
ln -sfn "$(command -v distcc)" "$out/masquerade/cc"
export GLIBC_PIN_CC=$out/masquerade/cc GLIBC_PIN_TARGET=2.17

zstd_tree zstd
log make -C zstd -j4 lib-release CC=glibc-pin-cc
compiled=$(grep -c 'COMPILE_OK' "$out"/distccd-[12].log | awk -F: '{s += $2} END {print s + 0}')
for n in 1 2; do
  jobs=$(grep -c 'COMPILE_OK.*\.c$' "$out/distccd-$n.log")
  [[ $jobs -ge 1 ]] || { cat "$out/distccd-$n.log"; fail "distccd $n (port ${ports[$((n - 1))]}) compiled nothing"; }
  echo "distccd $n: $jobs compiles, e.g. $(grep -m1 -o 'COMPILE_OK.*' "$out/distccd-$n.log")"
done
sources=$(ls zstd/lib/common/*.c zstd/lib/compress/*.c zstd/lib/decompress/*.c zstd/lib/dictBuilder/*.c | wc -l)
[[ $compiled -ge $sources ]] || fail "only $compiled compiles reached the daemons for $sources C files"
grep -q 'ERROR' "$out"/distccd-[12].log && { grep 'ERROR' "$out"/distccd-[12].log; fail "a daemon reports an error"; }
echo "$compiled compiles ran on the daemons (the library's $sources C files, static and shared)"
# an object compiled on a daemon carries the pins of the header that exists only here
zstd_object_pinned zstd "compiled on a daemon"
prove_pinned_zstd zstd

# pump mode, one file: does the include server work with this distcc and python?
if command -v distcc-pump > /dev/null; then
  export DISTCC_HOSTS="127.0.0.1:${ports[0]}/2,cpp,lzo"
  printf '#include <glob.h>\nint f(void) { glob_t g; return glob("*", 0, 0, &g); }\n' > g.c
  log env GLIBC_PIN_CC=gcc glibc-pin-cc -c g.c -o g-direct.o
  nlog=$((nlog + 1))
  timeout 120 distcc-pump glibc-pin-cc -c g.c -o g-pump.o > "$out/$nlog.log" 2>&1
  pump_rc=$?
  if grep -q 'PY_SSIZE_T_CLEAN\|include server gave up\|failed to get includes' "$out/$nlog.log"; then
    echo "pump mode: does not work with this distcc ($(distcc --version | head -n 1)): its include server fails" \
         "($(grep -m1 -o "PY_SSIZE_T_CLEAN macro must be defined for '#' formats\|include server gave up[^.]*" "$out/$nlog.log")); distcc preprocessed locally instead (distcc#454)"
  elif [[ $pump_rc -eq 0 ]]; then
    echo "pump mode: works"
  else
    cat "$out/$nlog.log"
    echo "pump mode: failed (exit $pump_rc), see above"
  fi
  if [[ $pump_rc -eq 0 ]]; then
    [[ $(nm g-pump.o | grep glob) == "$(nm g-direct.o | grep glob)" && $(nm g-pump.o) == *glob@GLIBC_2.2.5* ]] ||
      fail "the object compiled in pump mode is not pinned like a direct compile"
  fi
fi
stop_daemons
finish
