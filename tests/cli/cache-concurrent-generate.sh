#!/usr/bin/env bash
# 32 concurrent first-time 'glibc-pin cache generate --target 2.17' into one empty cache: all
# succeed, print the same directory, leave exactly one target directory and no .tmp-* ones, and
# its files equal those of a sequential generation in another cache (paths of the cache itself,
# embedded in the linker scripts, substituted).
. "$(dirname -- "$0")/common.inc"
. "$(dirname -- "$0")/cache-compare.inc"
export GLIBC_PIN_CACHE_DIR=$t/concurrent
pids=()
for i in $(seq 32); do
  "$GLIBC_PIN" cache generate --target 2.17 > "$t/gen-$i.out" 2> "$t/gen-$i.err" &
  pids+=($!)
done
i=0
for pid in "${pids[@]}"; do
  i=$((i + 1))
  wait "$pid" || { cat "$t/gen-$i.err"; fail "generation $i failed"; }
done
[[ $(cat "$t"/gen-*.out | sort -u | wc -l) -eq 1 ]] || fail "the generations printed different directories"
check_one_target_dir "$t/concurrent"

GLIBC_PIN_CACHE_DIR=$t/sequential expect_ok "$GLIBC_PIN" cache generate --target 2.17
compare_cache_dirs "$t/sequential" "$t/concurrent"
pass
