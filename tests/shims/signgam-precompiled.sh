#!/usr/bin/env bash
# signgam-precompiled.sh GLIBC_PIN SOURCE: SOURCE names __signgam; compiled plainly (without
# glibc-pin's forced header, which would make it name signgam), its object refers to libm
# 2.23's __signgam. Linking it for 2.17 must fail and say why and what to do; the same object
# links for 2.28, and the source compiled through glibc-pin links for 2.17.
set -uo pipefail
GLIBC_PIN=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
cc -c -O2 -I"$HERE" "$source" -o "$work/plain.o" || fail "cannot compile $source"
"$GLIBC_PIN" cc --target 2.17 "$work/plain.o" -o "$work/a" -lm > "$work/out" 2>&1 &&
  fail "the link for 2.17 succeeded: $(cat "$work/out")"
cat "$work/out"
grep -q "__signgam needs __signgam@GLIBC_2.23 (libm.so.6)" "$work/out" || fail "the refusal does not name __signgam@GLIBC_2.23"
grep -q "compiled without glibc-pin's header" "$work/out" || fail "the refusal does not say why"
grep -q "instead: compile it with glibc-pin" "$work/out" || fail "the refusal does not say what to do"
"$GLIBC_PIN" cc --target 2.28 "$work/plain.o" -o "$work/b" -lm || fail "the same object does not link for 2.28"
"$GLIBC_PIN" cc --target 2.17 -O2 -I"$HERE" "$source" -o "$work/c" -lm || fail "the source does not link for 2.17 through glibc-pin"
echo "PASS"
