#!/usr/bin/env python3
"""merge-rounds.py SKIP OUT.json ROUND.json...: one hyperfine result per command from runs made in
rounds (bench/run.sh: ROUND.json is hyperfine's export of one command in one round, named
<round>-<index>.json). Rounds below SKIP are warm-up and left out. The result has hyperfine's
fields that bench/run.sh reads: mean and stddev over every run, user and system per run, times."""
import json
import os
import statistics
import sys

skip, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
runs = {}  # command -> [(wall, user, system)] per run
for path in sorted(files):
    if int(os.path.basename(path).split("-")[0]) < skip:
        continue
    for r in json.load(open(path))["results"]:
        # hyperfine gives user and system as means over the call's runs
        runs.setdefault(r["command"], []).extend((t, r["user"], r["system"]) for t in r["times"])
mean = lambda xs: sum(xs) / len(xs)
results = [{"command": command, "mean": mean([w for w, _, _ in t]),
            "stddev": statistics.stdev([w for w, _, _ in t]) if len(t) > 1 else 0.0,
            "user": mean([u for _, u, _ in t]), "system": mean([s for _, _, s in t]),
            "times": [w for w, _, _ in t]} for command, t in runs.items()]
json.dump({"results": results}, open(out, "w"), indent=1)
for r in results:
    print(f"  {r['command']:45} {r['mean']:8.3f} s ± {r['stddev']:.3f}  ({len(r['times'])} runs)")
