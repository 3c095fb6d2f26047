#!/usr/bin/env bash
# test.sh [CTEST-ARGS...]
# The project's test command (README, .ci/run): install missing dependencies
# (cheap when all are present), configure and build into build/, then run every
# test with CTest. Extra arguments go to ctest (e.g. -L runtime, -R hello).
# env: GLIBC_PIN_SHARED      shared/ directory (default <repo>/../shared): prebuilt old glibc
#      GLIBC_PIN_GLIBC_SOURCE glibc source to build missing old glibc from (scripts/build-old-glibc.sh)
#      GLIBC_PIN_TEST_CACHE  runtime cache (default ~/.cache/glibc-pin-tests)
set -euo pipefail
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

scripts/install-deps.sh

# Tell up front what will be skipped; CTest's summary then lists the skipped tests.
# (runtimes.fetch, i.e. scripts/fetch-runtimes.sh, fills CACHE/oldglibc from a cached build, the
# prebuilt copies in SHARED, or scripts/build-old-glibc.sh when GLIBC_PIN_GLIBC_SOURCE is set.)
SHARED=${GLIBC_PIN_SHARED:-$REPO/../shared}
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
missing=()
for rt in 2.12 2.17 2.28 i386-2.17 i386-2.28 aarch64-2.17 aarch64-2.28; do
  [[ -e $CACHE/oldglibc/$rt/lib/libc.so.6 ]] && continue
  case $rt in
    2.17|2.28) [[ -f $SHARED/runtimes/oldglibc-runtimes.tar.xz ]] && continue ;;
    aarch64-*|i386-2.28) [[ -f $SHARED/runtimes-arch/oldglibc-arch-runtimes.tar.xz ]] && continue ;;
  esac
  if [[ $rt == aarch64-2.17 ]]; then command -v npm > /dev/null && continue   # its npm sysroot
  elif [[ -n ${GLIBC_PIN_GLIBC_SOURCE:-} ]]; then continue; fi
  missing+=("$rt")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "test.sh: NOTE: old glibc runtimes ${missing[*]} are neither in $CACHE/oldglibc nor in $SHARED (set GLIBC_PIN_SHARED), and GLIBC_PIN_GLIBC_SOURCE is not set to build them (scripts/build-old-glibc.sh): their tests will be SKIPPED"
else
  echo "test.sh: old glibc runtimes: cached in $CACHE/oldglibc or available from $SHARED or GLIBC_PIN_GLIBC_SOURCE"
fi

# Ninja for a new build tree; an existing one keeps the generator it was made with.
if [[ -f build/CMakeCache.txt ]]; then cmake -S . -B build; else cmake -S . -B build -G Ninja; fi
cmake --build build
ctest --test-dir build --output-on-failure -j2 "$@"
