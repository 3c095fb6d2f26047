#!/usr/bin/env bash
# rust-target-too-old.sh CARGO GLIBC_PIN_BIN_DIR OUT
# Rust's std needs glibc 2.17 from rustc 1.64 on: pinned to 2.12 the link must fail and say why.
# rustc 1.63's std (Debian 12's) still supports glibc 2.11 (it reaches newer functions such as
# statx, getrandom and __cxa_thread_atexit_impl through weak references): there the 2.12 link
# must succeed and need at most GLIBC_2.12, and languages.rust.cli-2.12 runs OUT/target-2.12's
# rust-cli on real runtimes (2.17 and newer: the 2.12 runtime here has no libgcc_s.so.1). With a newer rustc that test skips: OUT/target-2.12.SKIPPED says why.
set -uo pipefail
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/rust-cli" && pwd)
RUST_SKIP_FILE=$3/target-2.12.SKIPPED
mkdir -p "$3"
source "$here/rust-toolchain.inc"   # cargo bindir out, PATH, RUSTC_VERSION (skips without cargo)
rm -f "$out/target-2.12.SKIPPED"
cd "$src"
log=$(GLIBC_PIN_TARGET=2.12 RUSTFLAGS="-C linker=glibc-pin-cc" \
  CARGO_TARGET_DIR=$out/target-2.12 cargo build --release --offline -p rust-cli 2>&1)
rc=$?
echo "$log" | grep 'glibc-pin' || true
if [[ $(printf '%s\n' 1.64 "$RUSTC_VERSION" | sort -V | head -1) != 1.64 ]]; then
  [[ $rc -eq 0 ]] || { echo "FAIL: rustc $RUSTC_VERSION's 2.12 build failed:"; echo "$log" | tail -20; exit 1; }
  bin=$out/target-2.12/release/rust-cli
  got=$(objdump -T "$bin" | grep -oE 'GLIBC_2\.[0-9]+' | sort -uV | tail -1)
  [[ $(printf '%s\n' "$got" GLIBC_2.12 | sort -V | tail -1) == GLIBC_2.12 ]] ||
    { echo "FAIL: $bin needs $got, more than GLIBC_2.12"; exit 1; }
  echo "PASS: rustc $RUSTC_VERSION's std supports glibc 2.12; $bin needs at most $got"
  exit 0
fi
echo "SKIP: rustc $RUSTC_VERSION's std needs glibc 2.17, nothing to run on 2.12 (languages.rust.target-2.12 checks the refused link)" > "$out/target-2.12.SKIPPED"
[[ $rc -ne 0 ]] || { echo "FAIL: the 2.12 build succeeded"; exit 1; }
echo "$log" | grep -Eq "glibc-pin: error: .*GLIBC_2\.1[3-7].*which x86_64-linux-gnu\.2\.12 does not have" ||
  { echo "FAIL: no glibc-pin explanation in the failed link:"; echo "$log" | tail -20; exit 1; }
echo "PASS: the 2.12 link failed and glibc-pin named the missing symbol"
