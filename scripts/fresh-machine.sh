#!/usr/bin/env bash
# fresh-machine.sh ROOT OUT [COMMIT]
# CI on a fresh Debian 12 machine, measured: debootstrap a bookworm system into ROOT (Debian's
# standard minimal system plus git, the archive the machine uses, nothing of ours installed),
# put a clean `git clone` of this repository at COMMIT (default HEAD) in ROOT/work/ci/glibc-pin
# with the machine's /work/shared bound read-only beside it (ROOT/work/ci/shared, as CI has
# ../shared), and inside it (chroot; /proc, /dev, /sys bound and always unmounted, also on
# failure), with an empty HOME (so an empty test cache) and `nice -n 19`, run the README's first
# command (scripts/quickstart.sh) and then `.ci/run`.
#   OUT/quickstart.log, OUT/ci.log   every line stamped with the wall-clock time
#   OUT/load.log                     the machine's load average each minute (other work on the
#                                    machine makes the times an upper bound)
#   OUT/times.txt                    wall time of each phase
# A ROOT that exists is made again, unless FRESH_AGAIN=1: then the machine is the one an earlier
# run left (its packages, build tree and HOME), the checkout moves to COMMIT, and the test cache
# is emptied except for the nested build roots (FRESH_KEEP_ROOTS=0 empties them too); the times
# then tell what a second CI run costs. Needs root, debootstrap, the Debian archive.
# env: GLIBC_PIN_DEBIAN_URI (default: from the machine's apt sources, scripts/private-apt.inc)
set -euo pipefail
ME=fresh-machine.sh
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
die() { echo "$ME: error: $*" >&2; exit 1; }
say() { echo "$ME: $*" >&2; }
# shellcheck source=private-apt.inc
source "$REPO/scripts/private-apt.inc"

[[ $# -ge 2 ]] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
root=$(realpath -m "$1") out=$(realpath -m "$2") commit=$(git -C "$REPO" rev-parse "${3:-HEAD}")
[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot, mount)"
uri=$(debian_uri) || die "no Debian archive URI (set GLIBC_PIN_DEBIAN_URI)"
[[ $root != / && $root != "$HOME" ]] || die "refusing ROOT=$root"
mkdir -p "$out"
times=$out/times.txt
: > "$times"

MOUNTED=()
cleanup() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount -R -l "${MOUNTED[i]}" 2> /dev/null || say "warning: could not unmount ${MOUNTED[i]}"
  done
  MOUNTED=()
  [[ -n ${loadpid:-} ]] && kill "$loadpid" 2> /dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stamp() { while IFS= read -r line; do printf '%(%T)T %s\n' -1 "$line"; done; }
timed() { # name cmd...: run, log its wall time (also when it fails)
  local name=$1 t0 rc=0; shift
  t0=$(date +%s)
  "$@" || rc=$?
  printf '%-28s %5d s  (exit %d)\n' "$name" $(($(date +%s) - t0)) $rc >> "$times"
  return $rc
}

(while :; do printf '%(%T)T %s\n' -1 "$(cut -d' ' -f1-3 /proc/loadavg)"; sleep 60; done) > "$out/load.log" &
loadpid=$!

if [[ ${FRESH_AGAIN:-0} == 1 ]]; then
  [[ -d $root/work/ci/glibc-pin/.git ]] || die "FRESH_AGAIN=1: no earlier run in $root"
  git -C "$root/work/ci/glibc-pin" fetch -q "$REPO" '+refs/heads/*:refs/remotes/src/*'
  git -C "$root/work/ci/glibc-pin" checkout -q "$commit"
  cache=$root/root/.cache/glibc-pin-tests
  if [[ -d $cache ]]; then
    find "$cache" -mindepth 1 -maxdepth 1 ! -name roots -exec rm -rf {} +
    [[ ${FRESH_KEEP_ROOTS:-1} == 1 ]] || rm -rf "$cache/roots"
  fi
  rm -rf "$root/root/.cache/glibc-pin"
  echo "again: the machine of the earlier run; test cache emptied$([[ ${FRESH_KEEP_ROOTS:-1} == 1 ]] && echo ", nested roots kept")" >> "$times"
else
  say "debootstrap bookworm into $root"
  rm -rf "$root"
  timed debootstrap debootstrap --include=git --keyring="$PRIVATE_APT_KEYRING" bookworm "$root" "$uri" \
    > "$out/debootstrap.log" 2>&1 || { tail "$out/debootstrap.log"; die "debootstrap failed"; }
  # The sources a Debian 12 installation has.
  cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $uri
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -f "$root/etc/apt/sources.list"
  cp /etc/resolv.conf "$root/etc/resolv.conf"

  git clone -q --no-local "$REPO" "$root/work/ci/glibc-pin"
  git -C "$root/work/ci/glibc-pin" checkout -q "$commit"
fi
say "checkout: $(git -C "$root/work/ci/glibc-pin" log -1 --format='%h %s')"
echo "commit $(git -C "$root/work/ci/glibc-pin" log -1 --format='%h %s')" >> "$times"

mkdir -p "$root/proc" "$root/dev" "$root/sys" "$root/work/ci/shared"
mount -t proc proc "$root/proc"; MOUNTED+=("$root/proc")
mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"; MOUNTED+=("$root/dev")
mount --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"; MOUNTED+=("$root/sys")
if [[ -d /work/shared ]]; then
  mount --bind /work/shared "$root/work/ci/shared"
  mount -o remount,bind,ro "$root/work/ci/shared"
  MOUNTED+=("$root/work/ci/shared")
fi

inside() { # cmd...: in the fresh machine, as a CI job would run it
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    nice -n 19 bash -c 'cd /work/ci/glibc-pin && exec "$@"' inside "$@"
}
rc=0
timed quickstart.sh inside scripts/quickstart.sh 2>&1 | stamp > "$out/quickstart.log" || rc=1
timed .ci/run inside .ci/run 2>&1 | stamp > "$out/ci.log" || rc=1
cleanup
trap - EXIT
left=$(findmnt -rn -o TARGET | grep -F "$root/" || true)
[[ -z $left ]] || say "warning: still mounted: $left"
cat "$times"
exit $rc
