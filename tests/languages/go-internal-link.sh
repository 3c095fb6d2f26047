#!/usr/bin/env bash
# go-internal-link.sh GO GLIBC_PIN_BIN_DIR OUT
# A program whose only cgo code is the standard library's (runtime/cgo, net, os/user) is linked by
# Go's internal linker by default: it reads the objects glibc-pin-cc compiled, and the
# `pthread_create@GLIBC_2.2.5` references the .symver header would put there are names it cannot
# resolve ("relocation target pthread_create@GLIBC_2.2.5 not defined"). With GLIBC_PIN_NO_HEADER=1
# the header stays out; the versions then come from the pinned link of _cgo_.o (cgo -dynimport).
# This test builds it in the default mode and runs it on 2.17.
set -euo pipefail
go=$1 bindir=$2 out=$3
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/go-cgo" && pwd)
[[ -x $go ]] || { echo "SKIP: go not found (Debian package golang-go)"; exit 77; }
export PATH=$bindir:$(dirname -- "$go"):$PATH
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= GO111MODULE=on CGO_ENABLED=1
export GOPATH=$out/gopath
unset CGO_CFLAGS CGO_LDFLAGS
mkdir -p "$out"
cd "$src"
rm -f "$out/netuser-internal-2.17"
GOCACHE=$out/gocache-2.17 GLIBC_PIN_TARGET=2.17 GLIBC_PIN_NO_HEADER=1 CC=glibc-pin-cc \
  go build -tags netcgo -o "$out/netuser-internal-2.17" ./netuser
objdump -T "$out/netuser-internal-2.17" | grep -oE 'GLIBC_2\.[0-9]+' | sort -uV | tail -1
"$here/../runtime/run-on.sh" 2.17 "$out/netuser-internal-2.17"
