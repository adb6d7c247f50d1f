"""Seeded, stratified choice of the SESSION-18 HOLDOUT pages: an eighth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s18.py [--corpus DIR] > tests/truth/selection-holdout-s18.tsv

Why: the session-17 holdout's misses have been mended too, so none of the eight earlier sets is
blind any more. These 50 pages are in no earlier selection file and carry no id of ``truth.jsonl``
or ``holdout.jsonl``; ``scripts/eval_fidelity.py`` scores them apart ("Holdout (session 18)"), and
their records were read by eye before the normalizer ever ran on them.

What the earlier draws hold (all eight selection files plus every truth id, pages seen / pages in
the corpus, by year group and kind of post as ``select_holdout.kind`` names them), counted first:
- <=2003 52 / 52, 2004 embassy 3 / 3, 2005 embassy 16 / 16, 2006 State 1 / 1, 2007 State 9 / 9:
  nothing left unseen;
- embassies: 2009 101 / 2161 (5 %), 2008 86 / 1347 (6 %), 2006 58 / 602 (10 %), 2010 58 / 547
  (11 %), 2007 73 / 622 (12 %);
- State: 2009 10 / 125 (8 %), 2008 10 / 55 (18 %), 2010 8 / 32 (25 %);
- missions: 2009 7 / 53 (13 %), 2008 9 / 30 (30 %), 2006-2007 and 2010 54-70 %;
- consulates: 2009 14 / 90 (16 %), 2006 14 / 70 (20 %), 2008 12 / 49 (24 %), 2007 43 %, 2010 83 %;
- partial extracts: 2005 67 / 415 (16 %), 2006 19 / 63 (30 %), 2004 64 / 139 (46 %).

Method: the pool is every page of ``select_holdout.py``'s kinds of post in none of the eight
selection files and with no truth id; ``select_holdout_s16.half_of`` splits each (year, kind)
pool into ``hard`` (session 15's REF list of 3+ items or 3+ list or table lines; a long cable; a
wrapper or database row; a second copy of the text) and ``plain``, and
- **weighted toward the least read**: the 50 places are split over the (year, kind) strata in
  proportion to unseen pages x share unread (``weight``), so a stratum nine tenths unread counts
  nearly its whole size and one half read counts a quarter of it (largest remainder,
  ``select_holdout_s16.shares``);
- inside each stratum the ``hard`` half drawn twice in three (``select_holdout_s15.take``);
- CSV: at least CSV_MIN pages carry a row of ``cables-sample.csv``, swapped in as session 17 did
  (``select_holdout_s15.with_csv_rows`` with ``select_holdout_s17.fewest_first``).
The eight earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s15
import select_holdout_s16
import select_holdout_s17

SEED = 20261202  # session 18
TOTAL = 50
CSV_MIN = 12
YEARS = select_holdout_s17.YEARS
EXCLUDED = (*select_holdout_s17.EXCLUDED, "selection-holdout-s17.tsv")
TRUTH = ("truth.jsonl", "holdout.jsonl")


def truth_ids(session: int = 18) -> set[str]:
    """Every id read into a truth file before ``session``'s draw (CSV, pre2000 and seed records
    included): the records of holdouts drawn in that session or later are left out, so that each
    draw still reproduces once its own records (and later ones) are in ``holdout.jsonl``."""
    def before(rec: dict) -> bool:
        return int(rec.get("holdout", "session 0").split()[-1]) < session
    return {rec["id"] for name in TRUTH
            for ln in (select_holdout.HERE / name).read_text().splitlines() if ln.strip()
            for rec in (json.loads(ln),) if before(rec)}


def weight(seen: int, total: int) -> float:
    """A stratum's claim on the places: its unseen pages times the share of it still unread."""
    return (total - seen) * (total - seen) / total if total else 0.0


def strata(items, taken: set[str], years) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """(year, kind) -> pages in the corpus, and -> pages of those in ``taken``, for the ``years`` given."""
    seen: dict[tuple[str, str], int] = {}
    total: dict[tuple[str, str], int] = {}
    for rel, html in items:
        year = rel.split("/")[1]
        if year not in years:
            continue
        key = (year, select_holdout.kind(html, "\n\n".join(select_holdout.cabletext.page_blocks(html)), year))
        total[key] = total.get(key, 0) + 1
        seen[key] = seen.get(key, 0) + (rel in taken)
    return total, seen


def quota(items, taken: set[str], places: int = TOTAL) -> dict[tuple[str, str], int]:
    """(year, kind) -> ``places`` split in proportion to ``weight`` (strata with nothing unseen
    get none; largest remainder)."""
    total, seen = strata(items, taken, YEARS)
    weights = {k: weight(seen[k], total[k]) for k in sorted(total)}
    scale = 10 ** 6  # shares() splits integer counts
    return select_holdout_s16.shares({k: round(w * scale) for k, w in weights.items()}, places)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items = sorted(select_holdout.page_items(args.corpus))
    done = truth_ids()
    taken = select_holdout.taken_pages(*EXCLUDED) | {rel for rel, _h in items if Path(rel).stem in done}
    places = quota(items, taken)
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(items, taken, YEARS, select_holdout_s16.half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    rng = random.Random(SEED)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str]] = []
    for (year, k), n in places.items():
        select_holdout_s15.take(pools, year, k, n, rng, chosen)
    chosen = select_holdout_s15.with_csv_rows(chosen, pools, SEED, CSV_MIN, select_holdout_s17.fewest_first)
    select_holdout.write([(rel, year, pool, sizes[rel]) for rel, year, pool in chosen])


if __name__ == "__main__":
    main()
