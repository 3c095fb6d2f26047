#!/usr/bin/env bash
# run-on.sh RUNTIME PROG [ARGS...]
# run-on.sh --check RUNTIME
# Run PROG (x86_64) on a glibc runtime, with that runtime's own loader:
#   RT/lib64/ld-linux-x86-64.so.2 --inhibit-cache --library-path RT-LIBDIRS PROG ARGS
# RUNTIME:
#   host                          the machine's own glibc: PROG is run directly
#   bullseye bookworm trixie sid  Debian's libc6 + libstdc++6 + libgcc-s1 (amd64), unpacked
#                                 by scripts/fetch-runtimes.sh into CACHE/runtimes/SUITE-amd64
#   2.17 2.28                     upstream glibc from shared/runtimes, installed by
#                                 fetch-runtimes.sh into CACHE/oldglibc; run with its run-on.sh
# CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
# Exit status: PROG's; 77 (after "SKIP: runtime X not available: REASON" on stderr)
# when the runtime is absent; 2 for usage errors. --check RUNTIME only does the
# availability check (0 or 77). RUN_ON_VERBOSE=1 prints the command to stderr.
set -uo pipefail

CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
ME=run-on.sh

usage() { echo "usage: $ME RUNTIME PROG [ARGS...] | $ME --check RUNTIME   (RUNTIME: host bullseye bookworm trixie sid 2.17 2.28)" >&2; exit 2; }
skip() { echo "SKIP: runtime $RUNTIME not available: $*" >&2; exit 77; }

check=0
if [[ ${1:-} == --check ]]; then check=1; shift; [[ $# -eq 1 ]] || usage
else [[ $# -ge 2 ]] || usage
fi
RUNTIME=$1; shift

cmd=()
case $RUNTIME in
  host)
    ;;
  bullseye|bookworm|trixie|sid)
    RT=$CACHE/runtimes/$RUNTIME-amd64
    [[ -f $RT/VERSIONS ]] || skip "$RT is missing (run scripts/fetch-runtimes.sh)"
    LDSO=$RT/lib64/ld-linux-x86-64.so.2
    real=$(realpath -e "$LDSO" 2>/dev/null) || skip "no loader $LDSO (run scripts/fetch-runtimes.sh --refresh)"
    # Debian's own lib64 link is absolute (-> the host's loader); fetch-runtimes.sh
    # rewrites it, but never let a stale tree run the host glibc by accident.
    [[ $real == "$(realpath "$RT")"/* ]] || skip "$LDSO resolves outside the runtime ($real); run scripts/fetch-runtimes.sh --refresh"
    dirs=
    for d in lib/x86_64-linux-gnu usr/lib/x86_64-linux-gnu; do
      [[ -d $RT/$d ]] && dirs=${dirs:+$dirs:}$RT/$d
    done
    cmd=("$LDSO" --inhibit-cache --library-path "$dirs")
    ;;
  2.17|2.28)
    OLD=$CACHE/oldglibc
    [[ -x $OLD/run-on.sh && -e $OLD/$RUNTIME/lib/ld-linux-x86-64.so.2 ]] ||
      skip "$OLD/$RUNTIME is missing: the shared runtimes were not found when scripts/fetch-runtimes.sh ran (set GLIBC_PIN_SHARED to the shared/ directory)"
    export OLDGLIBC_ROOT=$OLD
    cmd=("$OLD/run-on.sh" "$RUNTIME")
    ;;
  *)
    echo "$ME: unknown runtime '$RUNTIME'" >&2; usage ;;
esac
[[ $check -eq 1 ]] && exit 0

PROG=$1; shift
[[ -e $PROG ]] || { echo "$ME: $PROG: no such file" >&2; exit 127; }
[[ ${RUN_ON_VERBOSE:-} ]] && echo "+ ${cmd[*]} $PROG $*" >&2
exec "${cmd[@]}" "$PROG" "$@"
