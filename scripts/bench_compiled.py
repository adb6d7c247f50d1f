#!/usr/bin/env python3
"""CPU time per cable of TEI + JSON in memory for several copies of the package (this checkout
as plain Python, a build with the normalizer compiled by mypyc, an older checkout), in fresh
processes that take turns: the ratios of one run, which a loaded machine moves little.

    python scripts/bench_compiled.py --root pure=. --root compiled=BUILD --root 4dafc69=CHECKOUT
        [--corpus DIR] [--cables 300] [--rounds 6]

A ``--root`` is ``LABEL=DIR``: DIR holds the ``convert`` package to measure (a checkout's root,
or a folder a wheel was unpacked into, or a virtual environment's ``site-packages``); each
child process runs this Python with DIR first on its path. Each round runs one process per
root, the order rotated round by round: 20 pages of warm-up, then ``--cables`` pages, page by
page (read, normalize, TEI, JSON), CPU time (user + system, ``getrusage``) of the measured
pages only. The table gives each root's fastest and median CPU time per cable, how many of its
``convert`` modules were compiled (extension modules), and the ratio of its median to the first
root's (time: under 1 is faster) and the first root's speed over its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts")]

import corpus  # noqa: E402

WARM = 20
SEED = 1


def child(root: str, listing: str) -> None:
    """Runs in a fresh process: prints one JSON line (CPU seconds, compiled modules)."""
    sys.path.insert(0, root)
    run = corpus.page_converter(root)
    paths = Path(listing).read_text(encoding="utf-8").splitlines()
    run(paths[:WARM])
    before = resource.getrusage(resource.RUSAGE_SELF)
    run(paths[WARM:])
    after = resource.getrusage(resource.RUSAGE_SELF)
    spent = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    loaded = [m for name, m in list(sys.modules.items()) if name == "convert" or name.startswith("convert.")]
    compiled = sum(str(getattr(m, "__file__", "") or "").endswith((".so", ".pyd")) for m in loaded)
    print(json.dumps({"cpu": spent, "compiled": compiled, "modules": len(loaded)}))


def _child(root: Path, listing: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(listing)]
    out = subprocess.run(command, cwd=tempfile.gettempdir(), env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--root", action="append", default=[], help="LABEL=DIR: a copy of the package to measure")
    ap.add_argument("--cables", type=int, default=300, help="cables measured after the warm-up")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1])
        return 0
    roots = [(label, Path(folder).resolve()) for label, folder in (r.split("=", 1) for r in args.root or ["this=."])]
    paths = corpus.pages(args.corpus)
    random.Random(SEED).shuffle(paths)  # noqa: S311 - a fixed sample, not a secret
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in roots}
    with tempfile.TemporaryDirectory(prefix="bench-compiled-") as scratch:
        listing = Path(scratch) / "pages.txt"
        listing.write_text("\n".join(str(p) for p in paths[: WARM + args.cables]), encoding="utf-8")
        for round_ in range(args.rounds):
            shift = round_ % len(roots)
            for label, root in roots[shift:] + roots[:shift]:
                runs[label].append(_child(root, listing))
    n = args.cables
    first = roots[0][0]
    print(
        f"\nTEI+JSON in memory, CPU ms per cable ({n} cables after a {WARM}-page warm-up, {args.rounds} rounds, "
        f"Python {sys.version.split()[0]}; load average at the end {os.getloadavg()[0]:.1f})\n"
    )
    print(
        f"| copy | compiled modules | fastest | median | time / {first}'s (medians) | speed over {first}'s "
        "| round by round (time) |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    base = [1000 * r["cpu"] / n for r in runs[first]]
    for label, root in roots:
        cpu = [1000 * r["cpu"] / n for r in runs[label]]
        ratio = statistics.median(cpu) / statistics.median(base)
        each = ", ".join(f"{c / b:.2f}" for c, b in zip(cpu, base, strict=True))
        modules = f"{int(runs[label][0]['compiled'])} of {int(runs[label][0]['modules'])}"
        print(
            f"| {label} (`{root}`) | {modules} | {min(cpu):.2f} | {statistics.median(cpu):.2f} | {ratio:.2f} "
            f"| {1 / ratio:.2f} | {each} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
