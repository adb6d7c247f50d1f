"""Seeded, stratified choice of the SESSION-16 HOLDOUT pages: a sixth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s16.py [--corpus DIR] > tests/truth/selection-holdout-s16.tsv

Why: the session-15 holdout's misses have been mended too, so none of the six earlier sets is
blind any more. These 50 pages are in no earlier selection; ``scripts/eval_fidelity.py`` scores
them apart ("Holdout (session 16)"), and their records were read by eye before the normalizer
ever ran on them.

Method: ``select_holdout.py``'s pools (kinds of post from the page table's Origin, partial
extracts of 2004-2006) and ``select_holdout_s15.py``'s hard/plain draw and CSV swap, imported,
with another seed and the pool shrunk by all six earlier selections, weighted toward what the
earlier draws had least of:
- years in proportion to the corpus (largest remainder over the pages of 2004-2010: 2009 has
  2,429 of them and gets 19 places, 2008 11; the earlier draws gave them 6-10): ``year_quota``;
- kinds of post inside a year in proportion to that year's unseen pages, the same way
  (``kind_quota``): the earlier draws over-weighted State, missions and consulates;
- hard bodies: inside each (year, kind) pool the pages are split into ``hard`` and ``plain`` and
  drawn hard, hard, plain, ...; ``hard`` (``is_hard``) is session 15's (a REF list of 3 or more
  items, 3 or more list or table lines) or what stresses the text-structure rules: a long cable
  (2 or more ``NNN OF NNN`` page lines or SECTION lines), a media-partner wrapper or database row,
  or a second copy of the text (its SUBJECT or E.O. line written twice);
- CSV: at least CSV_MIN pages carry a row of ``cables-sample.csv`` (session 15's swap, within the
  (year, kind, half) stratum).
The six earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s15

SEED = 20261216  # session 16
YEARS = ("2004", "2005", "2006", "2007", "2008", "2009", "2010")
TOTAL = 50
CSV_MIN = 12
EXCLUDED = (*select_holdout_s15.EXCLUDED, "selection-holdout-s15.tsv")
KINDS = ("state", "mission", "consulate", "partial", "embassy")

_PAGE_LINE = re.compile(r"^.*\b\d{3}(?:\.\d)? OF \d{3}\b.*$|^.*\bSECTION \d{1,2} OF \d{1,2}\b.*$", re.M | re.I)
_WRAPPER = re.compile(r"Cable dated:|^id: \d+|header ends|CABLE ENDS|<<\d+>>|^\d{5,6}\t\d{4}-\d\d-\d\d"
                      r"|^\w+day, \d\d \w+ \d{4}, \d\d:\d\d", re.M)
_SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*:", re.M | re.I)
_EO = re.compile(r"E\.\s?O\.\s?12958", re.I)


def is_hard(body: str) -> bool:
    """Session 15's hard body, a long cable, a wrapper or database row, or a second copy."""
    return (select_holdout_s15.is_hard(body) or len(_PAGE_LINE.findall(body)) >= 2
            or bool(_WRAPPER.search(body)) or len(_SUBJECT.findall(body)) >= 2 or len(_EO.findall(body)) >= 2)


def half_of(body: str) -> str:
    return "hard" if is_hard(body) else "plain"


def shares(counts: dict[str, int], total: int) -> dict[str, int]:
    """``total`` places split in proportion to ``counts`` (largest remainder; ties in key order)."""
    whole = sum(counts.values())
    if not whole:
        return {k: 0 for k in counts}
    exact = {k: total * n / whole for k, n in counts.items()}
    out = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:total - sum(out.values())]:
        out[k] += 1
    return out


def year_quota(corpus_counts: dict[str, int]) -> dict[str, int]:
    return shares({y: corpus_counts.get(y, 0) for y in YEARS}, TOTAL)


def kind_quota(pools, year: str, places: int) -> dict[str, int]:
    return shares({k: sum(len(pools.get((year, k, h), [])) for h in ("hard", "plain")) for k in KINDS}, places)


def choose(pools, quota: dict[str, int], seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str]] = []
    for year, places in quota.items():
        for k, n in kind_quota(pools, year, places).items():
            select_holdout_s15.take(pools, year, k, n, rng, chosen)
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items = list(select_holdout.page_items(args.corpus))
    counts: dict[str, int] = {}
    for rel, _html in items:
        counts[rel.split("/")[1]] = counts.get(rel.split("/")[1], 0) + 1
    quota = year_quota(counts)
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(
        items, select_holdout.taken_pages(*EXCLUDED), quota, half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    chosen = select_holdout_s15.with_csv_rows(choose(pools, quota, SEED), pools, SEED, CSV_MIN)
    select_holdout.write([(rel, year, pool, sizes[rel]) for rel, year, pool in chosen])


if __name__ == "__main__":
    main()
