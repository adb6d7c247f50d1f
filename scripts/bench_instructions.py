#!/usr/bin/env python3
"""Instructions per cable (valgrind's callgrind): a speed figure that load does not skew.

    python scripts/bench_instructions.py [--corpus DIR] [--cables 280] [--jobs 2] [--against CHECKOUT] [--memory-only]

Two measures, each for this checkout and (``--against``) another copy of the repository:

1. **in memory**: read a page, normalize it, write TEI and JSON, in one process (what
   ``scripts/bench_stages.py`` times);
2. **CLI**: ``python -m convert PAGES -o OUT --to tei,json --jobs N --force`` over a folder of
   pages, every process counted (``--trace-children``): the main process (planning, claims,
   publishing, the resume log, the report), the worker processes (reading the input, the
   conversion, staging the files, the outcomes sent back), and the fork server and the
   resource tracker (a fixed cost).

Each measure runs twice, over a warm-up of 20 pages and over the same 20 plus ``--cables``
more; the difference divided by ``--cables`` is the cost of one more cable, start-up and
imports left out. Pages are the same for every run: the corpus shuffled with a fixed seed.
Counts are instructions, not time (a cache miss costs nothing here), but two runs of the same
code give the same count within a fraction of a per cent, whatever else the machine runs.
Needs ``valgrind``; the CLI runs take a few minutes each (callgrind is ~50x slower).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts")]

import corpus  # noqa: E402

WARM = 20
SEED = 1
_COLLECTED = re.compile(r"^==(\d+)== Collected : (\d+)", re.M)
_COMMAND = re.compile(r"^==(\d+)== Command: (.*)$", re.M)
_PARENT = re.compile(r"^==(\d+)== Parent PID: (\d+)", re.M)
#: seconds to wait, after the command returned, for its children's counts (the fork server
#: and the workers end after the main process, and callgrind writes a count as a process ends)
SETTLE = 120
#: runs of one command before giving up when a process was killed before callgrind wrote its
#: count (an engine that ends its workers with SIGKILL after a short wait: slow under valgrind)
ATTEMPTS = 3


def in_memory_child(root: str, paths: list[str]) -> None:
    """Run under callgrind: TEI + JSON of each page, in memory, with ``root``'s package."""
    sys.path.insert(0, root)
    from convert import options, readers
    from convert.model import RawCable
    from convert.normalize import normalize
    from convert.writers import json, tei

    if not readers.__file__ or not readers.__file__.startswith(root):
        raise SystemExit(f"imported {readers.__file__}, not the package under {root}")
    read, write = options.ReadOptions(), options.WriteOptions()
    for path in paths:
        for raw in readers.load_source(readers.Source(path, path=path), read):
            cable = normalize(raw) if isinstance(raw, RawCable) else raw  # a TEI source is read whole
            tei.write(cable, write)
            json.write(cable, write)


def callgrind(command: list[str], cwd: Path, env: dict[str, str], scratch: Path, marker: str) -> dict[str, int]:
    """Instructions per process kind ("main", "workers", "fixed") of ``command`` and its
    children; ``marker``: a word of the command line that only the command's own holds."""
    for attempt in range(ATTEMPTS):
        counted = _callgrind_once(command, cwd, env, scratch / f"attempt-{attempt}", marker)
        if counted is not None:
            return counted
    raise SystemExit(f"{' '.join(command)}: a process ended without its count {ATTEMPTS} times")


def _callgrind_once(command: list[str], cwd: Path, env: dict[str, str], scratch: Path,
                    marker: str) -> dict[str, int] | None:
    """As :func:`callgrind`; None when a process was killed before its count was written."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    scratch.mkdir()
    # one log a process (%p): a child that execs opens the log again, and a shared file was
    # truncated by each (the main process's count was lost)
    result = subprocess.run(
        [valgrind, "--tool=callgrind", "--trace-children=yes", f"--log-file={scratch}/valgrind.%p.log",
         f"--callgrind-out-file={scratch}/callgrind.%p.out", *command],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed under valgrind (exit {result.returncode}); see {scratch}")
    deadline = time.monotonic() + SETTLE
    while True:
        texts = [log.read_text(encoding="utf-8", errors="replace")
                 for log in sorted(scratch.glob("valgrind.*.log"))]
        if all(_COLLECTED.search(text) for text in texts):
            break
        if time.monotonic() > deadline:
            return None  # a process was killed before callgrind wrote its count
        time.sleep(2)
    text = "".join(texts)
    commands = dict(_COMMAND.findall(text))
    parents = dict(_PARENT.findall(text))
    collected = dict(_COLLECTED.findall(text))
    # the command run (the others are its children: a pid tells nothing, pids wrap around)
    first = next((pid for pid, line in commands.items() if marker in line), "")
    kinds = {"main": 0, "workers": 0, "fixed": 0}
    for pid, count in collected.items():
        if pid == first:
            kinds["main"] += int(count)
        elif parents.get(pid) == first:
            # the fork server and the resource tracker; a helper the main process runs
            # (``ldconfig -p``: ctypes looking for libc) is its own cost
            kinds["fixed" if "multiprocessing" in commands.get(pid, "") else "main"] += int(count)
        else:  # forked by the fork server: a worker
            kinds["workers"] += int(count)
    return kinds


def measure(
    root: Path, paths: list[Path], cables: int, jobs: int, scratch: Path, cli_too: bool = True
) -> dict[str, float]:
    """Millions of instructions per extra cable: in memory, CLI total and each CLI process kind
    (``cli_too=False``: in memory only)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(root)}
    counts: dict[int, dict[str, int]] = {}
    for n in (0, cables):
        chosen = [str(p) for p in paths[: WARM + n]]
        listing = scratch / f"pages-{n}.txt"
        listing.write_text("\n".join(chosen), encoding="utf-8")
        run = scratch / f"memory-{n}"
        run.mkdir()
        child = [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(listing)]
        memory = callgrind(child, root, env, run, "--child")
        if not cli_too:
            counts[n] = {"memory": memory["main"]}
            continue
        pages = scratch / f"pages-{n}"
        for path in chosen:
            target = pages / Path(path).parent.parent.name / Path(path).parent.name / Path(path).name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        run = scratch / f"cli-{n}"
        run.mkdir()
        cli = callgrind([sys.executable, "-m", "convert", str(pages), "-o", str(run / "out"), "--to", "tei,json",
                         "--jobs", str(jobs), "--force", "-q", "--time-limit", "0"], root, env, run, "-m convert")
        produced = len(list((run / "out").glob("*.tei.xml")))
        if produced < len(chosen) * 0.99:
            raise SystemExit(f"the CLI run under {root} wrote {produced} TEI files for {len(chosen)} pages")
        counts[n] = {"memory": memory["main"], **cli}
    per = {key: (counts[cables][key] - counts[0][key]) / cables / 1e6 for key in counts[0]}
    if cli_too:
        per["cli"] = per["main"] + per["workers"] + per["fixed"]
    return per


ROWS = (
    ("memory", "TEI+JSON in memory, one process"),
    ("cli", "CLI --to tei,json, all processes"),
    ("main", "  CLI main process (plan, claims, publish, log, report)"),
    ("workers", "  CLI worker processes (read, convert, stage, reply)"),
    ("fixed", "  CLI fork server + resource tracker"),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--cables", type=int, default=280, help="cables counted after the warm-up")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--against", type=Path, help="another checkout (the root of a copy of this repository)")
    ap.add_argument("--memory-only", action="store_true", help="measure in memory only (no CLI runs: minutes less)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        in_memory_child(args.child[0], Path(args.child[1]).read_text(encoding="utf-8").splitlines())
        return 0
    paths = corpus.pages(args.corpus)
    random.Random(SEED).shuffle(paths)  # noqa: S311 - a fixed sample, not a secret
    roots = [("this", REPO)] + ([("against", args.against.resolve())] if args.against else [])
    results = {}
    for label, root in roots:
        with tempfile.TemporaryDirectory(prefix="bench-instr-") as scratch:
            results[label] = measure(root, paths, args.cables, args.jobs, Path(scratch), not args.memory_only)
    print(f"\nMillions of instructions per cable (callgrind; {args.cables} cables after a {WARM}-page warm-up, "
          f"--jobs {args.jobs})\n")
    if args.against:
        print(f"this: {REPO}; against: {args.against}\n")
        print("| measure | this | against | this / against (< 1: fewer) |\n|---|---|---|---|")
        for key, name in ROWS:
            if key not in results["this"]:
                continue
            this, other = results["this"][key], results["against"][key]
            ratio = f"{this / other:.3f}" if other else "n/a"
            print(f"| {name} | {this:.2f} | {other:.2f} | {ratio} |")
    else:
        print("| measure | M instructions / cable |\n|---|---|")
        for key, name in ROWS:
            if key in results["this"]:
                print(f"| {name} | {results['this'][key]:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
