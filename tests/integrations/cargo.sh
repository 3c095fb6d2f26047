#!/usr/bin/env bash
# cargo with toolchain/cargo-config.toml (cargo build --config FILE): a small crate links through
# glibc-pin for 2.17 and runs on real 2.17.
source "$(dirname -- "$0")/common.inc"
cargo=$(command -v cargo || echo "$HOME/.cargo/bin/cargo")
[[ -x $cargo ]] || skip "cargo not found (looked in PATH and ~/.cargo/bin)"
export PATH=$PATH:$(dirname -- "$cargo")
unset RUSTFLAGS
mkdir -p crate/src
printf '[package]\nname = "pinned-hello"\nversion = "0.1.0"\nedition = "2021"\n' > crate/Cargo.toml
cat > crate/src/main.rs <<'RS'
fn main() {
    let handle = std::thread::spawn(|| (1..=10).sum::<u32>());
    println!("rust: sum={}", handle.join().unwrap());
}
RS
log "$cargo" build --offline --release --manifest-path crate/Cargo.toml --target-dir "$out/target" \
    --config "$repo/toolchain/cargo-config.toml"
v=$(max_glibc target/release/pinned-hello)
[[ $(printf '%s\n' "$v" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "pinned-hello needs $v"
expect_run 2.17 "^rust: sum=55" target/release/pinned-hello
finish
