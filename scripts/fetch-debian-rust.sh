#!/usr/bin/env bash
# fetch-debian-rust.sh [--refresh]
# Debian 12's Rust toolchain with the standard library of every architecture glibc-pin pins for,
# for the tests that build Rust programs for aarch64 and i386 (tests/arch). rustup's rustc has
# only the std of the architectures someone downloaded, and rustup needs the internet; Debian's
# archive has rustc 1.63 and its std (libstd-rust-dev) for amd64, arm64 and i386.
#   CACHE/rust-debian/root/      bookworm's rustc (amd64) and libstd-rust-1.63 + libstd-rust-dev
#                                of amd64, arm64 and i386, unpacked with dpkg-deb -x (never
#                                installed); VERSIONS lists the exact packages
#   CACHE/debs/rust-bookworm/    the downloaded .deb files
# CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}. Use it as
#   LD_LIBRARY_PATH=CACHE/rust-debian/root/usr/lib/x86_64-linux-gnu CACHE/rust-debian/root/usr/bin/rustc
# (it finds its sysroot, root/usr, from where it is). librustc_driver needs the host's libLLVM-14
# (Debian package libllvm14, which scripts/install-deps.sh installs).
# Downloads go through a private apt configuration (scripts/private-apt.inc); the machine's apt
# setup is only read. When the tree is complete nothing touches the network.
# --refresh   download again
# env: GLIBC_PIN_TEST_CACHE, GLIBC_PIN_DEBIAN_URI (see scripts/fetch-runtimes.sh)
# Exit: 0 when the tree is there, 1 when it could not be fetched (the reason on stderr).
set -euo pipefail

ME=fetch-debian-rust.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
SUITE=bookworm
PACKAGES=(rustc:amd64 libstd-rust-1.63:amd64 libstd-rust-dev:amd64 libstd-rust-1.63:arm64
          libstd-rust-dev:arm64 libstd-rust-1.63:i386 libstd-rust-dev:i386)

source "$REPO/scripts/cache-fetch.inc"   # die, say, read_refresh_option
source "$REPO/scripts/private-apt.inc"   # debian_uri, private_apt_init
read_refresh_option "$@"

mkdir -p "$CACHE" || die "cannot create cache directory $CACHE"
CACHE=$(cd "$CACHE" && pwd)
exec 9>"$CACHE/.rust-debian.lock"
flock 9

out=$CACHE/rust-debian
if [[ $refresh -eq 0 && -f $out/VERSIONS && -x $out/root/usr/bin/rustc ]]; then
  say "cached: $out ($(head -n1 "$out/VERSIONS"))"
  exit 0
fi

uri=$(debian_uri) || die "no Debian archive URI (set GLIBC_PIN_DEBIAN_URI)"
apt=$CACHE/apt/rust-$SUITE debs=$CACHE/debs/rust-$SUITE
private_apt_init "$apt" "deb [signed-by=$PRIVATE_APT_KEYRING] $uri $SUITE main"
private_apt_conf_extra 'APT::Architectures { "amd64"; "i386"; "arm64"; };'
say "apt-get update ($uri $SUITE main; amd64 i386 arm64)"
apt-get -c "$APT_CONF" -q update > "$apt/update.log" 2>&1 ||
  { cat "$apt/update.log" >&2; die "apt-get update failed for '$uri $SUITE' (network? archive reachable?)"; }
mkdir -p "$debs"
rm -f "$debs"/*.deb
say "downloading ${PACKAGES[*]}"
(cd "$debs" && apt-get -c "$APT_CONF" -q download "${PACKAGES[@]}") > "$apt/download.log" 2>&1 ||
  { cat "$apt/download.log" >&2; die "apt-get download failed"; }

tmp=$(mktemp -d "$CACHE/.rust-debian.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/VERSIONS"
for deb in "$debs"/*.deb; do
  dpkg-deb -x "$deb" "$tmp/root" || die "dpkg-deb -x $deb failed"
  dpkg-deb -f "$deb" Package Architecture Version |
    awk -F': ' '{v[$1]=$2} END {print v["Package"], v["Architecture"], v["Version"]}' >> "$tmp/VERSIONS"
done
rm -rf "$tmp/root/usr/share/doc" "$tmp/root/usr/share/man"
# rustc must run here: it needs the host's libLLVM-14 (libllvm14).
if ! version=$(LD_LIBRARY_PATH=$tmp/root/usr/lib/x86_64-linux-gnu "$tmp/root/usr/bin/rustc" --version 2>&1); then
  die "the fetched rustc does not run: $version (install libllvm14: scripts/install-deps.sh)"
fi
sed -i "1i # $version, from Debian $SUITE" "$tmp/VERSIONS"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
say "ready: $out ($version)"
