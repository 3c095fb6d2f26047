#!/usr/bin/env bash
# glibc-pin cache path prints the cache directory ($GLIBC_PIN_CACHE_DIR); with --target it
# prints (making it when needed) the target's directory inside it; cache clean removes it all.
. "$(dirname -- "$0")/common.inc"
expect_ok "$GLIBC_PIN" cache path
[[ $(cat "$t/out") == "$GLIBC_PIN_CACHE_DIR" ]] || fail "cache path printed '$(cat "$t/out")'"
[[ ! -e $GLIBC_PIN_CACHE_DIR ]] || fail "cache path created the cache"
expect_ok env -u GLIBC_PIN_CACHE_DIR XDG_CACHE_HOME="$t/xdg" "$GLIBC_PIN" cache path
[[ $(cat "$t/out") == "$t/xdg/glibc-pin" ]] || fail "XDG_CACHE_HOME: printed '$(cat "$t/out")'"

expect_ok "$GLIBC_PIN" cache path --target 2.17
dir=$(cat "$t/out")
[[ $dir == "$GLIBC_PIN_CACHE_DIR"/* ]] || fail "target directory $dir is outside the cache"
[[ -f $dir/manifest.txt && -f $dir/libc.so.6 && -f $dir/glibc-pin-symver.h ]] ||
  fail "cache path --target did not make the target's files in $dir"
expect_ok "$GLIBC_PIN" cache generate --target 2.17
[[ $(cat "$t/out") == "$dir" ]] || fail "cache generate printed another directory"

expect_ok "$GLIBC_PIN" cache clean
grep -q "removed $GLIBC_PIN_CACHE_DIR" "$t/out" || fail "cache clean did not say what it removed"
[[ ! -e $GLIBC_PIN_CACHE_DIR ]] || fail "cache clean left $GLIBC_PIN_CACHE_DIR"
expect_ok "$GLIBC_PIN" cache clean  # nothing to remove: still fine
expect_error "unknown action" "$GLIBC_PIN" cache frobnicate
pass
