// Cargo does not know that the linker's output depends on GLIBC_PIN_TARGET: without this line a
// rebuild for another target would keep the binary linked for the previous one.
fn main() {
    println!("cargo:rerun-if-env-changed=GLIBC_PIN_TARGET");
}
