#!/usr/bin/env bash
# install-deps.sh [--force]
# Install everything glibc-pin needs to build and test, from the machine's own
# Debian 12 (bookworm) apt sources. Idempotent and non-interactive: when every
# package is already installed (checked with dpkg-query) it does nothing and
# needs no network; otherwise it runs `apt-get update` and `apt-get install`.
# --force: run apt-get update + install even when everything is present.
# Runs as root, or through sudo when not root.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build
  liblief-dev libboost-dev libboost-filesystem-dev libboost-program-options-dev
  catch2 nlohmann-json3-dev
  # toolchains and tools the tests drive
  clang lld mold binutils patchelf hyperfine golang-go
  # build systems the integration tests drive (tests/integrations)
  autoconf ccache meson
  # real projects (tests/projects): gzip is autoreconf'd as Debian does, sqlite3 needs tclsh
  automake tcl
  # scripts: runtime and source fetching (apt-get download|source, dpkg-deb, dpkg-source, archive keys), generators
  dpkg-dev xz-utils python3 ca-certificates debian-archive-keyring util-linux
  # packaging and its tests (tests/install): cpack's DEB generator runs file; the man page check groff
  file groff-base
  # runtimes of other architectures (tests/runtime/run-on.sh): i386 programs are built with
  # i686-linux-gnu-gcc (Debian 12's gcc-multilib conflicts with it) and run natively, aarch64
  # ones with aarch64-linux-gnu-gcc and run under qemu-aarch64-static
  gcc-i686-linux-gnu gcc-aarch64-linux-gnu qemu-user-static
  # scripts/build-old-glibc.sh (old glibc from source): glibc's build tools
  gawk bison gettext
)

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
echo "install-deps.sh: done"
