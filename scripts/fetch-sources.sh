#!/usr/bin/env bash
# fetch-sources.sh [--refresh] [PACKAGE...]
# Fetch Debian 12 (bookworm) source packages for the real-project tests (tests/projects), into
#   CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
#   CACHE/sources/<package>/         the .dsc and its tarballs, as apt-get source downloads them
#   CACHE/sources/<package>/tree/    the source unpacked with dpkg-source -x (Debian patches applied)
#   CACHE/sources/<package>/SOURCE   "<package> <version> <dsc>": what tree/ was unpacked from
# Default packages: gzip tinyxml2 sqlite3.
#
# Downloads go through a private apt configuration (scripts/private-apt.inc) whose only source
# line is `deb-src URI bookworm main`, URI being the machine's Debian archive: the machine's apt
# sources may list only `deb` lines, but the same archive serves the signed source indices. apt
# checks the .dsc against the signed Sources index, dpkg-source -x checks the tarballs against the
# .dsc. When every package is unpacked already nothing touches the network.
#
# --refresh   download and unpack again (e.g. to pick up a bookworm point release)
# env: GLIBC_PIN_TEST_CACHE, GLIBC_PIN_DEBIAN_URI (see scripts/private-apt.inc)
set -euo pipefail

ME=fetch-sources.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
DEFAULT_PACKAGES=(gzip tinyxml2 sqlite3)

die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*"; }
source "$REPO/scripts/private-apt.inc"   # debian_uri, private_apt_init

refresh=0 packages=()
for arg; do
  case $arg in
    --refresh) refresh=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option '$arg' (try --help)" ;;
    *) packages+=("$arg") ;;
  esac
done
[[ ${#packages[@]} -gt 0 ]] || packages=("${DEFAULT_PACKAGES[@]}")

SOURCES=$CACHE/sources
mkdir -p "$SOURCES" || die "cannot create $SOURCES"
SOURCES=$(cd "$SOURCES" && pwd)

# One fetch at a time per cache (CTest may start several processes).
exec 9>"$SOURCES/.lock"
flock 9

unpacked() { [[ -f $SOURCES/$1/SOURCE && -d $SOURCES/$1/tree ]]; }

todo=()
for p in "${packages[@]}"; do
  [[ $refresh -eq 1 ]] || ! unpacked "$p" || continue
  todo+=("$p")
done

if [[ ${#todo[@]} -gt 0 ]]; then
  command -v dpkg-source > /dev/null || die "dpkg-source not found (install dpkg-dev: scripts/install-deps.sh)"
  uri=$(debian_uri) || die "no Debian archive URI found: no 'bookworm' entry in /etc/apt/sources.list or /etc/apt/sources.list.d/; set GLIBC_PIN_DEBIAN_URI"
  apt=$SOURCES/.apt
  private_apt_init "$apt" "deb-src [signed-by=$PRIVATE_APT_KEYRING] $uri bookworm main"
  say "apt-get update (deb-src $uri bookworm main)"
  apt-get -c "$APT_CONF" -q update > "$apt/update.log" 2>&1 && compgen -G "$apt/state/lists/*_dists_bookworm_main_source_Sources*" > /dev/null || {
    cat "$apt/update.log" >&2
    die "cannot read the source index of '$uri bookworm main' (network? does the archive serve deb-src?)"; }

  for p in "${todo[@]}"; do
    dir=$SOURCES/$p
    rm -rf "$dir" && mkdir -p "$dir"
    say "$p: apt-get source --download-only"
    (cd "$dir" && apt-get -c "$APT_CONF" -q source --download-only "$p") > "$apt/$p.log" 2>&1 || {
      cat "$apt/$p.log" >&2; die "$p: apt-get source failed"; }
    dsc=$(cd "$dir" && ls ./*.dsc | head -n1) || die "$p: no .dsc was downloaded"
    dsc=${dsc#./}
    # into a temporary name first: a tree/ that exists is always complete
    (cd "$dir" && dpkg-source -x "$dsc" tree.tmp) > "$apt/$p.unpack.log" 2>&1 || {
      cat "$apt/$p.unpack.log" >&2; die "$p: dpkg-source -x $dsc failed"; }
    mv "$dir/tree.tmp" "$dir/tree"
    version=$(awk '/^Version:/ {print $2; exit}' "$dir/$dsc")
    echo "$p $version $dsc" > "$dir/SOURCE"
  done
  # The source index is ~10 MB and only needed during a fetch.
  rm -rf "$apt"
fi

for p in "${packages[@]}"; do
  say "$p: $(cut -d' ' -f2 "$SOURCES/$p/SOURCE") in $SOURCES/$p/tree ($(du -sh "$SOURCES/$p" | cut -f1))"
done
