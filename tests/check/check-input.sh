#!/usr/bin/env bash
# check-input.sh GLIBC_PIN CASE: one behaviour of 'glibc-pin check' on an odd input.
# Every case must end within the time limit with the expected exit status and message.
set -uo pipefail
GP=$1 CASE=$2
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $CASE: $*" >&2; exit 1; }
# expect STATUS PATTERN ARGS...: runs check, compares the exit status and greps the output.
expect() {
  local want=$1 pattern=$2; shift 2
  out=$(timeout 20 "$GP" check "$@" 2>&1); local rc=$?
  printf '%s\n' "$out"
  [[ $rc -eq 124 ]] && fail "timed out"
  [[ $rc -ge 128 ]] && fail "crashed (status $rc)"
  [[ $rc -eq $want ]] || fail "exit status $rc, want $want"
  [[ -z $pattern ]] || grep -qE -- "$pattern" <<<"$out" || fail "no '$pattern' in the output"
}
case $CASE in
  crafted-valid|crafted-shnum-huge|crafted-verneednum-huge|crafted-verneed-next-huge)
    python3 "$HERE/make-elf.py" "${CASE#crafted-}" "$T/x.so"
    expect 0 "fits glibc 2.17" --target 2.17 "$T/x.so" ;;
  crafted-pthread-libc-only)
    python3 "$HERE/make-elf.py" pthread-libc-only "$T/x.so"
    expect 0 "fits" --target 2.34 "$T/x.so"
    # the loader searches libc.so.6 (the library the need names), which lacks it before 2.34:
    # "symbol pthread_create, version GLIBC_2.2.5 not defined in file libc.so.6"
    expect 1 "error: needs pthread_create@GLIBC_2.2.5 from libc.so.6, but glibc 2.17 has it in libpthread.so.0" \
      --target 2.17 "$T/x.so"
    expect 1 "(link the library with -lpthread)" --target 2.17 "$T/x.so" ;;
  crafted-*)
    python3 "$HERE/make-elf.py" "${CASE#crafted-}" "$T/x.so"
    expect 2 "x.so: error: malformed ELF file" --target 2.17 "$T/x.so" ;;
  zero-length)
    : >"$T/empty"; expect 2 "empty: error: empty file" --target 2.17 "$T/empty" ;;
  garbage)
    head -c 4096 /dev/urandom >"$T/garbage"; expect 2 "garbage: error: not an ELF file" --target 2.17 "$T/garbage"
    { printf '\177ELF'; head -c 4096 /dev/urandom; } >"$T/elfgarbage"
    expect 2 "elfgarbage: error: malformed ELF file" --target 2.17 "$T/elfgarbage" ;;
  truncated)
    # A real binary cut at every size up to 1 KiB and then at 1/8 steps: clear errors, no crash.
    real=/usr/bin/true; size=$(stat -c %s "$real")
    for n in $(seq 1 1024) $((size/8)) $((size/4)) $((size/2)) $((size*7/8)) $((size-1)); do
      head -c "$n" "$real" >"$T/cut"
      out=$(timeout 20 "$GP" check --target 2.36 "$T/cut" 2>&1); rc=$?
      [[ $rc -eq 2 || $rc -eq 0 ]] || fail "cut at $n bytes: status $rc: $out"
      [[ $rc -eq 0 ]] || grep -q "cut: error: " <<<"$out" || fail "cut at $n bytes: $out"
    done
    echo "cut at 1029 sizes: no crash" ;;
  non-elf)
    echo 'int main(void) { return 0; }' >"$T/main.c"
    expect 2 "main.c: error: not an ELF file or archive" --target 2.17 "$T/main.c" ;;
  missing)
    expect 2 "nothing-here: error: cannot read" --target 2.17 "$T/nothing-here" ;;
  symlink-loop)
    ln -s b "$T/a"; ln -s a "$T/b"
    expect 2 "a: error: cannot read: Too many levels of symbolic links" --target 2.17 "$T/a"
    # in a directory, symlinks are not followed: no loop
    mkdir "$T/d"; ln -s ../d "$T/d/self"; cp /usr/bin/true "$T/d/"
    expect 1 "d/true: error: needs" --target 2.17 "$T/d" ;;
  directory)
    mkdir -p "$T/d/sub"; echo text >"$T/d/readme"; head -c 100 /dev/urandom >"$T/d/sub/blob"
    expect 0 "0 files" --target 2.17 "$T/d"          # non-ELF files are skipped quietly
    head -c 100 /usr/bin/true >"$T/d/sub/broken"
    expect 2 "broken: error: malformed ELF file" --target 2.17 "$T/d" ;;
  wrong-arch)
    so=$CACHE/runtimes/sid-arm64/usr/lib/aarch64-linux-gnu/libresolv.so.2; [[ -f $so ]] || so=
    [[ -n $so ]] || { echo "SKIP: no sid-arm64 runtime in $CACHE"; exit 77; }
    expect 2 "error: wrong architecture: an ELF64 aarch64 file, but the target is x86_64" --target 2.17 "$so"
    expect 1 "needs GLIBC_2.3[0-9] of libc.so.6" --target aarch64-linux-gnu.2.17 "$so" ;;
  glibc-own-library)
    # glibc's own libraries may need GLIBC_PRIVATE, but only of the glibc they come from: the
    # versions a library defines say which (bookworm's libm defines GLIBC_2.35).
    libm=$CACHE/runtimes/bookworm-amd64/lib/x86_64-linux-gnu/libm.so.6
    [[ -f $libm ]] || { echo "SKIP: no bookworm-amd64 runtime in $CACHE"; exit 77; }
    expect 1 "libm.so.6: error: needs GLIBC_PRIVATE symbols of libc.so.6 \(.*\): part of glibc 2.35 or later, it runs only with that glibc, not glibc 2.17" \
      --target 2.17 "$libm"
    expect 0 "libm.so.6: note: needs GLIBC_PRIVATE symbols of libc.so.6" --target 2.36 "$libm" ;;
  usage)
    expect 2 "name a target" /bin/true
    expect 2 "unknown profile" --profile nosuch /bin/true
    expect 2 "not both" --target 2.17 --profile centos7 /bin/true
    expect 2 "unknown target" --target 9.99x /bin/true
    expect 0 "Exit status: 0 every file fits" --help ;;
  object-and-archive)
    printf '#include <sys/random.h>\nint f(char *b) { return getrandom(b, 4, 0); }\n' >"$T/r.c"
    printf 'int g(void);\nint h(void) { return g(); }\nint g(void) { return 1; }\n' >"$T/own.c"
    cc -c "$T/r.c" -o "$T/r.o" && cc -c "$T/own.c" -o "$T/own.o" || fail "cc"
    expect 1 "r.o: error: references getrandom, which centos7 \(glibc 2.17\) does not have \(glibc has it since 2.25\)" \
      --profile centos7 "$T/r.o"
    expect 0 "" --target 2.25 "$T/r.o"
    ar rcs "$T/lib.a" "$T/r.o" "$T/own.o"
    expect 1 "lib.a\(r.o\): error: references getrandom" --target 2.17 "$T/lib.a" ;;
  json)
    python3 "$HERE/make-elf.py" valid "$T/ok.so"; : >"$T/empty"
    out=$(timeout 20 "$GP" check --json --explain --profile manylinux2014 "$T/ok.so" "$T/empty"); rc=$?
    [[ $rc -eq 2 ]] || fail "status $rc"
    python3 - "$out" <<'PY' || fail "schema"
import json, sys
d = json.loads(sys.argv[1])
assert d["schema"] == "glibc-pin-check/1" and d["exit_status"] == 2 and d["fits"] is False
assert d["target"]["profile"] == "manylinux2014" and d["target"]["glibcxx"] == "GLIBCXX_3.4.19"
assert "libc.so.6" in d["target"]["allowed_libraries"]
ok, empty = d["files"]
assert ok["status"] == "fits" and ok["needed"] == ["libc.so.6"] and ok["minimum_glibc"] == "2.2.5"
assert ok["version_needs"] == [{"library": "libc.so.6", "version": "GLIBC_2.2.5", "symbols": ["puts"]}]
assert empty["status"] == "error" and "empty file" in empty["error"]
print("json ok")
PY
    ;;
  *) fail "unknown case" ;;
esac
