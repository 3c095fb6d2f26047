#!/usr/bin/env bash
# bench/peers.sh [--runs N] [--cold-runs M] [--zig PATH] [--out DIR] [--no-readme] [GLIBC_PIN]
#
# The same C and C++ programs built three ways, side by side in one run:
#   plain   gcc / g++                                   (the baseline every ratio is against)
#   pin     glibc-pin cc / c++ --target 2.17
#   zig     zig cc / zig c++ -target x86_64-linux-gnu.2.17
# Timed with hyperfine (compile + link of one source file, -O2):
#   warm: every tool's caches populated (glibc-pin's target cache; zig's glibc stubs, crt files,
#         compiler_rt, libc++/libc++abi/libunwind); N runs
#   cold: glibc-pin's and zig's cache directories removed before every run; M runs
# Before every timed run (warm and cold, every tool alike) the source's first line, a comment,
# is rewritten with a new time stamp, so zig's cache of compiled sources never answers for the
# program itself: what is measured is an edit-and-rebuild, not a cache hit.
# Then every program x tool is built once more and its output is run on the host, on real
# glibc 2.17 and on bullseye (tests/runtime/run-on.sh; runtimes from scripts/fetch-runtimes.sh),
# checked with `glibc-pin check --target 2.17`, and its size recorded.
# Programs: bench/peers/common.c (C, interfaces 2.17 has; timed), tests/pinning/traps.c (C, adds
# getrandom and reallocarray, which 2.17 lacks), tests/pinning/cxx_runtime_traps.cc (C++:
# iostream, thread, exceptions, thread_local destructor, random_device; timed),
# tests/cxx/features.cc (C++: also filesystem, regex, chrono, condition_variable).
# zig comes from bench/get-zig.sh (npm registry) unless --zig names one; without it the zig
# column says why. Writes bench/results/peers-*.{json,tsv,md} and the section between the
# BEGIN/END PEERS RESULTS markers in bench/README.md. Needs: hyperfine, gcc, g++, python3.
set -euo pipefail

here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
runs=10
cold_runs=3
out=$here/results
readme=1
zig=
glibc_pin=$root/build/src/glibc-pin
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --cold-runs) cold_runs=$2; shift 2 ;;
    --zig) zig=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-readme) readme=0; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "peers.sh: unknown option $1" >&2; exit 2 ;;
    *) glibc_pin=$1; shift ;;
  esac
done
for tool in hyperfine gcc g++ python3; do
  command -v $tool > /dev/null || { echo "peers.sh: $tool is needed" >&2; exit 1; }
done
[[ -x $glibc_pin ]] || { echo "peers.sh: no glibc-pin at $glibc_pin (build first)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/glibc-pin-peers.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$out" "$work/bin" "$work/src" "$work/out" "$work/log"
cp "$glibc_pin" "$work/bin/glibc-pin"
cp -r "$(dirname "$(readlink -f "$glibc_pin")")/shims" "$work/bin/shims"
gp=$work/bin/glibc-pin
"$gp" --version > /dev/null || { echo "peers.sh: the copied glibc-pin does not run" >&2; exit 1; }
unset GLIBC_PIN_TARGET GLIBC_PIN_CC GLIBC_PIN_CXX GLIBC_PIN_LD ZIG_GLOBAL_CACHE_DIR ZIG_LOCAL_CACHE_DIR
export LC_ALL=C

# --- zig ----------------------------------------------------------------------------------
zig_note=
if [[ -z $zig ]]; then
  zig=$("$here/get-zig.sh" 2> "$work/log/get-zig.txt") || { zig_note="bench/get-zig.sh failed: $(tail -n 1 "$work/log/get-zig.txt")"; zig=; }
fi
if [[ -n $zig ]] && ! "$zig" version > /dev/null 2>&1; then
  zig_note="$zig does not run"; zig=
fi
tools=(plain pin)
[[ -n $zig ]] && tools+=(zig)
zig_version=${zig:+$("$zig" version)}

# --- programs -----------------------------------------------------------------------------
# name  language  source  timed
programs=(
  "common.c c $here/peers/common.c 1"
  "traps.c c $root/tests/pinning/traps.c 0"
  "cxx_runtime_traps.cc c++ $root/tests/pinning/cxx_runtime_traps.cc 1"
  "features.cc c++ $root/tests/cxx/features.cc 0"
)
for p in "${programs[@]}"; do
  read -r name lang src timed <<< "$p"
  { echo "// time stamp, rewritten before every timed run"; cat "$src"; } > "$work/src/$name"
done
printf '%s\n' '#!/bin/sh' 'stamp=$(date +%s%N)' \
  "for f in $work/src/*; do sed -i \"1s|.*|// \$stamp|\" \"\$f\"; done" > "$work/stamp.sh"
printf '%s\n' '#!/bin/sh' "rm -rf $work/pin-cold $work/zig-cold $work/zig-cold-local" \
  "exec $work/stamp.sh" > "$work/cold.sh"
chmod +x "$work/stamp.sh" "$work/cold.sh"

# command_for TOOL LANG SRC OUT CACHE: the build command, one line, run without a shell
command_for() {
  local tool=$1 lang=$2 src=$3 outf=$4 cache=$5 flags driver
  if [[ $lang == c ]]; then flags="-O2 -pthread $src -o $outf -ldl"; driver=cc
  else flags="-O2 -std=c++17 -pthread $src -o $outf"; driver=c++; fi
  case $tool in
    plain) [[ $lang == c ]] && echo "gcc $flags" || echo "g++ $flags" ;;
    pin) echo "env GLIBC_PIN_CACHE_DIR=$work/pin-$cache $gp $driver --target 2.17 $flags" ;;
    zig) echo "env ZIG_GLOBAL_CACHE_DIR=$work/zig-$cache ZIG_LOCAL_CACHE_DIR=$work/zig-$cache-local $zig $driver -target x86_64-linux-gnu.2.17 $flags" ;;
  esac
}

# --- build matrix (also fills the warm caches) --------------------------------------------
echo "peers.sh: building every program with ${tools[*]} (fills the warm caches)" >&2
matrix=$out/peers-matrix.tsv
printf 'program\ttool\tbuild\tbuild_s\tsize\tcheck_2.17\thost\t2.17\tbullseye\tnote\n' > "$matrix"
for p in "${programs[@]}"; do
  read -r name lang src timed <<< "$p"
  for tool in "${tools[@]}"; do
    o=$work/out/$name-$tool
    log=$work/log/$name-$tool
    cmd=$(command_for $tool $lang "$work/src/$name" "$o" warm)
    start=$(date +%s%N)
    status=0; $cmd > "$log.build" 2>&1 || status=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 )); secs=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
    if [[ $status -ne 0 ]]; then
      note=$(grep -m1 -E 'error|undefined' "$log.build" | sed "s|$work|\$W|g; s|\t| |g" | cut -c1-160)
      printf '%s\t%s\tFAILED (exit %s)\t%s\t-\t-\t-\t-\t-\t%s\n' "$name" "$tool" "$status" "$secs" "$note" >> "$matrix"
      continue
    fi
    size=$(stat -c %s "$o")
    check=0; "$gp" check --target 2.17 "$o" > "$log.check" 2>&1 || check=$?
    if [[ $check -eq 0 ]]; then check=fits
    else
      needs=$(sed -n 's/.*: error: needs \(.*\), but .*/\1/p' "$log.check" | grep -oE '(GLIBC|GLIBCXX|CXXABI|GCC)_[0-9.]+' | sort -uV | paste -sd, - || true)
      check="does not fit (needs ${needs:-?})"
    fi
    res=()
    for rt in host 2.17 bullseye; do
      s=0; timeout 60 "$root/tests/runtime/run-on.sh" $rt "$o" > "$log.$rt.out" 2> "$log.$rt.err" < /dev/null || s=$?
      if [[ $s -eq 77 ]]; then res+=("skipped (runtime absent)")
      elif [[ $s -ne 0 ]]; then
        why=$(grep -o "version \`[^']*' not found" "$log.$rt.err" | sed "s/version \`//; s/' not found//" | sort -uV | paste -sd, - || true)
        res+=("FAILS (exit $s${why:+, $why not found})")
      elif [[ -s $work/log/$name-plain.host.out ]] && ! cmp -s "$log.$rt.out" "$work/log/$name-plain.host.out"; then
        res+=("runs, output differs from plain on the host")
      else res+=(runs); fi
    done
    printf '%s\t%s\tok\t%s\t%s\t%s\t%s\t%s\t%s\t\n' "$name" "$tool" "$secs" "$size" "$check" "${res[@]}" >> "$matrix"
  done
done
column -t -s $'\t' "$matrix" >&2

# --- timings ------------------------------------------------------------------------------
hyper() { # JSON RUNS PREPARE CACHE
  local json=$1 n=$2 prepare=$3 cache=$4 args=() p name lang src timed tool
  for p in "${programs[@]}"; do
    read -r name lang src timed <<< "$p"
    [[ $timed == 1 ]] || continue
    for tool in "${tools[@]}"; do
      # a build that failed in the matrix is not timed (it would time an error message)
      awk -F'\t' -v n="$name" -v t="$tool" '$1 == n && $2 == t && $3 == "ok" {f = 1} END {exit !f}' "$matrix" || continue
      args+=(--prepare "$prepare" -n "$name $tool" "$(command_for $tool $lang "$work/src/$name" "$work/out/t-$name-$tool" "$cache")")
    done
  done
  hyperfine -N --runs "$n" --style basic --export-json "$json" "${args[@]}"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
echo "peers.sh: warm, $runs runs each" >&2
hyper "$out/peers-warm.json" "$runs" "$work/stamp.sh" warm
echo "peers.sh: cold, $cold_runs runs each" >&2
hyper "$out/peers-cold.json" "$cold_runs" "$work/cold.sh" cold
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- table --------------------------------------------------------------------------------
python3 - "$out" "$work/table.md" "$zig_note" <<'PY'
import csv, json, sys
out, dst, zig_note = sys.argv[1:]
label = {"plain": "plain gcc/g++", "pin": "glibc-pin --target 2.17", "zig": "zig -target x86_64-linux-gnu.2.17"}
def load(kind):
    return {r["command"]: r for r in json.load(open(f"{out}/peers-{kind}.json"))["results"]}
warm, cold = load("warm"), load("cold")
cpu = lambda r: r["user"] + r["system"]
lines = ["| program | tool | warm median s | warm min | warm CPU s | warm vs plain (median) | cold median s | cold min | cold CPU s | cold vs plain (median) |",
         "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for prog in dict.fromkeys(k.rsplit(" ", 1)[0] for k in warm):
    for tool in ("plain", "pin", "zig"):
        k = f"{prog} {tool}"
        if k not in warm:
            continue
        cells = []
        for res in (warm, cold):
            r, b = res.get(k), res.get(f"{prog} plain")
            if r is None:
                cells += ["—"] * 4
                continue
            cells += [f"{r['median']:.3f}", f"{r['min']:.3f}", f"{cpu(r):.3f}",
                      f"{r['median'] / b['median']:.2f}×" if b else "—"]
        lines.append(f"| {prog} | {label[tool]} | " + " | ".join(cells) + " |")
lines += ["", "| program | tool | build | size (bytes) | `glibc-pin check --target 2.17` | host (2.36) | glibc 2.17 | bullseye (2.31) |",
          "|---|---|---|---:|---|---|---|---|"]
for r in csv.DictReader(open(f"{out}/peers-matrix.tsv"), delimiter="\t"):
    build = r["build"] if r["build"] == "ok" else f"**{r['build']}**: `{r['note']}`"
    lines.append(f"| {r['program']} | {label[r['tool']]} | {build} | {r['size']} | {r['check_2.17']} | "
                 f"{r['host']} | {r['2.17']} | {r['bullseye']} |")
if zig_note:
    lines += ["", f"zig: **unavailable** ({zig_note})."]
open(dst, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

if [[ $readme -eq 1 ]]; then
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  mem=$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)
  {
    echo "<!-- BEGIN PEERS RESULTS (written by bench/peers.sh) -->"
    echo "Measured $started at commit $commit: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $mem,"
    echo "$(uname -sr), host glibc $(getconf GNU_LIBC_VERSION | cut -d' ' -f2), $(gcc --version | head -n 1),"
    echo "$("$gp" --version | head -n 1), zig ${zig_version:-unavailable}, $(hyperfine --version)."
    echo "Load average before the timings: $load_before; after: $load_after. Warm: $runs runs each; cold: $cold_runs runs each (\`hyperfine -N\`)."
    echo
    cat "$work/table.md"
    echo
    echo "Exact commands (\$W = the scratch directory, \$SRC = the program's copy in \$W/src). Before every"
    echo "run \`--prepare\` rewrites the stamp line of every source; for cold it first runs"
    echo "\`rm -rf \$W/pin-cold \$W/zig-cold \$W/zig-cold-local\`. The warm commands say \`-warm\` for \`-cold\`:"
    echo
    echo '```'
    for lang in c c++; do
      for tool in "${tools[@]}"; do
        command_for $tool $lang '$SRC' '$OUT' cold
      done
    done | sed "s|$work|\$W|g; s|${zig:-/nonexistent}|zig|g"
    echo '```'
    echo "<!-- END PEERS RESULTS -->"
  } > "$work/results.md"
  python3 - "$here/README.md" "$work/results.md" <<'PY'
import sys
readme, results = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
begin, end = "<!-- BEGIN PEERS RESULTS (written by bench/peers.sh) -->", "<!-- END PEERS RESULTS -->"
if begin not in text:
    text = text.rstrip("\n") + "\n\n## Peers\n\n" + begin + "\n" + end + "\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(readme, "w").write(head + results.rstrip("\n") + tail)
PY
  echo "peers.sh: bench/README.md updated" >&2
fi
cp "$work/table.md" "$out/peers-table.md"
sed -i "s|$work|\$W|g" "$out"/peers-*.json "$matrix"
if [[ -n $zig ]]; then sed -i "s|$zig|zig|g" "$out"/peers-*.json; fi
