#!/usr/bin/env bash
# run-built.sh OUT RUNTIME (--expect-output|--expect-failure) REGEX -- PROG [ARGS...]
# A runtime test of a program that a languages build test made in OUT: skipped (77) with that
# build's reason when its tool was missing (OUT/SKIPPED), otherwise tests/runtime/runtime-test.sh.
set -uo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
out=$1; shift
if [[ -f $out/SKIPPED ]]; then cat "$out/SKIPPED"; exit 77; fi
exec bash "$here/../runtime/runtime-test.sh" "$@"
