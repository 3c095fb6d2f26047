#!/usr/bin/env bash
# build-go.sh GO GLIBC_PIN_BIN_DIR OUT
# Builds examples/go-cgo the ways examples/go-cgo/README.md shows, into OUT, with GOCACHE under
# OUT (one per target: the go command does not know that GLIBC_PIN_TARGET changes what CC
# produces, see the README), no module proxy and the local toolchain only:
#   OUT/go-cgo-2.17           CC=glibc-pin-cc, default link mode (external: main has C code)
#   OUT/go-cgo-external-2.17  the same with -ldflags=-linkmode=external
#   OUT/go-cgo-2.31           default link mode, target 2.31
#   OUT/go-cgo-external-2.12  -ldflags=-linkmode=external, target 2.12 (CentOS 6)
#   OUT/netuser-external-2.17 net + os/user, no C code of its own, -linkmode=external
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

echo "== CC=glibc-pin-cc, default link mode, 2.17"
GOCACHE=$out/gocache-2.17 GLIBC_PIN_TARGET=2.17 CC=glibc-pin-cc \
  go build -tags netcgo -o "$out/go-cgo-2.17" .
echo "== -ldflags=-linkmode=external, 2.17"
GOCACHE=$out/gocache-2.17 GLIBC_PIN_TARGET=2.17 CC=glibc-pin-cc \
  go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-external-2.17" .
echo "== net + os/user only, -linkmode=external, 2.17"
GOCACHE=$out/gocache-2.17 GLIBC_PIN_TARGET=2.17 CC=glibc-pin-cc \
  go build -tags netcgo -ldflags=-linkmode=external -o "$out/netuser-external-2.17" ./netuser
echo "== default link mode, 2.31"
GOCACHE=$out/gocache-2.31 GLIBC_PIN_TARGET=2.31 CC=glibc-pin-cc \
  go build -tags netcgo -o "$out/go-cgo-2.31" .
echo "== -ldflags=-linkmode=external, 2.12"
GOCACHE=$out/gocache-2.12 GLIBC_PIN_TARGET=2.12 CC=glibc-pin-cc \
  go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-external-2.12" .
echo "== plain CC=gcc (negative control)"
GOCACHE=$out/gocache-plain CC=gcc go build -tags netcgo -o "$out/go-cgo-plain" .

newest_glibc() { objdump -T "$1" | grep -oE 'GLIBC_2\.[0-9.]+' | sort -uV | tail -1; }
check() {  # check FILE MAX-GLIBC
  local got; got=$(newest_glibc "$1")
  [[ $(printf '%s\n%s\n' "$got" "GLIBC_$2" | sort -V | tail -1) == "GLIBC_$2" ]] ||
    { echo "FAIL: $1 needs $got, more than GLIBC_$2"; exit 1; }
  echo "ok: $1 needs at most $got"
}
check "$out/go-cgo-2.17" 2.17
check "$out/go-cgo-external-2.17" 2.17
check "$out/netuser-external-2.17" 2.17
check "$out/go-cgo-2.31" 2.31
check "$out/go-cgo-external-2.12" 2.12
echo "plain build needs $(newest_glibc "$out/go-cgo-plain")"
