#!/usr/bin/env bash
# build-in-root.sh GENERATOR OUT
# Runs inside a build root (scripts/buildroot.sh run SUITE ...): glibc-pin builds from source
# with that host's own packages and the CMake GENERATOR ("Unix Makefiles" or Ninja) into OUT,
# installs into OUT/prefix, the installed glibc-pin answers, and the unit tests pass. The tests
# that need this host's glibc-pin to pin programs are the Debian 12 suite's; programs pinned from
# this host are built by pin-in-root.sh with the release.
set -euo pipefail
generator=$1 out=$2
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

echo "host: $(. /etc/os-release && echo "$PRETTY_NAME"); $(ldd --version | head -1)"
echo "      $(c++ --version | head -1); $(cmake --version | head -1)"
rm -rf "$out"
cmake -S "$repo" -B "$out" -G "$generator" -DGLIBC_PIN_FUZZ=OFF
# glibc-pin, its shims and man page (what is installed), the unit tests (and the proof tool where LIEF is).
targets=(glibc-pin glibcpin_shims glibc-pin-man glibcpin-unit)
grep -q '^GLIBC_PIN_HAVE_LIEF:.*=ON' "$out/CMakeCache.txt" 2>/dev/null && targets+=(glibc-pin-dbproof)
cmake --build "$out" -j2 --target "${targets[@]}"
cmake --install "$out" --prefix "$out/prefix" > "$out/install.log"
"$out/prefix/bin/glibc-pin" --version
"$out/prefix/bin/glibc-pin" lookup memcpy
ctest --test-dir "$out" -R '^unit:' -j2 --output-on-failure
