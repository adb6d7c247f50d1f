"""Seeded, stratified choice of the SESSION-29 HOLDOUT pages: a fifteenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s29.py [--corpus DIR] > tests/truth/selection-holdout-s29.tsv
      python tests/truth/select_holdout_s29.py --corpus DIR --count   (the counts below)

Why: the fourteen earlier holdouts (sessions 7, 12-19, 23, 24, 25, 27, 28) have all been read, scored
and tuned to (session 28's misses were mended on main in session 27's lead), so none is blind any more.
Sessions 24, 25 and 27 drew in proportion to the corpus and session 28 toward the least-read strata;
this one goes back to session 17's method, the years even over year groups.

What the earlier draws hold (the fourteen selection files plus every truth id read before session 29,
pages seen / pages in the corpus, by year group), counted first (``--count``, session 19's counter):
2000-2003 52 / 52 (nothing left unseen: no place); 2004-05 173 / 573 (30 %); 2006 138 / 749 (18 %);
2007 130 / 665 (20 %); 2008 184 / 1481 (12 %); 2009 257 / 2429 (11 %); 2010 108 / 601 (18 %).

Method: session 17's, imported (``select_holdout_s17.draw``, its ``main()``'s body made a function taking
the pool, quota, seed and CSV minimum; no body copied), in ONE stage of TOTAL (40) pages with seed SEED:
- the pool: every page of ``select_holdout.py``'s kinds of post in none of the fourteen earlier
  selection files (session 28's exclusions plus ``selection-holdout-s28.tsv``) and with no truth id
  read before this session (``select_holdout_s23.pool`` with session 29);
- years **even over year groups** (``quota``): 2004-05, 2006, 2007, 2008, 2009, 2010 get TOTAL // 6
  places each and the remainder goes one each to the groups least read by share (2009, 2008, 2010,
  2006); inside 2004-05 the places are split in proportion to each year's unseen pages. So 2004 1,
  2005 5, 2006 7, 2007 6, 2008 7, 2009 7, 2010 7;
- kinds of post in proportion to a year's unseen pages (``select_holdout_s16.choose``), the ``hard``
  half (session 16's) drawn twice in three (``select_holdout_s15.take``);
- CSV: at least CSV_MIN pages carry a ``cables-sample.csv`` row, session 17's share (12 of 50) at this
  size, swapped in year by year, the year with the fewest CSV-backed pages first (``fewest_first``).
The fourteen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s16
import select_holdout_s17
import select_holdout_s18
import select_holdout_s19
import select_holdout_s23
import select_holdout_s28

SEED = 20261206  # session 29
TOTAL = 40
CSV_MIN = round(TOTAL * select_holdout_s17.CSV_MIN / sum(select_holdout_s17.QUOTA.values()))  # 10
SESSION = 29
EXCLUDED = (*select_holdout_s28.EXCLUDED, "selection-holdout-s28.tsv")
GROUPS = (("2004", "2005"), ("2006",), ("2007",), ("2008",), ("2009",), ("2010",))


def quota(items, taken: set[str], places: int = TOTAL) -> dict[str, int]:
    """Year -> places: even over GROUPS, the remainder one each to the groups with the smallest share
    read (ties in GROUPS' order), a group's places split over its years by their unseen pages."""
    total, seen = select_holdout_s18.strata(items, taken, select_holdout_s17.YEARS)
    per_year = {y: (sum(n for (yy, _k), n in total.items() if yy == y),
                    sum(n for (yy, _k), n in seen.items() if yy == y)) for y in select_holdout_s17.YEARS}
    share = {g: sum(per_year[y][1] for y in g) / sum(per_year[y][0] for y in g) for g in GROUPS}
    even, odd = divmod(places, len(GROUPS))
    extra = set(sorted(GROUPS, key=lambda g: (share[g], GROUPS.index(g)))[:odd])
    out: dict[str, int] = {}
    for g in GROUPS:
        out.update(select_holdout_s16.shares({y: per_year[y][0] - per_year[y][1] for y in g}, even + (g in extra)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    if args.count:
        select_holdout_s19.count(items, taken)
        return print(quota(items, taken))
    select_holdout.write(select_holdout_s17.draw(items, taken, quota(items, taken), SEED, CSV_MIN))


if __name__ == "__main__":
    main()
