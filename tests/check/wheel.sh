#!/usr/bin/env bash
# wheel.sh GLIBC_PIN: check reads Python wheels and judges each ELF member, like auditwheel show.
# A C extension (it calls getrandom, glibc 2.25) built with setuptools twice:
#   plainly                          → check --profile manylinux2014 refuses it: getrandom@GLIBC_2.25
#   CC=glibc-pin-cc (manylinux2014)  → fits manylinux2014, manylinux_2_28 and manylinux_2_31
# a wheel whose extension needs a library it bundles (pkg.libs/, RUNPATH $ORIGIN/../pkg.libs,
# as auditwheel repair lays it out): fits; without the bundled copy: library-not-allowed; zlib
# nodes as each policy allows them; a damaged wheel (exit 2).
# Skips (77) when python3's headers, setuptools or wheel are missing (scripts/install-deps.sh).
set -uo pipefail
GP=$1
# Debian's python3 (python3-dev, -setuptools, -wheel), not whatever python3 PATH finds first.
PY=${PYTHON:-/usr/bin/python3}
BIN=$(cd "$(dirname "$GP")" && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
"$PY" -c 'import setuptools, wheel, sysconfig, os; assert os.path.exists(sysconfig.get_paths()["include"] + "/Python.h")' 2>/dev/null ||
  { echo "SKIP: python3-dev, python3-setuptools or python3-wheel missing (scripts/install-deps.sh)"; exit 77; }

mkdir -p "$T/src"
cat >"$T/src/spam.c" <<'C'
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <sys/random.h>
static PyObject *entropy(PyObject *self, PyObject *args) {
  unsigned char buf[8];
  if (getrandom(buf, sizeof buf, 0) != (ssize_t)sizeof buf) return PyErr_SetFromErrno(PyExc_OSError);
  return PyBytes_FromStringAndSize((const char *)buf, sizeof buf);
}
static PyMethodDef methods[] = {{"entropy", entropy, METH_NOARGS, "8 random bytes"}, {0}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "spam", 0, -1, methods};
PyMODINIT_FUNC PyInit_spam(void) { return PyModule_Create(&module); }
C
cat >"$T/src/setup.py" <<'PY'
from setuptools import setup, Extension
setup(name="spam", version="1.0", ext_modules=[Extension("spam", ["spam.c"])])
PY

build() {  # build NAME [ENV...]: a wheel in $T/NAME.whl
  local name=$1; shift
  rm -rf "$T/src/build" "$T/src/dist" "$T/src/spam.egg-info"
  (cd "$T/src" && env "$@" "$PY" setup.py -q bdist_wheel >"$T/$name.log" 2>&1) ||
    { cat "$T/$name.log"; fail "setup.py bdist_wheel ($name)"; }
  mv "$T"/src/dist/*.whl "$T/$name.whl"
}
build plain
build pinned CC="$BIN/glibc-pin-cc" GLIBC_PIN_TARGET=manylinux2014

# The pinned extension still works where it was built.
mkdir -p "$T/unpacked" && (cd "$T/unpacked" && "$PY" -m zipfile -e "$T/pinned.whl" .) || fail "unzip"
PYTHONPATH=$T/unpacked "$PY" -c 'import spam; assert len(spam.entropy()) == 8' || fail "the pinned extension does not import"

expect() {  # expect STATUS TEXT ARGS...
  local want=$1 text=$2; shift 2
  "$GP" check "$@" >"$T/out" 2>&1; local got=$?
  echo "\$ glibc-pin check $* (exit $got)"; sed "s|$T/||g" "$T/out"
  [[ $got -eq $want ]] || fail "exit $got, expected $want"
  [[ -z $text ]] || grep -qF -- "$text" "$T/out" || fail "no '$text' in the output"
}
for p in manylinux2014 manylinux_2_28 manylinux_2_31; do
  expect 0 "" --profile $p "$T/pinned.whl"
done
expect 1 "getrandom@GLIBC_2.25" --profile manylinux2014 "$T/plain.whl"
expect 1 "manylinux_2_28" --profile manylinux2014 "$T/plain.whl"
expect 0 "" --profile manylinux_2_28 "$T/plain.whl"
"$GP" check --json --profile manylinux2014 "$T/plain.whl" >"$T/plain.json"  # exit 1: does not fit
"$PY" - "$T/plain.json" <<'PY' || fail "JSON of the plain wheel"
import json, sys
d = json.load(open(sys.argv[1]))
f = d["files"]
assert len(f) == 1 and "plain.whl(spam.cpython-" in f[0]["path"] and f[0]["path"].endswith(".so)"), f
assert f[0]["status"] == "does-not-fit" and f[0]["type"] == "shared-object", f[0]
assert any(p["code"] == "missing-version" and p["version"] == "GLIBC_2.25" for p in f[0]["problems"]), f[0]
PY

# Bundled libraries: pkg/_ext.so needs libhelper.so.1, shipped in pkg.libs/.
cat >"$T/helper.c" <<'C'
int helper(int x) { return x + 1; }
C
cat >"$T/ext.c" <<'C'
int helper(int);
int twice(int x) { return helper(helper(x)); }
C
mkdir -p "$T/lay/pkg" "$T/lay/pkg.libs"
cc -shared -fPIC "$T/helper.c" -Wl,-soname,libhelper.so.1 -o "$T/lay/pkg.libs/libhelper.so.1" || fail cc
GLIBC_PIN_TARGET=manylinux2014 "$BIN/glibc-pin-cc" -shared -fPIC "$T/ext.c" -L"$T/lay/pkg.libs" -l:libhelper.so.1 \
  -Wl,--enable-new-dtags,-rpath,'$ORIGIN/../pkg.libs' -o "$T/lay/pkg/_ext.so" || fail "glibc-pin-cc ext"
(cd "$T/lay" && "$PY" -m zipfile -c "$T/bundled.whl" pkg pkg.libs) || fail zip
(cd "$T/lay" && "$PY" -m zipfile -c "$T/unbundled.whl" pkg) || fail zip
expect 0 "" --profile manylinux2014 "$T/bundled.whl"
expect 1 "needs libhelper.so.1, which the manylinux2014 policy does not allow" --profile manylinux2014 "$T/unbundled.whl"
# The same layout on disk: RUNPATH $ORIGIN/../pkg.libs finds the library beside it.
expect 0 "" --profile manylinux2014 "$T/lay/pkg/_ext.so"

# zlib as the policy allows it: gzfread came with zlib 1.2.9 (ZLIB_1.2.9), which manylinux2014's
# list lacks and manylinux_2_28's has.
cat >"$T/z.c" <<'C'
#include <zlib.h>
size_t read_some(gzFile f, void *buf) { return gzfread(buf, 1, 16, f); }
C
mkdir -p "$T/zl"
cc -shared -fPIC "$T/z.c" -lz -o "$T/zl/_z.so" || fail "cc z"
(cd "$T/zl" && "$PY" -m zipfile -c "$T/zlib.whl" _z.so) || fail zip
expect 1 "needs ZLIB_1.2.9 of libz.so.1 (gzfread)" --profile manylinux2014 "$T/zlib.whl"
expect 0 "" --profile manylinux_2_28 "$T/zlib.whl"

# A damaged wheel: a clear error, exit 2.
"$PY" - "$T/pinned.whl" "$T/damaged.whl" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
i = data.find(b"PK\x01\x02")
data[i + 16:i + 20] = b"\0\0\0\0"  # the first member's CRC-32
open(sys.argv[2], "wb").write(data)
PY
expect 2 "CRC-32 mismatch" --profile manylinux2014 "$T/damaged.whl"
echo "PASS"
