#!/usr/bin/env python3
"""Does a text tell which office sent it when its banner's station is shared (issue 10)?

Several offices send under one banner station (``BRUSSELS``: the Embassy and the Mission to
the European Union); a pasted text without an FM line then has no origin (a warning and a TEI
note say so). This script takes every cablegate page whose banner station the station table
shows shared, and prints, per station and cablegate origin: the pages, those whose text has an
FM line (and whether it names that office), and for those without one, what else the text
says: the office's short name (``USEU``, ``USNATO``) in the TAGS line, in the Classified By
line, anywhere in the text, and the country tags.

    python scripts/eval_shared_banner.py [--corpus DIR] [--jobs 2]
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

_SHORT = re.compile(r"\b(USEU|USNATO|USMISSION|AMEMBASSY|EMBASSY)\b", re.I)


def _shared() -> dict[str, list[str]]:
    from convert.stations.table import table

    return {k: [s.origin for s in v] for k, v in table().banners.items() if len(v) > 1}


def _facts(path: str) -> dict[str, Any] | None:
    from fidelity.inputs import pasted_text

    from convert.normalize import lines as lines_stage
    from convert.normalize.parsed import own_banner
    from convert.normalize.preamble import parse_preamble
    from convert.normalize.routing import parse_routing
    from convert.normalize.rules import Run
    from convert.options import ReadOptions
    from convert.readers import Source, cablegate, load_source

    page = Path(path).read_text(encoding="utf-8")
    text = pasted_text(page)
    raw = next(iter(load_source(Source(Path(path).stem, data=text.encode("utf-8"), form="text"), ReadOptions())))
    run = Run(frozenset())
    header, body = lines_stage.split(raw, run)
    fields, _ = parse_preamble(lines_stage.entries(body, run), run)
    banner = own_banner(fields)
    station = banner.station if banner is not None else None
    if station not in _shared():
        return None
    meta = cablegate.read(page, Path(path).name).metadata
    field_text = {f.kind: f.text for f in reversed(fields)}

    def named(text: str) -> str:
        return ",".join(sorted({m.upper() for m in _SHORT.findall(text)})) or "-"

    return {
        "station": station,
        "origin": meta.origin if meta is not None else None,
        "fm": parse_routing(header, run).sender,
        "tags": named(field_text.get("tags", "")),
        "classified_by": named(field_text.get("classified-by", "")),
        "text": named("\n".join(body)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    print("banner stations the table shows shared: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in _shared().items()))
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        found = [f for f in pool.map(_facts, [str(p) for p in corpus.pages(args.corpus)], chunksize=64) if f]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
    for f in found:
        groups[f["station"], f["origin"] or "?"].append(f)
    print("\n| banner | cablegate origin | pages | FM line (offices) | no FM line: USEU/USNATO/… named in TAGS "
          "| in Classified By | anywhere in the text |")
    print("|---|---|---:|---|---|---|---|")
    for (station, origin), rows in sorted(groups.items()):
        fm = collections.Counter(r["fm"] for r in rows if r["fm"])
        bare = [r for r in rows if not r["fm"]]

        def tally(key: str, rows: list[dict[str, Any]] = bare) -> str:
            return ", ".join(f"{k} {n}" for k, n in collections.Counter(r[key] for r in rows).most_common()) or "-"

        print(f"| {station} | {origin} | {len(rows)} | {', '.join(f'{k} {n}' for k, n in fm.items()) or '-'} "
              f"({len(bare)} without) | {tally('tags')} | {tally('classified_by')} | {tally('text')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
