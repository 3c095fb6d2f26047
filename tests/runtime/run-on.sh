#!/usr/bin/env bash
# run-on.sh RUNTIME PROG [ARGS...]
# run-on.sh --check RUNTIME
# run-on.sh --dirs RUNTIME
# Run PROG on a real glibc runtime, with that runtime's own loader:
#   x86_64, i386: RT-LOADER --inhibit-cache --library-path RT-LIBDIRS PROG ARGS
#                 (i386 natively: this x86_64 kernel runs 32-bit programs)
#   aarch64:      qemu-aarch64-static -L RT RT-LOADER --inhibit-cache --library-path RT-LIBDIRS PROG ARGS
#                 or, for a runtime whose loader cannot be started as a command (RT/run-on.mode
#                 says "interp": glibc 2.17's), qemu-aarch64-static -L RT PROG ARGS, which starts
#                 PROG through its own PT_INTERP (found inside RT through -L) as the kernel
#                 would, with LD_LIBRARY_PATH=RT-LIBDIRS set in the guest only.
# RUNTIME (CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}):
#   host                             the machine's own glibc: PROG is run directly
#   bullseye bookworm trixie sid     Debian's libc6 + libstdc++6 + libgcc-s1 (amd64), unpacked by
#                                    scripts/fetch-runtimes.sh into CACHE/runtimes/SUITE-amd64
#   i386-SUITE aarch64-SUITE         the same for i386 / arm64: CACHE/runtimes/SUITE-{i386,arm64}
#   2.12 2.17 2.28                   upstream glibc for x86_64 in CACHE/oldglibc/VER, made by
#                                    scripts/build-old-glibc.sh (or taken from ../shared by
#                                    scripts/fetch-runtimes.sh): lib/ (loader, libc...), gcc-lib/
#                                    (an old libstdc++/libgcc_s, when there is one)
#   i386-2.17 i386-2.28              the same for i386 in CACHE/oldglibc/i386-VER
#   aarch64-2.17 aarch64-2.28        the same for aarch64 in CACHE/oldglibc/aarch64-VER
# Exit status: PROG's; 77 (after "SKIP: runtime X not available: REASON" on stderr) when the
# runtime (or qemu, for aarch64) is absent; 2 for usage errors. --check RUNTIME only does the
# availability check (0 or 77); --dirs RUNTIME prints the runtime's library directories
# (colon-separated; empty for host). RUN_ON_VERBOSE=1 prints the command to stderr.
set -uo pipefail

CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
ME=run-on.sh
SUITES="bullseye bookworm trixie sid"

usage() {
  echo "usage: $ME RUNTIME PROG [ARGS...] | $ME --check|--dirs RUNTIME" >&2
  echo "  RUNTIME: host $SUITES 2.12 2.17 2.28, i386-{2.17,2.28,SUITE}, aarch64-{2.17,2.28,SUITE}" >&2
  exit 2
}
skip() { echo "SKIP: runtime $RUNTIME not available: $*" >&2; exit 77; }

check=0 dirs=
if [[ ${1:-} == --check || ${1:-} == --dirs ]]; then check=$1; shift; [[ $# -eq 1 ]] || usage
else [[ $# -ge 2 ]] || usage
fi
RUNTIME=$1; shift

# ---- which runtime: its directory, architecture and kind ---------------------------------------
arch=x86_64 name=$RUNTIME
case $RUNTIME in
  i386-*)    arch=i386 name=${RUNTIME#i386-} ;;
  aarch64-*) arch=aarch64 name=${RUNTIME#aarch64-} ;;
esac
case $arch in
  x86_64)  deb_arch=amd64 triplet=x86_64-linux-gnu  loader=ld-linux-x86-64.so.2 ;;
  i386)    deb_arch=i386  triplet=i386-linux-gnu    loader=ld-linux.so.2 ;;
  aarch64) deb_arch=arm64 triplet=aarch64-linux-gnu loader=ld-linux-aarch64.so.1 ;;
esac
case $name in
  host) [[ $arch == x86_64 ]] || usage; kind=host ;;
  bullseye|bookworm|trixie|sid) kind=debian RT=$CACHE/runtimes/$name-$deb_arch ;;
  2.12|2.17|2.28)
    kind=old
    if [[ $arch == x86_64 ]]; then RT=$CACHE/oldglibc/$name; else RT=$CACHE/oldglibc/$arch-$name; fi ;;
  *) echo "$ME: unknown runtime '$RUNTIME'" >&2; usage ;;
esac
[[ $RUNTIME == i386-2.12 || $RUNTIME == aarch64-2.12 ]] && { echo "$ME: unknown runtime '$RUNTIME'" >&2; usage; }

# ---- is it there? -------------------------------------------------------------------------------
cmd=()
if [[ $kind != host ]]; then
  case $kind in
    debian)
      [[ -f $RT/VERSIONS ]] || skip "$RT is missing (run scripts/fetch-runtimes.sh)"
      cands=("$RT/lib64/$loader" "$RT/lib/$loader" "$RT/usr/lib/$loader" "$RT/lib/$triplet/$loader" "$RT/usr/lib/$triplet/$loader")
      dirs=
      for d in lib/$triplet usr/lib/$triplet; do
        [[ -d $RT/$d ]] && dirs=${dirs:+$dirs:}$RT/$d
      done
      ;;
    old)
      [[ -e $RT/lib/$loader ]] ||
        skip "$RT is missing: scripts/fetch-runtimes.sh found no copy in ../shared and scripts/build-old-glibc.sh has not built it (it needs glibc source: GLIBC_PIN_GLIBC_SOURCE)"
      cands=("$RT/lib/$loader")
      dirs=$RT/lib
      [[ -d $RT/gcc-lib ]] && dirs=$dirs:$RT/gcc-lib
      # the gconv modules' compiled-in path is the build's prefix, not this directory
      [[ -d $RT/lib/gconv ]] && export GCONV_PATH=$RT/lib/gconv
      ;;
  esac
  ldso=
  for c in "${cands[@]}"; do [[ -e $c ]] && { ldso=$c; break; }; done
  [[ -n $ldso ]] || skip "no loader $loader in $RT (run scripts/fetch-runtimes.sh --refresh)"
  real=$(realpath -e "$ldso" 2>/dev/null) || skip "$ldso is a dangling link (run scripts/fetch-runtimes.sh --refresh)"
  # Debian's own links are absolute (-> the host's files); fetch-runtimes.sh rewrites them,
  # but never let a stale tree run the host glibc by accident.
  [[ $real == "$(realpath "$RT")"/* ]] || skip "$ldso resolves outside the runtime ($real); run scripts/fetch-runtimes.sh --refresh"

  # ld.so < 2.16 (2.12) has no --inhibit-cache; its cache file is under the build's prefix
  # (/opt/glibc-pin-oldglibc/NAME/etc/ld.so.cache, see build-old-glibc.sh), which does not exist.
  inhibit=(--inhibit-cache)
  grep -q -a -e --inhibit-cache "$real" || inhibit=()

  mode=loader
  [[ -f $RT/run-on.mode ]] && mode=$(< "$RT/run-on.mode")
  case $arch in
    aarch64)
      qemu=${GLIBC_PIN_QEMU_AARCH64:-qemu-aarch64-static}
      command -v "$qemu" > /dev/null || skip "$qemu not found (Debian package qemu-user-static: scripts/install-deps.sh)"
      # -L RT: the guest's absolute paths (PT_INTERP /lib/ld-linux-aarch64.so.1, the loader's
      # default directories) resolve inside RT first, never in a host cross sysroot.
      if [[ $mode == interp ]]; then
        [[ -e $RT/lib/$loader ]] || skip "interp mode needs $RT/lib/$loader"
        cmd=("$qemu" -L "$RT" -E "LD_LIBRARY_PATH=$dirs")
      else
        cmd=("$qemu" -L "$RT" "$ldso" "${inhibit[@]}" --library-path "$dirs")
      fi ;;
    *)
      cmd=("$ldso" "${inhibit[@]}" --library-path "$dirs") ;;
  esac
fi
[[ $check == --dirs ]] && { echo "$dirs"; exit 0; }
[[ $check == --check ]] && exit 0

PROG=$1; shift
[[ -e $PROG ]] || { echo "$ME: $PROG: no such file" >&2; exit 127; }
[[ ${RUN_ON_VERBOSE:-} ]] && echo "+ ${cmd[*]} $PROG $*" >&2
exec "${cmd[@]}" "$PROG" "$@"
