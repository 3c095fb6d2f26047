#!/usr/bin/env bash
# weak-version-need.sh GLIBC_PIN RUN_ON: a version need marked weak (VER_FLG_WEAK) only makes the
# loader warn about the version; a symbol bound to it still fails to relocate ("not defined in
# file ... with link time reference"), weak or not. From a plainly built libw.so (a weak
# reference to getrandom@GLIBC_2.25), three variants, each judged by check --target 2.17 and
# then loaded by a pinned host program on the real 2.17 and on bullseye:
#   weak-bound    the GLIBC_2.25 need weak, getrandom bound to it: does not fit, 2.17 fails
#   weak-unbound  the need weak, getrandom unversioned: fits (warning), 2.17 loads it
#   strong        (control) the need as linked, getrandom unversioned: does not fit, 2.17 fails
set -uo pipefail
GP=$1 RUN_ON=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat >"$T/w.c" <<'C'
#include <stdio.h>
#include <sys/types.h>
extern ssize_t getrandom(void *, size_t, unsigned) __attribute__((weak));
int has_getrandom(void) { puts("libw loaded"); return getrandom != 0; }
C
cat >"$T/host.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
  void *lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) { printf("dlopen: %s\n", dlerror()); return 1; }
  int (*has)(void) = (int (*)(void))dlsym(lib, "has_getrandom");
  printf("getrandom %s\n", has() ? "present" : "absent");
  return 0;
}
C
cc -shared -fPIC "$T/w.c" -o "$T/libw-strong.so" || fail "cc"
"$GP" cc --target 2.17 "$T/host.c" -o "$T/host" -ldl || fail "glibc-pin cc"
# patch IN OUT [weak] [unbind]: VER_FLG_WEAK on the GLIBC_2.25 need (no linker here sets it;
# some do), and/or getrandom's .gnu.version entry set to 1 (global, unversioned).
patch() {
  python3 - "$@" <<'PY'
import struct, sys
src, dst, what = sys.argv[1], sys.argv[2], sys.argv[3:]
data = bytearray(open(src, "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum = struct.unpack_from("<HH", data, 0x3a)
sh = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
def cstr(at):
    return data[at:data.index(0, at)].decode()
done = set()
for s in sh:
    if s[1] == 0x6ffffffe and "weak" in what:  # SHT_GNU_verneed
        strtab, vn = sh[s[6]][4], s[4]
        while True:
            cnt, = struct.unpack_from("<H", data, vn + 2)
            aux, nxt = struct.unpack_from("<II", data, vn + 8)
            a = vn + aux
            for _ in range(cnt):
                if cstr(strtab + struct.unpack_from("<I", data, a + 8)[0]) == "GLIBC_2.25":
                    struct.pack_into("<H", data, a + 4, 2)
                    done.add("weak")
                a += struct.unpack_from("<I", data, a + 12)[0]
            if not nxt:
                break
            vn += nxt
    if s[1] == 11 and "unbind" in what:  # SHT_DYNSYM
        strtab = sh[s[6]][4]
        versym = next(v for v in sh if v[1] == 0x6fffffff)[4]
        for i in range(s[5] // 24):
            if cstr(strtab + struct.unpack_from("<I", data, s[4] + 24 * i)[0]) == "getrandom":
                struct.pack_into("<H", data, versym + 2 * i, 1)
                done.add("unbind")
if done != set(what):
    sys.exit("patched %s of %s" % (done, what))
open(dst, "wb").write(data)
PY
}
patch "$T/libw-strong.so" "$T/libw-weak-bound.so" weak || fail "patch weak-bound"
patch "$T/libw-strong.so" "$T/libw-weak-unbound.so" weak unbind || fail "patch weak-unbound"
patch "$T/libw-strong.so" "$T/libw-unbound.so" unbind || fail "patch strong"
readelf -V "$T/libw-weak-bound.so" | grep -q "GLIBC_2.25  Flags: WEAK" || fail "the patched need is not weak"

# expect_check VARIANT STATUS PATTERN
expect_check() {
  out=$("$GP" check --target 2.17 "$T/libw-$1.so" 2>&1); rc=$?
  echo "$out"
  [[ $rc -eq $2 ]] || fail "$1: check status $rc, want $2"
  grep -qE "$3" <<<"$out" || fail "$1: no '$3' in the check output"
}
expect_check weak-bound 1 "error: needs getrandom@GLIBC_2.25 \(libc.so.6\), but glibc 2.17 has no getrandom"
expect_check weak-bound 1 "warning: has a weak need of GLIBC_2.25 of libc.so.6"
expect_check weak-unbound 0 "warning: has a weak need of GLIBC_2.25 of libc.so.6, which glibc 2.17 does not define: its loader goes on \(no symbol binds to it\)"
expect_check unbound 1 "error: needs GLIBC_2.25 of libc.so.6, but glibc 2.17 does not define it"

# run_case RUNTIME VARIANT PATTERN
run_case() {
  "$RUN_ON" "$1" "$T/host" "$T/libw-$2.so" >"$T/out" 2>&1; rc=$?
  echo "$1 $2: $(tr '\n' ' ' <"$T/out")"
  [[ $rc -eq 77 ]] && exit 77
  grep -q -- "$3" "$T/out" || fail "$1 $2: no '$3'"
}
run_case host weak-bound "getrandom present"
run_case bullseye weak-bound "getrandom present"
run_case bullseye weak-unbound "getrandom present"
run_case 2.17 weak-bound "symbol getrandom, version GLIBC_2.25 not defined in file libc.so.6 with link time reference"
run_case 2.17 weak-unbound "getrandom absent"
run_case 2.17 unbound "version \`GLIBC_2.25' not found"
echo "weak version needs: check and the real 2.17 loader agree on all three variants"
