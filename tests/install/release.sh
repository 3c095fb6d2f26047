#!/usr/bin/env bash
# The release (scripts/release.sh): glibc-pin built by this build's glibc-pin for glibc 2.17, the
# C++ runtime and Boost linked in, shims beside it, packed by cpack as a tarball and a .deb.
# Unpacked into OUT/unpacked (the hosts tests run it inside the Debian 13 and sid roots):
#  - its executable needs libc and nothing newer than GLIBC_2.17: the release's own
#    `check --target 2.17` accepts it (and `check --explain` is kept in OUT/check-explain.txt)
#  - it runs on the real 2.17 runtime (--version, lookup, targets, check) and on bullseye,
#    bookworm, trixie and sid
#  - its shims were compiled portably: everything they call exists in glibc 2.17 (or is another
#    shim), whatever the headers of the host that compiled them
#  - it pins a link, whose output runs on 2.17 and bullseye (exercise_installed)
source "$(dirname -- "$0")/common.inc"
log bash "$repo/scripts/release.sh" "$build/src/glibc-pin" "$out"
tarball=$(ls "$out"/glibc-pin-*-linux.tar.gz)
mkdir unpacked
log tar -xzf "$tarball" -C unpacked --strip-components=1
gp=$out/unpacked/bin/glibc-pin
[[ -x $gp ]] || fail "no bin/glibc-pin in $tarball"

# What the executable needs from the system.
log "$gp" check --target 2.17 "$gp"
"$gp" check --target 2.17 --explain "$gp" > check-explain.txt 2>&1 || { cat check-explain.txt; fail "check --explain"; }
cat check-explain.txt
needed=$(readelf -d "$gp" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
echo "NEEDED: $needed"
for lib in $needed; do
  case $lib in
    libc.so.6|libm.so.6|libpthread.so.0|libdl.so.2|librt.so.1|ld-linux-x86-64.so.2) ;;
    *) fail "the release needs $lib: not self-contained (libstdc++, libgcc_s and Boost must be linked in)" ;;
  esac
done
v=$(max_glibc "$gp")
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] || fail "the release needs $v"

# On real 2.17: the commands that need no compiler.
expect_run 2.17 '^glibc-pin [0-9]+\.[0-9]+' "$gp" --version
expect_run 2.17 'A new link for glibc 2\.17 binds to: libc\.so\.6 memcpy@GLIBC_2\.14' "$gp" lookup memcpy --release 2.17
expect_run 2.17 'centos7' "$gp" targets
expect_run 2.17 '' "$gp" check --target 2.17 "$gp"
for rt in bullseye bookworm trixie sid; do
  expect_run $rt '^glibc-pin [0-9]+\.[0-9]+' "$gp" --version
done

# The shims: every symbol they use is in glibc 2.17 or another shim (or the link provides it).
shims=$out/unpacked/lib/glibc-pin/shims
defined=$(nm --defined-only "$shims"/*.o | awk '{print $3}' | sort -u)
# libgcc.a, which every gcc link takes, provides the soft-float helpers (__addtf3 in logf128.o).
libgcc=$(nm --defined-only "$(gcc -print-libgcc-file-name)" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u)
for sym in $(nm -u "$shims"/*.o | awk '{print $2}' | sort -u); do
  grep -qx -- "$sym" <<< "$defined" && continue
  grep -qx -- "$sym" <<< "$libgcc" && continue
  case $sym in _GLOBAL_OFFSET_TABLE_|__init_array_start|__init_array_end|_init|__real_*) continue ;; esac
  binds=$("$gp" lookup "$sym" --release 2.17 2>&1 | sed -n 's/^A new link for glibc 2.17 binds to: //p')
  [[ $binds == lib* || $binds == ld-* ]] || fail "a shim calls $sym, which glibc 2.17 does not have (${binds:-unknown symbol}): shims must be compiled without newer headers' redirections"
done

exercise_installed "$out/unpacked"
finish
