#!/usr/bin/env python3
"""Speed and memory of reading + normalizing + writing TEI and JSON (issue 2, acceptance 3).

    python scripts/bench_normalizer.py [--corpus DIR] [--small 500] [--csv-mb 200]

1. All cablegate pages, TEI + JSON in memory, with 1 and 2 worker processes: cables/s.
2. The same through the command line (``python -m convert PAGES -o TMP --jobs 2``), disk
   writes, resume state and report included.
3. Peak RSS per worker on a small run and on the whole corpus: flat in corpus size?
4. The cables.csv reader on a generated CSV of ``--csv-mb`` MB (sample rows repeated with new
   row numbers): rows/s and the reader's peak traced memory, which must not grow with the file.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import corpus  # noqa: E402


def _work(paths: list[str], conn) -> None:  # type: ignore[no-untyped-def]
    from convert.normalize import normalize
    from convert.options import ReadOptions, WriteOptions
    from convert.readers import Source, load_source
    from convert.writers import json as json_writer
    from convert.writers import tei as tei_writer

    read, write = ReadOptions(), WriteOptions()
    done = 0
    for path in paths:
        for raw in load_source(Source(path, path=path), read):
            cable = normalize(raw)
            tei_writer.write(cable, write)
            json_writer.write(cable, write)
            done += 1
    conn.send((done, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
    conn.close()


def in_memory(paths: list[Path], jobs: int) -> tuple[float, int, list[int]]:
    """Wall seconds, cables, peak RSS of each worker (bytes). Pages are dealt round-robin."""
    ctx = multiprocessing.get_context("fork")
    workers = []
    started = time.perf_counter()
    for index in range(jobs):
        parent, child = ctx.Pipe(duplex=False)
        share = [str(p) for p in paths[index::jobs]]
        proc = ctx.Process(target=_work, args=(share, child))
        proc.start()
        workers.append((proc, parent))
    results = [parent.recv() for _, parent in workers]
    for proc, _ in workers:
        proc.join()
    return time.perf_counter() - started, sum(r[0] for r in results), [r[1] for r in results]


def through_cli(pages_dir: Path, jobs: int) -> tuple[float, int]:
    out = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "convert", str(pages_dir), "-o", str(out), "--jobs",
                             str(jobs), "--to", "tei,json", "-q", "--force"], cwd=REPO, check=False)
    elapsed = time.perf_counter() - started
    count = sum(1 for _ in out.glob("*.tei.xml"))
    shutil.rmtree(out, ignore_errors=True)
    if result.returncode not in (0, 16):
        raise SystemExit(f"the CLI run failed with exit code {result.returncode}")
    return elapsed, count


def csv_reader(megabytes: int) -> tuple[int, float, int, int]:
    """(rows, seconds, size in bytes, peak traced bytes) streaming a generated CSV."""
    from convert.readers import cablescsv

    sample = corpus.CSV_SAMPLE.read_bytes()
    rows = re.split(rb'(?m)^(?="\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}",")', sample)
    rows = [r for r in rows if r]
    path = Path(tempfile.mkdtemp(prefix="bench-csv-")) / "cables.csv"
    size = 0
    number = 0
    with path.open("wb") as handle:
        while size < megabytes * 1024 * 1024:
            for row in rows:
                number += 1
                chunk = re.sub(rb'^"\d+"', f'"{number}"'.encode(), row, count=1)
                handle.write(chunk)
                size += len(chunk)
    tracemalloc.start()
    started = time.perf_counter()
    count = 0
    with path.open("rb") as handle:
        for _ in cablescsv.iter_rows(handle, path.name):
            count += 1
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    shutil.rmtree(path.parent, ignore_errors=True)
    return count, elapsed, size, peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--small", type=int, default=500, help="pages in the small memory run")
    ap.add_argument("--csv-mb", type=int, default=200, help="size of the generated cables.csv")
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()

    paths = corpus.pages(args.corpus)
    pages_dir = Path(os.path.commonpath([str(p) for p in paths]))
    rows = []
    t1, n1, _rss1 = in_memory(paths, 1)
    t2, n2, rss2 = in_memory(paths, 2)
    _ts, ns, rss_small = in_memory(paths[: args.small], 2)
    rows.append(("TEI+JSON in memory, 1 worker", f"{n1} cables in {t1:.1f} s", f"{n1 / t1:.0f} cables/s"))
    rows.append(("TEI+JSON in memory, 2 workers", f"{n2} cables in {t2:.1f} s",
                 f"{n2 / t2:.0f} cables/s (speed-up {t1 / t2:.2f}x; target ≥ 400)"))
    if not args.skip_cli:
        tc, nc = through_cli(pages_dir, 2)
        rows.append(("TEI+JSON via the CLI, --jobs 2 (files, state, report)", f"{nc} cables in {tc:.1f} s",
                     f"{nc / tc:.0f} cables/s"))
    mb = 1024 * 1024
    rows.append((f"peak RSS per worker, {ns} pages", ", ".join(f"{r / mb:.0f} MB" for r in rss_small), ""))
    rows.append((f"peak RSS per worker, {n2} pages", ", ".join(f"{r / mb:.0f} MB" for r in rss2),
                 f"{max(rss2) / max(rss_small):.2f}x the small run (target < 200 MB, flat)"))
    count, elapsed, size, peak = csv_reader(args.csv_mb)
    rows.append((f"cables.csv reader, {size / mb:.0f} MB generated", f"{count} rows in {elapsed:.1f} s",
                 f"{count / elapsed:.0f} rows/s, {size / mb / elapsed:.0f} MB/s"))
    small = csv_reader(max(1, args.csv_mb // 10))
    rows.append(("cables.csv reader peak traced memory", f"{small[3] / mb:.1f} MB at {small[2] / mb:.0f} MB",
                 f"{peak / mb:.1f} MB at {size / mb:.0f} MB (bounded by the largest row)"))

    print(f"\nNormalizer speed and memory ({os.cpu_count()} cores; Python {sys.version.split()[0]})\n")
    print("| measure | run | result |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
