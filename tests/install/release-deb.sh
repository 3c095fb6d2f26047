#!/usr/bin/env bash
# The release's .deb (install.release made it) installs on Debian 11 to sid: it depends only on
# packages every one of them has, libc6 no newer than bullseye's 2.31; unpacked, its glibc-pin
# pins a link. (hosts.deb-{bullseye,trixie,sid}, tests/hosts/deb-in-root.sh, install it for real.)
#   bash tests/install/release-deb.sh BUILD_DIR OUT_DIR   (after install.release)
source "$(dirname -- "$0")/common.inc"
command -v dpkg-deb > /dev/null || skip "dpkg-deb is not installed"
deb=$(ls "$build"/release/glibc-pin_*_amd64.deb 2> /dev/null) || fail "no release .deb in $build/release (install.release)"

log dpkg-deb -I "$deb"
depends=$(sed -n 's/^ Depends: //p' "$lastlog")
echo "Depends: $depends"
# Each alternative: a package of Debian 11 to sid, with a version they all satisfy.
IFS=',|' read -ra alternatives <<< "$depends"
for alt in "${alternatives[@]}"; do
  alt=$(xargs <<< "$alt")
  name=${alt%% *}
  case $name in
    binutils|gcc|c-compiler|libc6-dev) [[ $alt == "$name" ]] || fail "unexpected version constraint: $alt" ;;
    libc6)
      version=$(sed -n 's/^libc6 (>= \([0-9.]*\))$/\1/p' <<< "$alt")
      [[ -n $version ]] || fail "unexpected libc6 constraint: $alt"
      [[ $(printf '%s\n' "$version" 2.31 | sort -V | tail -n 1) == 2.31 ]] || fail "$alt: Debian 11 has 2.31" ;;
    *) fail "the release depends on $name: not one of the packages every Debian 11 to sid has ($depends)" ;;
  esac
done

log dpkg-deb -x "$deb" root
exercise_installed "$out/root/usr"
finish
