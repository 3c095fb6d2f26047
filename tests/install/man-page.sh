#!/usr/bin/env bash
# man-page.sh GLIBC_PIN MANPAGE README
# docs/glibc-pin.1 renders without a single groff warning (-ww), and cannot drift from the tool:
# every subcommand of `glibc-pin --help` has its entry, each synopsis has the options of
# `glibc-pin CMD --help`'s usage line, the wrapper options are exactly those of `glibc-pin cc
# --help` (and exactly those README.md names), every GLIBC_PIN_* variable of `glibc-pin cc
# --help` and of the README's table is in ENVIRONMENT (and nothing else is), the exit statuses
# are worded as `check`/`doctor --help` word them, and the version is the tool's.
set -uo pipefail
GLIBC_PIN=${1:-} page=${2:-} readme=${3:-}
[[ -x $GLIBC_PIN && -f $page && -f $readme ]] || { echo "usage: $0 GLIBC_PIN MANPAGE README" >&2; exit 2; }
fail() { echo "FAIL: man-page: $*"; exit 1; }
command -v groff > /dev/null || { echo "SKIP: man-page: groff is not installed (scripts/install-deps.sh installs groff-base)"; exit 77; }
export LC_ALL=C
t=$(mktemp -d "${TMPDIR:-/tmp}/glibc-pin-man.XXXXXX")
trap 'rm -rf -- "$t"' EXIT

groff -man -Tutf8 -ww -z "$page" 2> "$t/warnings"
[[ ! -s $t/warnings ]] || { cat "$t/warnings"; fail "groff warns about $page"; }
if command -v man > /dev/null; then
  MANWIDTH=80 man --warnings=w -l "$page" > /dev/null 2> "$t/warnings"
  [[ ! -s $t/warnings ]] || { cat "$t/warnings"; fail "man -l warns about $page"; }
fi

# Plain text, one paragraph per line as far as possible (very long lines, no hyphenation).
groff -man -Tascii -rLL=1000n -rHY=0 -P-cbou "$page" > "$t/page.txt" || fail "groff failed"
section() { awk -v s="$1" '/^[A-Z]/ { on = ($0 == s); next } on' "$t/page.txt"; }
section COMMANDS > "$t/commands"
section SYNOPSIS > "$t/synopsis"
section 'WRAPPER OPTIONS' > "$t/wrapper"
section ENVIRONMENT > "$t/environment"
section 'EXIT STATUS' > "$t/exit"
[[ -s $t/commands && -s $t/synopsis && -s $t/wrapper && -s $t/environment && -s $t/exit ]] ||
  fail "a section is missing (COMMANDS, SYNOPSIS, WRAPPER OPTIONS, ENVIRONMENT, EXIT STATUS)"

"$GLIBC_PIN" --help > "$t/help" || fail "glibc-pin --help failed"
commands=$(sed -n '/^Commands:/,/^$/ s/^  \([^ ]*\) .*/\1/p' "$t/help")
[[ $(wc -w <<< "$commands") -ge 8 ]] || fail "glibc-pin --help lists only: $commands"
for c in $commands; do
  grep -Eq "^ {7}$(sed 's/[+.]/\\&/g' <<< "$c")( |$)" "$t/commands" || fail "COMMANDS has no entry for '$c'"
  case $c in cc|c++|ld) continue ;; esac
  usage=$("$GLIBC_PIN" "$c" --help | sed -n 's/^Usage: //p')
  synopsis=$(grep -E "^ *glibc-pin $c( |$)" "$t/synopsis")
  [[ -n $synopsis ]] || fail "SYNOPSIS has no line for '$c'"
  for o in $(grep -Eo -- '--[a-z][a-z-]*' <<< "$usage"); do
    [[ $synopsis == *"$o"* ]] || fail "SYNOPSIS of '$c' lacks $o (usage: $usage)"
  done
done

"$GLIBC_PIN" cc --help > "$t/cc-help" || fail "glibc-pin cc --help failed"
diff <(grep -Eo -- '--glibc-pin-[a-z-]+' "$t/cc-help" | sort -u) \
     <(grep -Eo -- '--glibc-pin-[a-z-]+' "$t/wrapper" | sort -u) ||
  fail "wrapper options: glibc-pin cc --help (<) and the man page (>) differ"
diff <(grep -Eo -- '--glibc-pin-[a-z-]+' "$t/cc-help" | sort -u) \
     <(grep -Eo -- '--glibc-pin-[a-z-]+' "$readme" | sort -u) ||
  fail "wrapper options: glibc-pin cc --help (<) and README.md (>) differ"

tool_vars=$( (grep -Eo 'GLIBC_PIN_[A-Z_]+' "$t/cc-help"; grep -Eo '^\| `GLIBC_PIN_[A-Z_]+`(, `GLIBC_PIN_[A-Z_]+`)*' "$readme" | grep -Eo 'GLIBC_PIN_[A-Z_]+') | sort -u)
man_vars=$(grep -Eo '^ {7}GLIBC_PIN_[A-Z_]+(, GLIBC_PIN_[A-Z_]+)*' "$t/environment" | grep -Eo 'GLIBC_PIN_[A-Z_]+' | sort -u)
diff <(echo "$tool_vars") <(echo "$man_vars") ||
  fail "environment variables: glibc-pin cc --help + README (<) and the man page's ENVIRONMENT (>) differ"

squash() { tr -s ' \n' ' '; }
for c in check doctor; do
  said=$("$GLIBC_PIN" $c --help | squash | grep -Eo 'Exit status:? 0[^.]*\.' | sed -E 's/^Exit status:? //')
  [[ -n $said ]] || fail "glibc-pin $c --help states no exit status"
  squash < "$t/exit" | grep -qF -- "$said" || fail "EXIT STATUS does not say, for $c: '$said'"
done

version=$("$GLIBC_PIN" --version | head -n 1)
grep -q "^\.TH GLIBC-PIN 1 .*\"$version\"" "$page" || fail "the .TH line does not name '$version'"
echo "PASS: man-page ($(wc -w <<< "$commands") commands, $(wc -l <<< "$man_vars") variables)"
