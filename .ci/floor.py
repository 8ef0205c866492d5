#!/usr/bin/env python3
"""The quality floor: scores crosscheck on the dev stories and sentence pairs
in ../shared and fails when a figure falls below .ci/floor.json.

usage: python3 .ci/floor.py [--print] [BINARY]

Run from the repository's root, after `cargo build --release --example
crosscheck` (BINARY defaults to target/release/examples/crosscheck). It runs
../shared/eval/suite.py on ../shared/dev and ../shared/eval/pairs.py on each
pair set named in the floor file, and reads the figures from their last
lines. --print prints today's figures as the floor file's JSON, to raise the
floor by copying them. Exit status 0 when every figure is at or above its
floor, 1 when one is below, 2 when a script could not be run or read.
Without ../shared it says so and exits 0.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
FLOOR = os.path.join(ROOT, ".ci", "floor.json")

STORIES = re.compile(
    r"total: must (\d+)/(\d+), should (\d+)/(\d+), must_not (\d+) violated, "
    r"flagged (\d+), unmatched (\d+), precision ~([\d.]+)")
PAIRS = re.compile(r"precision ([\d.]+), recall ([\d.]+) \((\d+)/(\d+) contradictions flagged")


def last_line(command):
    """The last line of a script's output that matches, or exits with 2."""
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    # suite.py exits 1 while must items are missed: that is the floor's to judge.
    lines = [l for l in run.stdout.splitlines() if l.strip()]
    if run.returncode not in (0, 1) or not lines:
        print(f"floor: {' '.join(command)} exited {run.returncode}: "
              f"{(run.stdout + run.stderr).strip()[-400:]}")
        sys.exit(2)
    return lines[-1]


def figures(binary, floor):
    line = last_line([sys.executable, os.path.join(SHARED, "eval", "suite.py"),
                      os.path.join(SHARED, "dev"), binary])
    m = STORIES.search(line)
    if not m:
        print(f"floor: cannot read the stories' total from: {line}")
        sys.exit(2)
    mh, _, sh, _, v, _, _, p = m.groups()
    stories = {"must_found_min": int(mh), "should_found_min": int(sh),
               "must_not_violated_max": int(v), "precision_min": float(p)}
    print(f"floor: dev stories: {line}")
    pairs = {}
    for name in floor.get("pairs", {}):
        line = last_line([sys.executable, os.path.join(SHARED, "eval", "pairs.py"),
                          os.path.join(SHARED, "dev", "pairs", name), binary])
        m = PAIRS.search(line)
        if not m:
            print(f"floor: cannot read {name}'s figures from: {line}")
            sys.exit(2)
        p, r, hit, _ = m.groups()
        pairs[name] = {"precision_min": float(p), "recall_min": float(r),
                       "flagged_contradictions_min": int(hit)}
        print(f"floor: {line}")
    return {"stories": stories, "pairs": pairs}


def below(today, floor, where=""):
    """Each figure of `today` under its floor, as lines to print."""
    out = []
    for key, want in floor.items():
        if key.startswith("_"):
            continue
        have = today.get(key)
        if isinstance(want, dict):
            out += below(have or {}, want, f"{where}{key}: ")
        elif have is None:
            out.append(f"{where}{key}: no figure today (floor {want})")
        elif key.endswith("_max") and have > want:
            out.append(f"{where}{key}: {have} is above the ceiling {want}")
        elif not key.endswith("_max") and have < want:
            out.append(f"{where}{key}: {have} is below the floor {want}")
    return out


def main():
    args = sys.argv[1:]
    show = "--print" in args
    args = [a for a in args if a != "--print"]
    binary = args[0] if args else "target/release/examples/crosscheck"
    if not os.path.isdir(os.path.join(SHARED, "dev")) or not os.path.isdir(os.path.join(SHARED, "eval")):
        print("floor: ../shared/dev or ../shared/eval is not here; quality floor skipped")
        return 0
    floor = json.load(open(FLOOR, encoding="utf-8"))
    today = figures(binary, floor)
    if show:
        print(json.dumps({"_how": floor.get("_how", ""), **today}, indent=2))
    failures = below(today, floor)
    for f in failures:
        print(f"floor: FAILED {f}")
    if not failures:
        print("floor: every figure is at or above .ci/floor.json")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
