#!/usr/bin/env bash
# build-rust.sh GLIBC_PIN_BIN_DIR OUT
# examples/rust-cli's program (std only) built for aarch64 and i386 with Debian 12's rustc 1.63
# and its std for those architectures (scripts/fetch-debian-rust.sh: the machine's rustc may have
# only x86_64's std), linked by glibc-pin-cc with Debian's cross compiler behind it
# (GLIBC_PIN_CC), for a bare version, as a user would:
#   rustc --target aarch64-unknown-linux-gnu -C linker=glibc-pin-cc   (GLIBC_PIN_TARGET=2.17 ...)
# and plainly (-C linker=the cross compiler) as the negative controls:
#   OUT/rust-cli-{aarch64,i386}-{2.17,2.28,2.31,plain}
# A program that cannot be built gets OUT/PROGRAM.SKIPPED with the reason instead (its run tests
# print it and skip): all of them when Debian's Rust cannot be fetched (exit 77), an
# architecture's when its cross compiler is missing.
set -euo pipefail
bindir=$1 out=$2
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
src=$repo/examples/rust-cli/cli/src/main.rs
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
mkdir -p "$out"
rm -f "$out"/*.SKIPPED
ARCHES=(aarch64 i386) TARGETS=(2.17 2.28 2.31 plain)
not_built() { # arch reason
  local t
  for t in "${TARGETS[@]}"; do echo "SKIP: $2" > "$out/rust-cli-$1-$t.SKIPPED"; done
  echo "SKIP: $2" >&2
}
skip() { local a; for a in "${ARCHES[@]}"; do not_built "$a" "$*"; done; exit 77; }

if ! fetched=$(bash "$repo/scripts/fetch-debian-rust.sh" 2>&1); then
  echo "$fetched" >&2
  skip "Debian's rustc and libstd-rust-dev could not be fetched: ${fetched##*$'\n'}"
fi
echo "$fetched"
root=$CACHE/rust-debian/root
rustc() { LD_LIBRARY_PATH=$root/usr/lib/x86_64-linux-gnu "$root/usr/bin/rustc" "$@"; }
rustc --version
export PATH=$bindir:$PATH
unset RUSTFLAGS GLIBC_PIN_TARGET GLIBC_PIN_CC

newest_glibc() { readelf -V --wide "$1" | grep -oE 'GLIBC_2\.[0-9]+' | sort -uV | tail -1; }
built=0
for spec in aarch64:aarch64-unknown-linux-gnu:aarch64-linux-gnu-gcc \
            i386:i686-unknown-linux-gnu:i686-linux-gnu-gcc; do
  IFS=: read -r arch triple cc <<< "$spec"
  if ! command -v "$cc" > /dev/null; then
    not_built "$arch" "no $cc (scripts/install-deps.sh): Rust for $arch not built"; continue
  fi
  [[ -d $root/usr/lib/rustlib/$triple/lib ]] || skip "no Rust std for $triple in $root"
  for target in "${TARGETS[@]:0:3}"; do
    echo "== $arch: rustc --target $triple -C linker=glibc-pin-cc, GLIBC_PIN_CC=$cc GLIBC_PIN_TARGET=$target"
    GLIBC_PIN_TARGET=$target GLIBC_PIN_CC=$cc \
      rustc --edition 2021 -O --target "$triple" -C linker=glibc-pin-cc "$src" \
            -o "$out/rust-cli-$arch-$target"
    got=$(newest_glibc "$out/rust-cli-$arch-$target")
    [[ $(printf '%s\n%s\n' "$got" "GLIBC_$target" | sort -V | tail -1) == "GLIBC_$target" ]] ||
      { echo "FAIL: rust-cli-$arch-$target needs $got, more than GLIBC_$target"; exit 1; }
    echo "ok: rust-cli-$arch-$target needs at most $got"
  done
  echo "== $arch: rustc --target $triple -C linker=$cc (negative control)"
  rustc --edition 2021 -O --target "$triple" -C linker="$cc" "$src" -o "$out/rust-cli-$arch-plain"
  echo "plain build needs $(newest_glibc "$out/rust-cli-$arch-plain")"
  built=1
done
[[ $built -eq 1 ]] || skip "no cross compiler for aarch64 or i386 (scripts/install-deps.sh)"
