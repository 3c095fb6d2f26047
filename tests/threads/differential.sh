#!/usr/bin/env bash
# differential.sh RUNTIME REFERENCE PINNED [ARGS...]
# A shim's differential test: REFERENCE (the program built plainly) runs on the host's real
# glibc, PINNED (the same source built by glibc-pin for an older target, so its calls go to the
# shims where the runtime lacks the interface) runs on RUNTIME (tests/runtime/run-on.sh); both
# must exit 0 and print exactly the same (stdout; stderr is shown, not compared).
# Exit: 0 same, 1 different or failed, 77 runtime absent.
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
RUN_ON=$HERE/../runtime/run-on.sh
[[ $# -ge 3 ]] || { echo "usage: differential.sh RUNTIME REFERENCE PINNED [ARGS...]" >&2; exit 2; }
runtime=$1 reference=$2 pinned=$3
shift 3

"$RUN_ON" --check "$runtime" || exit $?
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$RUN_ON" host "$reference" "$@" > "$dir/reference" 2> "$dir/reference.err"
reference_rc=$?
"$RUN_ON" "$runtime" "$pinned" "$@" > "$dir/pinned" 2> "$dir/pinned.err"
pinned_rc=$?
echo "--- $pinned on $runtime (exit status $pinned_rc) ---"
cat "$dir/pinned" "$dir/pinned.err"
echo "---"
[[ $reference_rc -eq 0 ]] || { echo "FAIL: the reference $reference failed on the host ($reference_rc)"; cat "$dir/reference.err"; exit 1; }
[[ $pinned_rc -eq 0 ]] || { echo "FAIL: exit status $pinned_rc on $runtime"; exit 1; }
if ! diff -u --label "reference (plain build, host glibc)" --label "pinned on $runtime" \
     "$dir/reference" "$dir/pinned"; then
  echo "FAIL: the output on $runtime differs from the host's real glibc"
  exit 1
fi
echo "PASS: $(wc -l < "$dir/pinned") lines, the same as the host's real glibc"
