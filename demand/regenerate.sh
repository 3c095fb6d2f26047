#!/usr/bin/env bash
# demand/regenerate.sh [GLIBC_PIN]
# Regenerates the demand tables in this folder: fetches the package set (demand/packages.txt,
# Debian 12 bookworm and 13 trixie, amd64) with scripts/fetch-demand-packages.sh into the test
# cache, then runs `glibc-pin demand` over both unpacked trees for each target:
#   demand/table-<target>.txt   the table (interfaces by number of importing files)
#   demand/table-<target>.tsv   the same rows, tab-separated
# GLIBC_PIN: the glibc-pin executable (default: build/src/glibc-pin of this checkout).
set -euo pipefail
REPO=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
GLIBC_PIN=${1:-$REPO/build/src/glibc-pin}
ROOT=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}/demand/root
[[ -x $GLIBC_PIN ]] || { echo "regenerate.sh: no glibc-pin at $GLIBC_PIN (build first)" >&2; exit 1; }

"$REPO/scripts/fetch-demand-packages.sh" bookworm trixie
for target in 2.17 2.28; do
  "$GLIBC_PIN" demand --target "$target" --root "$ROOT" "$ROOT/bookworm" "$ROOT/trixie" \
    > "$REPO/demand/table-$target.txt"
  "$GLIBC_PIN" demand --target "$target" --tsv --root "$ROOT" "$ROOT/bookworm" "$ROOT/trixie" \
    > "$REPO/demand/table-$target.tsv"
  head -n 7 "$REPO/demand/table-$target.txt"
done
