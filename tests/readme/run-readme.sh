#!/usr/bin/env bash
# run-readme.sh opening|commands BUILD_DIR OUT_DIR
# Runs the commands of README.md, so that it cannot lie. The rules, for whoever edits README.md:
#   - every fenced block names its kind: ```sh blocks are commands and are run; ```text shows
#     output; anything else (```cmake, ...) is shown only. An untagged fence is an error.
#   - a ```sh block holds one command per line (no continuation lines, no here-documents);
#     each must exit 0, or the status its comment announces: `cmd   # exit status 1: why`.
#   - a ```text block right after a ```sh block is that block's output: each of its lines
#     must be a whole line of what the commands printed (stdout and stderr).
# Modes:
#   opening   the README's first block, the two commands: scripts/quickstart.sh runs (on this
#             build tree, GLIBC_PIN_BUILD_DIR=BUILD_DIR), and .ci/run runs exactly the test
#             command (which is what CTest itself is running, so it is not run again here).
#   commands  every other ```sh block, in order, in one shell, in a copy of the repository
#             (OUT_DIR/repo, with `build` a symlink to BUILD_DIR: the state after quickstart),
#             with HOME=OUT_DIR/home (so ~/.local and ~/.cache are scratch too) and no
#             GLIBC_PIN_* variable but the test-runtime cache.
# Exit status: 0 pass, 1 fail.
set -uo pipefail
mode=${1:-} build=${2:-} out=${3:-}
[[ ($mode == opening || $mode == commands) && -f $build/CMakeCache.txt && -n $out ]] ||
  { echo "usage: $0 opening|commands BUILD_DIR OUT_DIR" >&2; exit 2; }
build=$(cd "$build" && pwd)
repo=$(cd "$(dirname -- "$0")/../.." && pwd)
readme=$repo/README.md
fail() { echo "FAIL: readme.$mode: $*"; exit 1; }
rm -rf -- "$out" && mkdir -p -- "$out/blocks" || exit 1
out=$(cd "$out" && pwd)

# Split README.md into out/blocks/NN.KIND files of "LINENO<TAB>text" lines; out/blocks/NN.after
# holds the number of the block that follows NN with only blank lines between (else empty).
awk -v dir="$out/blocks" '
  /^```/ {
    if (!inside) {
      kind = substr($0, 4); gsub(/[ \t]+$/, "", kind)
      if (kind == "") { printf "README.md:%d: a fenced block without a kind (sh, text, ...)\n", NR > "/dev/stderr"; bad = 1 }
      n++; inside = 1
      file = sprintf("%s/%02d.%s", dir, n, kind == "" ? "untagged" : kind)
      printf "" > file
      if (closed_at && blank_since_close) printf "%02d\n", n > sprintf("%s/%02d.after", dir, n - 1)
      next
    }
    inside = 0; closed_at = NR; blank_since_close = 1; next
  }
  inside { print NR "\t" $0 > file; next }
  { if ($0 !~ /^[ \t]*$/) blank_since_close = 0 }
  END { if (inside) { print "README.md: unterminated fenced block" > "/dev/stderr"; bad = 1 } exit bad }
' "$readme" || fail "README.md breaks the block rules above"
sh_blocks=$(cd "$out/blocks" && ls | sed -n 's/\.sh$//p' | sort)
[[ -n $sh_blocks ]] || fail "README.md has no \`\`\`sh block"
first=$(head -n 1 <<< "$sh_blocks")

# The command of a README line: the text before its comment, trimmed.
command_of() { sed -E 's/[[:space:]]+#.*$//; s/^[[:space:]]+//; s/[[:space:]]+$//' <<< "$1"; }

if [[ $mode == opening ]]; then
  mapfile -t lines < <(cut -f2- "$out/blocks/$first.sh" | grep -v '^[[:space:]]*\(#\|$\)')
  [[ ${#lines[@]} -eq 2 ]] || fail "the README's first block must hold the two commands (it has ${#lines[@]})"
  quickstart=$(command_of "${lines[0]}") testcmd=$(command_of "${lines[1]}")
  [[ $quickstart == scripts/quickstart.sh ]] || fail "first command is '$quickstart', not scripts/quickstart.sh"
  [[ $testcmd == scripts/test.sh ]] || fail "second command is '$testcmd', not scripts/test.sh"
  ci=$(grep -v '^[[:space:]]*\(#\|$\)' "$repo/.ci/run" | grep -vx 'set -e' | grep -v '^cd ')
  [[ $ci == "exec $testcmd" ]] || fail ".ci/run does not run exactly '$testcmd' (its commands: $ci)"
  echo "+ GLIBC_PIN_BUILD_DIR=$build $quickstart"
  GLIBC_PIN_BUILD_DIR=$build "$repo/$quickstart" > "$out/quickstart.log" 2>&1 < /dev/null
  rc=$?
  [[ $rc -eq 0 ]] || { cat "$out/quickstart.log"; fail "$quickstart exited $rc"; }
  grep -q '^==> done$' "$out/quickstart.log" || { cat "$out/quickstart.log"; fail "$quickstart did not get to the end"; }
  tail -n 12 "$out/quickstart.log"
  echo "PASS: readme.opening ($quickstart ran; .ci/run runs $testcmd)"
  exit 0
fi

# commands: a copy of the sources (not .git, not build trees), `build` pointing at the build.
work=$out/repo
mkdir -p "$work" "$out/home"
(cd "$repo" && tar --exclude=./.git --exclude='./build*' --exclude=./.cache --exclude=./demo --exclude=./dist \
   -cf - .) | tar -xf - -C "$work" || fail "cannot copy the repository"
ln -s "$build" "$work/build"

# One script: each block's commands, each line followed by the check of its exit status.
script=$out/readme-commands.sh
{
  echo 'set -u'
  echo 'expect() { [[ $1 -eq $2 ]] && return; echo "README.md:$3: exit status $1, expected $2"; cat "$4"; exit 1; }'
  echo "cd $(printf '%q' "$work")"
  for b in $sh_blocks; do
    [[ $b == "$first" ]] && continue
    log=$out/block-$b.log
    echo ": > $(printf '%q' "$log")"
    while IFS=$'\t' read -r lineno text; do
      [[ $text =~ ^[[:space:]]*(#|$) ]] && continue
      [[ $text =~ \\$ || $text == *'<<'* ]] && fail "README.md:$lineno: one command per line (no continuation, no here-document)"
      want=0
      [[ $text =~ \#.*exit\ status\ ([0-9]+) ]] && want=${BASH_REMATCH[1]}
      echo "printf '+ %s\n' $(printf '%q' "$text") >> $(printf '%q' "$log")"
      echo "{ $text"
      echo "} >> $(printf '%q' "$log") 2>&1 < /dev/null"
      echo "expect \$? $want $lineno $(printf '%q' "$log")"
    done < "$out/blocks/$b.sh"
  done
} > "$script"

test_cache=${GLIBC_PIN_TEST_CACHE:-$HOME/.cache/glibc-pin-tests}  # the fetched runtimes
for v in $(compgen -e GLIBC_PIN_); do unset "$v"; done
export GLIBC_PIN_TEST_CACHE=$test_cache
PATH=$(tr ':' '\n' <<< "$PATH" | grep -vF "$build" | paste -sd:)
HOME=$out/home LC_ALL=C bash "$script" || fail "a README command failed (above); the script: $script"

# Output blocks: every line shown must have been printed.
checked=0
for b in $sh_blocks; do
  [[ -f $out/blocks/$b.after ]] || continue
  next=$(cat "$out/blocks/$b.after")
  [[ -f $out/blocks/$next.text ]] || continue
  while IFS=$'\t' read -r lineno text; do
    [[ -z $text ]] && continue
    grep -qxF -- "$text" "$out/block-$b.log" ||
      { cat "$out/block-$b.log"; fail "README.md:$lineno: shown as output of the block above it, but not printed by it: $text"; }
    checked=$((checked + 1))
  done < "$out/blocks/$next.text"
done
echo "PASS: readme.commands ($(grep -c '^expect ' "$script") commands in $(($(wc -l <<< "$sh_blocks") - 1)) blocks, $checked output lines)"
