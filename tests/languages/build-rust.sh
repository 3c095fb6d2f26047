#!/usr/bin/env bash
# build-rust.sh CARGO GLIBC_PIN_BIN_DIR OUT
# Builds examples/rust-cli the ways examples/rust-cli/README.md shows, into OUT (CARGO_TARGET_DIR
# per route, so every route keeps its own cache), and checks what each link produced:
#   OUT/lld     RUSTFLAGS="-C linker=glibc-pin-cc", LLD (rustc 1.90+: its default rust-lld;
#               older rustc: the system's ld.lld through -C link-arg=-fuse-ld=lld), target 2.17
#   OUT/bfd     .cargo/config.toml linker = "glibc-pin-cc", GNU ld (rustc 1.90+:
#               -C linker-features=-lld; older: the default), -C link-args=-Wl,--gc-sections, 2.17
#   OUT/lld-2.31  the RUSTFLAGS route for target 2.31 (Debian 11)
#   OUT/plain   plain cargo build: the negative control
#   OUT/host-2.17  the C program that dlopens the cdylib, built with glibc-pin cc --target 2.17
# The flags per rustc version: rust-toolchain.inc. Exit 77 (skip) when cargo is missing.
set -euo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/rust-cli" && pwd)
mkdir -p "$3"
rm -f "$3/SKIPPED"
RUST_SKIP_FILE=$3/SKIPPED
source "$here/rust-toolchain.inc"   # cargo bindir out, PATH, RUST_LLD_FLAGS, RUST_GNU_FLAGS
cd "$src"

echo "== RUSTFLAGS, LLD, 2.17"
GLIBC_PIN_TARGET=2.17 RUSTFLAGS="-C linker=glibc-pin-cc $RUST_LLD_FLAGS" \
  CARGO_TARGET_DIR=$out/lld cargo build --release --offline

echo "== RUSTFLAGS, LLD, 2.31"
GLIBC_PIN_TARGET=2.31 RUSTFLAGS="-C linker=glibc-pin-cc $RUST_LLD_FLAGS" \
  CARGO_TARGET_DIR=$out/lld-2.31 cargo build --release --offline

echo "== .cargo/config.toml, GNU ld, --gc-sections, 2.17"
# Cargo reads .cargo/config.toml from the directory it runs in and its parents.
mkdir -p "$out/config-dir/.cargo"
printf '[target.x86_64-unknown-linux-gnu]\nlinker = "glibc-pin-cc"\n' > "$out/config-dir/.cargo/config.toml"
(cd "$out/config-dir" &&
  GLIBC_PIN_TARGET=2.17 RUSTFLAGS="$RUST_GNU_FLAGS -C link-args=-Wl,--gc-sections" \
    CARGO_TARGET_DIR=$out/bfd cargo build --release --offline --manifest-path "$src/Cargo.toml")

echo "== plain cargo build (negative control)"
CARGO_TARGET_DIR=$out/plain cargo build --release --offline

echo "== the C host of the cdylib"
GLIBC_PIN_TARGET=2.17 glibc-pin-cc -O2 "$src/host/host.c" -ldl -o "$out/host-2.17"

# What the links produced: which linker, and the newest glibc version each output needs.
newest_glibc() { objdump -T "$1" | grep -oE 'GLIBC_2\.[0-9]+' | sort -uV | tail -1; }
check() {  # check FILE MAX-GLIBC LINKER(lld|gnu)
  local got; got=$(newest_glibc "$1")
  [[ $(printf '%s\n%s\n' "$got" "GLIBC_$2" | sort -V | tail -1) == "GLIBC_$2" ]] ||
    { echo "FAIL: $1 needs $got, more than GLIBC_$2"; exit 1; }
  if readelf -p .comment "$1" | grep -Eq 'Linker: (.* )?LLD'; then linker=lld; else linker=gnu; fi
  [[ $linker == "$3" ]] || { echo "FAIL: $1 was linked by $linker, not $3"; exit 1; }
  echo "ok: $1 needs at most $got, linked by $linker"
}
for f in rust-cli librust_plugin.so; do
  check "$out/lld/release/$f" 2.17 lld
  check "$out/bfd/release/$f" 2.17 gnu
  check "$out/lld-2.31/release/$f" 2.31 lld
done
echo "plain build needs $(newest_glibc "$out/plain/release/rust-cli")"
