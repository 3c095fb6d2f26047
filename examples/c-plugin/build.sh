#!/usr/bin/env bash
# build.sh OUT_DIR: the commands of README.md, in order (tests/pinning runs this script).
set -euo pipefail
cd "$(dirname -- "$0")"
out=${1:-.}
export GLIBC_PIN_TARGET=${GLIBC_PIN_TARGET:-2.17}
glibc-pin-cc -O2 -fPIC -shared plugin.c -o "$out/libplugin.so"
glibc-pin-cc -O2 host.c -ldl -o "$out/host"
cc -O2 -fPIC -shared plugin.c -o "$out/libplugin-plain.so"   # the negative control
