#!/usr/bin/env bash
# runtime-test.sh [--skip-if FILE]... RUNTIME --expect-output REGEX  -- PROG [ARGS...]
# runtime-test.sh [--skip-if FILE]... RUNTIME --expect-failure REGEX -- PROG [ARGS...]
# The body of every glibc_pin_runtime_test (tests/runtime/runtimes.cmake), for every
# architecture (run-on.sh's RUNTIME names say which: 2.17, i386-2.17, aarch64-sid ...).
# --skip-if FILE: when FILE exists (a build test wrote it because its tool was missing), print
# it and skip; PROG was then never built.
# Runs PROG on RUNTIME through run-on.sh and checks both how it ended and what it
# printed (stdout and stderr together, matched with grep -E; a REGEX with newlines is matched
# against the whole output, as one extended regular expression):
#   --expect-output:  passes when PROG exits 0 AND the output matches REGEX
#   --expect-failure: passes when PROG exits non-zero (or dies) AND the output matches
# Exit: 0 pass, 1 fail, 77 skip (runtime absent; CTest's SKIP_RETURN_CODE).
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)

usage() { echo "usage: runtime-test.sh [--skip-if FILE]... RUNTIME (--expect-output|--expect-failure) REGEX -- PROG [ARGS...]" >&2; exit 2; }
while [[ ${1:-} == --skip-if ]]; do
  [[ $# -ge 2 ]] || usage
  if [[ -f $2 ]]; then cat "$2"; exit 77; fi
  shift 2
done
[[ $# -ge 5 ]] || usage
runtime=$1 mode=$2 regex=$3
[[ $4 == -- ]] || usage
shift 4
case $mode in --expect-output|--expect-failure) ;; *) usage ;; esac

# Skip only when the runtime is absent, never because PROG happened to exit 77.
"$HERE/run-on.sh" --check "$runtime" || exit $?

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$HERE/run-on.sh" "$runtime" "$@" > "$out" 2>&1
rc=$?
echo "--- output of $* on $runtime (exit status $rc) ---"
cat "$out"
echo "---"

matched=0
if [[ $regex == *$'\n'* ]]; then
  # A multi-line REGEX is matched against the whole output at once (grep would take each of
  # its lines as a separate pattern): ^ and $ then anchor at the start and end of the output.
  [[ $(cat "$out") =~ $regex ]] && matched=1
else
  grep -Eq -e "$regex" "$out" && matched=1
fi

fail() { echo "FAIL: $*"; exit 1; }
if [[ $mode == --expect-output ]]; then
  [[ $rc -eq 0 ]] || fail "expected success on $runtime, got exit status $rc"
  [[ $matched -eq 1 ]] || fail "output does not match /$regex/"
  echo "PASS: ran on $runtime, output matches /$regex/"
else
  [[ $rc -ne 0 ]] || fail "expected failure on $runtime, but the program succeeded"
  [[ $matched -eq 1 ]] || fail "failed (exit status $rc), but not with /$regex/"
  echo "PASS: failed on $runtime as expected (exit status $rc), output matches /$regex/"
fi
