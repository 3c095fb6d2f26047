#!/usr/bin/env bash
# explain-provenance.sh GLIBC_PIN RUN_ON: which input pulled a symbol in.
#  1. app links librnd.a(rand.o), which calls getrandom, for glibc 2.28, with bfd, gold and lld.
#     check --explain --target 2.17 names librnd.a(rand.o) for getrandom@GLIBC_2.25 (also in
#     --json, and after strip: the record is found by build ID); the real 2.17 agrees that it
#     does not run, and 2.28 runs it.
#  2. compiled and linked in one call: the import is attributed to the source it came from.
#  3. a plainly linked binary: check says there is no link record.
#  4. the driver's own verification (host libc.so.6 linked in by hand) names the objects.
#  5. the user's own -Wl,-t output still reaches the user.
set -uo pipefail
GP=$1 RUN_ON=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export GLIBC_PIN_CACHE_DIR=${GLIBC_PIN_CACHE_DIR:-$HOME/.cache/glibc-pin}
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$T"
cat >rand.c <<'C'
#include <sys/random.h>
int rnd(void) { unsigned v; return getrandom(&v, sizeof v, 0) == sizeof v; }
C
echo 'int other(void) { return 3; }' >other.c
cat >app.c <<'C'
#include <stdio.h>
int rnd(void);
int main(void) { printf("rnd %d\n", rnd()); return 0; }
C

"$GP" cc --target 2.28 -c rand.c other.c || fail "compile"
ar rcs librnd.a rand.o other.o
for ld in bfd gold lld; do
  "$GP" cc --target 2.28 -fuse-ld=$ld app.c -L. -lrnd -o app-$ld || fail "link with $ld"
  out=$(cd / && "$GP" check --explain --target 2.17 "$T/app-$ld"); rc=$?
  echo "$out"
  [[ $rc -eq 1 ]] || fail "$ld: check status $rc, want 1"
  grep -qF "app-$ld: explain: getrandom@GLIBC_2.25 is referenced by $T/librnd.a(rand.o)" <<<"$out" \
    || fail "$ld: getrandom not traced to librnd.a(rand.o)"
  grep -q "other.o" <<<"$out" && fail "$ld: other.o named, but the link never loaded it"
done
json=$("$GP" check --explain --json --target 2.17 app-bfd)
python3 - "$json" "$T" <<'PY' || fail "json"
import json, sys
f = json.loads(sys.argv[1])["files"][0]
rec = f["link_record"]
assert rec["target"] == "x86_64-linux-gnu.2.28", rec
assert rec["referenced_by"] == {"getrandom@GLIBC_2.25": [sys.argv[2] + "/librnd.a(rand.o)"]}, rec
assert len(f["build_id"]) == 40
print("json ok")
PY
strip -o app-stripped app-bfd
out=$("$GP" check --explain --target 2.17 app-stripped)
grep -qF "is referenced by $T/librnd.a(rand.o)" <<<"$out" || fail "the stripped copy lost its record"
"$RUN_ON" 2.28 ./app-bfd | grep -q "rnd 1" || fail "app does not run on 2.28"
"$RUN_ON" 2.17 ./app-bfd >run217.out 2>&1; rc=$?
[[ $rc -eq 77 ]] && { cat run217.out; exit 77; }
grep -q "GLIBC_2.25' not found" run217.out || { cat run217.out; fail "2.17 ran what check rejected"; }

# 2. one call compiles and links: the object is gone, its source is named
"$GP" cc --target 2.28 app.c rand.c -o app-oneshot || fail "one-shot link"
"$GP" check --explain --target 2.17 app-oneshot | tee oneshot.out
grep -q "getrandom@GLIBC_2.25 is referenced by an object the compiler made for this link and removed (compiled from app.c rand.c)" oneshot.out \
  || fail "one-shot attribution"

# 3. no record for a plain link
cc app.c rand.c -o app-plain
"$GP" check --explain --target 2.17 app-plain | tee plain.out
grep -q "explain: no link record for build ID [0-9a-f]* (not linked by glibc-pin with this cache)" plain.out \
  || fail "plain binary: no 'no link record'"

# 4. verification after the link names who pulled the symbols in
"$GP" cc --target 2.17 -c rand.c -o rand17.o || fail "compile for 2.17"
libc=$(cc -print-file-name=libc.so.6)
"$GP" cc --target 2.17 app.c rand17.o "$libc" -Wl,--allow-shlib-undefined -o app-hostlibc 2>verify.err
rc=$?; cat verify.err
[[ $rc -eq 1 ]] || fail "verification: status $rc, want 1"
[[ -e app-hostlibc ]] && fail "the unfit output was left in place"
grep -q "glibc-pin: error: app-hostlibc: needs getrandom@GLIBC_2.25, but glibc 2.17 has no getrandom" verify.err || fail "no getrandom error"
grep -qF "glibc-pin: note: getrandom@GLIBC_2.25 is referenced by $T/rand17.o" verify.err || fail "no note naming rand17.o"
grep -qE "glibc-pin: note: __libc_start_main@GLIBC_2.34 is referenced by .*/Scrt1.o" verify.err || fail "no note naming Scrt1.o"

# 5. the user's own trace is theirs
"$GP" cc --target 2.17 app.c rand17.o -Wl,-t -o app-t >t.out || fail "link with -Wl,-t"
grep -q "rand17.o" t.out || fail "the user's -Wl,-t output did not reach stdout"
echo "provenance: all cases pass"
