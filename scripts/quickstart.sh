#!/usr/bin/env bash
# quickstart.sh: from a fresh Debian 12 machine to glibc-pin at work.
# Installs dependencies, builds into build/, fetches the test runtimes, and
# shows the main job on examples/hello: built plainly it fails on old glibc; pinned with
# `glibc-pin cc --target 2.17` it runs on real glibc 2.17, 2.28, 2.31, the host and sid.
# env: GLIBC_PIN_SHARED, GLIBC_PIN_TEST_CACHE (see scripts/test.sh)
#      GLIBC_PIN_BUILD_DIR  the build tree (default build/; tests/readme runs this script on its own)
set -euo pipefail
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
step() { printf '\n==> %s\n' "$*"; }

step "dependencies"
scripts/install-deps.sh
B=${GLIBC_PIN_BUILD_DIR:-build}
step "build ($B/)"
if [[ -f $B/CMakeCache.txt ]]; then cmake -S . -B "$B"; else cmake -S . -B "$B" -G Ninja; fi
cmake --build "$B"
step "runtimes (Debian bullseye..sid, and glibc 2.17/2.28 when shared/ is present)"
scripts/fetch-runtimes.sh

GP=
for f in "$B/glibc-pin" "$B/src/glibc-pin"; do [[ -x $f ]] && { GP=$f; break; }; done
[[ -n $GP ]] || { echo "quickstart.sh: the build made no glibc-pin executable" >&2; exit 1; }
step "$GP --version"
"$GP" --version
step "$GP lookup memcpy"
"$GP" lookup memcpy

step "examples/hello built plainly on this machine (glibc 2.36)"
mkdir -p "$B/examples"
cc -O2 examples/hello/hello.c -o "$B/examples/hello-plain"
echo "the symbol versions it needs:"
objdump -T "$B/examples/hello-plain" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tr '\n' ' '; echo
for rt in host bullseye 2.17; do
  echo "-- on $rt:"
  rc=0; tests/runtime/run-on.sh "$rt" "$B/examples/hello-plain" || rc=$?
  case $rc in
    0) ;;
    77) echo "   (skipped: runtime not available)" ;;
    *) echo "   -> fails (exit status $rc): the negative control, as expected" ;;
  esac
done

step "examples/hello pinned to glibc 2.17 (CentOS 7): glibc-pin cc --target 2.17"
"$GP" cc --target 2.17 -O2 examples/hello/hello.c -o "$B/examples/hello-pinned"
echo "the symbol versions it needs:"
objdump -T "$B/examples/hello-pinned" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tr '\n' ' '; echo
for rt in 2.17 2.28 bullseye host sid; do
  echo "-- on $rt:"
  rc=0; tests/runtime/run-on.sh "$rt" "$B/examples/hello-pinned" || rc=$?
  case $rc in
    0) ;;
    77) echo "   (skipped: runtime not available)" ;;
    *) echo "quickstart.sh: the pinned hello failed on $rt (exit status $rc)" >&2; exit 1 ;;
  esac
done
step "done"
echo "next: scripts/test.sh runs every test"
