#!/usr/bin/env bash
# bench/run.sh [--runs N] [--out DIR] [--no-readme] [GLIBC_PIN]
#
# What glibc-pin costs, measured with hyperfine in one run, side by side:
#   hello.c compile+link: plain gcc | glibc-pin cc warm (cache populated) | cold (empty cache)
#   a large link (300 objects): plain gcc | through glibc-pin (warm)
#   glibc-pin cache generate (first use of a target, empty cache)
#   parts of the warm cost: glibc-pin's start-up, the rewritten gcc command run directly, the
#   wrapper without its post-link check
# then where the time goes (each tool the generator runs, timed with strace -f; strace -c -f;
# one stub build alone; the warm compile and link apart).
# Writes bench/results/hyperfine.json, bench/results/breakdown.txt and the table in
# bench/README.md (between the BEGIN/END RESULTS markers). GLIBC_PIN defaults to
# build/src/glibc-pin; it is copied (with its shims) first, so a rebuild during the run
# cannot change what is measured. Needs: hyperfine, gcc, python3; strace for the breakdown.
#
# Goals (issue 4): warm overhead <= 5 % on hello.c compile+link; first-use generation
# <= 300 ms.
set -euo pipefail

here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
runs=30
out=$here/results
readme=1
glibc_pin=$root/build/src/glibc-pin
target=2.17
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-readme) readme=0; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) glibc_pin=$1; shift ;;
  esac
done
for tool in hyperfine gcc python3; do
  command -v $tool > /dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
[[ -x $glibc_pin ]] || { echo "run.sh: no glibc-pin at $glibc_pin (build first)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/glibc-pin-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$out" "$work/bin"
cp "$glibc_pin" "$work/bin/glibc-pin"
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
rewritten=$(GLIBC_PIN_CACHE_DIR=$warm "$gp" cc --target $target --glibc-pin-verbose hello.c -o hello 2>&1 |
            sed -n 's/^glibc-pin: running //p')
[[ -n $rewritten ]]

cmd_plain="gcc hello.c -o hello"
cmd_warm="env GLIBC_PIN_CACHE_DIR=$warm $gp cc --target $target hello.c -o hello"
cmd_cold="env GLIBC_PIN_CACHE_DIR=$cold $gp cc --target $target hello.c -o hello"
cmd_big_plain="gcc @objs.rsp -o big"
cmd_big_pin="env GLIBC_PIN_CACHE_DIR=$warm $gp cc --target $target @objs.rsp -o big"
cmd_gen="env GLIBC_PIN_CACHE_DIR=$gen $gp cache generate --target $target"
cmd_start="$gp --version"
cmd_noverify="env GLIBC_PIN_CACHE_DIR=$warm $gp cc --target $target --glibc-pin-no-verify hello.c -o hello"

# -N: no intermediate shell, so the short commands are not blurred by its start-up.
hyperfine -N --runs "$runs" --warmup 3 --style basic \
  --export-json "$out/hyperfine.json" \
  -n "plain gcc hello.c"                       -p true              "$cmd_plain" \
  -n "glibc-pin cc hello.c (warm cache)"       -p true              "$cmd_warm" \
  -n "glibc-pin cc hello.c (cold cache)"       -p "rm -rf $cold"    "$cmd_cold" \
  -n "plain gcc: link 301 objects"             -p true              "$cmd_big_plain" \
  -n "glibc-pin cc: link 301 objects (warm)"   -p true              "$cmd_big_pin" \
  -n "glibc-pin cache generate (cold)"         -p "rm -rf $gen"     "$cmd_gen" \
  -n "part: glibc-pin --version (start-up)"    -p true              "$cmd_start" \
  -n "part: the rewritten gcc command alone"   -p true              "$rewritten" \
  -n "part: glibc-pin cc, warm, no check"      -p true              "$cmd_noverify"

# --- where the cold time goes ---------------------------------------------------------------
breakdown=$out/breakdown.txt
{
  echo "Cold 'glibc-pin cache generate --target $target', one run, traced."
  echo
  if command -v strace > /dev/null; then
    rm -rf "$gen"
    start=$(date +%s.%N)
    GLIBC_PIN_CACHE_DIR=$gen strace -f -qq -ttt -s 256 -e trace=execve,exit_group \
      -o "$work/trace" "$gp" cache generate --target $target > /dev/null
    end=$(date +%s.%N)
    python3 - "$work/trace" "$start" "$end" <<'EOF'
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
    if name in ('cc', 'ar'):  # what the generator starts; the rest are their children
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
    echo
    echo "strace -c -f (syscall time summed over glibc-pin and every child):"
    rm -rf "$gen"
    GLIBC_PIN_CACHE_DIR=$gen strace -c -f -o "$work/strace-c" "$gp" cache generate --target $target > /dev/null
    head -n 17 "$work/strace-c"
  else
    echo "(strace not installed)"
  fi
  echo
  echo "One stub build alone (the largest, libc.so.6), 10 runs:"
  dir=$(ls -d "$gen"/*-glibc-*/)  # the target directory (links/ holds link records)
  hyperfine --runs 10 --style none --export-json "$work/one.json" \
    "cc -shared -nostdlib -o $work/libc-one.so $dir/stub-libc.so.6.s -Wl,--version-script=$dir/stub-libc.so.6.map -Wl,-soname,libc.so.6 -Wl,--hash-style=both" > /dev/null
  python3 -c "import json,sys; r=json.load(open('$work/one.json'))['results'][0]; print(f\"  mean {1000*r['mean']:.1f} ms, min {1000*r['min']:.1f} ms\")"
  echo "  the same as: cc -c (assemble only) then ld:"
  hyperfine --runs 10 --style none --export-json "$work/as.json" \
    "as -o $work/libc-one.o $dir/stub-libc.so.6.s" > /dev/null
  python3 -c "import json,sys; r=json.load(open('$work/as.json'))['results'][0]; print(f\"  as alone: mean {1000*r['mean']:.1f} ms\")"
  echo "  stub sizes: $(wc -c "$dir"/stub-*.s | tail -n 1 | awk '{print $1}') bytes of assembly in $(ls "$dir"/stub-*.s | wc -l) files"
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
python3 - "$out/hyperfine.json" "$out/table.md" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))['results']
results = {r['command']: r for r in runs}
hello, big = "plain gcc hello.c", "plain gcc: link 301 objects"
base = {n: (big if 'link 301' in n else None if 'generate' in n else hello) for n in results}
ms = lambda s: f"{1000 * s:.1f}"
cpu = lambda r: r['user'] + r['system']
lines = ["| command | wall mean ms | ± σ | min | max | wall vs plain | CPU ms (user+sys) | CPU vs plain |",
         "|---|---:|---:|---:|---:|---:|---:|---:|"]
for r in runs:
    n, b = r['command'], base[r['command']]
    wall = f"{r['mean'] / results[b]['mean']:.3f}×" if b else "—"
    cpur = f"{cpu(r) / cpu(results[b]):.3f}×" if b else "—"
    lines.append(f"| {n} | {ms(r['mean'])} | {ms(r['stddev'])} | {ms(r['min'])} | {ms(r['max'])} | {wall} | {ms(cpu(r))} | {cpur} |")
def over(a, b):
    return results[a]['mean'] / results[b]['mean'] - 1, cpu(results[a]) / cpu(results[b]) - 1
warm_wall, warm_cpu = over("glibc-pin cc hello.c (warm cache)", hello)
big_wall, big_cpu = over("glibc-pin cc: link 301 objects (warm)", big)
gen = results["glibc-pin cache generate (cold)"]
verdict = lambda ok: "met" if ok else "**NOT met**"
lines += ["",
  f"- warm overhead on hello.c compile+link: wall {100 * warm_wall:+.1f} %, CPU {100 * warm_cpu:+.1f} % "
  f"(goal ≤ 5 %: {verdict(warm_wall <= 0.05)} by wall time, {verdict(warm_cpu <= 0.05)} by CPU time)",
  f"- large link (301 objects), warm: wall {100 * big_wall:+.1f} %, CPU {100 * big_cpu:+.1f} %",
  f"- first-use generation (`cache generate`, cold): {ms(gen['mean'])} ms wall (min {ms(gen['min'])}), "
  f"{ms(cpu(gen))} ms CPU (goal ≤ 300 ms: {verdict(gen['mean'] <= 0.300)})",
  f"- parts of the warm overhead: wrapper start-up (`glibc-pin --version`) "
  f"{ms(cpu(results['part: glibc-pin --version (start-up)']))} ms CPU; the rewritten gcc command alone "
  f"{100 * over('part: the rewritten gcc command alone', hello)[1]:+.1f} % CPU vs plain; the post-link check "
  f"{ms(cpu(results['glibc-pin cc hello.c (warm cache)']) - cpu(results['part: glibc-pin cc, warm, no check']))} ms CPU "
  f"(warm with minus without `--glibc-pin-no-verify`)"]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
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
    echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg). $runs runs each, 3 warm-up runs."
    echo
    cat "$out/table.md"
    echo
    echo "Exact commands, in the table's order, run by \`hyperfine -N --runs $runs --warmup 3\` (\$W = the"
    echo "scratch directory; the cold rows' \`--prepare\` is \`rm -rf \$W/cache-cold\` resp."
    echo "\`rm -rf \$W/cache-generate\`, before every run; objs.rsp lists the 301 objects):"
    echo
    echo '```'
    for c in "$cmd_plain" "$cmd_warm" "$cmd_cold" "$cmd_big_plain" "$cmd_big_pin" "$cmd_gen" \
             "$cmd_start" "$rewritten" "$cmd_noverify"; do
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
  sed -i "s|$work|\$W|g" "$out/hyperfine.json" "$breakdown"
  python3 - "$here/README.md" "$work/results.md" <<'EOF'
import sys, re
readme, results = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
text = re.sub(r"<!-- BEGIN RESULTS.*?<!-- END RESULTS -->\n?", lambda m: results, text, flags=re.S)
open(readme, "w").write(text)
EOF
  echo "run.sh: wrote $here/README.md"
fi
