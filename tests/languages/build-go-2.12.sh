#!/usr/bin/env bash
# build-go-2.12.sh GO GLIBC_PIN_BIN_DIR OUT
# examples/go-cgo built for glibc 2.12 (CentOS 6) the way its README shows for 2.17, with GOCACHE
# under OUT, no module proxy and the local toolchain only:
#   OUT/go-cgo-external-2.12  CC=glibc-pin-cc GLIBC_PIN_TARGET=2.12 -ldflags=-linkmode=external
#   OUT/go-cgo-plain          CC=gcc: the negative control
# Exit 77 (skip) when go is missing.
set -euo pipefail
go=$1 bindir=$2 out=$3
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/go-cgo" && pwd)
mkdir -p "$out"
rm -f "$out/SKIPPED"
if [[ ! -x $go ]]; then
  echo "SKIP: go not found (Debian package golang-go)" | tee "$out/SKIPPED" >&2
  exit 77
fi
export PATH=$bindir:$(dirname -- "$go"):$PATH
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= GO111MODULE=on CGO_ENABLED=1
export GOPATH=$out/gopath
unset CGO_CFLAGS CGO_LDFLAGS GLIBC_PIN_TARGET
cd "$src"

echo "== CC=glibc-pin-cc GLIBC_PIN_TARGET=2.12, -ldflags=-linkmode=external"
GOCACHE=$out/gocache-2.12 GLIBC_PIN_TARGET=2.12 CC=glibc-pin-cc \
  go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-external-2.12" .
echo "== plain CC=gcc (negative control)"
GOCACHE=$out/gocache-plain CC=gcc go build -tags netcgo -o "$out/go-cgo-plain" .

newest=$(objdump -T "$out/go-cgo-external-2.12" | grep -oE 'GLIBC_2\.[0-9.]+' | sort -uV | tail -1)
echo "go-cgo-external-2.12 needs at most $newest"
[[ $(printf '%s\n%s\n' "$newest" GLIBC_2.12 | sort -V | tail -1) == GLIBC_2.12 ]] ||
  { echo "FAIL: go-cgo-external-2.12 needs $newest, more than GLIBC_2.12"; exit 1; }
