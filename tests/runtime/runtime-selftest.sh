#!/usr/bin/env bash
# runtime-selftest.sh RUNTIME
# Proves that RUNTIME (a run-on.sh name) really is the glibc it is named after:
#  1. libc-version-probe.c, built for RUNTIME's architecture, prints gnu_get_libc_version() when
#     run there, and that must be the runtime's release (2.12, 2.17, 2.28, bullseye 2.31,
#     bookworm 2.36, trixie 2.41, sid anything newer);
#  2. negative control: hello.c built plainly on this Debian 12 host for that architecture needs
#     GLIBC_2.34 and must fail there with "version `GLIBC_2.34' not found" on every runtime
#     older than 2.34, and run (printing the same version) on the newer ones;
#  3. its C++ runtime, when it has one (libstdc++.so.6 in its library directories): the probe
#     linked with that libstdc++ loads it from the runtime (so that glibc has every version it
#     needs). Runtimes without one (2.12, i386-2.17) say so; their tests are C only.
# Compilers: gcc (x86_64), i686-linux-gnu-gcc (i386), aarch64-linux-gnu-gcc (aarch64).
# Exit: 0 pass, 1 fail, 77 skip (runtime or compiler absent, with the reason).
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
[[ $# -eq 1 ]] || { echo "usage: runtime-selftest.sh RUNTIME" >&2; exit 2; }
rt=$1

"$HERE/run-on.sh" --check "$rt" || exit $?

case $rt in
  i386-*)    cc=(i686-linux-gnu-gcc) name=${rt#i386-} ;;
  aarch64-*) cc=(aarch64-linux-gnu-gcc) name=${rt#aarch64-} ;;
  *)         cc=(gcc) name=$rt ;;
esac
case $name in
  2.12|2.17|2.28) want="${name//./\\.}(\\.[0-9]+)?" old=1 ;;   # 2.12's branch says 2.12.2
  bullseye) want='2\.31' old=1 ;;
  bookworm) want='2\.36' old=0 ;;
  trixie)   want='2\.41' old=0 ;;
  sid)      want='2\.(4[2-9]|[5-9][0-9])' old=0 ;;   # sid moves on: newer than trixie
  *) echo "runtime-selftest.sh: no expected version for $rt" >&2; exit 2 ;;
esac

command -v "${cc[0]}" > /dev/null || { echo "SKIP: ${cc[0]} not found (scripts/install-deps.sh)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "${cc[@]}" -O2 -nostartfiles -fno-pie -no-pie -o "$work/probe" "$HERE/libc-version-probe.c" 2> "$work/cc.log" ||
   ! "${cc[@]}" -O2 -o "$work/hello" "$HERE/hello.c" 2>> "$work/cc.log"; then
  cat "$work/cc.log"; echo "FAIL: cannot build the probes with ${cc[*]}"; exit 1
fi

failures=0
run() { # what expected-rc-kind regex prog
  local what=$1 kind=$2 re=$3 prog=$4 out rc
  out=$("$HERE/run-on.sh" "$rt" "$prog" 2>&1); rc=$?
  if [[ $kind == ok && $rc -eq 0 && $out =~ $re ]] || [[ $kind == fail && $rc -ne 0 && $out =~ $re ]]; then
    echo "ok:   $rt: $what: $out"
  else
    echo "FAIL: $rt: $what: exit $rc, wanted $kind matching /$re/; output:"; echo "$out" | sed 's/^/      /'
    failures=$((failures + 1))
  fi
}
run "gnu_get_libc_version()" ok "^glibc $want$" "$work/probe"
if [[ $old -eq 1 ]]; then
  run "plain Debian 12 build is refused" fail "version \`GLIBC_2\\.34' not found" "$work/hello"
else
  run "plain Debian 12 build runs" ok "^Hello from .*\\(glibc $want\\)$" "$work/hello"
fi
cxx=
IFS=: read -r -a libdirs <<< "$("$HERE/run-on.sh" --dirs "$rt")"
for d in "${libdirs[@]}"; do [[ -e $d/libstdc++.so.6 ]] && { cxx=$d/libstdc++.so.6; break; }; done
if [[ -z $cxx ]]; then
  echo "note: $rt has no C++ runtime (no libstdc++.so.6 in ${libdirs[*]}): C only"
elif "${cc[@]}" -O2 -nostartfiles -fno-pie -no-pie -o "$work/probe-cxx" "$HERE/libc-version-probe.c" \
       -Wl,--no-as-needed,--allow-shlib-undefined "$cxx" > "$work/cc.log" 2>&1; then
  run "its C++ runtime loads there" ok "^glibc $want
libstdc\+\+ ${cxx%/*}/libstdc\+\+\.so\.6$" "$work/probe-cxx"
else
  cat "$work/cc.log"; echo "FAIL: cannot link the probe with $cxx"; failures=$((failures + 1))
fi
[[ $failures -eq 0 ]] || exit 1
