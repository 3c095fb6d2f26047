#!/usr/bin/env bash
# With the toolchain file and target 2.17, CMake's configure checks see the target, not the host:
# check_function_exists and check_symbol_exists report _Fork (2.34, no shim) missing, even
# though the host's <unistd.h> declares it (the try_compile link against the 2.17 stubs fails),
# and report the shimmed getrandom and memfd_create present. The real compiler is a recorder
# (GLIBC_PIN_CC): every compile and link glibc-pin ran for CMake, identification and try_compile
# included, must carry the 2.17 header or stubs.
source "$(dirname -- "$0")/common.inc"
cat > recorder <<REC
#!/bin/sh
printf '%s\n' "\$*" >> "$out/calls.log"
exec gcc "\$@"
REC
chmod +x recorder
log env GLIBC_PIN_CC="$out/recorder" cmake -S "$here/cmake-checks" -B b -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$repo/toolchain/glibc-pin.cmake" -DGLIBC_PIN_TARGET=2.17
cat b/checks.txt
expected="compiler_id=GNU
compiler_arg1=--glibc-pin-target=2.17 --glibc-pin-compiler=$out/recorder
HAVE_FUNC__FORK=0
HAVE_FUNC_GETRANDOM=1
HAVE_FUNC_MEMFD_CREATE=1
HAVE_SYM__FORK=0
HAVE_SYM_GETRANDOM=1
HAVE_SYM_MEMFD_CREATE=1"
[[ $(< b/checks.txt) == "$expected" ]] || fail "checks differ from: $expected"
# The missing verdicts come from glibc-pin's link check, not from some unrelated error.
grep -q "glibc-pin: error: _Fork needs _Fork@GLIBC_2.34 .* x86_64-linux-gnu.2.17 does not have" \
    b/CMakeFiles/CMakeError.log || fail "CMakeError.log lacks glibc-pin's _Fork verdict"
compiles=$(grep -E '(^| )-c( |$)' calls.log)
links=$(grep -E ' -o cmTC_[0-9a-f]+( |$)' calls.log | grep -Ev '(^| )-c( |$)')
if grep -v 'x86_64-glibc-2\.17-[0-9a-f]*/glibc-pin-symver.h' <<< "$compiles"; then fail "a compile without the 2.17 header (above)"; fi
if grep -v -- '-L[^ ]*/x86_64-glibc-2\.17-' <<< "$links"; then fail "a link without the 2.17 stubs (above)"; fi
# identification (1), ABI (1), 6 checks: at least 7 links
[[ $(wc -l <<< "$links") -ge 7 ]] || fail "only $(wc -l <<< "$links") try_compile links recorded"
echo "$(wc -l <<< "$compiles") compiles and $(wc -l <<< "$links") links, all with the 2.17 header/stubs"
pass
