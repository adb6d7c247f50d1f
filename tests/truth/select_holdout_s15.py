"""Seeded, stratified choice of the SESSION-15 HOLDOUT pages: a fifth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s15.py [--corpus DIR] > tests/truth/selection-holdout-s15.tsv

Why: the session-14 holdout's misses have been mended too, so none of the five earlier sets is
blind any more (``select_holdout_s14.py`` says the same of the four before it). These 50 pages
are in no earlier selection; ``scripts/eval_fidelity.py`` scores them apart ("Holdout (session
15)"), and their records were read by eye before the normalizer ever ran on them.

Method: ``select_holdout.py``'s pools (kinds of post from the page table's Origin, partial
extracts of 2004-2006), imported, with another seed and the pool shrunk by all five earlier
selections, weighted toward what the earlier draws had least of:
- kinds: State cables and missions (USUN, USNATO, UNVIE, USEU, US Mission Geneva, ...) get 3
  places a year each (earlier draws: 1), consulates and partial extracts 1, embassies the rest
  (KIND_QUOTA, in that order);
- years: the biggest, 2006-2008, 10 places each (QUOTA);
- hard bodies: inside each (year, kind) pool the pages are split into ``hard`` (a REF list of 3
  or more items, or a list or table in the body: ``is_hard``) and ``plain``, and the draw takes
  them hard, hard, plain, ... (a half that runs out gives way to the other);
- CSV: at least CSV_MIN pages carry a row of ``cables-sample.csv``: while fewer do, the last
  drawn page without a row in the (year, kind, half) stratum with the most unchosen CSV-backed
  pages is replaced by one of those, drawn with the same seed (strata and quotas kept).
Columns as the earlier files; the pool is ``year-kind-half`` with half ``hard`` or ``plain``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cabletext
import select_holdout
import select_holdout_s14

SEED = 20261201  # session 15
QUOTA = {"2004": 2, "2005": 3, "2006": 10, "2007": 10, "2008": 10, "2009": 8, "2010": 7}
KIND_QUOTA = {"state": 3, "mission": 3, "consulate": 1, "partial": 1}
PATTERN = ("hard", "hard", "plain")
EXCLUDED = (*select_holdout_s14.EXCLUDED, "selection-holdout-s14.tsv")
CSV_MIN = 8

_REF_HEAD = re.compile(r"^\s*(?:REF|REFS|REFTEL|REFTELS|REFERENCES?)\b\s*:?", re.M | re.I)
_REF_LABEL = re.compile(r"(?:^|\s)\(?[A-Ha-h][.)]\s")
_REF_CABLE = re.compile(r"\b[A-Z]{4,}\s+\d{2,}")
_LIST_LINE = re.compile(r"^\s*(?:-{1,2}|\*|o|\(?[a-h]\)|[a-h]\.)\s+\S", re.M)
_TABLE_LINE = re.compile(r"^\s*\S.*\S {3,}\S.* {3,}\S", re.M)


def ref_items(body: str) -> int:
    """How many items the preamble's REF list has: its letter labels or its station-number pairs."""
    found = _REF_HEAD.search(body[:4000])
    if not found:
        return 0
    block = re.split(r"\n\s*\n", body[found.end():], maxsplit=1)[0]
    return max(len(_REF_LABEL.findall(" " + block)), len(_REF_CABLE.findall(block)))


def is_hard(body: str) -> bool:
    """A REF list of 3 or more items, or 3 or more list or table lines in the body."""
    return ref_items(body) >= 3 or len(_LIST_LINE.findall(body)) >= 3 or len(_TABLE_LINE.findall(body)) >= 3


def half_of(body: str) -> str:
    """``hard`` or ``plain``: the half of its (year, kind) pool a page is drawn from."""
    return "hard" if is_hard(body) else "plain"


def take(pools, year: str, k: str, n: int, rng: random.Random, chosen: list[tuple[str, str, str]]) -> int:
    """Draw up to n pages of (year, kind) in PATTERN's order of halves; how many were drawn."""
    got = 0
    for i in range(n):
        half = PATTERN[i % len(PATTERN)]
        if not pools.get((year, k, half)):
            half = "plain" if half == "hard" else "hard"
        if not pools.get((year, k, half)):
            break
        rel, _n = rng.choice(pools[(year, k, half)])
        pools[(year, k, half)].remove((rel, _n))
        chosen.append((rel, year, f"{year}-{k}-{half}"))
        got += 1
    return got


def choose(pools, seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str]] = []
    for year, year_quota in QUOTA.items():
        left = year_quota
        for k, n in KIND_QUOTA.items():
            left -= take(pools, year, k, min(n, left), rng, chosen)
        left -= take(pools, year, "embassy", left, rng, chosen)
        if left > 0:
            take(pools, year, "partial", left, rng, chosen)
    return chosen


def with_csv_rows(chosen, pools, seed: int, csv_min: int = CSV_MIN, first=None) -> list[tuple[str, str, str]]:
    """``first(chosen, spare, has_row)``: the order in which strata give a page (default: the one
    with the most unchosen CSV-backed pages first; session 17 passes its own)."""
    rows = {r[2] for r in cabletext.csv_rows()}
    has_row = lambda rel: Path(rel).stem in rows  # noqa: E731
    rng = random.Random(seed)  # noqa: S311
    spare = {s: [r for r, _n in pool if has_row(r)] for s, pool in pools.items()}
    while sum(has_row(c[0]) for c in chosen) < csv_min:
        key = first(chosen, spare, has_row) if first else (lambda s: (-len(spare[s]), s))
        strata = [s for s in sorted(spare, key=key)
                  if spare[s] and any(c[2] == "-".join(s) and not has_row(c[0]) for c in chosen)]
        if not strata:
            break
        s = strata[0]
        i = max(j for j, c in enumerate(chosen) if c[2] == "-".join(s) and not has_row(c[0]))
        new = rng.choice(spare[s])
        spare[s].remove(new)
        chosen[i] = (new, s[0], "-".join(s))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(
        select_holdout.page_items(args.corpus), select_holdout.taken_pages(*EXCLUDED), QUOTA, half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    chosen = with_csv_rows(choose(pools, SEED), pools, SEED)
    select_holdout.write([(rel, year, pool, sizes[rel]) for rel, year, pool in chosen])


if __name__ == "__main__":
    main()
