#!/usr/bin/env bash
# pin-in-root.sh GLIBC_PIN OUT
# Runs inside a build root (scripts/buildroot.sh run SUITE ...): builds the project's test
# programs with GLIBC_PIN (the release's bin/glibc-pin) and the root's own compilers, for the
# targets 2.17, 2.28 and 2.31, and plainly (the negative controls). The results are run outside,
# on the real runtimes (tests/hosts/CMakeLists.txt, run-output.sh).
#
#   OUT/<program>.<compiler>-<target>   compiler: gcc clang (C, C++) or rustc; target: 2.17 2.28
#                                       2.31 or plain
#   programs: c-traps (tests/pinning/traps.c), cxx-features (tests/cxx/features.cc), cxx-app
#   (a directory: tests/cxx app + libcxxthrow.so + libcxxplugin.so, exceptions across a shared
#   library and a dlopen'd plugin), cxx-format (std::format, where the compiler has <format>),
#   rust-cli (examples/rust-cli through cargo, linker glibc-pin-cc).
# Beside each output: <output>.log (the build's output) and <output>.status: "ok", "failed" (the
# build failed; the log says why) or "n/a: REASON" (e.g. no <format>). A failed build does not
# stop the others: every result is judged by its own test. The builds run GLIBC_PIN_TEST_JOBS
# (default: the number of CPUs) at a time.
set -uo pipefail
gp=$1 out=$2
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
bindir=$(cd "$(dirname -- "$gp")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
export GLIBC_PIN_CACHE_DIR=$out/pin-cache
export PATH=$bindir:$PATH
export LC_ALL=C.UTF-8

echo "host: $(. /etc/os-release && echo "$PRETTY_NAME"); $(ldd --version | head -1)"
echo "      $(gcc --version | head -1); $(clang --version | head -1); $(rustc --version)"
echo "glibc-pin: $gp ($("$gp" --version | head -1))"

# build NAME CMD...: run CMD in the background (at most $max_jobs at once), record NAME.log and
# NAME.status.
max_jobs=${GLIBC_PIN_TEST_JOBS:-$(nproc)}
built=()
build() {
  local name=$1; shift
  while [[ $(jobs -rp | wc -l) -ge $max_jobs ]]; do wait -n || true; done
  built+=("$name")
  rm -f "$out/$name.status"
  (if { echo "+ $*"; "$@"; } > "$out/$name.log" 2>&1; then
     echo ok > "$out/$name.status"
   else
     echo failed > "$out/$name.status"
   fi) &
}

cxx_of() { [[ $1 == gcc ]] && echo g++ || echo clang++; }

# The C++ app: three links, one status.
build_app() { # dir cxx-command...
  local dir=$1; shift
  mkdir -p "$dir"
  "$@" -fPIC -shared "$repo/tests/cxx/thrower.cc" -o "$dir/libcxxthrow.so" &&
    "$@" -fPIC -shared "$repo/tests/cxx/plugin.cc" -o "$dir/libcxxplugin.so" &&
    "$@" "$repo/tests/cxx/app.cc" -L"$dir" -lcxxthrow '-Wl,-rpath,$ORIGIN' -ldl -o "$dir/app"
}

has_format() { # cxx
  echo '#include <format>
int main() { return std::format("{}", 1).size() == 1 ? 0 : 1; }' |
    "$1" -std=c++20 -x c++ - -o /dev/null > /dev/null 2>&1
}

cflags=(-O2 -D_FILE_OFFSET_BITS=64)
cxxflags=(-std=c++20 -O2 -pthread -I"$repo/tests/cxx")
for compiler in gcc clang; do
  cxx=$(cxx_of $compiler)
  for target in 2.17 2.28 2.31; do
    v=$compiler-$target
    build c-traps.$v env GLIBC_PIN_CC=$compiler glibc-pin cc --target $target "${cflags[@]}" \
      "$repo/tests/pinning/traps.c" -o "$out/c-traps.$v"
    build cxx-features.$v env GLIBC_PIN_CXX=$cxx glibc-pin c++ --target $target "${cxxflags[@]}" \
      "$repo/tests/cxx/features.cc" -o "$out/cxx-features.$v"
    build cxx-app.$v build_app "$out/cxx-app.$v" env GLIBC_PIN_CXX=$cxx glibc-pin c++ \
      --target $target "${cxxflags[@]}"
    if has_format $cxx; then
      build cxx-format.$v env GLIBC_PIN_CXX=$cxx glibc-pin c++ --target $target "${cxxflags[@]}" \
        "$here/format.cc" -o "$out/cxx-format.$v"
    else
      echo "n/a: $cxx has no <format>" > "$out/cxx-format.$v.status"
    fi
  done
  # Negative controls: the same programs, built plainly in the root.
  v=$compiler-plain
  build c-traps.$v $compiler "${cflags[@]}" "$repo/tests/pinning/traps.c" -o "$out/c-traps.$v"
  build cxx-features.$v $cxx "${cxxflags[@]}" "$repo/tests/cxx/features.cc" -o "$out/cxx-features.$v"
  build cxx-app.$v build_app "$out/cxx-app.$v" $cxx "${cxxflags[@]}"
  if has_format $cxx; then
    build cxx-format.$v $cxx "${cxxflags[@]}" "$here/format.cc" -o "$out/cxx-format.$v"
  else
    echo "n/a: $cxx has no <format>" > "$out/cxx-format.$v.status"
  fi
done

# Rust: cargo, offline (no crates.io), rustc's linker replaced by glibc-pin-cc.
cargo_build() { # target-dir output [env...]
  local dir=$1 output=$2; shift 2
  env CARGO_NET_OFFLINE=true CARGO_TARGET_DIR="$dir" "$@" \
    cargo build --release --offline --manifest-path "$repo/examples/rust-cli/Cargo.toml" &&
    cp "$dir/release/rust-cli" "$output"
}
for target in 2.17 2.28 2.31; do
  build rust-cli.rustc-$target cargo_build "$out/cargo-$target" "$out/rust-cli.rustc-$target" \
    GLIBC_PIN_TARGET=$target RUSTFLAGS="-C linker=glibc-pin-cc"
done
build rust-cli.rustc-plain cargo_build "$out/cargo-plain" "$out/rust-cli.rustc-plain"
wait
for name in "${built[@]}"; do
  printf '%-32s %s\n' "$name" "$(cat "$out/$name.status" 2> /dev/null || echo 'failed (no status)')"
done
# The cargo trees are large and only the executables are run.
rm -rf "$out"/cargo-*
exit 0
