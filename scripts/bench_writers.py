#!/usr/bin/env python3
"""CPU time of the light writers per cable (TEI, JSON, HTML, Markdown), in memory, on one core.

    python scripts/bench_writers.py [--corpus DIR] [--sample 1000] [--rounds 3]
    python scripts/bench_writers.py --against OTHER_CHECKOUT   # e.g. main, in one run

Pages spread over the whole corpus are read and normalized once (not timed); then each writer
runs over every cable, each time on a fresh ``Cable`` around the same TEI (nothing derived from
an earlier writer is kept), and the process CPU time per cable is taken: the minimum over
``--rounds`` rounds (CPU time, not wall time: the machine is shared). ``tei+json`` is the
two together, as ``--to tei,json`` runs them. With ``--against``, the same measures are taken
for another checkout of the project in a child process, rounds alternating between the two,
and the table shows both and their ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
MEASURES = ("tei", "json", "tei+json", "html", "md", "html+md")


def child(repo: str, pages: list[str], rounds: int) -> dict[str, float]:
    """In a process whose ``convert`` is ``repo``'s: ms of CPU per cable for each measure."""
    sys.path.insert(0, repo)
    from convert.model import Cable
    from convert.normalize import normalize
    from convert.options import ReadOptions, WriteOptions
    from convert.readers import Source, load_source
    from convert.writers import get_writer

    assert Path(sys.modules["convert"].__file__ or "").resolve().is_relative_to(Path(repo).resolve())
    cables = [normalize(raw) for page in pages for raw in load_source(Source(page, path=page), ReadOptions())]
    options = WriteOptions(source_date_epoch=0)
    plans = {measure: [get_writer(name) for name in measure.split("+")] for measure in MEASURES}
    best = dict.fromkeys(MEASURES, float("inf"))
    for _ in range(rounds):
        for measure, writers in plans.items():
            fresh = [Cable(c.tei, c.source, list(c.warnings)) for c in cables]
            started = time.process_time()
            for cable in fresh:
                for writer in writers:
                    writer(cable, options)
            best[measure] = min(best[measure], (time.process_time() - started) / len(cables) * 1000)
    return best


def run_child(repo: str, pages: list[str], rounds: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(HERE), "--child", repo, "--rounds", str(rounds)],
                          input=json.dumps(pages), capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--sample", type=int, default=1000, help="pages spread over the corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", help="another checkout of the project to measure in the same run")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, json.loads(sys.stdin.read()), args.rounds)))
        return 0
    sys.path.insert(0, str(HERE.parent))
    import corpus

    files = corpus.pages(args.corpus)
    step = max(1, len(files) // args.sample)
    pages = [str(p) for p in files[::step][: args.sample]]
    here = str(HERE.parents[1])
    repos = {"this checkout": here} | ({"against": str(Path(args.against).resolve())} if args.against else {})
    results: dict[str, dict[str, float]] = {name: dict.fromkeys(MEASURES, float("inf")) for name in repos}
    for _ in range(args.rounds):  # alternate, so that both see the same machine load
        for name, repo in repos.items():
            for measure, value in run_child(repo, pages, 1).items():
                results[name][measure] = min(results[name][measure], value)
    print(f"\nCPU ms per cable, {len(pages)} pages, best of {args.rounds} rounds\n")
    if args.against:
        print(f"| writer | this checkout | {args.against} | ratio |\n|---|---:|---:|---:|")
        for measure in MEASURES:
            ours, theirs = results["this checkout"][measure], results["against"][measure]
            print(f"| {measure} | {ours:.3f} | {theirs:.3f} | {ours / theirs:.2f}× |")
    else:
        print("| writer | ms per cable | cables/s |\n|---|---:|---:|")
        for measure in MEASURES:
            value = results["this checkout"][measure]
            print(f"| {measure} | {value:.3f} | {1000 / value:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
