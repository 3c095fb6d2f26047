#!/usr/bin/env bash
# build-old-glibc.sh [--force] [--keep-build] RUNTIME...
# Build the old glibc runtimes that glibc-pin's tests run programs on, from upstream glibc source
# with the patches kept in scripts/oldglibc/patches/<version>/, into the test cache:
#   CACHE/oldglibc/<name>/lib/        the loader, libc and the other libraries, gconv/ modules
#   CACHE/oldglibc/<name>/gcc-lib/    an old C++ runtime (libstdc++.so.6, libgcc_s.so.1), when
#                                     one is available (see below)
#   CACHE/oldglibc/<name>/BUILDINFO.txt   source commit, patches, configure line, compiler
# CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}. tests/runtime/run-on.sh runs
# programs on them (runtime names as below).
#
# RUNTIME  (name: glibc source, how)
#   2.12          x86_64 glibc 2.12 (CentOS 6), release/2.12/master, gcc -fno-pie, 4 patches
#   2.17          x86_64 glibc 2.17 (CentOS 7), release/2.17/master, gcc -fno-pie, 4 patches
#   2.28          x86_64 glibc 2.28 (RHEL 8, Debian 10), release/2.28/master, no patches
#   i386-2.17     i686 glibc 2.17, i686-linux-gnu-gcc -fno-pie, the 2.17 patches
#   i386-2.28     i686 glibc 2.28, i686-linux-gnu-gcc, no patches
#   aarch64-2.28  aarch64 glibc 2.28, aarch64-linux-gnu-gcc, no patches
#   all           every one above
# (aarch64-2.17 is not built here: its glibc needs a binutils older than Debian 12's; the tests
# take it from the crosstool-NG sysroot of the npm package @napi-rs/cross-toolchain-x64-target-aarch64,
# see scripts/fetch-runtimes.sh.)
#
# Source: GLIBC_PIN_GLIBC_SOURCE, either
#   - a glibc git repository (bare or not): the branch release/<version>/master is built (the
#     tag glibc-<version> when the branch is absent); blobs missing from a partial mirror are
#     left out when they are not needed (test data, big locale sources), or
#   - a directory holding glibc-<version>.tar.{xz,bz2,gz} (the upstream release tarballs).
# Debian's archive no longer serves a glibc source package of these versions (its oldest suite
# here is bullseye, glibc 2.31), so a source must be given.
#
# C++ runtimes: CACHE/oldglibc/<name>/gcc-lib is kept from an earlier install (fetch-runtimes.sh
# copies the one of ../shared); scripts/fetch-runtimes.sh gives a runtime without one bullseye's
# libgcc_s.so.1 / libstdc++.so.6 of its architecture where they need no newer glibc (the 2.28s
# both, i386-2.17 libgcc_s only, 2.12 none).
#
# --force       rebuild even when CACHE/oldglibc/<name> is complete
# --keep-build  keep the build tree (CACHE/oldglibc-build/<name>) after a success
# env: GLIBC_PIN_GLIBC_SOURCE  the glibc source (above; required)
#      GLIBC_PIN_TEST_CACHE    cache root
#      GLIBC_PIN_BUILD_JOBS    make -j (default: the number of CPUs)
# A build takes 5-35 minutes on 2 idle cores (2.12 took 66 minutes under nice -n 19 on a busy
# machine); the log is CACHE/oldglibc-build/<name>.log.
set -euo pipefail

ME=build-old-glibc.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
PATCHES=$REPO/scripts/oldglibc/patches
JOBS=${GLIBC_PIN_BUILD_JOBS:-$(nproc)}
ALL=(2.12 2.17 2.28 i386-2.17 i386-2.28 aarch64-2.28)

die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*"; }

force=0 keep=0 names=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --force) force=1 ;;
    --keep-build) keep=1 ;;
    -h|--help) sed -n '2,43p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    all) names+=("${ALL[@]}") ;;
    -*) die "unknown option '$1' (try --help)" ;;
    *) names+=("$1") ;;
  esac
  shift
done
[[ ${#names[@]} -gt 0 ]] || die "no runtime given (try --help)"

# ---- what each runtime is -----------------------------------------------------------------------
# Sets: version arch loader host_triplet configure (array) cc cxx cflags deb_arch
plan() { # name
  local name=$1
  version=${name##*-} arch=x86_64
  [[ $name == *-* ]] && arch=${name%-*}
  host_triplet= configure=() keep_going=0
  case $arch in
    x86_64)  loader=ld-linux-x86-64.so.2 deb_arch=amd64 ;;
    i386)    loader=ld-linux.so.2 deb_arch=i386 host_triplet=i686-linux-gnu ;;
    aarch64) loader=ld-linux-aarch64.so.1 deb_arch=arm64 host_triplet=aarch64-linux-gnu ;;
  esac
  case $name in
    2.12)
      # gcc 12 defaults to -fno-common and PIE; 2.12 predates both, and also
      # -fstack-protector/_FORTIFY_SOURCE in its own build. Loops that gcc would turn
      # into memset/memcpy calls inside memset/memcpy themselves stay loops.
      cc="gcc -fno-pie -no-pie" cxx="g++ -fno-pie -no-pie"
      cflags="-O2 -fcommon -fgnu89-inline -U_FORTIFY_SOURCE -fno-stack-protector -fno-tree-loop-distribute-patterns"
      configure=(--enable-add-ons=nptl --disable-profile --without-selinux --without-gd)
      # Its static tools (sln, ldconfig) do not link with gcc 12's libgcc_eh.a, which needs
      # _dl_find_object (glibc 2.35). They are no part of the runtime: build and install the
      # rest (make -k), then check that every library of the runtime is there.
      keep_going=1 ;;
    2.17)
      cc="gcc -fno-pie -no-pie" cxx="g++ -fno-pie -no-pie"
      cflags="-O2 -fcommon -fgnu89-inline -U_FORTIFY_SOURCE -fno-stack-protector"
      configure=(--disable-profile --without-selinux --without-gd) ;;
    i386-2.17)
      cc="i686-linux-gnu-gcc -fno-pie -no-pie" cxx="i686-linux-gnu-g++ -fno-pie -no-pie"
      cflags="-O2 -fcommon -fgnu89-inline -U_FORTIFY_SOURCE -fno-stack-protector"
      configure=(--host=i686-linux-gnu --build=x86_64-linux-gnu --disable-profile --without-selinux --without-gd) ;;
    2.28)
      cc=gcc cxx=g++ cflags="-O2 -fcommon"
      configure=(--disable-werror --enable-kernel=3.2) ;;
    i386-2.28)
      cc=i686-linux-gnu-gcc cxx=i686-linux-gnu-g++ cflags="-O2 -fcommon"
      configure=(--host=i686-linux-gnu --build=x86_64-linux-gnu --disable-werror --enable-kernel=3.2) ;;
    aarch64-2.28)
      cc=aarch64-linux-gnu-gcc cxx=aarch64-linux-gnu-g++ cflags="-O2 -fcommon"
      configure=(--host=aarch64-linux-gnu --build=x86_64-linux-gnu --disable-werror --enable-kernel=3.7.0) ;;
    *) die "unknown runtime '$name' (${ALL[*]} all)" ;;
  esac
}

complete() { [[ -e $CACHE/oldglibc/$1/lib/$loader && -f $CACHE/oldglibc/$1/lib/libc.so.6 ]]; }

# ---- the source: a git repository or release tarballs ----------------------------------------
# unpack_source VERSION DIR: DIR gets the glibc source tree; echoes what it is
unpack_source() {
  local version=$1 dir=$2 src=${GLIBC_PIN_GLIBC_SOURCE:-} ref t gitdir
  [[ -n $src ]] || die "no glibc source: set GLIBC_PIN_GLIBC_SOURCE to a glibc git repository or to a directory with glibc-$version.tar.xz (Debian's archive has no glibc $version source package)"
  mkdir -p "$dir"
  if gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null); then
    for ref in "release/$version/master" "glibc-$version"; do
      git --git-dir="$gitdir" rev-parse -q --verify "$ref^{commit}" > /dev/null && break
      ref=
    done
    [[ -n $ref ]] || die "$src has neither release/$version/master nor glibc-$version"
    # A partial mirror may lack big blobs (test data, locale sources): leave those out.
    local missing=() p
    git --git-dir="$gitdir" ls-tree -r "$ref" > "$dir.tree"
    while IFS= read -r p; do missing+=(":(exclude)$p"); done < <(
      cut -f1 "$dir.tree" | awk '{print $3}' | git --git-dir="$gitdir" cat-file --batch-check |
        paste - <(cut -f2 "$dir.tree") | awk -F'\t' '$1 ~ / missing$/ {print $2}')
    rm -f "$dir.tree"
    for p in "${missing[@]}"; do
      case ${p#:(exclude)} in
        localedata/*|*/auto-libm-test-out*|*/libm-test-ulps*|*test*) ;;
        *) die "$src lacks ${p#:(exclude)}, which the build needs" ;;
      esac
    done
    git --git-dir="$gitdir" archive "$ref" -- . "${missing[@]}" | tar -x -C "$dir"
    echo "git $(git --git-dir="$gitdir" rev-parse "$ref^{commit}") ($ref of $src)${missing:+; left out ${#missing[@]} blobs missing from that repository}"
  elif [[ -d $src ]]; then
    for t in "$src/glibc-$version.tar.xz" "$src/glibc-$version.tar.bz2" "$src/glibc-$version.tar.gz"; do
      [[ -f $t ]] || continue
      tar -xf "$t" -C "$dir" --strip-components=1
      echo "tarball $t (sha256 $(sha256sum "$t" | cut -d' ' -f1))"
      return
    done
    die "$src holds no glibc-$version.tar.{xz,bz2,gz} and is not a git repository"
  else
    die "GLIBC_PIN_GLIBC_SOURCE=$src: no such directory"
  fi
}

# ---- one runtime --------------------------------------------------------------------------------
build_one() { # name
  local name=$1
  plan "$name"
  local out=$CACHE/oldglibc/$name
  if [[ $force -eq 0 ]] && complete "$name"; then
    say "$name: already in $out (--force rebuilds it)"; return
  fi
  local cc1=${cc%% *}
  command -v "$cc1" > /dev/null || die "$name: $cc1 not found (scripts/install-deps.sh installs it)"
  local work=$CACHE/oldglibc-build/$name log=$CACHE/oldglibc-build/$name.log
  local prefix=/opt/glibc-pin-oldglibc/$name   # never exists: the runtime's built-in paths find nothing
  rm -rf "$work"; mkdir -p "$work/src" "$work/build" "$work/install"
  : > "$log"
  say "$name: building glibc $version for $arch (log: $log)"
  local what; what=$(unpack_source "$version" "$work/src")
  local applied=() p
  local vpatches=$PATCHES/${version}
  if [[ -d $vpatches ]]; then
    for p in "$vpatches"/*.patch; do
      [[ -e $p ]] || continue
      patch -d "$work/src" -p1 --forward --batch < "$p" >> "$log" 2>&1 || die "$name: patch $p does not apply (see $log)"
      applied+=("${p#$REPO/}")
    done
  fi
  local started=$SECONDS
  (
    cd "$work/build"
    "$work/src/configure" --prefix="$prefix" "${configure[@]}" CC="$cc" CXX="$cxx" CFLAGS="$cflags"
    # MAKEINFO=: : the manual is not needed (and old texinfo sources upset today's makeinfo)
    if [[ $keep_going -eq 1 ]]; then
      make -k -j"$JOBS" MAKEINFO=: || echo "$ME: make -k: some targets failed (see above); checking the runtime's libraries"
      make -k install install_root="$work/install" MAKEINFO=: || echo "$ME: make -k install: some targets failed"
    else
      make -j"$JOBS" MAKEINFO=:
      make install install_root="$work/install" MAKEINFO=:
    fi
  ) >> "$log" 2>&1 || { tail -n 40 "$log" >&2; die "$name: build failed (full log: $log)"; }

  # The runtime: every shared library and loader (not the static archives, headers, tools).
  local tmp; tmp=$(mktemp -d "$CACHE/oldglibc/.$name.XXXXXX")
  mkdir -p "$tmp/lib"
  local libdir=$work/install$prefix/lib
  [[ $arch == aarch64 && -d $work/install$prefix/lib64 ]] && libdir=$work/install$prefix/lib64
  cp -a "$libdir"/*.so* "$tmp/lib/"
  [[ -d $libdir/gconv ]] && cp -a "$libdir/gconv" "$tmp/lib/"
  # the SONAME links (libc.so.6 -> libc-VER.so ...) that make install leaves to ldconfig,
  # which 2.12's build cannot link (see keep_going)
  local f soname l
  for f in "$tmp/lib"/*.so*; do
    [[ -f $f && ! -L $f ]] || continue
    soname=$(readelf -d "$f" 2> /dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')  || soname=   # not ELF: a linker script
    if [[ -n $soname && ! -e $tmp/lib/$soname ]]; then ln -s "${f##*/}" "$tmp/lib/$soname"; fi
  done
  for l in "$loader" libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2 libutil.so.1 libnss_files.so.2 libnss_dns.so.2; do
    [[ -e $tmp/lib/$l ]] || { tail -n 40 "$log" >&2; die "$name: the build made no $l (log: $log)"; }
  done
  # keep an old C++ runtime from an earlier install
  [[ -d $out/gcc-lib ]] && cp -a "$out/gcc-lib" "$tmp/"
  {
    echo "glibc $version for $arch, built by scripts/build-old-glibc.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ) in $((SECONDS - started)) s"
    echo "source: $what"
    echo "patches: ${applied[*]:-none}"
    echo "configure --prefix=$prefix ${configure[*]} CC='$cc' CXX='$cxx' CFLAGS='$cflags'"
    echo "compiler: $($cc1 --version | head -n1); $(ld --version | head -n1)"
    echo "libc.so.6: $(strings "$tmp/lib/libc.so.6" | grep -m1 'GNU C Library')"
    if [[ -d $tmp/gcc-lib ]]; then echo "gcc-lib: $(cd "$tmp/gcc-lib" && ls | tr '\n' ' ')"; else echo "gcc-lib: none (C only)"; fi
  } > "$tmp/BUILDINFO.txt"
  rm -rf "$out"; mv "$tmp" "$out"; chmod 755 "$out"
  [[ $keep -eq 1 ]] || rm -rf "$work"
  say "$name: done in $((SECONDS - started)) s: $out"
}

mkdir -p "$CACHE/oldglibc" "$CACHE/oldglibc-build"
CACHE=$(cd "$CACHE" && pwd)
for n in "${names[@]}"; do plan "$n"; done   # unknown names fail before any build starts
for n in "${names[@]}"; do build_one "$n"; done
