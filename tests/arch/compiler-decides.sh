#!/usr/bin/env bash
# The target's architecture comes from the compiler that runs, not from the host:
#  - a bare version (2.17) or a profile (centos7) with an aarch64 compiler pins for aarch64, with
#    gcc -m32 for i386; a compile-only step included (it used to leave x86_64 versions such as
#    pthread_create@GLIBC_2.2.5 in an aarch64 object);
#  - a triple naming another architecture than the compiler's is refused, with no output left;
#  - a triple naming another architecture, with no compiler named, takes that architecture's
#    Debian cross compiler.
set -u
pin=$1
command -v aarch64-linux-gnu-gcc >/dev/null || { echo "SKIP: aarch64-linux-gnu-gcc not installed"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GLIBC_PIN_CACHE_DIR=${GLIBC_PIN_CACHE_DIR:-$work/cache}
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
printf '#include <pthread.h>\nstatic void *f(void *a){return a;}\nint main(void){pthread_t t; pthread_create(&t,0,f,0); return pthread_join(t,0);}\n' > t.c

# objects: the pinned reference and the object's machine
needs() {  # needs OBJECT VERSIONED-NAME MACHINE
  readelf -h "$1" | grep -q "Machine: *$3" || fail "$1 is not a $3 object: $(readelf -h "$1" | grep Machine)"
  nm "$1" | grep -q " U $2\$" || fail "$1 does not reference $2: $(nm "$1" | grep pthread_create)"
  echo "ok: $1 references $2 ($3)"
}
GLIBC_PIN_CC=aarch64-linux-gnu-gcc "$pin" cc --target 2.17 -c t.c -o a64.o || fail "aarch64 compile"
needs a64.o pthread_create@GLIBC_2.17 AArch64
GLIBC_PIN_CC=aarch64-linux-gnu-gcc "$pin" cc --target centos7 -c t.c -o a64-centos7.o || fail "centos7 compile"
needs a64-centos7.o pthread_create@GLIBC_2.17 AArch64
GLIBC_PIN_CC=clang "$pin" cc --target 2.17 --target=aarch64-linux-gnu -c t.c -o a64-clang.o || fail "clang aarch64 compile"
needs a64-clang.o pthread_create@GLIBC_2.17 AArch64
if gcc -m32 -print-file-name=libc_nonshared.a | grep -q /; then
  GLIBC_PIN_CC=gcc "$pin" cc --target 2.17 -m32 -c t.c -o i386.o || fail "gcc -m32 compile"
  needs i386.o pthread_create@GLIBC_2.1 "Intel 80386"
fi
GLIBC_PIN_CC=gcc "$pin" cc --target 2.17 -c t.c -o x64.o || fail "x86_64 compile"
needs x64.o pthread_create@GLIBC_2.2.5 "Advanced Micro Devices X86-64"

# the link: aarch64 stubs, the aarch64 libc_nonshared.a; the verifier passes it
GLIBC_PIN_CC=aarch64-linux-gnu-gcc "$pin" cc --target 2.17 t.c -o a64 || fail "aarch64 link"
readelf -V a64 | grep -q "Name: GLIBC_2.17" || fail "the aarch64 program needs no GLIBC_2.17"
if readelf -V a64 | grep -E "Name: GLIBC_2\.(1[89]|[2-9][0-9])" ; then fail "newer versions needed"; fi
echo "ok: aarch64 link needs only GLIBC_2.17"

# the ld personality behind a cross gcc (-B<dir> with <dir>/ld): it is told -m aarch64linux and
# runs aarch64-linux-gnu-ld, with the aarch64 stubs, on an object compiled plainly
mkdir -p pin-ld && ln -sf "$(dirname -- "$pin")/glibc-pin-ld" pin-ld/ld
aarch64-linux-gnu-gcc -c t.c -o plain-a64.o || fail "plain aarch64 compile"
GLIBC_PIN_TARGET=2.17 aarch64-linux-gnu-gcc -Bpin-ld/ plain-a64.o -o a64-B || fail "gcc -B link"
if readelf -V a64-B | grep -E "Name: GLIBC_2\.(1[89]|[2-9][0-9])"; then fail "gcc -B: newer versions needed"; fi
readelf -V a64-B | grep -q "Name: GLIBC_2.17" || fail "gcc -B: not linked against the 2.17 stubs"
echo "ok: aarch64-linux-gnu-gcc -B<glibc-pin-ld> links for aarch64 2.17"

# mismatches are refused, nothing is left behind
refused() {  # refused DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" 2> err.txt; then fail "$what was accepted"; fi
  grep -q "is for .*, but .* builds for" err.txt || { cat err.txt; fail "$what: unclear message"; }
  [[ ! -e out.o ]] || fail "$what left out.o"
  echo "ok: $what refused: $(head -1 err.txt)"
}
refused "x86_64 triple with an aarch64 compiler" \
  env GLIBC_PIN_CC=aarch64-linux-gnu-gcc "$pin" cc --target x86_64-linux-gnu.2.17 -c t.c -o out.o
refused "aarch64 triple with gcc" \
  env GLIBC_PIN_CC=gcc "$pin" cc --target aarch64-linux-gnu.2.17 -c t.c -o out.o
refused "aarch64 triple with clang --target=i686-linux-gnu" \
  env GLIBC_PIN_CC=clang "$pin" cc --target aarch64-linux-gnu.2.17 --target=i686-linux-gnu -c t.c -o out.o
refused "i386 triple with gcc -m64" \
  env GLIBC_PIN_CC=gcc "$pin" cc --target i686-linux-gnu.2.17 -m64 -c t.c -o out.o

# a triple alone picks the Debian cross compiler of its architecture
env -u GLIBC_PIN_CC "$pin" cc --target aarch64-linux-gnu.2.17 -c t.c -o auto.o || fail "triple alone"
needs auto.o pthread_create@GLIBC_2.17 AArch64
echo "PASS"
