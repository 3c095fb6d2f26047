#!/usr/bin/env bash
# rust-argfile.sh CARGO GLIBC_PIN_BIN_DIR OUT
# rustc hands the linker an @argfile exactly when the command line is too long to exec (E2BIG).
# 2200 long -C link-arg options (2.3 MB, above ARG_MAX = 2 MB) force that; glibc-pin must expand
# the file, and pass the arguments on without hitting E2BIG itself. The result must run on 2.17.
set -euo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/rust-cli" && pwd)
source "$here/rust-toolchain.inc"   # cargo bindir out, PATH (skips without cargo)
mkdir -p "$out"
pad=$(printf '%01000d' 0)
for i in $(seq 2200); do echo "-Clink-arg=-Wl,-rpath-link,/nonexistent/$i/$pad"; done > "$out/link-args.txt"
cd "$src"
GLIBC_PIN_TARGET=2.17 RUSTFLAGS="-C linker=glibc-pin-cc @$out/link-args.txt" \
  CARGO_TARGET_DIR=$out/target cargo build --release --offline -p rust-cli
"$here/../runtime/run-on.sh" 2.17 "$out/target/release/rust-cli" | tail -1
