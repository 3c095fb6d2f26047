#!/usr/bin/env bash
# bench/run.sh [--runs N] [--project-runs N] [--project-warmup N] [--no-projects] [--out DIR] [--no-readme] [GLIBC_PIN]
#
# What glibc-pin costs against plain gcc, every step measured side by side in one run
# (target 2.17, warm cache unless said):
#   the small steps (hyperfine -N, --runs N in all, default 30, in 5 rounds), plain gcc and
#     glibc-pin in turn: compile only (-O2 -c hello.c) | trivial link (hello.o) | compile+link
#     (-O2 hello.c) | a large link (301 objects); then one hyperfine run of glibc-pin alone: cache
#     generate (cold, first use of a target), hello.c with a cold cache, start-up (--version),
#     compile+link without the check
#   real projects from Debian's sources, in rounds (--project-runs N, default 3, after
#   --project-warmup N, default 1), each round running plain and pinned in turn
#   (scripts/fetch-sources.sh xz-utils libzstd): xz 5.4.1 ./configure, zstd make -j2 lib-release
#   instruction counts (valgrind --tool=callgrind --trace-children=yes) of the small steps, per
#   process: the stable figure on a shared machine, where wall times move by +-10 %
# then where the cold time goes (each tool the generator runs, timed with strace -f; strace -c -f;
# one stub build alone; the warm compile and link apart).
# Writes bench/results/{hyperfine,projects}.json, callgrind.txt, breakdown.txt and the table in
# bench/README.md (between the BEGIN/END RESULTS markers). GLIBC_PIN defaults to
# build/src/glibc-pin; it is copied (with its shims) first, so a rebuild during the run
# cannot change what is measured. Needs: hyperfine, gcc, python3, make; valgrind for the
# instruction counts, strace for the breakdown.
#
# Goals (issue 14), ratios to plain gcc: configure <= 1.03; compile only <= 1.05; trivial link
# <= 1.10; compile+link of hello.c <= 1.05; a large project <= 1.01; first use of a target
# (cache generate) <= 100 ms.
set -euo pipefail

here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
runs=30
project_runs=3
project_warmup=1
projects=1
out=$here/results
readme=1
glibc_pin=$root/build/src/glibc-pin
target=2.17
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --project-runs) project_runs=$2; shift 2 ;;
    --project-warmup) project_warmup=$2; shift 2 ;;
    --no-projects) projects=0; shift ;;
    --out) out=$2; shift 2 ;;
    --no-readme) readme=0; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) glibc_pin=$1; shift ;;
  esac
done
for tool in hyperfine gcc python3 make; do
  command -v $tool > /dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
[[ -x $glibc_pin ]] || { echo "run.sh: no glibc-pin at $glibc_pin (build first)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/glibc-pin-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$out" "$work/bin"
cp "$glibc_pin" "$work/bin/glibc-pin"
ln -s glibc-pin "$work/bin/glibc-pin-cc"
cp -r "$(dirname "$(readlink -f "$glibc_pin")")/shims" "$work/bin/shims"
gp=$work/bin/glibc-pin
"$gp" --version > /dev/null || { echo "run.sh: the copied glibc-pin does not run (copied mid-build?)" >&2; exit 1; }
cd "$work"
unset GLIBC_PIN_TARGET GLIBC_PIN_CC GLIBC_PIN_CXX GLIBC_PIN_LD
export LC_ALL=C

# --- inputs ---------------------------------------------------------------------------------
cat > hello.c <<'EOF'
#include <stdio.h>
int main(void) {
  puts("hello");
  return 0;
}
EOF

# 300 small translation units, each with a few functions calling into libc, and a main that
# calls them all: compiled once (plainly), then only the link is measured.
mkdir objs
nfiles=300
for i in $(seq 1 $nfiles); do
  cat > objs/unit$i.c <<EOF
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char buffer$i[64];
int unit${i}_copy(const char *s) { strncpy(buffer$i, s, sizeof buffer$i - 1); return (int)strlen(buffer$i); }
int unit${i}_print(int x) { return snprintf(buffer$i, sizeof buffer$i, "%d:%d", $i, x); }
void *unit${i}_alloc(size_t n) { void *p = malloc(n); if (p) memset(p, $i & 0xff, n); return p; }
double unit${i}_parse(const char *s) { return strtod(s, NULL) + $i; }
EOF
done
{
  echo '#include <stdio.h>'
  echo '#include <stdlib.h>'
  for i in $(seq 1 $nfiles); do
    echo "int unit${i}_copy(const char *); int unit${i}_print(int); void *unit${i}_alloc(size_t); double unit${i}_parse(const char *);"
  done
  echo 'int main(int argc, char **argv) { long sum = 0;'
  for i in $(seq 1 $nfiles); do
    echo "  sum += unit${i}_copy(argv[0]) + unit${i}_print(argc); free(unit${i}_alloc(8)); sum += (long)unit${i}_parse(\"1\");"
  done
  echo '  printf("%ld\n", sum); return 0; }'
} > objs/main.c
(cd objs && ls *.c | xargs -P "$(nproc)" -n 20 gcc -O2 -c)
ls "$work"/objs/*.o > objs.rsp

# --- measurements ---------------------------------------------------------------------------
warm=$work/cache-warm
cold=$work/cache-cold
gen=$work/cache-generate
GLIBC_PIN_CACHE_DIR=$warm "$gp" cache generate --target $target > /dev/null
# The pinned outputs must be right, or the timings mean nothing.
GLIBC_PIN_CACHE_DIR=$warm "$gp" cc --target $target hello.c -o hello-check
GLIBC_PIN_CACHE_DIR=$warm "$gp" cc --target $target @objs.rsp -o big-check
[[ $(./hello-check) == hello && -n $(./big-check) ]]

# The command glibc-pin runs for the warm hello.c, run directly: the cost of the pinning itself
# (forced header, stub libraries in the link) without the wrapper process and its check.
rewritten=$(GLIBC_PIN_CACHE_DIR=$warm "$gp" cc --target $target --glibc-pin-verbose -O2 hello.c -o hello 2>&1 |
            sed -n 's/^glibc-pin: running //p')
[[ -n $rewritten ]]

# The warm cache for every glibc-pin row, from the environment as a build would set it: an `env`
# in front of the command would add a process (about 1 ms) that plain gcc's rows do not have.
export GLIBC_PIN_CACHE_DIR=$warm
gcc -O2 -c hello.c -o hello-plain.o
cmd_c_plain="gcc -O2 -c hello.c -o hello.o"
cmd_c_pin="$gp cc --target $target -O2 -c hello.c -o hello.o"
cmd_ld_plain="gcc hello-plain.o -o hello"
cmd_ld_pin="$gp cc --target $target hello-plain.o -o hello"
cmd_plain="gcc -O2 hello.c -o hello"
cmd_warm="$gp cc --target $target -O2 hello.c -o hello"
cmd_big_plain="gcc @objs.rsp -o big"
cmd_big_pin="$gp cc --target $target @objs.rsp -o big"
cmd_gen="env GLIBC_PIN_CACHE_DIR=$gen $gp cache generate --target $target"
# The same through the old path, kept as the equivalence test's reference: stubs from assembly
# with as and ld, trampolines with as, the archive with ar (instead of written directly).
gen_ld=$work/cache-generate-ld
cmd_gen_ld="env GLIBC_PIN_STUBS_VIA_LD=1 GLIBC_PIN_CACHE_DIR=$gen_ld $gp cache generate --target $target"
cmd_cold="env GLIBC_PIN_CACHE_DIR=$cold $gp cc --target $target -O2 hello.c -o hello"
cmd_start="$gp --version"
cmd_noverify="$gp cc --target $target --glibc-pin-no-verify -O2 hello.c -o hello"

# in_rounds JSON ROUNDS SKIP RUNS [HYPERFINE OPTION...]: hyperfine over the commands in
# r_names/r_prepare/r_cmds, which come in pairs (plain gcc, glibc-pin), in ROUNDS rounds of RUNS
# runs each, the pinned command first in every other round; the first SKIP rounds are warm-up.
# Not all runs of one command and then all of the next: this machine's speed drifts over
# minutes (a VM's share of its host), and that layout turned the drift into a ratio (zstd: 1.24
# in two bench runs, 0.97 alternated by hand). Writes one hyperfine-like result per command.
in_rounds() {
  local json=$1 rounds=$2 skip=$3 runs=$4 round i j dir
  shift 4
  dir=$(mktemp -d "$work/rounds.XXXXXX")
  for ((round = 0; round < rounds; round++)); do
    for ((i = 0; i < ${#r_cmds[@]}; i++)); do
      j=$((round % 2 == 0 ? i : i ^ 1))  # the other one of the pair
      hyperfine "$@" --runs "$runs" --style none --export-json "$dir/$round-$j.json" \
        -n "${r_names[j]}" -p "${r_prepare[j]}" "${r_cmds[j]}" > /dev/null
    done
  done
  python3 "$root/bench/merge-rounds.py" "$skip" "$json" "$dir"/*.json
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# -N: no intermediate shell, so the short commands are not blurred by its start-up.
r_names=("plain gcc: -O2 -c hello.c" "glibc-pin cc: -O2 -c hello.c"
         "plain gcc: link hello.o" "glibc-pin cc: link hello.o"
         "plain gcc: -O2 hello.c -o hello" "glibc-pin cc: -O2 hello.c -o hello"
         "plain gcc: link 301 objects" "glibc-pin cc: link 301 objects")
r_cmds=("$cmd_c_plain" "$cmd_c_pin" "$cmd_ld_plain" "$cmd_ld_pin"
        "$cmd_plain" "$cmd_warm" "$cmd_big_plain" "$cmd_big_pin")
r_prepare=(true true true true true true true true)
small_rounds=5
in_rounds "$out/pairs.json" $small_rounds 0 $(((runs + small_rounds - 1) / small_rounds)) -N --warmup 2
hyperfine -N --runs "$runs" --warmup 3 --style basic \
  --export-json "$out/hyperfine.json" \
  -n "glibc-pin cache generate (cold)"          -p "rm -rf $gen"     "$cmd_gen" \
  -n "glibc-pin cache generate (cold), as+ld+ar" -p "rm -rf $gen_ld" "$cmd_gen_ld" \
  -n "glibc-pin cc: -O2 hello.c, cold cache"    -p "rm -rf $cold"    "$cmd_cold" \
  -n "part: glibc-pin --version (start-up)"     -p true              "$cmd_start" \
  -n "part: the rewritten gcc command alone"    -p true              "$rewritten" \
  -n "part: glibc-pin cc -O2 hello.c, no check" -p true              "$cmd_noverify"

# --- real projects: configure (hundreds of tiny compiles and links) and a parallel build -----
rm -f "$out/projects.json"
project_cmds=()
if [[ $projects -eq 1 ]]; then
  "$root/scripts/fetch-sources.sh" xz-utils libzstd > /dev/null
  sources=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}/sources
  cp -r "$sources/xz-utils/tree" xz
  cp -r "$sources/libzstd/tree" zstd-plain
  cp -r "$sources/libzstd/tree" zstd-pin
  pin_env="GLIBC_PIN_TARGET=$target GLIBC_PIN_CACHE_DIR=$warm"
  # configure in a fresh build directory each run (out of tree: the source stays clean)
  conf_plain="cd $work/xz-plain && ../xz/configure CC=gcc > /dev/null"
  conf_pin="cd $work/xz-pin && $pin_env ../xz/configure CC=$work/bin/glibc-pin-cc > /dev/null"
  zstd_plain="make -C $work/zstd-plain -j2 lib-release CC=gcc > /dev/null"
  zstd_pin="$pin_env make -C $work/zstd-pin -j2 lib-release CC=$work/bin/glibc-pin-cc > /dev/null"
  project_cmds=("$conf_plain" "$conf_pin" "$zstd_plain" "$zstd_pin")
  r_names=("plain gcc: xz 5.4.1 ./configure" "glibc-pin cc: xz 5.4.1 ./configure"
           "plain gcc: zstd make -j2 lib-release" "glibc-pin cc: zstd make -j2 lib-release")
  r_cmds=("${project_cmds[@]}")
  r_prepare=("rm -rf $work/xz-plain && mkdir $work/xz-plain" "rm -rf $work/xz-pin && mkdir $work/xz-pin"
             "make -C $work/zstd-plain clean > /dev/null" "make -C $work/zstd-pin clean > /dev/null")
  in_rounds "$out/projects.json" $((project_warmup + project_runs)) "$project_warmup" 1
  # The pinned library must be pinned, or its timing means nothing.
  GLIBC_PIN_CACHE_DIR=$warm "$gp" check --target $target zstd-pin/lib/libzstd.so.1.* ||
    { echo "run.sh: the pinned zstd library does not fit $target" >&2; exit 1; }
  [[ -f xz-pin/config.status ]] ||
    { echo "run.sh: xz's configure through glibc-pin left no config.status" >&2; exit 1; }
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- instruction counts of the small steps ---------------------------------------------------
callgrind=$out/callgrind.txt
if command -v valgrind > /dev/null; then
  mkdir -p cg
  count() {  # count LABEL COMMAND...: callgrind over the process tree; one line per process
    local label=$1 slug; shift
    slug=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_')
    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$work/cg/$slug.%p" \
      "$@" > /dev/null 2> "$work/cg/$slug.log"
    for f in cg/"$slug".[0-9]*; do
      printf '%s\t%s\t%s\n' "$label" "$(sed -n 's/^cmd: *//p' "$f" | awk '{print $1}' | xargs basename)" \
        "$(sed -n 's/^summary: *//p; s/^totals: *//p' "$f" | head -n 1)"
    done
  }
  {
    count "plain gcc: -O2 -c hello.c" $cmd_c_plain
    count "glibc-pin cc: -O2 -c hello.c" $cmd_c_pin
    count "plain gcc: link hello.o" $cmd_ld_plain
    count "glibc-pin cc: link hello.o" $cmd_ld_pin
    count "plain gcc: -O2 hello.c -o hello" $cmd_plain
    count "glibc-pin cc: -O2 hello.c -o hello" $cmd_warm
    rm -rf "$gen" "$gen_ld"
    count "glibc-pin cache generate (cold)" $cmd_gen
    count "glibc-pin cache generate (cold), as+ld+ar" $cmd_gen_ld
  } > "$callgrind"
else
  : > "$callgrind"
fi

# --- where the cold time goes ---------------------------------------------------------------
breakdown=$out/breakdown.txt
{
  echo "Cold 'glibc-pin cache generate --target $target', one run, traced."
  echo
  if command -v strace > /dev/null; then
    cat > "$work/trace.py" <<'EOF'
import re, sys, collections
trace, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
first = {}; execs = {}; exits = {}
pending = {}
for line in open(trace):
    m = re.match(r'(\d+)\s+(\d+\.\d+)\s+(.*)', line)
    if not m:
        continue
    pid, ts, rest = int(m[1]), float(m[2]), m[3]
    first.setdefault(pid, ts)
    if rest.startswith('execve('):
        pending[pid] = (ts, re.findall(r'"([^"]*)"', rest))
    if ('execve' in rest) and re.search(r'= 0$', rest.strip()) and pid in pending:
        execs.setdefault(pid, pending[pid])  # the exec that succeeded (PATH lookups fail first)
    if rest.startswith('exit_group(') or rest.startswith('+++ exited'):
        exits[pid] = ts
t0 = min(first.values())
root = min(first)
print(f"wall time, traced: {1000 * (max(exits.values()) - t0):.0f} ms (strace slows every exec)")
rows = []
for pid, (ts, args) in execs.items():
    if pid == root:
        continue
    name = args[0].rsplit('/', 1)[-1]
    shown = ' '.join(a.rsplit('/', 1)[-1] if a.startswith('/') else a for a in args[2:])
    rows.append((ts - t0, exits.get(pid, ts) - ts, name, shown))
rows.sort()
print(f"{'start ms':>9} {'dur ms':>7}  program   arguments (directories dropped)")
for s, d, name, a in rows:
    if name in ('cc', 'ar', 'as', 'ld') or name.endswith(('-as', '-ld')):  # what the generator starts
        print(f"{1000*s:9.1f} {1000*d:7.1f}  {name:9} {a[:80]}")
by = collections.defaultdict(lambda: [0, 0.0])
for s, d, name, a in rows:
    by[name][0] += 1; by[name][1] += d
print()
print("per program: count, summed duration (they run in parallel, so the sum exceeds the wall time)")
for name, (n, d) in sorted(by.items(), key=lambda kv: -kv[1][1]):
    print(f"  {name:12} {n:4}  {1000*d:8.1f} ms")
print()
if rows:
    print(f"first tool started {1000*rows[0][0]:.1f} ms after glibc-pin started (database, planning)")
    print(f"last tool ended {1000*max(s + d for s, d, *_ in rows):.1f} ms after glibc-pin started")
    print(f"glibc-pin exited {1000*(exits.get(root, t0) - t0):.1f} ms after it started")
EOF
    trace_generate() {  # trace_generate CACHE_DIR [VAR=VALUE...]: one traced cold generation
      local dir=$1; shift
      rm -rf "$dir"
      env "$@" GLIBC_PIN_CACHE_DIR="$dir" strace -f -qq -ttt -s 256 -e trace=execve,exit_group \
        -o "$work/trace" "$gp" cache generate --target $target > /dev/null
      python3 "$work/trace.py" "$work/trace" 0 0
    }
    trace_generate "$gen"
    echo
    echo "The same through the old path (GLIBC_PIN_STUBS_VIA_LD=1: stubs with as and ld,"
    echo "trampolines with as, the archive with ar), for comparison:"
    echo
    trace_generate "$gen_ld" GLIBC_PIN_STUBS_VIA_LD=1
    echo
    echo "strace -c -f (syscall time summed over glibc-pin and every child):"
    rm -rf "$gen"
    GLIBC_PIN_CACHE_DIR=$gen strace -c -f -o "$work/strace-c" "$gp" cache generate --target $target > /dev/null
    head -n 17 "$work/strace-c"
  else
    echo "(strace not installed)"
  fi
  echo
  echo "Warm path, compile and link apart (hyperfine -N, 20 runs; CPU = user+sys of the whole tree):"
  wdir=$(ls -d "$warm"/*-glibc-*/)
  gcc -c hello.c -o "$work/hello.o"
  link_args=$(cat "$wdir/link-args.txt" | sed 's/^/-Wl,/' | tr '\n' ' ')
  hyperfine -N --runs 20 --warmup 3 --style none --export-json "$work/parts.json" \
    "gcc -c hello.c -o $work/h1.o" \
    "gcc -c -include ${wdir}glibc-pin-symver.h hello.c -o $work/h2.o" \
    "gcc $work/hello.o -o $work/x1" \
    "gcc -L$wdir -Wl,-rpath-link,$wdir $work/hello.o -o $work/x2 $link_args" > /dev/null
  python3 - "$work/parts.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))['results']:
    c = r['command'].replace('/glibc-pin-symver.h', '/H').split(' -o ')[0]
    c = ' '.join(a.rsplit('/', 1)[-1] if '/' in a and not a.startswith('-L') else a for a in c.split())
    print(f"  {c[:60]:60} wall {1000*r['mean']:6.1f} ms   CPU {1000*(r['user']+r['system']):6.1f} ms")
PY
} > "$breakdown" 2>&1
cat "$breakdown"

# --- the table ------------------------------------------------------------------------------
mem=$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)
python3 - "$out/hyperfine.json" "$out/projects.json" "$callgrind" "$out/table.md" "$out/pairs.json" <<'PY'
import json, os, sys, collections
runs = json.load(open(sys.argv[1]))['results'] + json.load(open(sys.argv[5]))['results']
if os.path.exists(sys.argv[2]):
    runs += json.load(open(sys.argv[2]))['results']
results = {r['command']: r for r in runs}
instr = collections.defaultdict(dict)  # label -> {program: instructions}
for line in open(sys.argv[3]):
    label, program, n = line.rstrip('\n').split('\t')
    program = "gcc" if program == "cc" else program  # cc is gcc; glibc-pin runs it as cc
    instr[label][program] = instr[label].get(program, 0) + int(n or 0)
ms = lambda s: "—" if s is None else f"{1000 * s:.1f}" if s < 1 else f"{s:.2f} s"  # one run: no σ
cpu = lambda r: r['user'] + r['system']
# step, plain gcc's row, glibc-pin's row, goal (ratio)
steps = [("xz 5.4.1 `./configure`", "xz 5.4.1 ./configure", 1.03),
         ("compile only: `-O2 -c hello.c`", "-O2 -c hello.c", 1.05),
         ("trivial link: `hello.o -o hello`", "link hello.o", 1.10),
         ("compile+link: `-O2 hello.c -o hello`", "-O2 hello.c -o hello", 1.05),
         ("large project: zstd `make -j2 lib-release`", "zstd make -j2 lib-release", 1.01),
         ("large link: 301 objects", "link 301 objects", None)]
verdict = lambda ok: "met" if ok else "**NOT met**"
lines = ["| step | plain gcc (mean ± σ) | glibc-pin (mean ± σ) | wall ratio | CPU ratio | instructions plain → glibc-pin | instruction ratio | goal | |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
for title, key, goal in steps:
    a, b = results.get("plain gcc: " + key), results.get("glibc-pin cc: " + key)
    if not a or not b:
        continue
    wall, cpur = b['mean'] / a['mean'], cpu(b) / cpu(a)
    ia, ib = sum(instr.get("plain gcc: " + key, {}).values()), sum(instr.get("glibc-pin cc: " + key, {}).values())
    icount = f"{ia / 1e6:.1f} M → {ib / 1e6:.1f} M" if ia and ib else "—"
    iratio = f"{ib / ia:.3f}" if ia and ib else "—"
    ok = "" if goal is None else verdict(wall <= goal) + " (wall)" + (f", {verdict(ib / ia <= goal)} (instructions)" if ia and ib else "")
    lines.append(f"| {title} | {ms(a['mean'])} ± {ms(a['stddev'])} | {ms(b['mean'])} ± {ms(b['stddev'])} | "
                 f"{wall:.3f} | {cpur:.3f} | {icount} | {iratio} | {'≤ %.2f' % goal if goal else '—'} | {ok} |")
gen = results["glibc-pin cache generate (cold)"]
old = results.get("glibc-pin cache generate (cold), as+ld+ar")  # the old path, for the ratios
ig = sum(instr.get("glibc-pin cache generate (cold)", {}).values())
io = sum(instr.get("glibc-pin cache generate (cold), as+ld+ar", {}).values())
row = "| first use of a target: `cache generate` (cold; old path with as+ld+ar → now) | "
row += f"{ms(old['mean'])} ± {ms(old['stddev'])} (CPU {ms(cpu(old))}) | " if old else "— | "
row += f"{ms(gen['mean'])} ± {ms(gen['stddev'])} (min {ms(gen['min'])}; CPU {ms(cpu(gen))}) | "
row += f"{gen['mean'] / old['mean']:.3f} | {cpu(gen) / cpu(old):.3f} | " if old else "— | — | "
row += f"{io / 1e6:.1f} M → {ig / 1e6:.1f} M | {ig / io:.3f} | " if ig and io else "— | — | "
row += f"≤ 100 ms | {verdict(gen['mean'] <= 0.100)} (wall), {verdict(cpu(gen) <= 0.100)} (CPU) |"
lines.append(row)
lines += ["", "Single commands (glibc-pin alone, or its parts):", "",
          "| command | wall mean ms | ± σ | min | CPU ms (user+sys) |", "|---|---:|---:|---:|---:|"]
for n in ["glibc-pin cc: -O2 hello.c, cold cache", "part: glibc-pin --version (start-up)",
          "part: the rewritten gcc command alone", "part: glibc-pin cc -O2 hello.c, no check"]:
    r = results[n]
    lines.append(f"| {n} | {ms(r['mean'])} | {ms(r['stddev'])} | {ms(r['min'])} | {ms(cpu(r))} |")
if instr:
    lines += ["", "Instructions per process (callgrind, millions):", "",
              "| step | " + " | ".join(["gcc", "cc1", "as", "collect2", "ld", "glibc-pin", "total"]) + " |",
              "|---|" + "---:|" * 7]
    for label, per in instr.items():
        cols = [per.get(p, 0) for p in ["gcc", "cc1", "as", "collect2", "ld", "glibc-pin"]]
        other = sum(per.values()) - sum(cols)
        cells = [f"{c / 1e6:.2f}" if c else "—" for c in cols]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {sum(per.values()) / 1e6:.2f} |" +
                     (f" (+{other / 1e6:.2f} other)" if other else ""))
open(sys.argv[4], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

if [[ $readme -eq 1 ]]; then
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$root" status --porcelain -- src 2>/dev/null | grep -q . && echo " (src/ had uncommitted changes)" || true)
  {
    echo "<!-- BEGIN RESULTS (written by bench/run.sh) -->"
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $commit$dirty:"
    echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $mem,"
    echo "$(uname -sr), $(getconf GNU_LIBC_VERSION), $(gcc --version | head -n 1), $(hyperfine --version),"
    echo "load average (1, 5, 15 min) before the run: $load_before; after it: $load_after."
    echo "Small steps: $runs runs each in $small_rounds rounds, plain and pinned in turn, 2 warm-up runs a round;"
    echo "projects: $project_runs rounds of one run each, after $project_warmup warm-up rounds."
    echo
    cat "$out/table.md"
    echo
    echo "Exact commands (\$W = the scratch directory; the cold rows' \`--prepare\` empties their"
    echo "cache before every run, configure runs in a fresh build directory, zstd after \`make clean\`;"
    echo "objs.rsp lists the 301 objects), small steps with \`hyperfine -N\`, projects through a shell;"
    echo "the environment has GLIBC_PIN_CACHE_DIR=\$W/cache-warm, the warm cache:"
    echo
    echo '```'
    for c in "$cmd_c_plain" "$cmd_c_pin" "$cmd_ld_plain" "$cmd_ld_pin" "$cmd_plain" "$cmd_warm" \
             "$cmd_big_plain" "$cmd_big_pin" "$cmd_gen" "$cmd_gen_ld" "$cmd_cold" "$cmd_start" "$rewritten" \
             "$cmd_noverify" "${project_cmds[@]}"; do
      echo "${c//$work/\$W}"
    done
    echo '```'
    echo
    echo "Where the cold time goes (bench/results/breakdown.txt):"
    echo
    echo '```'
    sed "s|$work|\$W|g" "$breakdown"
    echo '```'
    echo "<!-- END RESULTS -->"
  } > "$work/results.md"
  sed -i "s|$work|\$W|g" "$out/hyperfine.json" "$out/pairs.json" "$breakdown" "$callgrind"
  [[ ! -f $out/projects.json ]] || sed -i "s|$work|\$W|g" "$out/projects.json"
  python3 - "$here/README.md" "$work/results.md" <<'EOF'
import sys, re
readme, results = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
text = re.sub(r"<!-- BEGIN RESULTS.*?<!-- END RESULTS -->\n?", lambda m: results, text, flags=re.S)
open(readme, "w").write(text)
EOF
  echo "run.sh: wrote $here/README.md"
fi
