#!/usr/bin/env python3
"""What the time of a cablegate page's "Created" cell says, against the cable's own date-time group.

The table writes ``YYYY-MM-DD HH:MM``. Where the text carries a date-time group (``121644Z DEC 07``),
the cell's hour can be compared with the group's hour, and its minutes with the group's minutes and
with the group's hour on a 12-hour clock (``16:04`` for ``1644Z``). The normalizer dates a cable whose
text has no date-time group from this cell (``convert/normalize/dtg.py``, ``table_moment``): this
script is the measure that tells it what the minutes are. The same holds for a cables.csv row's date
(``--csv`` adds the rows of a CSV file).

    python scripts/eval_table_time.py --corpus DIR [--csv ../shared/corpus/cables-sample.csv]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from convert.model import RawCable
from convert.normalize.dtg import parse_dtg
from convert.options import ReadOptions
from convert.readers import Source, load_source


def _group(raw: RawCable) -> str | None:
    """The ISO moment of the first date-time group line of the header or the body's first lines."""
    lines = (raw.header or "").splitlines() + raw.body.splitlines()[:40]
    for line in lines:
        found = parse_dtg(line)
        if found:
            return found[0]
    return None


def _count(raws: list[RawCable], counts: collections.Counter[str]) -> None:
    for raw in raws:
        created = raw.metadata.created if raw.metadata else None
        group = _group(raw)
        if not created or len(created) != 16 or not group:
            counts["no date-time group or no time in the cell"] += 1
            continue
        if created[:10] != group[:10]:
            counts["the cell's day is not the group's"] += 1
            continue
        hour, minute, group_hour, group_minute = int(created[11:13]), int(created[14:16]), int(group[11:13]), int(
            group[14:16])
        counts["compared"] += 1
        counts["cell hour = group hour"] += hour == group_hour
        counts["cell minutes = group minutes"] += minute == group_minute
        counts["cell minutes = group hour on a 12-hour clock"] += minute == (group_hour % 12 or 12)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the unpacked cablegate pages")
    ap.add_argument("--csv", help="a cables.csv file whose rows are compared too")
    args = ap.parse_args()
    options = ReadOptions()
    rows = []
    inputs = (("pages", sorted(Path(args.corpus).rglob("*.html"))), ("csv", [Path(args.csv)] * bool(args.csv)))
    for kind, paths in inputs:
        counts: collections.Counter[str] = collections.Counter()
        for path in paths:
            _count([r for r in load_source(Source(str(path), str(path)), options) if isinstance(r, RawCable)], counts)
        if paths:
            rows.append((kind, counts))
    print("| input | compared | cell hour = group hour | cell minutes = group minutes | cell minutes = group hour "
          "(12-hour clock) | left out |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, c in rows:
        left = c["no date-time group or no time in the cell"] + c["the cell's day is not the group's"]
        twelve = c["cell minutes = group hour on a 12-hour clock"]
        print(f"| {kind} | {c['compared']:,} | {c['cell hour = group hour']:,} | "
              f"{c['cell minutes = group minutes']:,} | {twelve:,} | {left:,} |")


if __name__ == "__main__":
    main()
