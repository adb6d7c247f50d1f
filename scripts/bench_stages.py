#!/usr/bin/env python3
"""CPU time per cable of each step of TEI+JSON in memory, on one core: reading the page,
normalizing, writing TEI, writing JSON. With ``--against`` the same is measured, in the same
process and interleaved round by round, for another checkout's package (before/after a
change): ratios within one run, which a loaded machine cannot skew much.

    python scripts/bench_stages.py [--corpus DIR] [--limit 1000] [--rounds 5] [--against CHECKOUT]

``CHECKOUT`` is the root of another copy of the repository (e.g. ``git worktree add
/tmp/before main``); its ``convert`` package is loaded under another name. Times are CPU
time (``time.process_time``), the fastest of the rounds; the two packages take turns at going
first in a round (the second measurement of a round is slower, whichever code it runs: check
with ``--against .``, which must give about 1.00).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import random
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import corpus  # noqa: E402

STEPS = ("read", "normalize", "TEI", "JSON")


def load(root: Path, alias: str) -> ModuleType:
    """The ``convert`` package of the checkout ``root``, imported as ``alias``."""
    init = root / "convert" / "__init__.py"
    spec = importlib.util.spec_from_file_location(alias, init, submodule_search_locations=[str(init.parent)])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no convert package under {root}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def measure(package: str, paths: list[Path]) -> dict[str, float]:
    """CPU seconds of each step over all pages, and the number of cables."""
    readers = importlib.import_module(f"{package}.readers")
    options = importlib.import_module(f"{package}.options")
    normalize = importlib.import_module(f"{package}.normalize").normalize
    tei = importlib.import_module(f"{package}.writers.tei")
    json = importlib.import_module(f"{package}.writers.json")
    read, write = options.ReadOptions(), options.WriteOptions()
    spent: dict[str, float] = {}
    started = time.process_time()
    raws: list[Any] = [raw for p in paths for raw in readers.load_source(readers.Source(str(p), path=str(p)), read)]
    spent["read"] = time.process_time() - started
    started = time.process_time()
    cables = [normalize(raw) for raw in raws]
    spent["normalize"] = time.process_time() - started
    started = time.process_time()
    for cable in cables:
        tei.write(cable, write)
    spent["TEI"] = time.process_time() - started
    started = time.process_time()
    for cable in cables:
        json.write(cable, write)
    spent["JSON"] = time.process_time() - started
    spent["cables"] = len(cables)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--limit", type=int, default=1000, help="pages (a fixed random sample; 0: all)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--against", help="the root of another checkout: measured the same way, as 'before'")
    args = ap.parse_args()
    paths = corpus.pages(args.corpus)
    random.Random(1).shuffle(paths)  # noqa: S311 - a fixed sample, not a secret
    paths = paths[: args.limit] if args.limit else paths
    packages = {"after": "convert"}
    importlib.import_module("convert")
    if args.against:
        load(Path(args.against).resolve(), "convert_before")
        packages = {"before": "convert_before", **packages}
    best: dict[str, dict[str, float]] = {name: {} for name in packages}
    for round_ in range(args.rounds):
        # the package measured second in a round ran 10-17 % slower than the first (the same
        # code against itself gave 0.86x with a fixed order): the order alternates, so each
        # package's fastest round may be one where it went first
        order = list(packages.items())
        for name, package in order if round_ % 2 == 0 else order[::-1]:
            gc.collect()
            for step, seconds in measure(package, paths).items():
                best[name][step] = min(best[name].get(step, seconds), seconds)
    count = best["after"]["cables"]
    version = sys.version.split()[0]
    print(f"\nCPU time per cable, fastest of {args.rounds} rounds, {int(count)} cables (Python {version})\n")
    names = list(packages)
    # per step the ratio is of TIMES (under 1: after is faster); the last row's is of SPEEDS
    print("| step | " + " | ".join(f"{n} (ms)" for n in names)
          + (" | time after/before (< 1: faster) |" if len(names) > 1 else " |"))
    print("|---|" + "---:|" * (len(names) + (len(names) > 1)))
    for step in (*STEPS, "total"):
        values = [
            sum(best[n][s] for s in STEPS) if step == "total" else best[n][step] for n in names
        ]
        cells = [f"{1000 * v / count:.3f}" for v in values]
        ratio = [f"{values[1] / values[0]:.2f}"] if len(values) > 1 else []
        print(f"| {step} | " + " | ".join(cells + ratio) + " |")
    rates = [count / sum(best[n][s] for s in STEPS) for n in names]
    print("| cables/s, TEI+JSON, one core (ratio: speed after/before) | " + " | ".join(f"{r:.0f}" for r in rates)
          + (f" | {rates[1] / rates[0]:.2f} |" if len(rates) > 1 else " |"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
