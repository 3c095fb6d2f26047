#!/usr/bin/env bash
# refusal-names-input.sh GLIBC_PIN WORKDIR
# A refused link names the input that pulled the symbol in, for an executable and for a shared
# library (-shared leaves the undefined reference to the verifier, after the link): an archive
# member that calls posix_spawnattr_setcgroup_np (glibc 2.39, no shim), linked for 2.17.
set -uo pipefail
PIN=$1 WORK=$2
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
export GLIBC_PIN_CACHE_DIR=${GLIBC_PIN_CACHE_DIR:-$WORK/cache}
cat > needsnew.c <<'C'
#include <spawn.h>
int posix_spawnattr_setcgroup_np(posix_spawnattr_t *, int);
int set_group(posix_spawnattr_t *a) { return posix_spawnattr_setcgroup_np(a, 3); }
C
cat > user.c <<'C'
#include <spawn.h>
#include <unistd.h>
int set_group(posix_spawnattr_t *);
int plugin_entry(void) { posix_spawnattr_t a; return set_group(&a) + (getpid() == 0); }
int main(void) { return plugin_entry(); }
C
cc -O2 -fPIC -c needsnew.c -o needsnew.o && ar rcs libneedsnew.a needsnew.o || exit 1
status=0
for kind in shared executable; do
  flags=(); [[ $kind == shared ]] && flags=(-shared -fPIC)
  out=out-$kind
  "$PIN" cc --target 2.17 "${flags[@]}" user.c -L. -lneedsnew -o "$out" > "$kind.log" 2>&1 && rc=0 || rc=$?
  problems=()
  [[ $rc -ne 0 ]] || problems+=("the link was not refused")
  [[ ! -e $out ]] || problems+=("$out was left behind")
  grep -q 'posix_spawnattr_setcgroup_np' "$kind.log" || problems+=("the symbol is not named")
  grep -q 'libneedsnew\.a(needsnew\.o)' "$kind.log" || problems+=("the input libneedsnew.a(needsnew.o) is not named")
  ! grep -q 'static C++ runtime' "$kind.log" || problems+=("the hint suggests the static C++ runtime")
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "PASS: $kind: $(grep -m1 'needsnew' "$kind.log")"
  else
    echo "FAIL: $kind: ${problems[*]}:"; cat "$kind.log"; status=1
  fi
done
exit $status
