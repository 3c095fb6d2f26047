#!/usr/bin/env bash
# bench/check.sh [--runs N] [--out DIR] [--no-readme] [--file ELF] [GLIBC_PIN]
#
# How long `glibc-pin check` takes on a ~100 MB ELF file, next to `readelf -V` (which prints the
# same version sections) on the same file, all in one hyperfine run:
#   glibc-pin check --target 2.17 FILE   (does not fit: also indexes the profiles for the hint)
#   glibc-pin check --target 2.36 FILE
#   readelf -V FILE
# The file defaults to /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1 (110 MB on bookworm), else the
# biggest libLLVM-*.so.* there, else the biggest ELF file under build/. It is read once before the run,
# so every case reads it from the page cache. Writes bench/results/check.json and the table in
# bench/README.md between the BEGIN/END CHECK RESULTS markers (a section appended the first
# time). GLIBC_PIN defaults to build/src/glibc-pin (copied first, so a rebuild during the run
# cannot change what is measured; $W in check.json). Needs: hyperfine, readelf, python3.
#
# Goal (issue 5): <= 20 ms for a 100 MB ELF.
set -euo pipefail

here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
runs=30
out=$here/results
readme=1
file=
glibc_pin=$root/build/src/glibc-pin
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-readme) readme=0; shift ;;
    --file) file=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check.sh: unknown option $1" >&2; exit 2 ;;
    *) glibc_pin=$1; shift ;;
  esac
done
for tool in hyperfine readelf python3; do
  command -v $tool > /dev/null || { echo "check.sh: $tool is needed" >&2; exit 1; }
done
[[ -x $glibc_pin ]] || { echo "check.sh: no glibc-pin at $glibc_pin (build first)" >&2; exit 1; }

if [[ -z $file && -f /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1 ]]; then
  file=/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
fi
if [[ -z $file ]]; then
  file=$(ls -S /usr/lib/x86_64-linux-gnu/libLLVM-*.so.* 2>/dev/null | head -1 || true)
fi
if [[ -z $file ]]; then
  file=$(find "$root/build" -type f -size +1M -exec sh -c \
           'head -c4 "$1" | grep -q "^.ELF" && echo "$1"' _ {} \; | xargs -r ls -S | head -1)
fi
[[ -n $file && -f $file ]] || { echo "check.sh: no ELF file to measure (try --file)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/glibc-pin-bench-check.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$out" "$work/bin"
cp "$glibc_pin" "$work/bin/glibc-pin"
gp=$work/bin/glibc-pin
"$gp" --version > /dev/null || { echo "check.sh: the copied glibc-pin does not run" >&2; exit 1; }
unset GLIBC_PIN_TARGET
export LC_ALL=C
cat "$file" > /dev/null  # into the page cache

size=$(stat -c %s "$file")
status_217=0; "$gp" check --target 2.17 "$file" > /dev/null 2>&1 || status_217=$?
status_236=0; "$gp" check --target 2.36 "$file" > /dev/null 2>&1 || status_236=$?
lines=$(readelf -V "$file" | wc -l)

# -i: `check` exits 1 when the file does not fit; that is a result, not a failure.
hyperfine -N -i --runs "$runs" --warmup 3 --style basic \
  --export-json "$out/check.json" \
  -n "glibc-pin check --target 2.17" "$gp check --target 2.17 $file" \
  -n "glibc-pin check --target 2.36" "$gp check --target 2.36 $file" \
  -n "readelf -V" "readelf -V $file"

python3 - "$out/check.json" "$work/table.md" "$file" "$size" "$status_217" "$status_236" \
  "$lines" "$runs" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys, datetime
src, dst, path, size, s217, s236, lines, runs, commit, load = sys.argv[1:]
rs = {r["command"]: r for r in json.load(open(src))["results"]}
ref = rs["readelf -V"]
def cpu(r): return 1000 * (r["user"] + r["system"])
out = [f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC at commit {commit}, load average "
       f"before the run {load}; {runs} runs each, 3 warm-up runs (`hyperfine -N -i`).",
       f"File: `{path}`, {int(size) / 1e6:.1f} MB (`readelf -V` prints {lines} lines). "
       f"Exit status of check: {s217} for 2.17, {s236} for 2.36.", "",
       "| command | wall mean ms | ± σ | min | max | CPU ms (user+sys) | wall vs readelf -V | CPU vs readelf -V |",
       "|---|---:|---:|---:|---:|---:|---:|---:|"]
for name in ["glibc-pin check --target 2.17", "glibc-pin check --target 2.36", "readelf -V"]:
    r = rs[name]
    out.append(f"| {name} | {1000*r['mean']:.1f} | {1000*r['stddev']:.1f} | {1000*r['min']:.1f} | "
               f"{1000*r['max']:.1f} | {cpu(r):.1f} | {r['mean']/ref['mean']:.3f}× | "
               f"{cpu(r)/cpu(ref):.3f}× |")
c = rs["glibc-pin check --target 2.17"]
out += ["", f"- `check --target 2.17` is {ref['mean']/c['mean']:.0f}× faster than `readelf -V` "
        f"(wall; {cpu(ref)/cpu(c):.0f}× by CPU); goal ≤ 20 ms: "
        + ("met" if 1000 * c["mean"] <= 20 else "**NOT met**") + f" ({1000*c['mean']:.1f} ms mean)"]
open(dst, "w").write("\n".join(out) + "\n")
PY
sed -i "s|$work|\$W|g" "$out/check.json"  # the scratch directory, as in run.sh
cat "$work/table.md"

if [[ $readme -eq 1 ]]; then
  python3 - "$here/README.md" "$work/table.md" <<'PY'
import sys
readme, table = sys.argv[1], open(sys.argv[2]).read()
text = open(readme).read()
begin, end = "<!-- BEGIN CHECK RESULTS (written by bench/check.sh) -->", "<!-- END CHECK RESULTS -->"
if begin not in text:
    text = text.rstrip("\n") + "\n\n## glibc-pin check\n\n" \
        "`bench/check.sh` times `glibc-pin check --target 2.17` (and `--target 2.36`) on a ~100 MB " \
        "ELF file next to `readelf -V` on the same file, in one hyperfine run (`-N`, the file in " \
        "the page cache). `check` reads only what the dynamic loader reads (program headers, " \
        "dynamic segment, .dynsym, version sections); `readelf -V` also formats every versym " \
        "entry. Goal (issue 5): ≤ 20 ms for a 100 MB ELF.\n\n" \
        "```sh\nbench/check.sh                  # 30 runs; writes bench/results/check.json and the section below\n" \
        "bench/check.sh --runs 10 --no-readme --file path/to/big.so\n```\n\n" \
        + begin + "\n" + end + "\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(readme, "w").write(head + begin + "\n" + table + end + tail)
PY
  echo "check.sh: bench/README.md updated"
fi
