#!/usr/bin/env bash
# fetch-runtimes.sh [--refresh]
# Fetch the real glibc runtimes that glibc-pin's tests run programs on, into
#   CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
#   CACHE/runtimes/<suite>-<arch>/   libc6 of each suite x arch, unpacked with dpkg-deb -x;
#                                    the amd64 ones also hold libstdc++6, libgcc-s1 and
#                                    libcrypt1 (libc6 depends on it since bullseye; without
#                                    it a runtime's loader finds the host's libcrypt.so.1).
#                                    VERSIONS in each lists the exact package versions.
#   CACHE/debs/<suite>/              the downloaded .deb files
#   CACHE/oldglibc/                  glibc 2.17 and 2.28 from the shared runtimes
#                                    (OLDGLIBC_ROOT for their run-on.sh), when present.
# suites: bullseye bookworm trixie sid; arches: amd64 i386 arm64.
#
# Downloads go through a private apt configuration (own state, cache, source
# list and keyring); the machine's apt setup is only read, to learn the Debian
# archive URI, never changed. When everything is cached nothing touches the network.
#
# --refresh   download again even when cached (e.g. to pick up a new sid glibc)
# env: GLIBC_PIN_TEST_CACHE   cache root (see above)
#      GLIBC_PIN_SHARED       the shared/ directory (default: <repo>/../shared);
#                             its runtimes/install.sh provides glibc 2.17 and 2.28
#      GLIBC_PIN_DEBIAN_URI   Debian archive URI (default: from the machine's apt sources)
#      GLIBC_PIN_SUITES       space-separated subset of the suites (default: all four)
set -euo pipefail

ME=fetch-runtimes.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
SHARED=${GLIBC_PIN_SHARED:-$REPO/../shared}
SUITES=(${GLIBC_PIN_SUITES:-bullseye bookworm trixie sid})
ARCHES=(amd64 i386 arm64)
CXX_PACKAGES=(libstdc++6 libgcc-s1 libcrypt1)   # amd64 only

die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*"; }
source "$REPO/scripts/private-apt.inc"   # debian_uri, private_apt_init

refresh=0
case "${1:-}" in
  --refresh) refresh=1 ;;
  -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  '') ;;
  *) die "unknown option '$1' (try --help)" ;;
esac

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
  if [[ $2 == amd64 ]]; then
    for p in "${CXX_PACKAGES[@]}"; do grep -q "^$p " "$v" || return 1; done
  fi
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
  for p in "${CXX_PACKAGES[@]}"; do want+=("$p:amd64"); done
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
    local pkgs=(libc6) deb
    [[ $a == amd64 ]] && pkgs+=("${CXX_PACKAGES[@]}")
    : > "$tmp/VERSIONS.new"
    for p in "${pkgs[@]}"; do
      deb=$(ls "$debs/${p}_"*"_$a.deb" 2>/dev/null | head -n1)
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

# ---- glibc 2.17 / 2.28 from the shared runtimes --------------------------------
OLD=$CACHE/oldglibc
if [[ -f $SHARED/runtimes/install.sh && -f $SHARED/runtimes/oldglibc-runtimes.tar.xz ]]; then
  tarball=$SHARED/runtimes/oldglibc-runtimes.tar.xz
  sum=$(sha256sum "$tarball" | cut -d' ' -f1)
  if [[ $refresh -eq 0 && -f $OLD/.installed-from && $(cat "$OLD/.installed-from") == "$sum" \
        && -x $OLD/run-on.sh && -e $OLD/2.17/lib/ld-linux-x86-64.so.2 && -e $OLD/2.28/lib/ld-linux-x86-64.so.2 ]]; then
    say "oldglibc: 2.17 2.28 already installed in $OLD"
  else
    say "oldglibc: installing from $SHARED/runtimes into $OLD"
    rm -f "$OLD/.installed-from"
    # install.sh is run with sh from its (possibly read-only) directory
    OLDGLIBC_ROOT=$OLD sh "$SHARED/runtimes/install.sh" "$tarball" > "$CACHE/oldglibc-install.log" 2>&1 || {
      cat "$CACHE/oldglibc-install.log" >&2; die "oldglibc: $SHARED/runtimes/install.sh failed"; }
    sed 's/^/  /' "$CACHE/oldglibc-install.log"
    echo "$sum" > "$OLD/.installed-from"
  fi
elif [[ -f $OLD/.installed-from && -x $OLD/run-on.sh ]]; then
  say "oldglibc: no shared runtimes at $SHARED/runtimes (set GLIBC_PIN_SHARED); using the copy installed earlier in $OLD"
else
  say "oldglibc: SKIPPED: no shared runtimes at $SHARED/runtimes (set GLIBC_PIN_SHARED); runtime tests on 2.17 and 2.28 will be skipped"
fi
say "cache: $CACHE ($(du -sh "$CACHE" 2>/dev/null | cut -f1))"
