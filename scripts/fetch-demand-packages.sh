#!/usr/bin/env bash
# fetch-demand-packages.sh [SUITE...]
# Download the packages of demand/packages.txt for each SUITE (default: bookworm trixie), amd64,
# through a private apt configuration, and unpack them into one tree per suite:
#   CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}/demand
#   CACHE/debs/<suite>/        the .deb files
#   CACHE/root/<suite>/        every package unpacked (dpkg-deb -x), as one system tree
#   CACHE/<suite>.packages     "<listed name> <package> <version>" per package, or
#                              "<listed name> - absent" when the suite has no such package
# A listed library renamed for trixie's 64-bit time_t transition is taken by its "t64" name.
# When CACHE/<suite>.packages exists the suite is not fetched again (delete it to refresh).
# env: GLIBC_PIN_TEST_CACHE, GLIBC_PIN_DEBIAN_URI (see fetch-runtimes.sh)
set -euo pipefail

ME=fetch-demand-packages.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}/demand
LIST=$REPO/demand/packages.txt

die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*"; }
source "$REPO/scripts/private-apt.inc"   # debian_uri, private_apt_init

case "${1:-}" in -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
SUITES=("$@")
[[ ${#SUITES[@]} -gt 0 ]] || SUITES=(bookworm trixie)

mkdir -p "$CACHE" || die "cannot create $CACHE"
exec 9>"$CACHE/.lock"
flock 9

uri=$(debian_uri) || die "no Debian archive URI (set GLIBC_PIN_DEBIAN_URI)"
mapfile -t listed < <(sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$LIST")

fetch_suite() { # suite
  local suite=$1 apt=$CACHE/apt/$1 debs=$CACHE/debs/$1 root=$CACHE/root/$1
  private_apt_init "$apt" "deb [signed-by=$PRIVATE_APT_KEYRING] $uri $suite main"
  local aptopts=(-c "$apt/apt.conf" -q)
  say "$suite: apt-get update ($uri)"
  apt-get "${aptopts[@]}" update > "$apt/update.log" 2>&1 ||
    { cat "$apt/update.log" >&2; die "$suite: apt-get update failed"; }

  # Resolve every listed name to a package of this suite: itself, else its t64 rename.
  local name pkg version resolved=() table=$CACHE/$suite.packages.new
  declare -A version_of=()
  while read -r pkg version; do version_of[$pkg]=$version; done < <(
    apt-cache "${aptopts[@]}" dumpavail | awk '/^Package:/ {p = $2} /^Version:/ {print p, $2}')
  : > "$table"
  for name in "${listed[@]}"; do
    pkg=-
    for candidate in "$name" "${name}t64"; do
      if [[ -n ${version_of[$candidate]:-} ]]; then pkg=$candidate; break; fi
    done
    if [[ $pkg == - ]]; then echo "$name - absent" >> "$table"; continue; fi
    echo "$name $pkg ${version_of[$pkg]}" >> "$table"
    resolved+=("$pkg")
  done
  mapfile -t resolved < <(printf '%s\n' "${resolved[@]}" | sort -u)
  say "$suite: downloading ${#resolved[@]} packages ($(grep -c ' absent$' "$table") listed names absent)"
  mkdir -p "$debs"
  (cd "$debs" && apt-get "${aptopts[@]}" download "${resolved[@]}") > "$apt/download.log" 2>&1 ||
    { tail -n 20 "$apt/download.log" >&2; die "$suite: apt-get download failed"; }

  say "$suite: unpacking into $root"
  rm -rf "$root"
  mkdir -p "$root"
  local deb
  for deb in "$debs"/*.deb; do
    dpkg-deb -x "$deb" "$root" || die "$suite: dpkg-deb -x $deb failed"
  done
  rm -rf "$apt"
  mv "$table" "$CACHE/$suite.packages"
}

for suite in "${SUITES[@]}"; do
  if [[ -f $CACHE/$suite.packages ]]; then say "$suite: cached ($CACHE/$suite.packages)"; continue; fi
  fetch_suite "$suite"
done
