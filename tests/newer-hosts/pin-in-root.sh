#!/usr/bin/env bash
# pin-in-root.sh SUITE GLIBC_PIN OUT
# Pinning from a newer build host: inside the SUITE build root (scripts/buildroot.sh: trixie =
# glibc 2.41, GCC 14, clang 19; sid = glibc 2.43, GCC 15/16, clang 21), GLIBC_PIN (the release's
# bin/glibc-pin, its shims in ../lib/glibc-pin/shims) builds with gcc and clang, for 2.17, 2.28
# and 2.31:
#   c23-<cc>-default   c23_program.c, the compiler's default C (gnu23 from GCC 15), -D_FORTIFY_SOURCE=3
#   c23-<cc>-c23       the same with -std=c23
#   format-<cc>        cxx_format.cc, -std=c++23 (std::format; std::float128_t with g++)
# and the same programs plainly (the negative controls and the reference output, which the
# plain build prints on the root's own glibc). Outside the root, each pinned program runs on
# its target's real runtime and every later one we have (2.17 2.28 bullseye sid) and must print
# the reference; each plain one must fail on 2.17, 2.28 and bullseye with "version ... not found".
# Also: without the __isoc23_strto* shims, a C++ -shared link must be refused naming
# libstdc++.a(eh_alloc.o), the member that references __isoc23_strtoul.
# Prints one line per run and a summary; exit 0 when all pass, 77 when the root or a runtime
# can't be had here, 1 otherwise.
set -uo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 SUITE GLIBC_PIN OUT" >&2; exit 2; }
SUITE=$1 PIN=$(realpath "$2") OUT=$3
PREFIX=$(dirname -- "$(dirname -- "$PIN")")   # the release: bin/, lib/glibc-pin/shims
[[ -x $PIN && -d $PREFIX/lib/glibc-pin/shims ]] ||
  { echo "FAIL: no release glibc-pin with its shims at $PIN (install.release)"; exit 1; }
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
RUN_ON=$REPO/tests/runtime/run-on.sh

# An existing root is used as it is: `make` would wait for the suite's lock, which another
# build's `run` can hold for many minutes.
ROOTS=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}/roots
[[ -f $ROOTS/$SUITE.stamp ]] || "$REPO/scripts/buildroot.sh" make "$SUITE" || exit $?
for rt in 2.17 2.28 bullseye sid; do
  "$RUN_ON" --check $rt || exit 77
done
rm -rf "$OUT" && mkdir -p "$OUT" && OUT=$(realpath "$OUT")

# Inside the root: the builds. A failed build leaves no program and its log says why.
cat > "$OUT/build.sh" <<'INSIDE'
set -u
cd "$OUT"
export GLIBC_PIN_CACHE_DIR=$OUT/pin-cache
for cc in gcc clang; do
  cxx=$([[ $cc == gcc ]] && echo g++ || echo clang++)
  "$cc" --version | head -1 > "compiler-$cc.txt"
  for std in default c23; do
    flags=(-O2 -D_FORTIFY_SOURCE=3)
    [[ $std == c23 ]] && flags+=(-std=c23)
    "$cc" "${flags[@]}" "$SRC/c23_program.c" -o "c23-$cc-$std-plain" > "c23-$cc-$std-plain.log" 2>&1
    for target in 2.17 2.28 2.31; do
      GLIBC_PIN_CC=$cc "$PIN" cc --target $target "${flags[@]}" "$SRC/c23_program.c" \
        -o "c23-$cc-$std-$target" > "c23-$cc-$std-$target.log" 2>&1
    done
  done
  "$cxx" -std=c++23 -O2 -pthread -static-libstdc++ -static-libgcc "$SRC/cxx_format.cc" \
    -o "format-$cc-plain" > "format-$cc-plain.log" 2>&1
  for target in 2.17 2.28 2.31; do
    GLIBC_PIN_CXX=$cxx "$PIN" c++ --target $target -std=c++23 -O2 -pthread "$SRC/cxx_format.cc" \
      -o "format-$cc-$target" > "format-$cc-$target.log" 2>&1
  done
done
# The refusal names its culprit: without the __isoc23_strto* shims, a C++ shared library
# (whose undefined references only the verifier sees) is refused naming libstdc++.a(eh_alloc.o).
shims=$(dirname "$PIN")/../lib/glibc-pin/shims
mkdir -p noshim && cp "$shims"/*.o noshim/ && grep -v '^__isoc23_strto' "$shims/shims.tsv" > noshim/shims.tsv
printf '#include <stdexcept>\nextern "C" int entry(int x) { try { if (x) throw std::runtime_error("x"); } catch (...) { return 1; } return 0; }\n' > refused.cc
GLIBC_PIN_SHIM_DIR=$OUT/noshim GLIBC_PIN_CACHE_DIR=$OUT/pin-cache-noshim GLIBC_PIN_CXX=g++ \
  "$PIN" c++ --target 2.17 -shared -fPIC -O2 refused.cc -o librefused.so > refused.log 2>&1
echo "status $?" >> refused.log
# The reference: each plain program on the root's own glibc.
for plain in *-plain; do
  [[ -x $plain ]] && "./$plain" > "${plain%-plain}.expected" 2>&1
done
exit 0
INSIDE
OUT=$OUT PIN=$PIN SRC=$HERE GLIBC_PIN_ROOT_BINDS="$OUT $PREFIX" \
  "$REPO/scripts/buildroot.sh" run "$SUITE" env OUT="$OUT" PIN="$PIN" SRC="$HERE" bash "$OUT/build.sh" ||
  { echo "FAIL: the builds inside $SUITE did not run"; exit 1; }

pass=0 fail=0
result() { # status what
  if [[ $1 == PASS ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  echo "$1 $SUITE $2"
}
runs_2_17=(2.17 2.28 bullseye sid) runs_2_28=(2.28 bullseye sid) runs_2_31=(bullseye sid)
for cc in gcc clang; do
  for program in c23-$cc-default c23-$cc-c23 format-$cc; do
    if [[ ! -s $OUT/$program.expected ]]; then
      result FAIL "$program: the plain build gave no reference ($(tail -3 "$OUT/$program-plain.log" 2>/dev/null))"
      continue
    fi
    for target in 2.17 2.28 2.31; do
      exe=$OUT/$program-$target
      if [[ ! -x $exe ]]; then
        result FAIL "$program for $target: glibc-pin refused or failed: $(grep -m3 'error' "$exe.log" | tr '\n' ' ')"
        continue
      fi
      runs=runs_${target/./_}[@]
      for rt in "${!runs}"; do
        got=$("$RUN_ON" "$rt" "$exe" 2>&1)
        if [[ $got == "$(cat "$OUT/$program.expected")" ]]; then
          result PASS "$program pinned for $target on $rt"
        else
          result FAIL "$program pinned for $target on $rt: $(diff <(echo "$got") "$OUT/$program.expected" | head -5 | tr '\n' ' ')"
        fi
      done
    done
    # Negative control: the plain build needs the build host's glibc.
    for rt in 2.17 2.28 bullseye; do
      got=$("$RUN_ON" "$rt" "$OUT/$program-plain" 2>&1) && status=0 || status=$?
      if [[ $status -ne 0 && $got =~ version\ .GLIBC_2\.[0-9]+.\ not\ found ]]; then
        result PASS "$program plain fails on $rt (${BASH_REMATCH[0]})"
      else
        result FAIL "$program plain on $rt: expected a version error, got status $status: ${got:0:200}"
      fi
    done
  done
done
if grep -q 'status 1' "$OUT/refused.log" && [[ ! -e $OUT/librefused.so ]] &&
   grep -q '__isoc23_strtoul is referenced by .*libstdc++\.a(eh_alloc\.o)' "$OUT/refused.log" &&
   ! grep -q 'static C++ runtime' "$OUT/refused.log"; then
  result PASS "a C++ -shared link without the __isoc23 shims is refused naming libstdc++.a(eh_alloc.o)"
else
  result FAIL "the refused -shared link: $(tr '\n' ' ' < "$OUT/refused.log")"
fi
echo "$SUITE: $pass passed, $fail failed ($(cat "$OUT/compiler-gcc.txt"); $(cat "$OUT/compiler-clang.txt"))"
[[ $fail -eq 0 ]]
