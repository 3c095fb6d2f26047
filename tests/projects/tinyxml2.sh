#!/usr/bin/env bash
# TinyXML-2 (CMake, C++): Debian's source, configured with glibc-pin's toolchain file for centos7
# (glibc 2.17), as a shared library (libtinyxml2.so) and its test program xmltest, built with
# Ninja. Its own test suite is CTest's xmltest (463 checks on the files in resources/); CTest runs
# it through CMAKE_CROSSCOMPILING_EMULATOR, a runner that puts it on the old runtime.
#   build-pinned / build-plain   WORK/pinned (toolchain file) / WORK/plain (host g++), sources
#                                copied beside them (xmltest writes into resources/out)
#   ctest RT                     the pinned build's ctest on RT: passes, "Fail 0"
#   plain-ctest RT               the plain build's ctest on RT: fails, GLIBC_2.x not found
source "$(dirname -- "$0")/common.inc"

build() { # flavour cmake-args...
  local flavour=$1; shift
  fresh "$work/$flavour"
  cp -a "$tree" src || fail "cannot copy $tree"
  make_emulator "$work/$flavour/emulator"
  log cmake -S src -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$work/$flavour/emulator" "$@"
  log cmake --build build -j2
}

suite() { # flavour rt
  traced "$2" ctest --test-dir "$work/$1/build" --output-on-failure -V
  checks=$(grep -Eo 'Pass [0-9]+, Fail [0-9]+' "$traced_log" | tail -n1)
  ctest_line=$(grep -E 'tests passed, [0-9]+ tests failed out of' "$traced_log" | tail -n1)
  grep -q "$work/$1/emulator" "$work/$1/build/CTestTestfile.cmake" ||
    fail "CTest does not run xmltest through the runner ($work/$1/emulator)"
}

case $step in
  build-pinned)
    build pinned -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET=centos7 \
      -DGLIBC_PIN_ROOT="$bindir"
    fits centos7 build/xmltest build/libtinyxml2.so*
    pass "$(cut -d' ' -f1,2 "$cache/sources/$project/SOURCE") built with the CMake toolchain file for centos7"
    ;;
  build-plain)
    build plain
    does_not_fit 2.31 build/xmltest
    pass "built plainly with g++: needs $(objdump -T build/xmltest | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)"
    ;;
  ctest)
    need_runtime "$runtime"
    suite pinned "$runtime"
    [[ $traced_rc -eq 0 && $checks =~ ^Pass\ ([0-9]+),\ Fail\ 0$ && ${BASH_REMATCH[1]} -gt 0 ]] ||
      { tail -n 40 "$traced_log"; fail "ctest on $runtime: '$ctest_line', xmltest: '$checks' (log: $traced_log)"; }
    prove_runtime "$runtime"
    grep -Eq "calling init: $work/pinned/build/libtinyxml2\.so" "$trace"/ld.* ||
      fail "the loader did not load the pinned libtinyxml2.so (LD_DEBUG output in $trace)"
    pass "ctest: $ctest_line; xmltest: $checks, on $runtime"
    ;;
  plain-ctest)
    need_runtime "$runtime"
    suite plain "$runtime"
    [[ $traced_rc -ne 0 ]] || fail "the plain build's ctest passed on $runtime (log: $traced_log)"
    expect_not_found
    pass "plain build: ctest: $ctest_line, on $runtime"
    ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
