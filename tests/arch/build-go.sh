#!/usr/bin/env bash
# build-go.sh GO GLIBC_PIN_BIN_DIR OUT
# Builds examples/go-cgo for aarch64 (GOARCH=arm64) and i386 (GOARCH=386) with cgo, CC=glibc-pin-cc
# and the Debian cross compiler as the real one (GLIBC_PIN_CC), for glibc 2.17, external link
# mode; and plainly (CC=the cross compiler) as the negative controls:
#   OUT/go-cgo-arm64-2.17  OUT/go-cgo-386-2.17  OUT/go-cgo-arm64-plain  OUT/go-cgo-386-plain
# GOCACHE per architecture and target under OUT (the go command does not see GLIBC_PIN_TARGET).
# A program that cannot be built gets OUT/PROGRAM.SKIPPED with the reason instead (its run tests
# print it and skip): all of them when go is missing (exit 77), an architecture's when its cross
# compiler is missing (exit 77 when both are).
set -euo pipefail
go=$1 bindir=$2 out=$3
here=$(cd "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../../examples/go-cgo" && pwd)
mkdir -p "$out"
rm -f "$out"/*.SKIPPED
not_built() { # goarch reason
  echo "SKIP: $2" | tee "$out/go-cgo-$1-2.17.SKIPPED" > "$out/go-cgo-$1-plain.SKIPPED"
  echo "SKIP: $2" >&2
}
[[ -x $go ]] || { not_built arm64 "go not found (Debian package golang-go)"; not_built 386 "go not found (Debian package golang-go)"; exit 77; }
export PATH=$bindir:$(dirname -- "$go"):$PATH
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS= GO111MODULE=on CGO_ENABLED=1 GOPATH=$out/gopath
unset CGO_CFLAGS CGO_LDFLAGS GLIBC_PIN_TARGET
cd "$src"
built=0
for pair in arm64:aarch64-linux-gnu-gcc 386:i686-linux-gnu-gcc; do
  goarch=${pair%%:*} cc=${pair#*:}
  if ! command -v "$cc" >/dev/null; then not_built "$goarch" "no $cc: GOARCH=$goarch not built"; continue; fi
  echo "== GOARCH=$goarch CC=glibc-pin-cc GLIBC_PIN_CC=$cc, 2.17, -linkmode=external"
  GOARCH=$goarch GOCACHE=$out/gocache-$goarch-2.17 GLIBC_PIN_TARGET=2.17 GLIBC_PIN_CC=$cc \
    CC=glibc-pin-cc go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-$goarch-2.17" .
  echo "== GOARCH=$goarch CC=$cc (negative control)"
  GOARCH=$goarch GOCACHE=$out/gocache-$goarch-plain CC=$cc \
    go build -tags netcgo -ldflags=-linkmode=external -o "$out/go-cgo-$goarch-plain" .
  built=1
done
[[ $built -eq 1 ]] || exit 77
echo "built: $(cd "$out" && ls go-cgo-* | tr '\n' ' ')"
