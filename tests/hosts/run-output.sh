#!/usr/bin/env bash
# run-output.sh OUT NAME RUNTIME (--expect-output|--expect-failure) REGEX -- PROG [ARGS...]
# Judges one output of pin-in-root.sh (built inside a build root) on a real runtime, outside the
# root: fails with the build's log when its build failed, skips when it does not apply there
# (e.g. no std::format in that compiler), else runs PROG through tests/runtime/runtime-test.sh.
set -uo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
out=$1 name=$2
shift 2
status_file=$out/$name.status
[[ -f $status_file ]] || { echo "FAIL: $name was not built: no $status_file (did the hosts.pin test run?)"; exit 1; }
status=$(cat "$status_file")
case $status in
  ok) ;;
  n/a:*) echo "SKIP: $name: ${status#n/a: }"; exit 77 ;;
  *)
    echo "--- build log ($out/$name.log, last 40 lines) ---"
    tail -n 40 "$out/$name.log"
    echo "FAIL: building $name inside the root failed"
    exit 1 ;;
esac
exec bash "$here/../runtime/runtime-test.sh" "$@"
