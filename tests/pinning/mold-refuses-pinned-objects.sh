#!/usr/bin/env bash
# mold 1.10 turns a reference to a default version (glob@GLIBC_2.2.5 for a 2.17 target) into a
# call to address 0. An object compiled with glibc-pin (it carries such references) must not be
# linked by mold: the link fails with a clear message and leaves no output. lld links it fine.
set -u
pin=$1
command -v ld.mold >/dev/null || { echo "SKIP: mold not installed"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GLIBC_PIN_CACHE_DIR=${GLIBC_PIN_CACHE_DIR:-$work/cache}
cd "$work"
printf '#include <glob.h>\n#include <stdio.h>\nint main(void){glob_t g; printf("%%d\\n", glob("/", 0, 0, &g)); return 0;}\n' > g.c
"$pin" cc --target 2.17 -c g.c -o g.o || { echo "FAIL: compile"; exit 1; }
grep -q 'glob@GLIBC_2.2.5' <(nm g.o) || { echo "FAIL: the object carries no pin"; exit 1; }
if "$pin" cc --target 2.17 -fuse-ld=mold g.o -o g-mold 2> err.txt; then
  echo "FAIL: mold link of a pinned object succeeded"; exit 1
fi
grep -q "mold 1.10" err.txt || { echo "FAIL: unclear message:"; cat err.txt; exit 1; }
[ ! -e g-mold ] || { echo "FAIL: output left behind"; exit 1; }
"$pin" cc --target 2.17 -fuse-ld=lld g.o -o g-lld || { echo "FAIL: lld link"; exit 1; }
[ "$(./g-lld)" = 0 ] || { echo "FAIL: lld-linked program"; exit 1; }
echo "PASS: mold refused with: $(cat err.txt)"
