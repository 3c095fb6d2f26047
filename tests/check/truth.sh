#!/usr/bin/env bash
# truth.sh GLIBC_PIN RUN_ON PROGRAM...: the verdict of 'glibc-pin check --target T' against
# reality: whether PROGRAM loads and runs (exit 0) on the real runtime of T
# (2.17 -> real 2.17, 2.28 -> real 2.28, 2.31 -> Debian bullseye). Prints the table; fails on
# any disagreement. Skips (77) when a runtime is absent.
set -uo pipefail
GP=$1 RUN_ON=$2; shift 2
declare -A RUNTIME=([2.17]=2.17 [2.28]=2.28 [2.31]=bullseye)
for t in "${!RUNTIME[@]}"; do
  "$RUN_ON" --check "${RUNTIME[$t]}" 2>/dev/null || { echo "SKIP: runtime ${RUNTIME[$t]} absent"; exit 77; }
done
disagree=0 rows=0
printf '%-36s %-6s %-10s %-8s %s\n' PROGRAM TARGET CHECK RUNS VERDICT
for prog in "$@"; do
  [[ -x $prog ]] || { echo "missing: $prog"; disagree=$((disagree+1)); continue; }
  prog=$(realpath "$prog")
  for t in 2.17 2.28 2.31; do
    timeout 60 "$GP" check --target "$t" "$prog" >/dev/null 2>&1; c=$?
    timeout 60 "$RUN_ON" "${RUNTIME[$t]}" "$prog" >/dev/null 2>&1; r=$?
    [[ $c -eq 0 ]] && cv=fits || cv="not($c)"
    [[ $r -eq 0 ]] && rv=yes || rv="no($r)"
    if [[ ($c -eq 0 && $r -eq 0) || ($c -eq 1 && $r -ne 0) ]]; then v=agree; else v=DISAGREE; disagree=$((disagree+1)); fi
    rows=$((rows+1))
    printf '%-36s %-6s %-10s %-8s %s\n' "$(basename "$prog")" "$t" "$cv" "$rv" "$v"
  done
done
echo "$rows verdicts, $disagree disagreements"
[[ $disagree -eq 0 ]]
