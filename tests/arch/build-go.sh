#!/usr/bin/env bash
# build-go.sh GO GLIBC_PIN_BIN_DIR OUT
# Builds examples/go-cgo for aarch64 (GOARCH=arm64) and i386 (GOARCH=386) with cgo, CC=glibc-pin-cc
# and the Debian cross compiler as the real one (GLIBC_PIN_CC), for glibc 2.17, external link
# mode; and plainly (CC=the cross compiler) as the negative controls:
#   OUT/go-cgo-arm64-2.17  OUT/go-cgo-386-2.17  OUT/go-cgo-arm64-plain  OUT/go-cgo-386-plain
# GOCACHE per architecture and target under OUT (the go command does not see GLIBC_PIN_TARGET).
# Exit 77 (skip) when go or a cross compiler is missing; that architecture's programs are then
# absent and their run tests skip too.
set -euo pipefail
go=$1 bindir=$2 out=$3
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/go-cgo" && pwd)
mkdir -p "$out"
[[ -x $go ]] || { echo "SKIP: go not found (Debian package golang-go)"; exit 77; }
export PATH=$bindir:$(dirname -- "$go"):$PATH
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= GO111MODULE=on CGO_ENABLED=1 GOPATH=$out/gopath
unset CGO_CFLAGS CGO_LDFLAGS GLIBC_PIN_TARGET
cd "$src"
built=0
for pair in arm64:aarch64-linux-gnu-gcc 386:i686-linux-gnu-gcc; do
  goarch=${pair%%:*} cc=${pair#*:}
  if ! command -v "$cc" >/dev/null; then echo "no $cc: GOARCH=$goarch not built"; continue; fi
  echo "== GOARCH=$goarch CC=glibc-pin-cc GLIBC_PIN_CC=$cc, 2.17, -linkmode=external"
  GOARCH=$goarch GOCACHE=$out/gocache-$goarch-2.17 GLIBC_PIN_TARGET=2.17 GLIBC_PIN_CC=$cc \
    CC=glibc-pin-cc go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-$goarch-2.17" .
  echo "== GOARCH=$goarch CC=$cc (negative control)"
  GOARCH=$goarch GOCACHE=$out/gocache-$goarch-plain CC=$cc \
    go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-$goarch-plain" .
  built=1
done
[[ $built -eq 1 ]] || { echo "SKIP: no cross compiler for arm64 or 386"; exit 77; }
echo "built: $(cd "$out" && ls go-cgo-* | tr '\n' ' ')"
