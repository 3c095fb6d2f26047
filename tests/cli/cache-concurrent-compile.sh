#!/usr/bin/env bash
# 32 concurrent first-time compiles (glibc-pin-cc hello.c) into one empty cache: all succeed,
# every program runs, one target directory, no .tmp-* left, same files as a sequential
# generation.
. "$(dirname -- "$0")/common.inc"
. "$(dirname -- "$0")/cache-compare.inc"
write_hello
export GLIBC_PIN_CACHE_DIR=$t/concurrent GLIBC_PIN_TARGET=2.17
pids=()
for i in $(seq 32); do
  "$t/bin/glibc-pin-cc" hello.c -o "$t/hello-$i" > "$t/cc-$i.out" 2> "$t/cc-$i.err" &
  pids+=($!)
done
i=0
for pid in "${pids[@]}"; do
  i=$((i + 1))
  wait "$pid" || { cat "$t/cc-$i.err"; fail "compile $i failed"; }
  [[ $("$t/hello-$i") == "hello from glibc-pin" ]] || fail "hello-$i: wrong output"
done
check_one_target_dir "$t/concurrent"
GLIBC_PIN_CACHE_DIR=$t/sequential expect_ok "$GLIBC_PIN" cache generate --target 2.17
compare_cache_dirs "$t/sequential" "$t/concurrent"
pass
