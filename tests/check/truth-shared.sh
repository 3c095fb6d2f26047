#!/usr/bin/env bash
# truth-shared.sh GLIBC_PIN RUN_ON: check's verdict on shared objects against the real loader.
#
# Per runtime (real 2.17, real 2.28, Debian bullseye, the host, Debian sid) a loader built for that
# runtime (pinned with glibc-pin, linking libc and, before 2.34, libdl only: the weakest host)
# dlopen()s each case with RTLD_NOW; executables among the cases are run directly. For each case
# × runtime, `glibc-pin check` of the case against that runtime's target (2.17 → --target 2.17,
# 2.28 → --target 2.28, bullseye → --profile debian11, host → --profile debian12, sid →
# --target <sid's glibc>) must agree: exit 0 ⇔ it loads, exit 1 ⇔ it does not. The cases are
# built plainly on the host (most fail somewhere: the negative controls) or pinned with glibc-pin
# (they load everywhere). Prints the table; fails on any disagreement; 77 when a runtime is absent.
set -uo pipefail
GP=$1 RUN_ON=$2
CC=${CC:-cc} CXX=${CXX:-c++}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

RUNTIMES=(2.17 2.28 bullseye host sid)
for rt in "${RUNTIMES[@]}"; do
  "$RUN_ON" --check "$rt" 2>/dev/null || { echo "SKIP: runtime $rt absent (scripts/fetch-runtimes.sh)"; exit 77; }
done
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
# Debian's runtimes need their own libcrypt1: without it their loader takes the host's.
for suite in bullseye sid; do
  grep -q '^libcrypt1 ' "$CACHE/runtimes/$suite-amd64/VERSIONS" 2>/dev/null ||
    { echo "SKIP: runtime $suite lacks libcrypt1 (scripts/fetch-runtimes.sh fetches it)"; exit 77; }
done
sid_glibc=$(awk '$1 == "libc6" { split($3, v, "-"); print v[1] }' "$CACHE/runtimes/sid-amd64/VERSIONS")
[[ $sid_glibc =~ ^2\.[0-9]+$ ]] || fail "cannot read sid's glibc release from $CACHE/runtimes/sid-amd64/VERSIONS"
declare -A TARGET=([2.17]="--target 2.17" [2.28]="--target 2.28" [bullseye]="--profile debian11"
                   [host]="--profile debian12" [sid]="--target $sid_glibc")

# The loaders: one per runtime, built for it.
cat >"$T/loader.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
  if (argc != 2) return 2;
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) { printf("dlopen: %s\n", dlerror()); return 1; }
  puts("loaded");
  return 0;
}
C
"$GP" cc --target 2.17 "$T/loader.c" -o "$T/loader-2.17" -ldl || fail "loader for 2.17"
"$GP" cc --target 2.28 "$T/loader.c" -o "$T/loader-2.28" -ldl || fail "loader for 2.28"
"$GP" cc --target 2.31 "$T/loader.c" -o "$T/loader-bullseye" -ldl || fail "loader for bullseye"
"$CC" "$T/loader.c" -o "$T/loader-host" || fail "loader for the host"
cp "$T/loader-host" "$T/loader-sid"

# The cases' sources.
cat >"$T/pthread.c" <<'C'
#include <pthread.h>
static void *run(void *arg) { return arg; }
int start(void) { pthread_t t; if (pthread_create(&t, 0, run, 0)) return 1; return pthread_join(t, 0); }
C
# The same call bound to the old version by hand, as symbol-version headers do: recorded against
# libc.so.6, where glibc < 2.34 has no pthread_create.
{ echo '__asm__(".symver pthread_create, pthread_create@GLIBC_2.2.5");'; cat "$T/pthread.c"; } >"$T/pthread-symver.c"
cat >"$T/clock-symver.c" <<'C'
#include <time.h>
__asm__(".symver clock_gettime, clock_gettime@GLIBC_2.2.5");
long now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec; }
C
cat >"$T/crypt.c" <<'C'
#include <crypt.h>
const char *hash(const char *key) { return crypt(key, "$1$salt"); }
C
{ echo '__asm__(".symver crypt, crypt@GLIBC_2.2.5");'; cat "$T/crypt.c"; } >"$T/crypt-glibc-node.c"
cat >"$T/getrandom.c" <<'C'
#include <stddef.h>
#include <sys/types.h>
extern ssize_t getrandom(void *, size_t, unsigned);
int fill(void *p, size_t n) { return getrandom(p, n, 0) == (ssize_t)n; }
C
cat >"$T/nodeps-pthread.c" <<'C'
extern int pthread_create(void *, const void *, void *(*)(void *), void *);
static void *run(void *arg) { return arg; }
int start(void) { unsigned long t; return pthread_create(&t, 0, run, 0); }
C
cat >"$T/pure.c" <<'C'
int add(int a, int b) { return a + b; }
C
cat >"$T/weak.c" <<'C'
#include <stddef.h>
#include <sys/types.h>
extern ssize_t getrandom(void *, size_t, unsigned) __attribute__((weak));
int has_getrandom(void) { return getrandom != 0; }
C
cat >"$T/unique.cpp" <<'C'
template <class T> struct Counter { static inline int value = 0; };  // STB_GNU_UNIQUE
extern "C" int bump() { return ++Counter<int>::value; }
C
cat >"$T/tls.c" <<'C'
__thread int depth;
int enter(void) { return ++depth; }
C
cat >"$T/tlsdef.c" <<'C'
__thread int shared_depth;
C
cat >"$T/tlsuse.c" <<'C'
extern __thread int shared_depth;
int enter(void) { return ++shared_depth; }
C
cat >"$T/single-threaded.c" <<'C'
extern char __libc_single_threaded;
int single(void) { return __libc_single_threaded; }
C
cat >"$T/copyreloc.c" <<'C'
#include <stdio.h>
extern char __libc_single_threaded;  /* data: a copy relocation in the executable */
int main(void) { printf("single-threaded %d\n", __libc_single_threaded); return 0; }
C
cat >"$T/copyreloc-stdout.c" <<'C'
#include <stdio.h>
int main(void) { fputs("stdout by copy relocation\n", stdout); return 0; }
C

# name: how it is built. Every case is one file in $T/cases.
mkdir -p "$T/cases" "$T/cases/rp"
so() { local out=$1; shift; "$@" -o "$T/cases/$out" || fail "build $out: $*"; }
so pthread-symver-libc.so        "$CC" -shared -fPIC "$T/pthread-symver.c"
so pthread-pinned-2.17.so        "$GP" cc --target 2.17 -shared -fPIC "$T/pthread.c"
so pthread-plain.so              "$CC" -shared -fPIC "$T/pthread.c"
so clock-symver-libc.so          "$CC" -shared -fPIC "$T/clock-symver.c"
so crypt-xcrypt.so               "$CC" -shared -fPIC "$T/crypt.c" -lcrypt
so crypt-glibc-node.so           "$CC" -shared -fPIC "$T/crypt-glibc-node.c" -lcrypt
so crypt-pinned-2.17.so          "$GP" cc --target 2.17 -shared -fPIC "$T/crypt.c" -lcrypt
so nodeps-getrandom.so           "$CC" -shared -fPIC -nostdlib "$T/getrandom.c"
so nodeps-pthread.so             "$CC" -shared -fPIC -nostdlib "$T/nodeps-pthread.c"
so nodeps-pure.so                "$CC" -shared -fPIC -nostdlib "$T/pure.c"
so nodeps-weak.so                "$CC" -shared -fPIC -nostdlib "$T/weak.c"
so weak-versioned.so             "$CC" -shared -fPIC "$T/weak.c"
so unique.so                     "$CXX" -shared -fPIC -std=c++17 -Wl,--as-needed "$T/unique.cpp"
so tls.so                        "$CC" -shared -fPIC "$T/tls.c"
so rp/libtlsdef.so               "$CC" -shared -fPIC "$T/tlsdef.c" -Wl,-soname,libtlsdef.so
so rp/tls-runpath.so             "$CC" -shared -fPIC "$T/tlsuse.c" -L"$T/cases/rp" -ltlsdef \
                                     -Wl,--enable-new-dtags,-rpath,'$ORIGIN'
so single-threaded-data.so       "$CC" -shared -fPIC "$T/single-threaded.c"
so now-nodelete-getrandom.so     "$CC" -shared -fPIC "$T/getrandom.c" -Wl,-z,now,-z,nodelete
so now-nodelete-pinned-2.17.so   "$GP" cc --target 2.17 -shared -fPIC "$T/getrandom.c" \
                                     -Wl,-z,now,-z,nodelete
so copyreloc-exe                 "$CC" "$T/copyreloc.c"
so copyreloc-stdout-exe          "$CC" "$T/copyreloc-stdout.c"
so copyreloc-pinned-2.17-exe     "$GP" cc --target 2.17 "$T/copyreloc.c"

# The features each case is about, proven in the files (not assumed).
has() { readelf -W "$2" "$T/cases/$1" | grep -q -- "$3" || fail "$1 lacks $3 (readelf $2)"; }
has unique.so --dyn-syms UNIQUE
has tls.so --dyn-syms __tls_get_addr
has rp/tls-runpath.so -d RUNPATH
has now-nodelete-getrandom.so -d NODELETE
has copyreloc-exe -r R_X86_64_COPY
has crypt-xcrypt.so -V XCRYPT_2.0
readelf -d "$T/cases/nodeps-getrandom.so" | grep -q NEEDED && fail "nodeps-getrandom.so has DT_NEEDED"

cases=(pthread-symver-libc.so pthread-pinned-2.17.so pthread-plain.so clock-symver-libc.so
       crypt-xcrypt.so crypt-glibc-node.so crypt-pinned-2.17.so nodeps-getrandom.so
       nodeps-pthread.so nodeps-pure.so nodeps-weak.so weak-versioned.so unique.so tls.so
       rp/tls-runpath.so single-threaded-data.so now-nodelete-getrandom.so
       now-nodelete-pinned-2.17.so copyreloc-exe copyreloc-stdout-exe copyreloc-pinned-2.17-exe)
disagree=0 rows=0
printf '%-30s %-9s %-10s %-8s %s\n' CASE RUNTIME CHECK LOADS VERDICT
for c in "${cases[@]}"; do
  f=$T/cases/$c
  for rt in "${RUNTIMES[@]}"; do
    # shellcheck disable=SC2086
    timeout 60 "$GP" check ${TARGET[$rt]} "$f" >"$T/check.out" 2>&1; cs=$?
    if [[ $c == *-exe ]]; then
      timeout 60 "$RUN_ON" "$rt" "$f" >"$T/run.out" 2>&1; rs=$?
    else
      timeout 60 "$RUN_ON" "$rt" "$T/loader-$rt" "$f" >"$T/run.out" 2>&1; rs=$?
    fi
    [[ $cs -eq 0 ]] && cv=fits || cv="not($cs)"
    [[ $rs -eq 0 ]] && rv=yes || rv="no($rs)"
    if [[ ($cs -eq 0 && $rs -eq 0) || ($cs -eq 1 && $rs -ne 0) ]]; then v=agree
    else
      v=DISAGREE; disagree=$((disagree + 1))
      sed 's/^/    check: /' "$T/check.out"; sed 's/^/    loader: /' "$T/run.out"
    fi
    rows=$((rows + 1))
    printf '%-30s %-9s %-10s %-8s %s\n' "$c" "$rt" "$cv" "$rv" "$v"
    [[ -n ${TRUTH_VERBOSE:-} && $rs -ne 0 ]] && sed 's/^/    loader: /' "$T/run.out"
  done
done
echo "$rows verdicts, $disagree disagreements"
[[ $disagree -eq 0 ]]
