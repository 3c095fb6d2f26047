#!/usr/bin/env bash
# differential.sh PROG REFERENCE RUNTIME...
# Runs `PROG real` on the REFERENCE runtime (a glibc that has the real functions) and
# `PROG shim` on each RUNTIME (old ones, where the shims stand in; newer ones too): every
# output must equal the reference's, line for line. Exit 77 when a runtime is absent.
set -uo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 PROG REFERENCE RUNTIME..." >&2; exit 2; }
PROG=$1 REFERENCE=$2; shift 2
RUN_ON=$(dirname -- "${BASH_SOURCE[0]}")/../runtime/run-on.sh
for rt in "$REFERENCE" "$@"; do
  "$RUN_ON" --check "$rt" || exit 77
done
reference=$(mktemp) got=$(mktemp)
trap 'rm -f "$reference" "$got"' EXIT
"$RUN_ON" "$REFERENCE" "$PROG" real > "$reference" 2>&1 || { echo "FAIL: the reference run on $REFERENCE failed:"; head -5 "$reference"; exit 1; }
status=0
for rt in "$@"; do
  "$RUN_ON" "$rt" "$PROG" shim > "$got" 2>&1 || { echo "FAIL: $rt: exit status $?"; head -5 "$got"; status=1; continue; }
  if cmp -s "$reference" "$got"; then
    echo "PASS: $rt: $(wc -l < "$got") lines equal to the real functions on $REFERENCE"
  else
    echo "FAIL: $rt differs from the real functions on $REFERENCE:"
    diff "$reference" "$got" | head -20
    status=1
  fi
done
exit $status
