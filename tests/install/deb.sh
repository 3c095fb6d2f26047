#!/usr/bin/env bash
# cpack makes glibc-pin_<version>_amd64.deb (packaging/deb.cmake) with the Depends glibc-pin needs
# at run time; unpacked with dpkg-deb -x into a scratch root (no root needed), its glibc-pin runs
# from there: a pinned link whose output runs on 2.17 and bullseye.
source "$(dirname -- "$0")/common.inc"
command -v dpkg-deb > /dev/null || skip "dpkg-deb is not installed"
log cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out/dist"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb=dist/glibc-pin_${version}_amd64.deb
[[ -f $deb ]] || { ls dist; fail "no $deb"; }

log dpkg-deb -I "$deb"
info=$lastlog
field() { sed -n "s/^ $1: //p" "$info"; }
[[ $(field Package) == glibc-pin && $(field Version) == "$version" && $(field Architecture) == amd64 ]] ||
  { cat "$info"; fail "wrong Package/Version/Architecture"; }
[[ -n $(field Maintainer) ]] || fail "no Maintainer"
[[ $(field Description) == *older\ glibc* ]] || fail "no Description"
depends=$(field Depends)
echo "Depends: $depends"
# What glibc-pin runs (as, ld, ar; cc; libc_nonshared.a) and what the executable links: only
# libc, as libstdc++, libgcc and Boost are linked in (GLIBC_PIN_STATIC_RUNTIME, the default).
for need in binutils 'gcc | c-compiler' libc6-dev 'libc6 (>='; do
  [[ $depends == *"$need"* ]] || fail "Depends lacks '$need': $depends"
done
if ! readelf -d "$build/src/glibc-pin" | grep -q 'NEEDED.*libstdc++'; then
  for gone in libstdc++6 libboost; do
    [[ $depends != *"$gone"* ]] || fail "Depends names '$gone', which the executable links in: $depends"
  done
fi

log dpkg-deb -c "$deb"
! grep -Eq 'dbpack|dbproof|glibcpin-unit' "$lastlog" || fail "the package holds build or test tools"
grep -q ' ./usr/bin/glibc-pin-cc -> glibc-pin$' "$lastlog" || fail "no relative glibc-pin-cc symlink in the package"

log dpkg-deb -x "$deb" root
exercise_installed "$out/root/usr"
[[ -f root/usr/share/glibc-pin/toolchain/glibc-pin.cmake && -f root/usr/share/man/man1/glibc-pin.1.gz ]] ||
  fail "toolchain file or man page missing from the package"
finish
