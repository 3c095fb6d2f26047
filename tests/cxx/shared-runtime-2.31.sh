#!/usr/bin/env bash
# shared-runtime-2.31.sh GLIBC_PIN CXX SRC OUT RUN_ON
# `glibc-pin c++ --target 2.31 --glibc-pin-cxx-runtime=shared`: the host's libstdc++.so (GCC 12)
# needs GLIBCXX_3.4.30 and glibc 2.32-2.36 symbols that bullseye (2.31, GCC 10) lacks, so the
# build must fail, clearly, naming libstdc++.so. If the link ever succeeds, the program is run on
# bullseye and the test fails either way, with what happened in its output (issue 6 wants this
# case refused at build time).
set -uo pipefail
pin=$1 cxx=$2 src=$3 out=$4 run_on=$5
mkdir -p "$(dirname "$out")"
rm -f "$out"
log=$(GLIBC_PIN_CXX=$cxx "$pin" c++ --target 2.31 --glibc-pin-cxx-runtime=shared -std=c++20 -O2 \
        -pthread "$src" -o "$out" 2>&1)
rc=$?
echo "--- glibc-pin c++ --target 2.31 --glibc-pin-cxx-runtime=shared (exit status $rc) ---"
echo "$log"
echo "---"
if [[ $rc -ne 0 ]]; then
  if grep -Eq "glibc-pin: error: .*needed by the shared library [^ ]*libstdc\+\+\.so" <<<"$log"; then
    echo "PASS: the link was refused, naming libstdc++.so"
    exit 0
  fi
  echo "FAIL: the link failed, but without glibc-pin's error naming libstdc++.so"
  exit 1
fi
echo "FAIL: the link succeeded; running it on bullseye:"
"$run_on" bullseye "$out" 2>&1
echo "(exit status $?)"
exit 1
