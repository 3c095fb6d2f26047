#!/usr/bin/env bash
# stub-elf-equivalence.sh GLIBC_PIN SOURCE_DIR OUT_DIR
# The stub libraries glibc-pin writes directly (src/generator/stub_elf.cpp) against the same
# stubs built the old way, from assembly with as and ld (GLIBC_PIN_STUBS_VIA_LD=1; the renamed-
# symbol trampolines then come from as and the shim archive from ar, otherwise from
# trampoline_object.cpp and static_archive.cpp), for every
# architecture whose compiler is installed and targets 2.12 (x86_64), 2.17, 2.28, 2.31 and 2.36:
#  1. each stub: the same dynamic symbols (name@version, type, binding, size, section), the
#     same version definitions, the same soname (readelf);
#  2. programs (the pinning trap programs, C++, copy relocations of environ/stdout/tzname...,
#     a -shared library) linked against either set with ld.bfd and lld (and gold on x86_64):
#     the same dynamic symbols with their versions and sizes (the copies' sizes), version needs,
#     relocations (type, symbol, addend), sections and segments. Each output is reported as
#     byte-identical, as the same `readelf -aW` but for the build ID, or as equivalent: linkers
#     order the output's .dynsym, .dynstr and GOT slots by the order they met the names in the
#     stubs' .dynsym, which GNU ld sorts by its own symbol hash table, and the build ID hashes
#     all of that.
#  3. one program per architecture, linked against the direct stubs, runs on real glibc 2.17.
set -uo pipefail
pin=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
runon=$here/../runtime/run-on.sh
pinning=$src/tests/pinning
rm -rf "$out" && mkdir -p "$out/lldbin" && cd "$out" || exit 1
# A cross gcc's -fuse-ld=lld looks for ld.lld only in its own directories and -B ones.
ln -s "$(command -v ld.lld)" "$out/lldbin/ld.lld"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The dynamic symbols and version definitions of a stub, without addresses or table order.
describe_stub() {
  readelf -SW "$1" | awk '/^ *\[ *[0-9]+\]/ { sub(/^ *\[ */, ""); split($0, f, /\] */); split(f[2], g, " "); print f[1], g[1] }' > "$1.sections"
  readelf --dyn-syms -W "$1" | awk -v sections="$1.sections" '
    BEGIN { while ((getline line < sections) > 0) { split(line, f, " "); name[f[1]] = f[2] } }
    $1 ~ /^[0-9]+:$/ && $8 != "" { ndx = ($7 in name) ? name[$7] : $7; print $8, $4, $5, $6, $3, ndx }' | sort
  readelf -V "$1" | sed -n '/Version definition/,/^$/p' | grep -v 'Addr:' | sed 's/^ *0x[0-9a-f]*: *//; s/^ *[0-9]*: *//'
  readelf -dW "$1" | grep SONAME
}

# What a linked output asks of and offers to the loader, in no particular order.
describe_output() {
  readelf --dyn-syms -W "$1" | awk '$1 ~ /^[0-9]+:$/ { print "sym", $8, $4, $5, $6, $7, $3 }' | sort
  readelf -VW "$1" | sed -n '/Version needs/,$p' | grep -v 'Addr:' |
    sed 's/^ *\(0x\)\?[0-9a-f]*: *//; s/Version: [0-9]*//' | sort
  readelf -rW "$1" | awk '$1 ~ /^[0-9a-f]+$/ && NF >= 4 { print "rel", $3, $5, $6, $7 }' | sort
  # (gold merges string tails, so .dynstr's size depends on the order too)
  readelf -SW "$1" | sed 's/\[ */[/' |
    awk '$1 ~ /^\[[0-9]+\]$/ { print "section", $2, $3, ($2 == ".dynstr" ? "" : $6) }'
  readelf -lW "$1" | awk '$1 ~ /^[A-Z_]+$/ && $2 ~ /^0x/ { print "segment", $1 }'
}

# One architecture: the compiler, the runtime name prefix, the releases.
check_arch() {
  local arch=$1 cc=$2 cxx=$3 runtime=$4; shift 4
  if ! command -v "$cc" >/dev/null || ! command -v "$cxx" >/dev/null; then
    echo "SKIP $arch: $cc or $cxx not installed"
    return
  fi
  local linkers="bfd lld"
  [ "$arch" = x86_64 ] && command -v ld.gold >/dev/null && linkers="bfd lld gold"
  for release in "$@"; do
    echo "== $arch $release"
    local d=$arch-$release
    mkdir -p "$d"
    # Each stub set: generated on the first link through glibc-pin (compiling does not generate
    # a target's libraries for another architecture).
    for set in direct ref; do
      local via=0; [ $set = ref ] && via=1
      GLIBC_PIN_STUBS_VIA_LD=$via GLIBC_PIN_CACHE_DIR=$out/cache-$set GLIBC_PIN_CC=$cc \
        "$pin" cc --target "$release" "$src/tests/generator/copyrel.c" -o "$d/first-$set" \
        || { fail "$arch $release: generating the $set stubs"; continue 2; }
    done
    local direct ref
    direct=$(ls -d "$out"/cache-direct/"$arch"-glibc-"$release"-* | head -1)
    ref=$(ls -d "$out"/cache-ref/"$arch"-glibc-"$release"-* | head -1)
    [ "$(basename "$direct")" = "$(basename "$ref")" ] || fail "$arch $release: cache keys differ"
    # 1. every stub (an ELF shared object, not a linker script or a link)
    local stubs=0
    for f in "$ref"/*.so.*; do
      [ -L "$f" ] && continue
      case $(basename "$f") in stub-*) continue ;; esac
      head -c4 "$f" | grep -q ELF || continue
      local name; name=$(basename "$f")
      stubs=$((stubs + 1))
      [ -f "$direct/$name" ] || { fail "$arch $release: no direct $name"; continue; }
      readelf -hW "$direct/$name" | grep -q 'Type: *DYN' || fail "$arch $release $name: not a shared object"
      if ! diff <(describe_stub "$f") <(describe_stub "$direct/$name") > "$d/$name.diff"; then
        fail "$arch $release $name: stubs differ (readelf), see $out/$d/$name.diff"
        head -20 "$d/$name.diff"
      fi
    done
    [ "$stubs" -ge 10 ] || fail "$arch $release: only $stubs stubs compared"
    # the trampolines (src/generator/trampoline_object.cpp) against as's, and the shim archive
    # (static_archive.cpp) against `ar rcsD`'s: byte for byte
    local trampolines=0
    for f in "$ref"/renamed-*.o; do
      [ -f "$f" ] || continue
      trampolines=$((trampolines + 1))
      cmp -s "$f" "$direct/$(basename "$f")" || fail "$arch $release: $(basename "$f") differs from as's"
    done
    echo "   trampolines compared with as's: $trampolines"
    if [ -f "$ref/libglibc-pin-shims.a" ]; then
      cmp "$ref/libglibc-pin-shims.a" "$direct/libglibc-pin-shims.a" &&
        echo "   shim archive: byte-identical to ar's ($(ar t "$ref/libglibc-pin-shims.a" | wc -l) members)" ||
        fail "$arch $release: the shim archive differs from ar's"
    fi
    # 2. programs: objects compiled once, linked against each set
    local objects="traps copyrel cxx plugin ctor new resolv"
    GLIBC_PIN_CACHE_DIR=$out/cache-direct GLIBC_PIN_CC=$cc GLIBC_PIN_CXX=$cxx bash -c '
      set -e
      "$0" cc --target "$1" -O2 -D_FILE_OFFSET_BITS=64 -c "$2/traps.c" -o "$3/traps.o" 2>/dev/null
      "$0" cc --target "$1" -O2 -fno-pie -c "$4" -o "$3/copyrel.o"
      "$0" c++ --target "$1" -O2 -c "$2/cxx_runtime_traps.cc" -o "$3/cxx.o"
      "$0" cc --target "$1" -O2 -fPIC -c "$2/plugin.c" -o "$3/plugin.o"
      "$0" cc --target "$1" -O2 -c "$2/ctor_once.c" -o "$3/ctor.o"
      "$0" cc --target "$1" -O2 -c "$2/traps_new_interfaces.c" -o "$3/new.o"
      "$0" cc --target "$1" -O2 -c "$2/resolv_renamed.c" -o "$3/resolv.o"
    ' "$pin" "$release" "$pinning" "$d" "$src/tests/generator/copyrel.c" || { fail "$arch $release: compiling"; continue; }
    declare -A verdict=()
    for linker in $linkers; do
      for o in $objects; do
        local flags="" driver=cc
        [ $linker = lld ] && flags="-B$out/lldbin/"
        case $o in
          copyrel) flags+=" -no-pie" ;;
          cxx) driver=c++; flags+=" -pthread" ;;
          plugin) flags+=" -shared" ;;
          traps) flags+=" -pthread -ldl -lm" ;;
        esac
        for set in direct ref; do
          GLIBC_PIN_CACHE_DIR=$out/cache-$set GLIBC_PIN_CC=$cc GLIBC_PIN_CXX=$cxx \
            "$pin" $driver --target "$release" -fuse-ld=$linker $flags "$d/$o.o" -o "$d/$o-$linker-$set" \
            > "$d/$o-$linker-$set.log" 2>&1 || fail "$arch $release $o $linker: link against the $set stubs: $(tail -3 "$d/$o-$linker-$set.log")"
        done
        [ -f "$d/$o-$linker-direct" ] && [ -f "$d/$o-$linker-ref" ] || continue
        local a=$d/$o-$linker-ref b=$d/$o-$linker-direct
        if ! diff <(describe_output "$a") <(describe_output "$b") > "$d/$o-$linker.diff"; then
          fail "$arch $release $o $linker: outputs differ, see $out/$d/$o-$linker.diff"
          head -20 "$d/$o-$linker.diff"
        elif cmp -s "$a" "$b"; then
          verdict[byte-identical]+=" $o-$linker"
        elif cmp -s <(readelf -aW "$a" | grep -v 'Build ID:') <(readelf -aW "$b" | grep -v 'Build ID:'); then
          verdict[readelf-identical]+=" $o-$linker"
        else
          verdict[equivalent]+=" $o-$linker"
        fi
      done
    done
    for v in byte-identical readelf-identical equivalent; do
      echo "   $v:${verdict[$v]:- none}"
    done
    # copy relocations were made (the test would prove nothing about their sizes otherwise)
    if [ "$release" = 2.17 ]; then
      readelf -rW "$d/copyrel-bfd-direct" | grep -q '_COPY' || fail "$arch $release: copyrel has no copy relocation"
      echo "   copy relocations: $(readelf -rW "$d/copyrel-bfd-direct" | grep -c _COPY)"
      # 3. runs on the real 2.17 of its architecture
      local rt=$runtime-2.17; [ "$arch" = x86_64 ] && rt=2.17
      if "$runon" --check "$rt" 2>/dev/null; then
        for p in traps-bfd-direct copyrel-lld-direct cxx-lld-direct; do
          local output
          if output=$("$runon" "$rt" "$d/$p" 2>&1); then
            echo "   $p on $rt: $(echo "$output" | tail -1)"
          else
            fail "$arch: $p does not run on $rt: $output"
          fi
        done
      else
        echo "   (runtime $rt not available: not run)"
      fi
    fi
  done
}

check_arch x86_64 gcc g++ "" 2.12 2.17 2.28 2.31 2.36
check_arch aarch64 aarch64-linux-gnu-gcc aarch64-linux-gnu-g++ aarch64 2.17 2.28 2.31 2.36
check_arch i386 i686-linux-gnu-gcc i686-linux-gnu-g++ i386 2.17 2.28 2.31 2.36
echo "$failures failures"
[ "$failures" = 0 ]
