#!/usr/bin/env bash
# release.sh GLIBC_PIN OUT
# Build the self-contained release of glibc-pin with glibc-pin itself: pinned to glibc 2.17,
# libstdc++, libgcc and Boost linked in (GLIBC_PIN_STATIC_RUNTIME), the shims beside it. Makes
#   OUT/build                       the release's build tree (cmake, toolchain/glibc-pin.cmake)
#   OUT/glibc-pin-VERSION-x86_64-linux.tar.gz   cpack -G TGZ: unpack anywhere, run bin/glibc-pin
#   OUT/glibc-pin_VERSION_amd64.deb             cpack -G DEB: installs on Debian 11 to sid
# and checks the executable with its own `check --target 2.17` before packing.
# GLIBC_PIN: the glibc-pin that builds the release (e.g. build/src/glibc-pin of a host build).
# env: GLIBC_PIN_RELEASE_TARGET   the glibc the release runs on (default 2.17: CentOS 7 and later)
#      CMAKE_GENERATOR            as for cmake (default Ninja when installed)
#      CMAKE_C_COMPILER_LAUNCHER, CMAKE_CXX_COMPILER_LAUNCHER   as for cmake (e.g. ccache)
set -euo pipefail
ME=release.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "$ME: error: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
gp=$(realpath -e "$1") || die "no glibc-pin at $1"
out=$(realpath -m "$2")
target=${GLIBC_PIN_RELEASE_TARGET:-2.17}
[[ -x $gp ]] || die "$gp is not executable"

generator=()
[[ -z ${CMAKE_GENERATOR:-} ]] && command -v ninja > /dev/null && generator=(-G Ninja)
mkdir -p "$out"
# The toolchain file is read once, at the first configure: a tree made with another glibc-pin or
# target is made again.
made_with=$( (sed -n 's/^GLIBC_PIN_\(ROOT\|TARGET\):[A-Z]*=//p' "$out/build/CMakeCache.txt" 2> /dev/null || true) |
  sort | tr '\n' ' ')
[[ $made_with == "$(printf '%s\n' "$(dirname -- "$gp")" "$target" | sort | tr '\n' ' ')" ]] || rm -rf "$out/build"
cmake -S "$REPO" -B "$out/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$REPO/toolchain/glibc-pin.cmake" \
  -DGLIBC_PIN_TARGET="$target" -DGLIBC_PIN_ROOT="$(dirname -- "$gp")" \
  -DGLIBC_PIN_STATIC_RUNTIME=ON -DGLIBC_PIN_TESTS=OFF
cmake --build "$out/build"

# The release must fit its own target: glibc-pin's verifier says so (the link already did).
"$gp" check --target "$target" "$out/build/src/glibc-pin"

(cd "$out" && rm -f glibc-pin*.tar.gz glibc-pin*.deb &&
  cpack --config "$out/build/CPackConfig.cmake" -G TGZ -B "$out" > "$out/cpack-tgz.log" &&
  cpack --config "$out/build/CPackConfig.cmake" -G DEB -B "$out" > "$out/cpack-deb.log") ||
  { cat "$out"/cpack-*.log >&2; die "cpack failed"; }
rm -rf "$out/_CPack_Packages"
ls "$out"/glibc-pin*.tar.gz "$out"/glibc-pin*.deb
