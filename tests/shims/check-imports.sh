#!/usr/bin/env bash
# check-imports.sh PROGRAM [--has SYMBOL@VERSION]... [--lacks SYMBOL[@VERSION]]...
# What a program imports (its dynamic symbol table's versioned entries, readelf: undefined ones
# and the variables copied into it by a copy relocation): each --has must be there, no --lacks
# may be (without @VERSION: at no version).
set -uo pipefail
program=$1
shift
[[ -f $program ]] || { echo "FAIL: no program $program"; exit 1; }
imports=$(readelf -W --dyn-syms "$program" | awk '$8 ~ /@/ { print $8 }')
echo "$imports"
status=0
while [[ $# -ge 2 ]]; do
  case $1 in
    --has)   grep -qxF -- "$2" <<< "$imports" || { echo "FAIL: $program does not import $2"; status=1; } ;;
    --lacks) if [[ $2 == *@* ]]; then match=$(grep -xF -- "$2" <<< "$imports")
             else match=$(grep -E -- "^$2(@|$)" <<< "$imports"); fi
             [[ -z $match ]] || { echo "FAIL: $program imports $match"; status=1; } ;;
    *) echo "usage: check-imports.sh PROGRAM [--has SYM@VER]... [--lacks SYM[@VER]]..." >&2; exit 2 ;;
  esac
  shift 2
done
[[ $status -eq 0 ]] && echo "PASS: $program imports what it should"
exit $status
