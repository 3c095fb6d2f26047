#!/usr/bin/env bash
# SQLite (autoconf + libtool, C; threads and dlopen): Debian's source, configured out of tree with
# CC="glibc-pin-cc --glibc-pin-target=2.17"; make builds the shell (sqlite3) and SQLite's own
# multi-threaded stress program test/threadtest3.c; two of SQLite's loadable extensions
# (ext/misc/series.c, regexp.c) are compiled to shared objects with the same compiler. SQLite's
# Tcl test suite is not run (it needs a Tcl extension built against the host's libtcl); these
# real workloads are, on the old runtime:
#   threads RT          threadtest3 walthread5 cgt_pager_1: 5 threads hammering one WAL database
#   load-extension RT   the shell dlopen()s both extensions (.load) and queries through them;
#                       its own /proc/self/maps (.import) shows the runtime's libc and the plugins
#   plain RT            the plain build's shell and threadtest3 fail: GLIBC_2.x not found
# Both builds use CFLAGS=-O1 (the 8 MB amalgamation at -O2 -g doubles the build time), without
# readline and zlib, so the programs need nothing but glibc on the old runtimes.
source "$(dirname -- "$0")/common.inc"

extensions=(series regexp)

build() { # flavour cc
  local flavour=$1 cc=$2 e
  fresh "$work/$flavour"
  log "$tree/configure" CC="$cc" CFLAGS=-O1 --disable-shared --disable-tcl --disable-readline \
    --disable-editline ac_cv_search_deflate=no
  log make -j2 sqlite3 threadtest3
  mkdir -p ext
  for e in "${extensions[@]}"; do
    log $cc -O1 -fPIC -shared -I. "$tree/ext/misc/$e.c" -o "ext/$e.so"
  done
  make_runner sqlite3
  make_runner threadtest3
}

# The shell, on the runtime, in a scratch directory.
shell() { # rt sql-args...
  local rt=$1; shift
  mkdir -p "$work/scratch-$rt" && cd "$work/scratch-$rt" || fail "no scratch directory"
  traced "$rt" "$work/pinned/sqlite3" -batch :memory: "$@"
}

case $step in
  build-pinned)
    build pinned "glibc-pin-cc --glibc-pin-target=2.17"
    fits 2.17 .real-programs/sqlite3 .real-programs/threadtest3 ext/*.so
    pass "$(cut -d' ' -f1,2 "$cache/sources/$project/SOURCE") built with glibc-pin-cc for 2.17: sqlite3, threadtest3, ${extensions[*]/%/.so}"
    ;;
  build-plain)
    build plain gcc
    does_not_fit 2.31 .real-programs/sqlite3 .real-programs/threadtest3
    pass "built plainly with gcc: sqlite3 needs $(objdump -T .real-programs/sqlite3 | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)"
    ;;
  threads)
    need_runtime "$runtime"
    mkdir -p "$work/scratch-$runtime" && cd "$work/scratch-$runtime" || exit 1
    rm -f test.db*
    traced "$runtime" "$work/pinned/threadtest3" walthread5 cgt_pager_1
    cat "$traced_log"
    [[ $traced_rc -eq 0 ]] && grep -q '^0 errors out of 2 tests$' "$traced_log" ||
      fail "threadtest3 on $runtime: exit $traced_rc (log: $traced_log)"
    threads=$(grep -c '^Thread [0-9]* says' "$traced_log")
    [[ $threads -ge 5 ]] || fail "walthread5 should report from 5 threads, saw $threads"
    prove_runtime "$runtime"
    pass "threadtest3: 0 errors out of 2 tests ($threads threads) on $runtime"
    ;;
  load-extension)
    need_runtime "$runtime"
    # numbers up to 100000 ending in 7: 10000 of them, summing to 500020000
    shell "$runtime" ".load $work/pinned/ext/series.so" ".load $work/pinned/ext/regexp.so" \
      "SELECT count(*), sum(value) FROM generate_series(1, 100000) WHERE value REGEXP '7\$';" \
      "CREATE TABLE maps(line);" ".import --csv /proc/self/maps maps" \
      "SELECT line FROM maps WHERE line LIKE '%.so%';"
    cat "$traced_log"
    [[ $traced_rc -eq 0 ]] || fail "the shell failed on $runtime (exit $traced_rc)"
    grep -qx '10000|500020000' "$traced_log" || fail "wrong result through the extensions"
    grep -Eq " $work/pinned/ext/series\.so\$" "$traced_log" || fail "series.so is not mapped into the shell"
    grep -Eq " $work/pinned/ext/regexp\.so\$" "$traced_log" || fail "regexp.so is not mapped into the shell"
    case $runtime in 2.*) rtdir=oldglibc/$runtime ;; *) rtdir=runtimes/$runtime-amd64 ;; esac
    grep -Eq " /.*/$rtdir/.*/libc[-.][^/]*\$" "$traced_log" ||
      fail "the shell's own /proc/self/maps does not show $runtime's libc.so.6"
    prove_runtime "$runtime"
    pass "the shell loaded ${extensions[*]/%/.so} and got 10000|500020000 on $runtime"
    ;;
  plain)
    need_runtime "$runtime"
    mkdir -p "$work/scratch-$runtime" && cd "$work/scratch-$runtime" || exit 1
    for prog in sqlite3 threadtest3; do
      traced "$runtime" "$work/plain/$prog" :memory: "SELECT 1;"
      [[ $traced_rc -ne 0 ]] || fail "the plain $prog ran on $runtime (log: $traced_log)"
      expect_not_found
    done
    pass "plain sqlite3 and threadtest3 do not start on $runtime"
    ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
