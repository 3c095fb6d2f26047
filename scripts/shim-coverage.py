#!/usr/bin/env python3
"""shim-coverage.py [--build DIR] [--markdown] [--strict]

Which test exercises each shim on which real runtime, computed from the build, not by hand.

The interfaces: every row the committed demand tables (demand/table-2.17.tsv, table-2.28.tsv)
classify as "shims", or as "renames" by a forced-header alias (__signgam), plus every symbol of
src/shims/shims.tsv (the newer-host group has few or no demand rows yet). An interface is
needed for target T when its shim is linked for T (introduced > T).

The tests: `ctest --show-only=json-v1` of the build. For each test, the ELF files its command
names (or, when it names none, the ELF files under the build directories it names, which the
test builds itself) are read with readelf and objdump: a shim a program exercises is a hidden
definition of the interface's name (`__wrap_NAME` for the --wrap shims); a header alias is in a
program that uses the name it stands for (__signgam: signgam, in the dynamic symbols). (readelf
reads the symbol tables: a hidden definition, local or global.) The runtimes a test runs
on come from its name (`...@RUNTIME`) or its arguments; its kind from its script:
  differential  output compared line by line with the real glibc's own (tests/shims,
                tests/threads, tests/c23 differential.sh): the host's plain build, or a newer
                runtime's functions through dlsym
  expected      output compared with a fixed expectation (runtime-test.sh & co.)
  runs          a script that builds and runs programs (its own checks)
Plain builds define no shims, so only the pinned programs of a test count.

Coverage of (interface, T): a differential test runs a program holding the shim on runtime T
(T = 2.17 or 2.28, the real old glibc). --ctest-log FILE (ctest's console output, repeatable):
tests it shows failed or skipped do not count; give the logs of `ctest -L shims` and
`ctest -L threads` so that the table states only what passed. Prints one line per interface;
--markdown a table.
Exit status 1 with --strict when some (interface, T) is uncovered.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNTIMES = ["2.12", "2.17", "2.28", "bullseye", "host", "bookworm", "trixie", "sid"]
TARGETS = ["2.17", "2.28"]
# No differential test by design: what the old runtime says really differs from the newer glibc,
# and the test checks each runtime's own truth (src/shims/README.md).
DOCUMENTED = {
    "__rseq_offset": "threads.rseq.*: glibc < 2.35 registers no rseq area, so 0 (not registered) "
                     "is the truth there; the kernel accepts the program's own area",
    "__rseq_size": "as __rseq_offset",
    "__rseq_flags": "as __rseq_offset",
}
# Interfaces the forced header renames (src/generator/header_aliases.cpp): name -> target name.
HEADER_ALIASES = {"__signgam": "signgam"}


def release(text):
    return tuple(int(p) for p in text.split("."))


def read_shims():
    """symbol -> (introduced, file) from src/shims/shims.tsv."""
    shims = {}
    with open(os.path.join(REPO, "src/shims/shims.tsv")) as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and not cols[0].startswith("#"):
                shims[cols[0]] = (cols[1], cols[2])
    return shims


def read_demand(target):
    """symbol -> (files, action) of the rows glibc-pin shims or renames by a header alias."""
    rows = {}
    with open(os.path.join(REPO, "demand", f"table-{target}.tsv")) as f:
        next(f)
        for line in f:
            symbol, _library, _versions, files, action, _example = line.rstrip("\n").split("\t")
            if action == "shims" or (action == "renames" and symbol in HEADER_ALIASES):
                rows[symbol] = (int(files), action)
    return rows


def is_elf(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


_cache = {}


def exercised_shims(path):
    """The hidden definitions (the shims) a linked ELF file holds that its code refers to.
    A shim's file may define several interfaces; only those some instruction outside their own
    body calls, jumps to or takes the address of count (objdump's <name> annotations). bfd
    makes hidden definitions local, other linkers keep them global with hidden visibility."""
    if path not in _cache:
        out = subprocess.run(["readelf", "-sW", path], capture_output=True, text=True).stdout
        hidden = set()
        for line in out.splitlines():
            # Num: Value Size Type Bind Vis Ndx Name
            parts = line.split()
            if (len(parts) == 8 and parts[3] in ("FUNC", "OBJECT", "TLS") and parts[6] != "UND"
                    and (parts[4] == "LOCAL" or parts[5] == "HIDDEN")):
                hidden.add(parts[7].split("@")[0])
        code = subprocess.run(["objdump", "-d", "--no-show-raw-insn", path],
                              capture_output=True, text=True).stdout
        referenced = set()
        current = None
        for line in code.splitlines():
            header = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
            if header:
                current = header.group(1)
                continue
            for name in re.findall(r"<([^<>+]+)>", line):
                if name != current and name in hidden:
                    referenced.add(name)
        names = set()
        for name in referenced:
            names.add(name)  # shims.tsv names some --wrap shims as __wrap_NAME
            if name.startswith("__wrap_"):
                names.add(name[len("__wrap_"):])
        dynamic = subprocess.run(["nm", "-D", path], capture_output=True, text=True).stdout
        dynamic_names = {line.split()[-1].split("@")[0] for line in dynamic.splitlines() if line.strip()}
        names |= {alias for alias, target in HEADER_ALIASES.items() if target in dynamic_names}
        _cache[path] = names
    return _cache[path]


def elf_files_of(command, build):
    files = [a for a in command if a.startswith(build) and os.path.isfile(a) and is_elf(a)]
    if files:
        return files
    for arg in command:
        if arg.startswith(build + "/") and os.path.isdir(arg):
            for root, _dirs, names in os.walk(arg):
                files += [os.path.join(root, n) for n in names
                          if not n.endswith((".o", ".a")) and is_elf(os.path.join(root, n))]
    return files


def kind_and_reference(command):
    scripts = [a for a in command if a.endswith((".sh", ".cmake", ".py"))]
    script = os.path.relpath(scripts[0], REPO) if scripts else ""
    if script in ("tests/shims/differential.sh", "tests/threads/differential.sh"):
        if "--plain-fails" in command:
            return "control", ""
        if "--against" in command:
            return "differential", command[command.index("--against") + 1] + "'s own"
        if "--plain-on" in command:
            return "differential", command[command.index("--plain-on") + 1] + " plain build"
        return "differential", "host plain build"
    if script == "tests/c23/differential.sh":
        return "differential", command[command.index(script and scripts[0]) + 2] + "'s own"
    if "--expect-failure" in command:
        return "control", ""
    if "--expect-output" in command:
        return "expected", "fixed output"
    return "runs", script


def runtimes_of(name, command, kind):
    at = re.search(r"@([\w.-]+)$", name)
    if at:
        return [at.group(1)]
    rts = [a for a in command if a in RUNTIMES]
    if kind == "differential" and "tests/c23/differential.sh" in " ".join(command):
        rts = rts[1:]  # the first is the reference
    return sorted(set(rts), key=RUNTIMES.index)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[2])
    parser.add_argument("--build", default=os.path.join(REPO, "build"))
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--ctest-log", action="append", default=[])
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    shims = read_shims()
    demand = {t: read_demand(t) for t in TARGETS}
    interfaces = sorted(set(shims) | set(demand["2.17"]) | set(demand["2.28"]))

    failed = set()
    for log in args.ctest_log:
        with open(log) as f:
            for line in f:
                result = re.search(r"Test +#\d+: (\S+) \.*\s*(\*\*\*)?(Failed|Skipped|Not Run|Timeout|Exception)", line)
                if result:
                    failed.add(result.group(1))
    result = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1"],
                            capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(os.path.join(build, "CTestTestfile.cmake")):
        sys.exit(f"shim-coverage.py: no configured build in {build} (--build DIR): "
                 f"{result.stderr.strip() or 'no CTestTestfile.cmake'}")
    listing = result.stdout
    # interface -> test -> (kind, reference, runtimes)
    found = defaultdict(dict)
    for test in json.loads(listing)["tests"]:
        command = test.get("command") or []
        kind, reference = kind_and_reference(command)
        if kind == "control" or test["name"] in failed:
            continue
        defined = set()
        for path in elf_files_of(command, build):
            defined |= exercised_shims(path)
        for symbol in defined & set(interfaces):
            found[symbol][test["name"]] = (kind, reference, runtimes_of(test["name"], command, kind))

    uncovered = []
    rows = []
    for symbol in interfaces:
        introduced = shims[symbol][0] if symbol in shims else "2.23"
        needed = [t for t in TARGETS if symbol in demand[t] or
                  (symbol in shims and release(t) < release(introduced))]
        tests = found.get(symbol, {})
        diff_rts = set()
        for kind, _ref, rts in tests.values():
            if kind == "differential":
                diff_rts |= set(rts)
        missing = [t for t in needed if t not in diff_rts and symbol not in DOCUMENTED]
        uncovered += [(symbol, t) for t in missing]
        imports = {t: demand[t][symbol][0] for t in TARGETS if symbol in demand[t]}
        rows.append((symbol, introduced, needed, imports, tests, diff_rts, missing))

    pairs = sum(len(r[2]) for r in rows)
    documented = sum(len(r[2]) for r in rows if r[0] in DOCUMENTED)
    summary = (f"{len(rows)} interfaces, {pairs} (interface, target) pairs needed; "
               f"{pairs - len(uncovered) - documented} covered by a differential test on the "
               f"target's real runtime; {documented} documented differences (an expected-output "
               f"test instead); {len(uncovered)} uncovered" +
               (": " + ", ".join(f"{s}@{t}" for s, t in uncovered) if uncovered else "") +
               (f"; {len(failed)} tests left out (failed or skipped in the ctest logs)" if failed else ""))
    if args.markdown:
        print("# Shim coverage: which differential test exercises each shim, on which runtime\n")
        print("Generated by `scripts/shim-coverage.py --markdown > src/shims/COVERAGE.md` from a "
              "build with its test programs made (see the script for how). **" + summary + ".**\n")
        print("*needed for*: the targets whose link takes the shim (introduced later). *demand*: "
              "files importing it in the package set (demand/table-T.tsv, 2.17/2.28). "
              "*reference*: what the pinned program's output is compared with, line by line: the "
              "plain build on the host (or on the newer runtime itself, `--plain-on`), or a newer "
              "glibc's own function called through dlsym by the same program. *runtimes*: where "
              "the pinned program ran and printed the reference's output.\n")
        print("| interface | added | needed for | demand | differential tests | reference | runtimes |")
        print("|---|---|---|---|---|---|---|")
    for symbol, introduced, needed, imports, tests, diff_rts, missing in rows:
        diff_tests = sorted({re.sub(r"@[\w.-]+$", "", n) for n, v in tests.items() if v[0] == "differential"})
        references = sorted({v[1] for v in tests.values() if v[0] == "differential"})
        other = sorted({re.sub(r"@[\w.-]+$", "", n) for n, v in tests.items() if v[0] != "differential"})
        rts = " ".join(r for r in RUNTIMES if r in diff_rts)
        demand_text = "/".join(str(imports.get(t, "-")) for t in TARGETS)
        if args.markdown:
            shown = ", ".join(f"`{t}`" for t in diff_tests[:2]) + (f" (+{len(diff_tests) - 2})" if len(diff_tests) > 2 else "")
            if symbol in DOCUMENTED:
                shown = (shown + "; " if shown else "") + "documented: " + DOCUMENTED[symbol]
            print(f"| `{symbol}` | {introduced} | {' '.join(needed) or '-'} | {demand_text} | "
                  f"{shown or '**none**'} | {', '.join(references) or '-'} | {rts or '-'} |")
        else:
            state = ("UNCOVERED for " + " ".join(missing) if missing else
                     "documented: " + DOCUMENTED[symbol] if symbol in DOCUMENTED else "covered")
            print(f"{symbol}\t{introduced}\tneeded:{','.join(needed) or '-'}\tdemand:{demand_text}\t"
                  f"{state}\tdifferential:{len(diff_tests)} on [{rts}]\tother:{len(other)}")
    print("\n" + summary, file=sys.stderr if args.markdown else sys.stdout)
    return 1 if args.strict and uncovered else 0


if __name__ == "__main__":
    sys.exit(main())
