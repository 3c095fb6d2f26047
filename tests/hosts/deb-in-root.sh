#!/usr/bin/env bash
# deb-in-root.sh SUITE BUILD_DIR OUT
# The release .deb (install.release made it in BUILD_DIR/release) installed for real with
# `dpkg -i` in a throwaway copy of the SUITE root (scripts/buildroot.sh scratch: the cached root
# stays clean): bullseye (Debian 11, glibc 2.31, GCC 10), trixie or sid. Inside, as a user of
# that Debian would:
#   - dpkg accepts the package with what the root has (Depends checked by dpkg itself)
#   - /usr/bin/glibc-pin --version and `targets` run
#   - with the root's own gcc/g++, the installed glibc-pin pins for 2.17: examples/hello (through
#     glibc-pin-cc), tests/pinning/traps.c (interfaces whose versions moved: stat, fcntl,
#     getrandom, reallocarray, threads, dlopen...) and tests/cxx/features.cc (exceptions,
#     iostream, threads, thread_local, filesystem, random_device, regex; `glibc-pin c++`); the
#     tarball's bin/glibc-pin pins the same three
#   - the same three built plainly (the negative controls, and the reference output)
#   - dpkg -r removes it again
# Outside, on the real runtimes: every pinned program runs on 2.17 and bullseye (hello says
# which glibc it runs on; traps and features print what their plain build prints on the root's
# own glibc); the plain builds fail on 2.17 (and on bullseye when the root is newer) with
# "version ... not found". Except hello on bullseye: built plainly there it needs only
# GLIBC_2.2.5 (before 2.34 __libc_start_main had no newer version), so it runs on 2.17 and is
# no control; the log says so. Exit 0 pass, 1 fail, 77 skip (no root or runtime here).
set -uo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 SUITE BUILD_DIR OUT" >&2; exit 2; }
suite=$1 build=$(realpath "$2") out=$3
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
run_on=$repo/tests/runtime/run-on.sh
fail() { echo "FAIL: deb-in-root $suite: $*"; exit 1; }

deb=$(ls "$build"/release/glibc-pin_*_amd64.deb 2> /dev/null) || fail "no release .deb in $build/release (install.release)"
tgz_gp=$build/release/unpacked/bin/glibc-pin
[[ -x $tgz_gp ]] || fail "no unpacked tarball at $build/release/unpacked (install.release)"
own_rt=$suite   # the root's own glibc, as a runtime
for rt in 2.17 bullseye $own_rt; do
  "$run_on" --check $rt || exit 77
done
rm -rf "$out" && mkdir -p "$out" && out=$(realpath "$out")

# Inside the throwaway root. Every step logs to OUT/inside.log; the first failure stops it.
cat > "$out/inside.sh" <<'INSIDE'
set -eux
cd "$OUT"
# traps.c as a Debian 11 user builds it: libdl and libpthread are separate libraries there.
TRAPS=(-O2 -D_FILE_OFFSET_BITS=64 "$REPO/tests/pinning/traps.c" -pthread -ldl)
. /etc/os-release; echo "root: $PRETTY_NAME; $(ldd --version | head -1); $(gcc --version | head -1)"
if command -v glibc-pin; then exit 1; fi
dpkg -i "$DEB"
dpkg-query -W -f='${Status} ${Version}\n' glibc-pin | grep '^install ok installed '
[ "$(command -v glibc-pin)" = /usr/bin/glibc-pin ]
glibc-pin --version | tee version.txt
glibc-pin targets | tee targets.txt
grep -q centos7 targets.txt
# The installed glibc-pin, with the root's gcc and g++ (GLIBC_PIN_CACHE_DIR unset: ~/.cache,
# dropped with the root).
glibc-pin-cc --glibc-pin-target=2.17 -O2 "$REPO/examples/hello/hello.c" -o hello.deb-2.17
glibc-pin-cc --glibc-pin-target=2.17 "${TRAPS[@]}" -o traps.deb-2.17
glibc-pin c++ --target 2.17 -std=c++17 -O2 -pthread "$REPO/tests/cxx/features.cc" -o features.deb-2.17
glibc-pin check --target 2.17 hello.deb-2.17 traps.deb-2.17 features.deb-2.17
# The tarball's bin/glibc-pin, unpacked where it was (bound in).
"$TGZ_GP" cc --target 2.17 -O2 "$REPO/examples/hello/hello.c" -o hello.tgz-2.17
"$TGZ_GP" cc --target 2.17 "${TRAPS[@]}" -o traps.tgz-2.17
"$TGZ_GP" c++ --target 2.17 -std=c++17 -O2 -pthread "$REPO/tests/cxx/features.cc" -o features.tgz-2.17
# Plain builds: the negative controls; the reference output on the root's own glibc.
gcc -O2 "$REPO/examples/hello/hello.c" -o hello.plain
gcc "${TRAPS[@]}" -o traps.plain
./traps.plain > traps.expected
g++ -std=c++17 -O2 -pthread "$REPO/tests/cxx/features.cc" -o features.plain
./features.plain > features.expected
dpkg -r glibc-pin
[ ! -e /usr/bin/glibc-pin ] && [ ! -e /usr/bin/glibc-pin-cc ] && [ ! -d /usr/lib/glibc-pin ]
echo inside-ok
INSIDE
GLIBC_PIN_ROOT_BINDS="$out $build/release" \
  bash "$repo/scripts/buildroot.sh" scratch "$suite" \
  env OUT="$out" DEB="$deb" TGZ_GP="$tgz_gp" REPO="$repo" bash "$out/inside.sh" > "$out/inside.log" 2>&1
rc=$?
[[ $rc -eq 77 ]] && { cat "$out/inside.log"; exit 77; }
grep -qx inside-ok "$out/inside.log" || { tail -n 40 "$out/inside.log"; fail "inside the $suite root (exit $rc; log $out/inside.log)"; }
grep -E '^(root: |glibc-pin [0-9])' "$out/inside.log" | head -2

pass=0 failed=0
judge() { # PASS|FAIL what
  if [[ $1 == PASS ]]; then pass=$((pass + 1)); else failed=$((failed + 1)); fi
  echo "$1 $suite $2"
}
max_glibc() { objdump -T "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -n 1; }

for how in deb tgz; do
  for prog in hello traps features; do
    p=$out/$prog.$how-2.17
    v=$(max_glibc "$p")
    [[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -n 1) == GLIBC_2.17 ]] &&
      judge PASS "$prog.$how-2.17 needs $v" || judge FAIL "$prog.$how-2.17 needs $v"
    for rt in 2.17 bullseye; do
      got=$("$run_on" $rt "$p" 2>&1); rc=$?
      if [[ $prog == hello ]]; then
        want="Hello, world (running on glibc $([[ $rt == 2.17 ]] && echo 2.17 || echo 2.31))"
      else
        want=$(cat "$out/$prog.expected")
      fi
      if [[ $rc -eq 0 && $got == "$want" ]]; then
        judge PASS "$prog.$how-2.17 on $rt"
      else
        judge FAIL "$prog.$how-2.17 on $rt: exit $rc"; diff <(echo "$want") <(echo "$got") | head -20
      fi
    done
  done
done

# The controls: a plain build of this root needs its glibc (or its C++ runtime).
plain_rts=(2.17)
[[ $suite != bullseye ]] && plain_rts+=(bullseye)
for prog in hello traps features; do
  for rt in "${plain_rts[@]}"; do
    got=$("$run_on" $rt "$out/$prog.plain" 2>&1); rc=$?
    if [[ $rc -ne 0 ]] && grep -Eq "version .(GLIBC_2\.[0-9]+|GLIBCXX_3\.4\.[0-9]+|CXXABI_1\.3\.[0-9]+). not found" <<< "$got"; then
      judge PASS "$prog.plain fails on $rt: $(grep -Eo "version .[A-Z_0-9.]+. not found" <<< "$got" | head -1)"
    elif [[ $prog == hello && $rc -eq 0 && $(max_glibc "$out/$prog.plain") == GLIBC_2.2.5 ]]; then
      echo "INFO $suite hello.plain needs only GLIBC_2.2.5 and runs on $rt: no control here"
    else
      judge FAIL "$prog.plain on $rt: exit $rc, expected a version not found"; echo "$got" | head -5
    fi
  done
  got=$("$run_on" $own_rt "$out/$prog.plain" 2>&1); rc=$?
  [[ $rc -eq 0 ]] && judge PASS "$prog.plain runs on $own_rt" || judge FAIL "$prog.plain on $own_rt: exit $rc"
done

echo "deb-in-root $suite: $pass passed, $failed failed"
[[ $failed -eq 0 ]]
