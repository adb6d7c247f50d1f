#!/usr/bin/env python3
"""CPU time of TEI + JSON in memory split as the kernel counts it (user, system, page faults,
context switches), this checkout and another, in fresh processes that take turns; optionally
under environment settings (glibc malloc's, Python's), and the first-call costs counted.

    python scripts/bench_rusage.py --against CHECKOUT [--corpus DIR] [--cables 300] [--rounds 6]
        [--env NAME=VALUE[,NAME=VALUE...]]... [--first-calls]

Each round runs one process per checkout (the order alternates): 20 pages of warm-up, then
``--cables`` pages, page by page (read, normalize, TEI, JSON), measured with ``getrusage``
(warm-up left out). Every ``--env`` is a further setting measured the same way in the same
rounds (e.g. ``MALLOC_TOP_PAD_=67108864``; ``none`` is the plain run). The table gives each
setting's fastest and median CPU time per cable and the ratio of the checkouts' medians.

``--first-calls`` instead counts, in one process per checkout, over the pages after the
warm-up: calls of ``re`` functions with a pattern given as a string, how many patterns ``re``
compiled (a cache miss: its cache holds 512), the misses of the package's ``lru_cache``s, and
(``sys.setprofile``) Python function calls and dataclass objects made per cable.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts")]

import corpus  # noqa: E402

WARM = 20
SEED = 1
FIELDS = ("ru_utime", "ru_stime", "ru_minflt", "ru_majflt", "ru_nvcsw", "ru_nivcsw")


def child(root: str, listing: str, first_calls: bool) -> None:
    """Runs in a fresh process: prints one JSON line (getrusage, or the first-call counts)."""
    sys.path.insert(0, root)
    counted: collections.Counter[tuple[Any, int]] = collections.Counter()
    compiled: list[int] = [0]
    if first_calls:
        import re._compiler as compiler  # patched before the package imports re

        plain_compile, plain_parse = re._compile, compiler.compile  # type: ignore[attr-defined]

        def counting(pattern: Any, flags: int) -> Any:
            if isinstance(pattern, (str, bytes)):
                counted[(pattern, flags)] += 1
            return plain_compile(pattern, flags)

        def compiling(pattern: Any, flags: int = 0) -> Any:
            compiled[0] += 1
            return plain_parse(pattern, flags)

        re._compile = counting  # type: ignore[attr-defined]
        compiler.compile = compiling
    run = corpus.page_converter(root)
    paths = Path(listing).read_text(encoding="utf-8").splitlines()

    run(paths[:WARM])
    if first_calls:
        caches = [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)
                  and str(getattr(o, "__module__", "")).startswith("convert")]
        misses = {f"{o.__module__}.{o.__qualname__}": o.cache_info().misses for o in caches}
        counted.clear()
        compiled[0] = 0
        cached = len(re._cache)  # type: ignore[attr-defined]
        calls, made = [0], [0]

        def profile(frame: Any, event: str, _arg: Any) -> None:
            if event == "call":
                calls[0] += 1
                # a dataclass's generated __init__ (made by exec: its file is "<string>")
                made[0] += frame.f_code.co_name == "__init__" and frame.f_code.co_filename == "<string>"

        sys.setprofile(profile)
        run(paths[WARM:])
        sys.setprofile(None)
        grown = {name: o.cache_info().misses - misses[f"{o.__module__}.{o.__qualname__}"] for o in caches
                 for name in [f"{o.__module__}.{o.__qualname__}"]}
        print(json.dumps({"re_cache_after_warm_up": cached, "re_calls_with_a_string": sum(counted.values()),
                          "distinct_string_patterns": len(counted), "re_compiles": compiled[0],
                          "python_calls_per_cable": round(calls[0] / len(paths[WARM:]), 1),
                          "dataclass_objects_per_cable": round(made[0] / len(paths[WARM:]), 1),
                          "lru_misses": {k: v for k, v in sorted(grown.items(), key=lambda kv: -kv[1]) if v}}))
        return
    before = resource.getrusage(resource.RUSAGE_SELF)
    run(paths[WARM:])
    after = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({f: getattr(after, f) - getattr(before, f) for f in FIELDS}))


def _child(root: Path, listing: Path, settings: dict[str, str], first_calls: bool = False) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root), **settings}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(listing),
               *(["--first-calls"] if first_calls else [])]
    out = subprocess.run(command, cwd=tempfile.gettempdir(), env=env, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _settings(text: str) -> dict[str, str]:
    if text == "none":
        return {}
    return dict(item.split("=", 1) for item in text.split(","))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus.comparison_arguments(ap)
    ap.add_argument("--cables", type=int, default=300, help="cables measured after the warm-up")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE[,NAME=VALUE]: a setting to measure")
    ap.add_argument("--first-calls", action="store_true", help="count re calls, compiles and lru_cache misses")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.first_calls)
        return 0
    paths = corpus.pages(args.corpus)
    random.Random(SEED).shuffle(paths)  # noqa: S311 - a fixed sample, not a secret
    roots = ([("before", args.against.resolve())] if args.against else []) + [("this", REPO)]
    with tempfile.TemporaryDirectory(prefix="bench-rusage-") as scratch:
        listing = Path(scratch) / "pages.txt"
        listing.write_text("\n".join(str(p) for p in paths[: WARM + args.cables]), encoding="utf-8")
        if args.first_calls:
            print(f"\nFirst-call costs over {args.cables} cables after a {WARM}-page warm-up\n")
            for label, root in roots:
                print(f"{label}: {json.dumps(_child(root, listing, {}, True), indent=1)}")
            return 0
        settings = ["none", *args.env]
        runs: dict[tuple[str, str], list[dict[str, float]]] = collections.defaultdict(list)
        for round_ in range(args.rounds):
            for setting in settings:
                for label, root in roots if round_ % 2 == 0 else roots[::-1]:
                    runs[(setting, label)].append(_child(root, listing, _settings(setting)))
    n = args.cables
    print(f"\nTEI+JSON in memory, per cable ({n} cables after a {WARM}-page warm-up, {args.rounds} rounds; "
          f"load average at the end {os.getloadavg()[0]:.1f})\n")
    print("| setting | checkout | CPU ms (user+system), fastest | median | user ms | system ms | minor faults "
          "| major faults | voluntary / involuntary switches |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    medians: dict[tuple[str, str], float] = {}
    for setting in settings:
        for label, _root in roots:
            got = runs[(setting, label)]
            cpu = [1000 * (r["ru_utime"] + r["ru_stime"]) / n for r in got]
            medians[(setting, label)] = statistics.median(cpu)

            def med(field: str, got: list[dict[str, float]] = got) -> float:
                return float(statistics.median(r[field] for r in got) / n)

            print(f"| {setting} | {label} | {min(cpu):.2f} | {statistics.median(cpu):.2f} | "
                  f"{1000 * med('ru_utime'):.3f} | {1000 * med('ru_stime'):.3f} | {med('ru_minflt'):.1f} | "
                  f"{med('ru_majflt'):.2f} | {med('ru_nvcsw'):.2f} / {med('ru_nivcsw'):.2f} |")
    if len(roots) > 1:
        print()
        for setting in settings:
            pairs = zip(runs[(setting, "before")], runs[(setting, "this")], strict=True)
            each = [(b["ru_utime"] + b["ru_stime"], t["ru_utime"] + t["ru_stime"]) for b, t in pairs]
            print(f"{setting}: CPU time this/before {medians[(setting, 'this')] / medians[(setting, 'before')]:.2f} "
                  f"(medians; round by round {', '.join(f'{t / b:.2f}' for b, t in each)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
