#!/usr/bin/env bash
# build-link-routes.sh GLIBC_PIN SRC_DIR OUT_DIR TARGET
# Builds the programs whose links take the less common routes, for TARGET:
#   useplugin      an executable using a shared library, both built by glibc-pin cc
#   usearchive     an archive compiled by plain gcc (no wrapper), linked by glibc-pin cc
#   traps-gcc-B    objects compiled plainly, linked by `gcc -B<dir>` where <dir>/ld is glibc-pin
#   traps-ldpath   the same through clang --ld-path=<glibc-pin-ld>
#   traps-lto      -flto: the pins travel inside the LTO objects
set -euo pipefail
pin=$1 src=$2 out=$3 target=$4
export GLIBC_PIN_CACHE_DIR=${GLIBC_PIN_CACHE_DIR:-$out/../glibc-pin-cache}
mkdir -p "$out/ldbin"
ln -sf "$pin" "$out/ldbin/ld"
ln -sf "$pin" "$out/ldbin/glibc-pin-ld"
cd "$out"

"$pin" cc --target "$target" -O2 -fPIC -shared "$src/plugin.c" -o libplugin.so
"$pin" cc --target "$target" -O2 "$src/useplugin.c" -L. -lplugin -Wl,-rpath,'$ORIGIN' -o useplugin

gcc -O2 -c "$src/plugin.c" -o plugin-plain.o
rm -f libplain.a && ar rcs libplain.a plugin-plain.o
"$pin" cc --target "$target" -O2 "$src/useplugin.c" libplain.a -o usearchive

gcc -O2 -D_FILE_OFFSET_BITS=64 -c "$src/traps.c" -o traps-plain.o 2>/dev/null
GLIBC_PIN_TARGET=$target gcc -B"$out/ldbin/" traps-plain.o -o traps-gcc-B
GLIBC_PIN_TARGET=$target clang --ld-path="$out/ldbin/glibc-pin-ld" traps-plain.o -o traps-ldpath

"$pin" cc --target "$target" -O2 -flto "$src/traps.c" -o traps-lto 2>/dev/null
