#!/usr/bin/env bash
# differential.sh RUNTIME PLAIN PINNED [ARGS...]
# The differential test of a shim: PLAIN (built plainly, so it calls the host glibc's own
# implementation) runs on the host; PINNED (the same source built by glibc-pin for an old
# target, so it calls the shim where the target lacks the interface) runs on RUNTIME
# (tests/runtime/run-on.sh). Both must exit 0 and print the same lines.
# differential.sh --plain-on RUNTIME PLAIN PINNED [ARGS...]: the same, with PLAIN run on RUNTIME
# too (where RUNTIME's glibc is newer than the host's and answers differently from it).
# differential.sh --plain-fails RUNTIME PLAIN: the negative control; PLAIN must not load on
# RUNTIME ("version `GLIBC_...' not found").
# differential.sh --against NEWER RUNTIME PINNED: for interfaces newer than the host's glibc
# (which a plain build here cannot call): the reference is PINNED run on the NEWER runtime with
# the argument "real", where the program calls the interfaces it tests through
# dlsym(RTLD_DEFAULT), i.e. that glibc's own exports (the shims are hidden, dlsym cannot see
# them); it must print what PINNED prints on RUNTIME through the shims.
# Exit: 0 pass, 1 fail, 77 skip (runtime absent).
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
RUN_ON=$HERE/../runtime/run-on.sh

fail() { echo "FAIL: $*"; exit 1; }

if [[ ${1:-} == --plain-fails ]]; then
  runtime=$2 plain=$3
  "$RUN_ON" --check "$runtime" || exit $?
  out=$("$RUN_ON" "$runtime" "$plain" 2>&1); rc=$?
  echo "$out"
  [[ $rc -ne 0 ]] || fail "the plain build ran on $runtime"
  grep -q "version \`GLIBC_[0-9.]*' not found" <<< "$out" || fail "the plain build failed on $runtime, but not for a missing GLIBC version"
  echo "PASS: the plain build does not load on $runtime (exit status $rc)"
  exit 0
fi

if [[ ${1:-} == --against ]]; then
  newer=$2 runtime=$3 pinned=$4
  "$RUN_ON" --check "$newer" || exit $?
  "$RUN_ON" --check "$runtime" || exit $?
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && "$RUN_ON" "$newer" "$pinned" real) > "$work/expected" 2>&1
  rc=$?
  [[ $rc -eq 0 ]] || { cat "$work/expected"; fail "the reference run on $newer failed (exit status $rc)"; }
  (cd "$work" && "$RUN_ON" "$runtime" "$pinned") > "$work/actual" 2>&1
  rc=$?
  echo "--- the pinned build on $runtime (exit status $rc) ---"
  cat "$work/actual"
  [[ $rc -eq 0 ]] || fail "the pinned build failed on $runtime (exit status $rc)"
  diff -u "$work/expected" "$work/actual" || fail "the output on $runtime differs from $newer's glibc (- $newer's own, + shim on $runtime)"
  echo "PASS: the pinned build on $runtime prints what $newer's glibc does ($(wc -l < "$work/actual") lines)"
  exit 0
fi

plain_on=host
if [[ ${1:-} == --plain-on ]]; then
  plain_on=$2
  shift 2
fi
[[ $# -ge 3 ]] || { echo "usage: differential.sh [--plain-on RUNTIME] RUNTIME PLAIN PINNED [ARGS...] | --plain-fails RUNTIME PLAIN | --against NEWER RUNTIME PINNED" >&2; exit 2; }
runtime=$1 plain=$2 pinned=$3
shift 3
"$RUN_ON" --check "$runtime" || exit $?
"$RUN_ON" --check "$plain_on" || exit $?
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$RUN_ON" "$plain_on" "$plain" "$@") > "$work/expected" 2> "$work/expected.err"
rc=$?
[[ $rc -eq 0 ]] || { cat "$work/expected" "$work/expected.err"; fail "the plain build failed on $plain_on (exit status $rc)"; }
(cd "$work" && "$RUN_ON" "$runtime" "$pinned" "$@") > "$work/actual" 2> "$work/actual.err"
rc=$?
echo "--- the pinned build on $runtime (exit status $rc) ---"
cat "$work/actual" "$work/actual.err"
[[ $rc -eq 0 ]] || fail "the pinned build failed on $runtime (exit status $rc)"
diff -u "$work/expected" "$work/actual" || fail "the output on $runtime differs from the plain build's on $plain_on (above: - $plain_on's glibc, + shim on $runtime)"
echo "PASS: the pinned build on $runtime prints what the plain build does on $plain_on ($(wc -l < "$work/actual") lines)"
