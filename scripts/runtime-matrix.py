#!/usr/bin/env python3
"""runtime-matrix.py JUNIT.xml

The architecture x language x runtime table of a CTest run (ctest --output-junit JUNIT.xml):
for each architecture (x86_64, aarch64, i386) and language (C, C++ with g++ and with clang++,
Rust, Go+cgo), how many programs pinned by glibc-pin ran on each real runtime (2.12, 2.17, 2.28,
2.31 = bullseye, sid) and how many plain builds (the negative controls) failed there as they must.
A cell reads "pinned passed/run; controls passed/run", with "+N skipped" when tests were skipped.

Only runtime tests count (NAME@RUNTIME). Which test is which comes from the suite's names:
  arch.<arch>.<program>.<compiler>-<target>@<arch>-<runtime>   (tests/arch)
  arch.go.<goarch>-<target>@...                                (tests/arch, Go)
  pin.traps/ctor/new-interfaces/resolv-renamed..., cxx.*, pin.cxx-*, languages.rust.*,
  languages.go.*                                               (x86_64)
a name whose last part is "plain" or ends in "-plain" is a control (not locks.plain-off_t-2.17,
pinned with a plain off_t). Prints a Markdown table.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

RUNTIMES = ["2.12", "2.17", "2.28", "2.31", "sid"]
ARCHES = ["x86_64", "aarch64", "i386"]
LANGUAGES = ["C", "C++ g++", "C++ clang++", "Rust", "Go+cgo"]
X86_C = ("pin.traps.", "pin.ctor.", "pin.new-interfaces.", "pin.resolv-renamed.")


def classify(name):
    """(arch, language, control) of a runtime test, or None when it is not in the table."""
    test, runtime = name.split("@", 1)
    parts = test.split(".")
    if parts[0] == "arch":
        if parts[1] == "go":
            arch = {"arm64": "aarch64", "386": "i386"}.get(parts[2].split("-")[0])
            language = "Go+cgo"
        else:
            arch, program = parts[1], parts[2]
            variant = ".".join(parts[3:])
            if program == "rust":
                language = "Rust"
            elif program == "cxx":
                language = "C++ clang++" if variant.startswith("clang") else "C++ g++"
            else:
                language = "C"
    elif test.startswith("languages.rust."):
        arch, language = "x86_64", "Rust"
    elif test.startswith("languages.go."):
        arch, language = "x86_64", "Go+cgo"
    elif test.startswith(("cxx.", "pin.cxx-")):
        arch = "x86_64"
        language = "C++ clang++" if ".clang" in test else "C++ g++"
    elif test.startswith(X86_C):
        arch, language = "x86_64", "C"
    else:
        return None
    if arch is None:
        return None
    last = parts[-1]
    return arch, language, last == "plain" or last.endswith("-plain"), runtime


def column(arch, runtime):
    """The table column of a run-on.sh runtime name, or None (host, bookworm, trixie)."""
    prefix = arch + "-"
    if arch != "x86_64":
        if not runtime.startswith(prefix):
            return None
        runtime = runtime[len(prefix):]
    runtime = {"bullseye": "2.31"}.get(runtime, runtime)
    return runtime if runtime in RUNTIMES else None


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: runtime-matrix.py JUNIT.xml (from ctest --output-junit)")
    # cells[(arch, language, runtime)][control] = [passed, run, skipped]
    cells = defaultdict(lambda: {False: [0, 0, 0], True: [0, 0, 0]})
    for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
        name = case.get("name", "")
        if "@" not in name:
            continue
        found = classify(name)
        if not found:
            continue
        arch, language, control, runtime = found
        col = column(arch, runtime)
        if col is None:
            continue
        status = case.get("status", "")
        count = cells[(arch, language, col)][control]
        if status == "notrun" or case.find("skipped") is not None:
            count[2] += 1
            continue
        count[1] += 1
        if status == "run" and case.find("failure") is None:
            count[0] += 1

    def cell(arch, language, runtime):
        c = cells.get((arch, language, runtime))
        if not c:
            return "-"
        text = []
        for control, label in ((False, "pinned"), (True, "controls")):
            passed, run, skipped = c[control]
            if run or skipped:
                text.append(f"{label} {passed}/{run}" + (f" +{skipped} skipped" if skipped else ""))
        return "; ".join(text) or "-"

    print("| arch | language | " + " | ".join(RUNTIMES) + " |")
    print("|---|---|" + "---|" * len(RUNTIMES))
    for arch in ARCHES:
        for language in LANGUAGES:
            row = [cell(arch, language, r) for r in RUNTIMES]
            if all(c == "-" for c in row):
                continue
            print(f"| {arch} | {language} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
