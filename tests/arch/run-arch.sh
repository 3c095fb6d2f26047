#!/usr/bin/env bash
# run-arch.sh RUNTIME (--expect-output|--expect-failure) REGEX -- PROG [ARGS...]
# Runs an aarch64 or i386 PROG on RUNTIME (aarch64-2.17, aarch64-2.28, aarch64-bullseye,
# aarch64-sid, i386-2.17, i386-2.28, i386-bullseye, i386-sid) through tests/runtime/run-on.sh
# and checks how it ended and what it printed, like tests/runtime/runtime-test.sh.
# Exit: 0 pass, 1 fail, 77 skip: the runtime is absent, run-on.sh does not know its name, or
# PROG was not built (its cross compiler was missing when the build was configured).
# GLIBC_PIN_RUN_ON overrides the run-on.sh used (same interface).
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
RUN_ON=${GLIBC_PIN_RUN_ON:-$HERE/../runtime/run-on.sh}

usage() { echo "usage: run-arch.sh RUNTIME (--expect-output|--expect-failure) REGEX -- PROG [ARGS...]" >&2; exit 2; }
[[ $# -ge 5 && $4 == -- ]] || usage
runtime=$1 mode=$2 regex=$3
shift 4
case $mode in --expect-output|--expect-failure) ;; *) usage ;; esac

[[ -e $1 ]] || { echo "SKIP: $1 was not built (its compiler was not installed at configure time)"; exit 77; }
"$RUN_ON" --check "$runtime" 2>/tmp/run-arch-check.$$
rc=$?
cat /tmp/run-arch-check.$$ >&2; rm -f /tmp/run-arch-check.$$
if [[ $rc -eq 2 ]]; then
  echo "SKIP: runtime $runtime not available: $RUN_ON does not know it"; exit 77
fi
[[ $rc -eq 0 ]] || exit "$rc"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$RUN_ON" "$runtime" "$@" > "$out" 2>&1
rc=$?
echo "--- output of $* on $runtime (exit status $rc) ---"
cat "$out"
echo "---"
matched=0
if [[ $regex == *$'\n'* ]]; then
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
