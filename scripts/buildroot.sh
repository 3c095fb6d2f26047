#!/usr/bin/env bash
# buildroot.sh make SUITE        make (or reuse) a Debian build root for SUITE (trixie, sid, ...)
# buildroot.sh run SUITE CMD...  run CMD inside it (chroot; /proc, /dev, /sys bound in and always
#                                unmounted afterwards, also on failure or interrupt)
# buildroot.sh scratch SUITE CMD...  the same in a throwaway copy of the root (an overlay on it):
#                                what CMD changes there (dpkg -i, files in /root) is dropped
# buildroot.sh path SUITE        print the root's directory
#
# A build root is what a newer build host looks like: Debian 13 (trixie: glibc 2.41, GCC 14,
# clang 19) or sid (glibc 2.43, GCC 15/16, clang 21), made with debootstrap from the same
# Debian archive the machine uses (never changing the machine's apt setup). Roots are cached:
#   CACHE/roots/SUITE/          the root; CACHE/roots/SUITE.stamp lists what it was made with
# and made again only when the package list below changes or with --refresh.
# bullseye (Debian 11: glibc 2.31, GCC 10) is no build host but the oldest Debian the release
# .deb installs on: its root has a C and C++ compiler only (bullseye_PACKAGES).
#
# `run` binds these host directories at the same path inside the root, so a command can read the
# repository and leave its results where the host can run them: the repository, the test cache,
# /work/shared (when present) and every directory named in GLIBC_PIN_ROOT_BINDS (space-separated).
# The command runs as root with HOME=/root, PATH of the root, and the caller's GLIBC_PIN_* variables,
# in the caller's directory when the root sees it (else in /).
#
# env: GLIBC_PIN_TEST_CACHE   cache root (default ~/.cache/glibc-pin-tests)
#      GLIBC_PIN_DEBIAN_URI   Debian archive URI (default: from the machine's apt sources)
#      GLIBC_PIN_ROOT_BINDS   extra directories to bind into the root for `run`
# Runs on one root take turns (its lock); mounts left by a killed run are taken down by the next.
# Exit status: CMD's for `run`; 77 when a root cannot be made here (no debootstrap, not root,
# no archive), after "SKIP: ..." on stderr; 1 on other failures.
set -euo pipefail

ME=buildroot.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}
ROOTS=$CACHE/roots

die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*" >&2; }
skip() { echo "SKIP: $ME: $*" >&2; exit 77; }
# shellcheck source=private-apt.inc
source "$REPO/scripts/private-apt.inc"

# What a build host has: the compilers and runtimes glibc-pin drives, and what glibc-pin
# itself needs to build from source there (tests build it inside the root too).
ROOT_PACKAGES=(
  build-essential gcc g++ clang lld binutils make cmake ninja-build pkgconf file python3
  rustc cargo golang-go
  libboost-dev libboost-filesystem-dev libboost-program-options-dev catch2 nlohmann-json3-dev
  zlib1g-dev
  ca-certificates
)
# A suite with its own list: SUITE_PACKAGES.
bullseye_PACKAGES=(gcc g++ libc6-dev binutils file ca-certificates)

root_packages() { # suite
  local list="${1}_PACKAGES[*]"
  if [[ -n ${!list:-} ]]; then echo "${!list}"; else echo "${ROOT_PACKAGES[*]}"; fi
}

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

root_dir() { echo "$ROOTS/$1"; }

stamp_text() { # suite
  echo "suite $1"
  echo "uri $(debian_uri)"
  echo "packages $(root_packages "$1")"
}

# Mount points made by `run`, unmounted in reverse order by cleanup (trap on EXIT).
MOUNTED=()
cleanup_mounts() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount -l "${MOUNTED[i]}" 2>/dev/null || say "warning: could not unmount ${MOUNTED[i]}"
  done
  MOUNTED=()
}

bind() { # host-dir root
  local src=$1 root=$2
  [[ -d $src ]] || return 0
  mkdir -p "$root$src"
  mount --bind "$src" "$root$src"
  MOUNTED+=("$root$src")
}

mount_system() { # root
  local root=$1
  mkdir -p "$root/proc" "$root/dev" "$root/sys"
  mount -t proc proc "$root/proc"; MOUNTED+=("$root/proc")
  mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"; MOUNTED+=("$root/dev")
  mount --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"; MOUNTED+=("$root/sys")
}

install_packages() { # suite root
  local suite=$1 root=$2
  trap cleanup_mounts EXIT
  mount_system "$root"
  if ! chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      DEBIAN_FRONTEND=noninteractive sh -c \
      "apt-get -q update && apt-get install -y -q $(root_packages "$suite")" \
      > "$ROOTS/$suite.install.log" 2>&1; then
    tail -20 "$ROOTS/$suite.install.log" >&2
    cleanup_mounts
    die "installing the build packages into the $suite root failed (log: $ROOTS/$suite.install.log)"
  fi
  chroot "$root" apt-get clean > /dev/null 2>&1 || true
  cleanup_mounts
  trap - EXIT
}

make_root() { # suite [--refresh]
  local suite=$1 refresh=${2:-}
  local root stamp uri
  root=$(root_dir "$suite")
  stamp=$root.stamp
  [[ $(id -u) -eq 0 ]] || skip "making a build root needs root (chroot, mount)"
  command -v debootstrap > /dev/null || skip "debootstrap is not installed (scripts/install-deps.sh)"
  uri=$(debian_uri) || skip "no Debian archive URI (set GLIBC_PIN_DEBIAN_URI)"
  mkdir -p "$ROOTS"
  exec 9> "$ROOTS/$suite.lock"
  flock 9
  if [[ -z $refresh && -f $stamp && $(cat "$stamp") == "$(stamp_text "$suite")" ]]; then
    return 0
  fi
  # Same suite and archive, other packages: install them into the existing root.
  if [[ -z $refresh && -f $stamp && -d $root &&
        $(head -2 "$stamp") == "$(stamp_text "$suite" | head -2)" ]]; then
    say "adding the build packages to the $suite root"
    install_packages "$suite" "$root"
    stamp_text "$suite" > "$stamp"
    return 0
  fi
  say "making the $suite build root in $root (a few minutes; cached afterwards)"
  rm -rf "$root" "$stamp" "$root.new"
  debootstrap --variant=minbase --keyring="$PRIVATE_APT_KEYRING" "$suite" "$root.new" "$uri" \
    > "$ROOTS/$suite.debootstrap.log" 2>&1 ||
    { tail -20 "$ROOTS/$suite.debootstrap.log" >&2; die "debootstrap $suite failed (log: $ROOTS/$suite.debootstrap.log)"; }
  # sid's Release can be past its Valid-Until in the archive this machine reaches.
  echo 'Acquire::Check-Valid-Until "false";' > "$root.new/etc/apt/apt.conf.d/99glibc-pin"
  echo 'APT::Install-Recommends "false";' >> "$root.new/etc/apt/apt.conf.d/99glibc-pin"
  echo "deb $uri $suite main" > "$root.new/etc/apt/sources.list"
  cp /etc/resolv.conf "$root.new/etc/resolv.conf" 2>/dev/null || true
  install_packages "$suite" "$root.new"
  mv "$root.new" "$root"
  stamp_text "$suite" > "$stamp"
  say "$suite root ready: $(chroot "$root" sh -c 'ldd --version | head -1; gcc --version | head -1; if command -v clang > /dev/null; then clang --version | head -1; fi' | tr '\n' ';')"
}

# Mounts a run killed with SIGKILL (a CTest timeout) could not take down: runs on one root hold
# its lock, so whatever is mounted inside it when the lock is taken is stale, unless a process
# still runs inside the root (one started by a `run` that took no lock): then they are left.
root_in_use() { # root
  local p
  for p in /proc/[0-9]*/root; do
    [[ $(readlink "$p" 2>/dev/null) == "$1" ]] && return 0
  done
  return 1
}
unmount_stale() { # root
  local m
  if root_in_use "$1"; then
    say "a process runs inside $1: leaving its mounts"
    return 0
  fi
  # Mounts under the root only (a prefix, not a substring: a chroot's own roots, e.g. a fresh
  # machine's /work/fresh-root/root/.cache/.../roots/trixie, contain this root's path).
  { findmnt -rn -o TARGET | awk -v p="$1/" 'index($0, p) == 1' || true; } | sort -r | while read -r m; do
    say "unmounting $m, left by an earlier run"
    umount -l "$m" 2>/dev/null || say "warning: could not unmount $m"
  done
}

# A throwaway copy of ROOT: an overlay whose changes go to ROOT.scratch/upper, dropped afterwards.
# Taken under the root's lock, so a scratch left by a killed run is taken down first.
mount_scratch() { # root: the overlay is ROOT.scratch/merged
  local root=$1 scratch=$1.scratch
  unmount_stale "$scratch/merged"
  findmnt -rn -o TARGET "$scratch/merged" > /dev/null 2>&1 && umount -l "$scratch/merged"
  rm -rf "$scratch"
  mkdir -p "$scratch/upper" "$scratch/work" "$scratch/merged"
  mount -t overlay overlay -o "lowerdir=$root,upperdir=$scratch/upper,workdir=$scratch/work" \
    "$scratch/merged" || die "cannot mount an overlay on $root (scratch needs overlayfs)"
  MOUNTED+=("$scratch/merged")
}

run_in_root() { # suite run|scratch cmd...
  local suite=$1 mode=$2; shift 2
  local root dir v
  root=$(root_dir "$suite")
  [[ -f $root.stamp ]] || make_root "$suite"
  [[ $(id -u) -eq 0 ]] || skip "running in a build root needs root (chroot, mount)"
  # One run per root at a time (a second waits): the mounts are the root's.
  exec 9> "$ROOTS/$suite.lock"
  flock 9
  unmount_stale "$root"
  trap cleanup_mounts EXIT
  trap 'exit 130' INT TERM
  if [[ $mode == scratch ]]; then
    mount_scratch "$root"
    root=$root.scratch/merged
  fi
  mount_system "$root"
  for dir in "$REPO" "$CACHE" /work/shared ${GLIBC_PIN_ROOT_BINDS:-}; do
    [[ $dir == "$CACHE" ]] && { bind "$CACHE/runtimes" "$root"; bind "$CACHE/oldglibc" "$root"; continue; }
    bind "$(realpath -m "$dir")" "$root"
  done
  local envs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8)
  while IFS='=' read -r v _; do
    [[ $v == GLIBC_PIN_* ]] && envs+=("$v=${!v}")
  done < <(env)
  local rc=0
  # In the caller's directory when the root sees it (the repository, a bound build tree), so
  # relative paths work as outside; else in /.
  chroot "$root" /usr/bin/env -i "${envs[@]}" /bin/sh -c 'cd "$0" 2> /dev/null || cd /; exec "$@"' \
    "$PWD" "$@" || rc=$?
  cleanup_mounts
  trap - EXIT
  [[ $mode == scratch ]] && rm -rf "$(root_dir "$suite").scratch"
  return $rc
}

[[ $# -ge 2 ]] || usage
cmd=$1 suite=$2; shift 2
case $suite in *[!a-z0-9-]*|'') die "bad suite name '$suite'" ;; esac
case $cmd in
  make) make_root "$suite" "${1:-}" ;;
  run|scratch) [[ $# -ge 1 ]] || usage; run_in_root "$suite" "$cmd" "$@" ;;
  path) root_dir "$suite" ;;
  *) usage ;;
esac
