#!/usr/bin/env bash
# run-fuzz.sh FUZZER WORKDIR MAKE_ELF_PY SHIMS_DIR [LIBFUZZER_OPTION...]
# First runs the fuzz target once on each input of fuzz/regressions/ (crashes found before).
# Then makes a seed corpus in WORKDIR/seeds from real files (small programs and shared libraries
# compiled here, two wheels (zip, deflated and stored) holding one, the shim objects of the build and an archive of them, tests/check's crafted
# ELF files, the regressions), and fuzzes from it with the given options (-max_total_time=30).
# New inputs go to WORKDIR/corpus, crashes to WORKDIR/artifacts/. Exit status: the fuzzer's
# (0 when it found nothing), 77 when no seed could be made.
set -uo pipefail
fuzzer=$1 work=$2 make_elf=$3 shims=$4
shift 4

here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
regressions=()
for f in "$here"/regressions/*; do
  [[ -f $f && $f != *.md ]] && regressions+=("$f")
done
if [[ ${#regressions[@]} -gt 0 ]]; then
  "$fuzzer" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" || {
    echo "run-fuzz.sh: a regression input of fuzz/regressions/ fails again" >&2
    exit 1
  }
fi

rm -rf "$work/seeds" "$work/corpus"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts" "$work/src"
seeds=$work/seeds

# tests/check's crafted files: one well-formed shared object and one per broken field.
if command -v python3 >/dev/null; then
  for v in $(python3 "$make_elf" --list); do
    python3 "$make_elf" "$v" "$seeds/crafted-$v"
  done
fi

[[ ${#regressions[@]} -gt 0 ]] && cp "${regressions[@]}" "$seeds/"

# Real files: relocatable objects (the shims), an archive of them, and a thin archive.
objects=("$shims"/*.o)
if [[ -e ${objects[0]} ]]; then
  cp "${objects[@]:0:6}" "$seeds/"
  ar rcs "$seeds/shims.a" "${objects[@]:0:3}"
  ar rcsT "$seeds/thin.a" "${objects[@]:0:2}"
fi

# Small programs and a library compiled here: versioned imports, C++ runtime needs, DT_RELR,
# PIE and non-PIE, static-pie.
src=$work/src
cat >"$src/prog.c" <<'C'
#include <pthread.h>
#include <stdio.h>
#include <string.h>
static void* run(void* p) { return p; }
int main(int argc, char** argv) {
  pthread_t t;
  char buf[64];
  memcpy(buf, argv[0], strlen(argv[0]) < 63 ? strlen(argv[0]) + 1 : 1);
  pthread_create(&t, 0, run, 0);
  pthread_join(t, 0);
  printf("%s %d\n", buf, argc);
  return 0;
}
C
cat >"$src/lib.c" <<'C'
#include <stdlib.h>
#include <sys/random.h>
int lib_entropy(void* p, unsigned n) { return getrandom(p, n, 0) < 0 ? abort(), 0 : 0; }
C
cat >"$src/prog.cpp" <<'C'
#include <iostream>
#include <string>
int main(int argc, char**) { std::cout << std::to_string(argc) << "\n"; }
C
cc=${CC:-cc} cxx=${CXX:-c++}
$cc -O1 -pthread "$src/prog.c" -o "$seeds/prog" 2>/dev/null
$cc -O1 -no-pie -pthread "$src/prog.c" -o "$seeds/prog-nopie" 2>/dev/null
$cc -O1 -pthread -Wl,-z,pack-relative-relocs "$src/prog.c" -o "$seeds/prog-relr" 2>/dev/null
$cc -O1 -fPIC -shared -Wl,-soname,libseed.so.1 "$src/lib.c" -o "$seeds/libseed.so.1" 2>/dev/null
$cxx -O1 "$src/prog.cpp" -o "$seeds/prog-cxx" 2>/dev/null
$cc -O1 -fPIC -shared -nostdlib "$src/lib.c" -o "$seeds/libnodeps.so" 2>/dev/null
strip "$seeds"/prog* "$seeds"/libseed.so.1 "$seeds"/libnodeps.so 2>/dev/null
rm -f "$seeds"/*.tmp

# Wheels (zip): a small library deflated and stored, beside a non-ELF member and a directory.
if command -v python3 >/dev/null && [[ -f $seeds/libnodeps.so ]]; then
  python3 - "$seeds" <<'PY'
import sys, zipfile
seeds = sys.argv[1]
lib = open(seeds + "/libnodeps.so", "rb").read()
for name, method in (("deflated.whl", zipfile.ZIP_DEFLATED), ("stored.whl", zipfile.ZIP_STORED)):
    with zipfile.ZipFile(seeds + "/" + name, "w", method) as z:
        z.writestr("pkg/", "")
        z.writestr("pkg/__init__.py", "")
        z.writestr("pkg/_ext.so", lib)
        z.writestr("pkg-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n")
PY
fi

n=$(find "$seeds" -type f | wc -l)
if [[ $n -eq 0 ]]; then
  echo "run-fuzz.sh: SKIP: no seed files could be made" >&2
  exit 77
fi
echo "run-fuzz.sh: $n seeds in $seeds"

"$fuzzer" -timeout=10 -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$seeds"
status=$?
if [[ $status -ne 0 ]]; then
  echo "run-fuzz.sh: the fuzzer failed (status $status); inputs in $work/artifacts/:" >&2
  ls -l "$work/artifacts/" >&2
fi
exit $status
