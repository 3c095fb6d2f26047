#!/usr/bin/env bash
# rust-target-too-old.sh CARGO GLIBC_PIN_BIN_DIR OUT
# Rust's std needs glibc 2.17; pinned to 2.12 the link must fail and say why.
set -uo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/rust-cli" && pwd)
source "$here/rust-toolchain.inc"   # cargo bindir out, PATH (skips without cargo)
cd "$src"
log=$(GLIBC_PIN_TARGET=2.12 RUSTFLAGS="-C linker=glibc-pin-cc" \
  CARGO_TARGET_DIR=$out/target-2.12 cargo build --release --offline -p rust-cli 2>&1)
rc=$?
echo "$log" | grep 'glibc-pin' || true
[[ $rc -ne 0 ]] || { echo "FAIL: the 2.12 build succeeded"; exit 1; }
echo "$log" | grep -Eq "glibc-pin: error: .*GLIBC_2\.1[3-7].*which x86_64-linux-gnu\.2\.12 does not have" ||
  { echo "FAIL: no glibc-pin explanation in the failed link:"; echo "$log" | tail -20; exit 1; }
echo "PASS: the 2.12 link failed and glibc-pin named the missing symbol"
