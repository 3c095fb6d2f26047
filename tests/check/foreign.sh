#!/usr/bin/env bash
# foreign.sh GLIBC_PIN: check runs over real foreign binaries (the host's /usr/bin and
# /usr/lib/x86_64-linux-gnu, and every Debian libc6 runtime's own files) without crashing or
# hanging; every verdict is 0, 1 or 2 and the host's own programs mostly fit the host's glibc.
set -uo pipefail
GP=$1
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
run() {  # run LABEL ARGS...
  out=$(timeout 300 "$GP" check "${@:2}" 2>&1); rc=$?
  [[ $rc -le 2 ]] || { echo "FAIL: $1: status $rc"; tail -5 <<<"$out"; exit 1; }
  echo "$1: status $rc; $(tail -1 <<<"$out")"
}
host=$(ldd --version | head -1 | grep -oE '[0-9]+\.[0-9]+$')
run "host /usr/bin vs its own glibc $host" --target "$host" /usr/bin
fit=$(timeout 300 "$GP" check --target "$host" /usr/bin | tail -1 | grep -oE '[0-9]+ fit' | grep -oE '[0-9]+')
total=$(find /usr/bin -type f | wc -l)
echo "host: $fit of /usr/bin fit"
[[ ${fit:-0} -gt 0 ]] || { echo "FAIL: nothing in /usr/bin fits the host"; exit 1; }
run "host /usr/lib/x86_64-linux-gnu" --target "$host" /usr/lib/x86_64-linux-gnu
for rt in "$CACHE"/runtimes/*-amd64 "$CACHE"/runtimes/*-i386 "$CACHE"/runtimes/*-arm64; do
  [[ -d $rt ]] || continue
  arch=x86_64; [[ $rt == *-i386 ]] && arch=i386; [[ $rt == *-arm64 ]] && arch=aarch64
  run "$(basename "$rt") vs 2.17" --target "$arch-linux-gnu.2.17" "$rt"
done
exit 0
