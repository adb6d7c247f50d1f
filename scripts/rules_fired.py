#!/usr/bin/env python3
"""How often each normalizer rule fires on the real cables: in how many cables, how many
times, and (for the rules with an editorial note) in how many TEI documents its note is.

    python scripts/rules_fired.py [--corpus DIR] [--limit N] [--jobs 2]

Every cablegate page and every row of the shared cables.csv sample goes through
``normalize_traced``; rules that never fire are listed too (a rule no cable needs is worth a
second look). A cable with no noted rule says so in its editorialDecl: counted as "(none)".
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import corpus  # noqa: E402


def _fired(task: tuple[str, str]) -> dict[str, int] | None:
    kind, name = task
    from convert.errors import ConvertError
    from convert.normalize import normalize_traced
    from convert.options import ReadOptions
    from convert.readers import Source, cablescsv, load_source

    try:
        if kind == "csv":
            path, row = name.rsplit("#", 1)
            with open(path, "rb") as handle:
                raws = [r for r in cablescsv.iter_rows(handle, Path(path).name)
                        if not isinstance(r, Exception) and r.source.endswith("#" + row)]
        else:
            raws = list(load_source(Source(name, path=name), ReadOptions()))
        return normalize_traced(raws[0]).fired  # type: ignore[arg-type]
    except ConvertError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    from convert.normalize.rules import catalogue
    from convert.readers import cablescsv

    tasks = [("html", str(p)) for p in corpus.pages(args.corpus)]
    with open(corpus.CSV_SAMPLE, "rb") as handle:
        tasks += [("csv", f"{corpus.CSV_SAMPLE}#{r.source.rsplit('#', 1)[1]}")
                  for r in cablescsv.iter_rows(handle, corpus.CSV_SAMPLE.name) if not isinstance(r, Exception)]
    if args.limit:
        tasks = tasks[: args.limit]
    with multiprocessing.Pool(args.jobs) as pool:
        results = [r for r in pool.imap_unordered(_fired, tasks, chunksize=16) if r is not None]
    cables: collections.Counter[str] = collections.Counter()
    times: collections.Counter[str] = collections.Counter()
    for fired in results:
        cables.update(fired.keys())
        times.update(fired)
    rules = catalogue()
    noted = {rule.name for rule in rules if rule.note is not None}
    print(f"\nRules fired on {len(results)} cables ({len(tasks) - len(results)} refused)\n")
    print("| stage | rule | note | cables | times |\n|---|---|---|---:|---:|")
    for rule in rules:
        note = rule.note.part if rule.note else ""
        print(f"| {rule.stage} | {rule.name} | {note} | {cables[rule.name]} | {times[rule.name]} |")
    nothing = sum(1 for fired in results if not noted & fired.keys())
    print(f"| | (none: \"no normalisation was needed\") | normalization | {nothing} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
