#!/usr/bin/env bash
# test.sh [CTEST-ARGS...]
# The project's test command (README, .ci/run): install missing dependencies
# (cheap when all are present), configure and build into build/, then run every
# test with CTest. Extra arguments go to ctest (e.g. -L runtime, -R hello).
# env: GLIBC_PIN_SHARED      shared/ directory (default <repo>/../shared): glibc 2.17/2.28
#      GLIBC_PIN_TEST_CACHE  runtime cache (default ~/.cache/glibc-pin-tests)
set -euo pipefail
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

scripts/install-deps.sh

# Tell up front what will be skipped; CTest's summary then lists the skipped tests.
SHARED=${GLIBC_PIN_SHARED:-$REPO/../shared}
if [[ -f $SHARED/runtimes/install.sh ]]; then
  echo "test.sh: shared runtimes: $SHARED/runtimes (glibc 2.17, 2.28)"
else
  CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
  if [[ -e $CACHE/oldglibc/2.17/lib/ld-linux-x86-64.so.2 ]]; then
    echo "test.sh: NOTE: no shared runtimes at $SHARED/runtimes (set GLIBC_PIN_SHARED); using the copy installed earlier in $CACHE/oldglibc"
  else
    echo "test.sh: NOTE: no shared runtimes at $SHARED/runtimes (set GLIBC_PIN_SHARED): tests on glibc 2.17 and 2.28 will be SKIPPED"
  fi
fi

# Ninja for a new build tree; an existing one keeps the generator it was made with.
if [[ -f build/CMakeCache.txt ]]; then cmake -S . -B build; else cmake -S . -B build -G Ninja; fi
cmake --build build
ctest --test-dir build --output-on-failure -j2 "$@"
