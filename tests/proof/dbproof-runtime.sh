#!/usr/bin/env bash
# dbproof-runtime.sh DBPROOF RUNTIME ARCH
# Compares the database with the real glibc libraries of one runtime from fetch-runtimes.sh's
# cache: RUNTIME is a Debian suite (bullseye bookworm trixie sid, with ARCH amd64 i386 arm64)
# or 2.17 / 2.28 (the shared runtimes, amd64). Exit 77 (skip) when the runtime is absent.
set -u
dbproof=$1 runtime=$2 debarch=$3
cache=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
case $debarch in amd64) arch=x86_64 ;; i386) arch=i386 ;; arm64) arch=aarch64 ;;
  *) echo "unknown arch $debarch" >&2; exit 2 ;; esac
case $runtime in
  2.17|2.28)
    dir=$cache/oldglibc/$runtime/lib release=$runtime ;;
  *)
    dir=$cache/runtimes/$runtime-$debarch
    release=$(sed -n 's/^libc6 [a-z0-9]* \([0-9]*\.[0-9]*\)-.*/\1/p' "$dir/VERSIONS" 2>/dev/null | head -1) ;;
esac
if [ ! -d "$dir" ] || [ -z "$release" ]; then
  echo "SKIP: runtime $runtime ($debarch) not available in $cache (scripts/fetch-runtimes.sh)"
  exit 77
fi
newest=$("$dbproof" --help >/dev/null 2>&1; "$(dirname "$dbproof")/glibc-pin" targets --arch "$arch" | sed -n 's/.* to \([0-9.]*\) (.*/\1/p' | head -1)
if [ "$runtime" = sid ] && [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$release" "$newest" | sort -V | tail -1)" != "$newest" ]; then
  echo "SKIP: sid moved to glibc $release, newer than the database's $newest: run scripts/regenerate-symver-maps.sh"
  exit 77
fi
echo "dbproof: $arch glibc $release from $dir"
# Debian's libcrypt.so.1 is libxcrypt, not glibc's: leave it out.
exec "$dbproof" --arch "$arch" --release "$release" --skip libcrypt.so.1 "$dir"
