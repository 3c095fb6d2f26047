#!/usr/bin/env bash
# Self-test of the runtime harness: run-on.sh's skip path and runtime-test.sh's
# pass/fail rules, on the host runtime (needs no download).
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
failures=0
expect() { # description expected-status command...
  local what=$1 want=$2; shift 2
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [[ $rc -eq $want ]]; then echo "ok:   $what (exit $rc)"
  else echo "FAIL: $what: exit $rc, wanted $want; output:"; echo "$out" | sed 's/^/      /'; failures=$((failures + 1)); fi
}
T=$HERE/runtime-test.sh
expect "expect-output passes on success + match"        0 "$T" host --expect-output '^hi$' -- /bin/sh -c 'echo hi'
expect "expect-output fails on success without match"   1 "$T" host --expect-output '^bye$' -- /bin/sh -c 'echo hi'
expect "expect-output fails on non-zero exit with match" 1 "$T" host --expect-output '^hi$' -- /bin/sh -c 'echo hi; exit 3'
expect "expect-failure passes on failure + match"       0 "$T" host --expect-failure 'boom' -- /bin/sh -c 'echo boom >&2; exit 1'
expect "expect-failure fails when the program succeeds" 1 "$T" host --expect-failure 'boom' -- /bin/sh -c 'echo boom'
expect "expect-failure fails on failure without match"  1 "$T" host --expect-failure 'GLIBC_2\.34' -- /bin/sh -c 'echo other; exit 1'
expect "expect-failure passes on a signal + match"      0 "$T" host --expect-failure 'dying' -- /bin/sh -c 'echo dying; kill -KILL $$'
expect "multi-line regex matches the whole output"     0 "$T" host --expect-output $'^a\nb$' -- /bin/sh -c 'echo a; echo b'
expect "multi-line regex is not per-line alternatives"  1 "$T" host --expect-output $'^a\nb$' -- /bin/sh -c 'echo b; echo a'
expect "multi-line regex fails on an extra line"        1 "$T" host --expect-output $'^a\nb$' -- /bin/sh -c 'echo a; echo b; echo a'
expect "a program exiting 77 is a failure, not a skip"  1 "$T" host --expect-output '' -- /bin/sh -c 'exit 77'
skipfile=$(mktemp); trap 'rm -f "$skipfile"' EXIT
echo "SKIP: the build test's reason" > "$skipfile"
expect "--skip-if an existing file skips (77)"         77 "$T" --skip-if "$skipfile" host --expect-output '^hi$' -- /nonexistent
expect "--skip-if an absent file runs the test"         0 "$T" --skip-if /nonexistent/SKIPPED host --expect-output '^hi$' -- /bin/sh -c 'echo hi'
expect "absent Debian runtime skips (77)"              77 env GLIBC_PIN_TEST_CACHE=/nonexistent "$HERE/run-on.sh" sid /bin/true
expect "absent 2.17 runtime skips (77)"                77 env GLIBC_PIN_TEST_CACHE=/nonexistent "$T" 2.17 --expect-output x -- /bin/true
expect "unknown runtime is a usage error (2)"           2 "$HERE/run-on.sh" centos5 /bin/true
expect "absent 2.12 runtime skips (77)"                77 env GLIBC_PIN_TEST_CACHE=/nonexistent "$HERE/run-on.sh" 2.12 /bin/true
expect "absent i386 runtime skips (77)"                77 env GLIBC_PIN_TEST_CACHE=/nonexistent "$HERE/run-on.sh" i386-2.17 /bin/true
expect "absent aarch64 runtime skips (77)"             77 env GLIBC_PIN_TEST_CACHE=/nonexistent "$HERE/run-on.sh" aarch64-sid /bin/true
expect "aarch64 without qemu skips (77)"               77 env GLIBC_PIN_QEMU_AARCH64=/nonexistent/qemu "$HERE/run-on.sh" --check aarch64-bookworm
expect "i386-2.12 is not a runtime (2)"                 2 "$HERE/run-on.sh" i386-2.12 /bin/true
expect "aarch64-host is not a runtime (2)"              2 "$HERE/run-on.sh" aarch64-host /bin/true
out=$(GLIBC_PIN_TEST_CACHE=/nonexistent "$HERE/run-on.sh" trixie /bin/true 2>&1)
if [[ $out == "SKIP: runtime trixie not available: "* ]]; then echo "ok:   skip message: $out"
else echo "FAIL: skip message: $out"; failures=$((failures + 1)); fi
[[ $failures -eq 0 ]] && echo "harness self-test: all passed" || { echo "harness self-test: $failures failed"; exit 1; }
