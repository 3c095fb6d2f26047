#!/usr/bin/env bash
# GNU gzip (autotools C, gnulib): Debian's source, autoreconf'd as Debian's build does (its
# patches touch configure.ac), configured with CC="glibc-pin-cc --glibc-pin-target=2.17" and built with make; its
# own test suite (make check: shell tests that run ./gzip, ./gunzip, ./zgrep... by PATH) runs with
# ./gzip replaced by a runner, so every gzip the suite starts runs on the old runtime.
#   build-pinned / build-plain   WORK/pinned (glibc-pin-cc, target 2.17) / WORK/plain (gcc)
#   make-check RT                the pinned build's make check on RT: every test passes (on
#                                runtimes other than 2.17 without list-big, which gzips 4 GiB)
#   plain-make-check RT          the plain build's make check on RT fails: GLIBC_2.x not found
# The docs are not built (MAKEINFO=true): Debian's patch touches gzip.texi and makeinfo is not needed.
source "$(dirname -- "$0")/common.inc"

build() { # flavour configure-args...
  local flavour=$1; shift
  fresh "$work/$flavour"
  cp -a "$tree/." . || fail "cannot copy $tree"
  log autoreconf -fi
  log ./configure "$@"
  log make -j2 MAKEINFO=true
}

suite() { # flavour rt [make-args...]
  local flavour=$1 rt=$2; shift 2
  rm -f "$work/$flavour/tests/test-suite.log"
  # -k: the plain build's check-local (gzip.doc.gz, made with ./gzip) fails before the tests
  traced "$rt" make -k -C "$work/$flavour" check MAKEINFO=true "$@"
  summary=$(grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$work/$flavour/tests/test-suite.log" 2>/dev/null |
            sed 's/^# //' | tr -s ' ' | paste -sd, | sed 's/,/, /g')
  total=$(sed -n 's/^# TOTAL: *//p' "$work/$flavour/tests/test-suite.log" 2>/dev/null)
  passed=$(sed -n 's/^# PASS: *//p' "$work/$flavour/tests/test-suite.log" 2>/dev/null)
  [[ -n $total && -n $passed ]] || { tail -n 40 "$traced_log"; fail "no test-suite.log summary (log: $traced_log)"; }
  echo "make check on $rt: $summary"
}

case $step in
  build-pinned)
    # the target in CC itself: configure's probes and make's compiles all see it
    build pinned CC="glibc-pin-cc --glibc-pin-target=2.17"
    fits 2.17 gzip
    make_runner gzip
    pass "$(cut -d' ' -f1,2 "$cache/sources/$project/SOURCE") built with glibc-pin-cc for 2.17"
    ;;
  build-plain)
    build plain CC=gcc
    does_not_fit 2.31 gzip
    make_runner gzip
    pass "built plainly with gcc: needs $(objdump -T .real-programs/gzip 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)"
    ;;
  make-check)
    need_runtime "$runtime"
    # list-big gzips 4 GiB of zeros (half a minute of CPU): run on 2.17 only, to keep the suite short
    tests=()
    if [[ $runtime != 2.17 ]]; then
      tests=(TESTS="$(printf 'print-tests:\n\t@echo $(TESTS)\n' |
                       make -s -C "$work/pinned/tests" -f Makefile -f - print-tests | sed 's/\blist-big\b//')")
      echo "list-big left out on $runtime"
    fi
    suite pinned "$runtime" "${tests[@]}"
    [[ $traced_rc -eq 0 && $passed -eq $total && $total -gt 0 ]] ||
      { tail -n 60 "$traced_log"; fail "make check on $runtime: $summary (log: $traced_log)"; }
    prove_runtime "$runtime"
    pass "test suite: $passed/$total passed on $runtime"
    ;;
  plain-make-check)
    need_runtime "$runtime"
    suite plain "$runtime"
    # A few tests only check that gzip fails on bad input: a gzip that cannot start passes them.
    failed=$(awk '/^# (FAIL|ERROR):/ {n += $3} END {print n + 0}' "$work/plain/tests/test-suite.log")
    [[ $traced_rc -ne 0 && $((4 * failed)) -ge $((3 * total)) ]] ||
      fail "the plain build should fail (nearly) every test on $runtime: $summary (log: $traced_log)"
    expect_not_found
    [[ $(wc -l < "$trace/invocations") -gt 0 ]] || fail "no gzip ran through the runner"
    echo "passed although gzip cannot start: $(cd "$work/plain/tests" && grep -l '^:test-result: PASS' ./*.trs | sed 's|^\./||; s|\.trs$||' | paste -sd' ')"
    pass "plain build: $failed/$total failed, $passed passed on $runtime"
    ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
