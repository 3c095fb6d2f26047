#!/usr/bin/env bash
# install-deps.sh [--force]
# Install everything glibc-pin needs to build and test, from the machine's own
# apt sources: Debian 12 (bookworm, the host of the full suite), 13 (trixie) or sid
# (read from /etc/os-release; the package names that differ are chosen per suite). Idempotent and non-interactive: when every
# package is already installed (checked with dpkg-query) it does nothing and
# needs no network; otherwise it runs `apt-get update` and `apt-get install`.
# --force: run apt-get update + install even when everything is present.
# Runs as root, or through sudo when not root.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build
  libboost-dev libboost-filesystem-dev libboost-program-options-dev
  catch2 nlohmann-json3-dev
  # toolchains and tools the tests drive
  clang lld mold binutils patchelf hyperfine golang-go
  # build systems the integration tests drive (tests/integrations)
  autoconf ccache meson
  # real projects (tests/projects): gzip is autoreconf'd as Debian does, sqlite3 needs tclsh
  automake tcl
  # scripts: runtime and source fetching (apt-get download|source, dpkg-deb, dpkg-source, archive keys), generators
  dpkg-dev xz-utils python3 ca-certificates debian-archive-keyring util-linux
  # newer build hosts (scripts/buildroot.sh): Debian 13 and sid roots
  debootstrap
  # packaging and its tests (tests/install): cpack's DEB generator runs file; the man page check groff
  file groff-base
  # other architectures (tests/arch): Debian's cross compilers, the host gcc's -m32 files (not
  # gcc-multilib, which conflicts with the cross compilers on Debian 12), qemu for aarch64 programs
  gcc-aarch64-linux-gnu g++-aarch64-linux-gnu gcc-i686-linux-gnu g++-i686-linux-gnu
  libc6-dev-i386 lib32gcc-12-dev lib32stdc++-12-dev qemu-user-static
  # Debian's rustc 1.63 for tests/arch's Rust (scripts/fetch-debian-rust.sh unpacks it privately):
  # its librustc_driver needs the host's libLLVM-14
  libllvm14
  # scripts/build-old-glibc.sh (old glibc from source): glibc's build tools
  gawk bison gettext
  # check reads Python wheels (zlib); tests/check/wheel.sh builds a C extension with setuptools
  zlib1g-dev python3-dev python3-setuptools python3-wheel
  # builds across machines and compiler caches (tests/integrations: distcc, icecream, sccache),
  # the private network namespace they run in (unshare: util-linux, ip), and bench/ (valgrind, strace)
  distcc distcc-pump icecc sccache iproute2 valgrind strace
  # Rust (tests/languages: examples/rust-cli built with cargo, offline, std only): each suite's own
  # rustc and cargo (bookworm 1.63, trixie 1.85, sid newer; same package names everywhere)
  rustc cargo
)

# What differs per suite. Boost (1.74, 1.83, 1.90+) and Catch2 (2, 3) keep their package names.
# LIEF (liblief-dev) only builds the database proof tool; Debian 13 and sid have none, and
# without it the build leaves the tool out and its tests skip.
suite=$( (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || true)
case $suite in
  bookworm) PACKAGES+=(liblief-dev) ;;
  trixie|forky|sid) ;;
  *) echo "install-deps.sh: NOTE: unknown suite '${suite:-?}' (/etc/os-release); installing the Debian 13 set" >&2 ;;
esac

force=0
case "${1:-}" in
  --force) force=1 ;;
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  '') ;;
  *) echo "install-deps.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ $status == ii* ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 && $force -eq 0 ]]; then
  echo "install-deps.sh: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps.sh: not root and no sudo; missing packages: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps.sh: installing: ${missing[*]:-${PACKAGES[*]}}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}"
# Debian's icecc enables and starts iceccd (listening on every interface) where systemd runs;
# the tests start their own daemons on loopback only, so the system one is stopped again.
if [[ " ${missing[*]} " == *" icecc "* ]] && command -v systemctl > /dev/null 2>&1 &&
   systemctl is-enabled iceccd > /dev/null 2>&1; then
  "${SUDO[@]}" systemctl disable --now iceccd || true
fi
echo "install-deps.sh: done"
