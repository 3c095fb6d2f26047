#!/usr/bin/env bash
# demand-fixtures.sh GLIBC_PIN: `glibc-pin demand` on two small programs built plainly here
# (fixture_a.c, fixture_b.c), a text file and a symlink: each interface's row (library,
# version, number of files, action) and the summary are checked.
set -uo pipefail
HERE=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
GLIBC_PIN=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/tree/bin"
cc -O2 -D_FORTIFY_SOURCE=2 -pthread "$HERE/fixture_a.c" -o "$work/tree/bin/a" -lresolv || fail "cannot build fixture_a"
cc -O2 "$HERE/fixture_b.c" -o "$work/tree/bin/b" -lm || fail "cannot build fixture_b"
echo "not an ELF file" > "$work/tree/README"
ln -s a "$work/tree/bin/a-link"   # not followed: a counts once

"$GLIBC_PIN" demand --target 2.17 --tsv --root "$work/tree" "$work/tree" > "$work/out.tsv" ||
  fail "glibc-pin demand failed"
cat "$work/out.tsv"
expect() { # a whole tab-separated row
  grep -qxF "$1" "$work/out.tsv" || fail "no row: $(tr '\t' ' ' <<< "$1")"
}
T=$'\t'
expect "renameat2${T}libc.so.6${T}GLIBC_2.28${T}2${T}shims${T}bin/a"
expect "__explicit_bzero_chk${T}libc.so.6${T}GLIBC_2.25${T}1${T}shims${T}bin/a"
expect "pthread_create${T}libc.so.6${T}GLIBC_2.34${T}1${T}pins${T}bin/a"
expect "res_query${T}libc.so.6${T}GLIBC_2.34${T}1${T}renames${T}bin/a"
expect "posix_spawn_file_actions_addchdir_np${T}libc.so.6${T}GLIBC_2.29${T}1${T}shims${T}bin/b"
expect "__signgam${T}libm.so.6${T}GLIBC_2.23${T}1${T}renames${T}bin/b"
expect "pidfd_open${T}libc.so.6${T}GLIBC_2.36${T}1${T}weak${T}bin/b"
# __libc_start_main@GLIBC_2.34 is in both (pins); nothing the target has is listed.
expect "__libc_start_main${T}libc.so.6${T}GLIBC_2.34${T}2${T}pins${T}bin/a"
! grep -q "^printf${T}" "$work/out.tsv" || fail "printf (GLIBC_2.2.5) is listed"

# A target that has renameat2 (2.28) does not list it; the table form has the summary.
"$GLIBC_PIN" demand --target 2.28 "$work/tree" > "$work/out.txt" || fail "demand --target 2.28 failed"
cat "$work/out.txt"
grep -q "^Target x86_64-linux-gnu.2.28: 2 ELF files read" "$work/out.txt" || fail "summary line"
! grep -q "^renameat2 " "$work/out.txt" || fail "renameat2 listed for 2.28"
grep -q "^posix_spawn_file_actions_addchdir_np .* shims " "$work/out.txt" || fail "addchdir_np row for 2.28"
! grep -q "^__signgam " "$work/out.txt" || fail "__signgam (2.23) listed for 2.28"

# Bad input: a clear error, not a crash.
"$GLIBC_PIN" demand --target 2.17 "$work/missing" > "$work/err" 2>&1 && fail "a missing path succeeded"
grep -q "missing" "$work/err" || fail "the error does not name the path: $(cat "$work/err")"
echo "PASS"
