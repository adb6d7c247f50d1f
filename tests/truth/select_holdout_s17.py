"""Seeded, stratified choice of the SESSION-17 HOLDOUT pages: a seventh set no rule was tuned to.

Run:  python tests/truth/select_holdout_s17.py [--corpus DIR] > tests/truth/selection-holdout-s17.tsv

Why: the session-16 holdout's misses have been mended too, so none of the seven earlier sets is
blind any more. These 50 pages are in no earlier selection; ``scripts/eval_fidelity.py`` scores
them apart ("Holdout (session 17)"), and their records were read by eye before the normalizer
ever ran on them.

What the earlier draws hold (all seven selection files, pages seen / pages in the corpus, by year
group and kind of post as ``select_holdout.kind`` names them):
- <=2003: 52 / 52 (embassy 51, State 1): nothing is left unseen, so the group gets no place;
- 2004-05: 142 / 573 (partial extracts 123 / 554, embassy 19 / 19);
- 2006: 91 / 749 (embassy 51 / 602, partial 19 / 63, consulate 13 / 70, mission 7 / 13, State 1 / 1);
- 2007: 91 / 665 (embassy 65 / 622, consulate 10 / 23, mission 7 / 11, State 9 / 9);
- 2008: 108 / 1481 (embassy 77 / 1347, consulate 12 / 49, mission 9 / 30, State 10 / 55);
- 2009: 123 / 2429 (embassy 93 / 2161, consulate 14 / 90, mission 7 / 53, State 9 / 125);
- 2010: 75 / 601 (embassy 50 / 547, consulate 10 / 12, mission 7 / 10, State 8 / 32).
By share seen the least-read strata are the embassy pages of 2008-2010 (4-9 %) and State of 2009
(7 %); by kind the earlier holdouts gave State 31, missions 35, consulates 47, partial extracts 66
and embassies 133 of 362 places, far above the corpus's shares for the first three.

Method: ``select_holdout.py``'s pools (kinds of post from the page table's Origin, partial extracts
of 2004-2006), ``select_holdout_s16.py``'s ``hard`` (session 15's REF list of 3+ items or 3+ list or
table lines; a long cable; a wrapper or database row; a second copy of the text) and kinds in
proportion to a year's unseen pages, imported, with another seed and the pool shrunk by all seven
earlier selections, but:
- years **even over year groups** rather than proportional (session 16 was proportional):
  2004-05 8 (2004 3, 2005 5), 2006 8, 2007 8, 2008 9, 2009 9, 2010 8 (the two least-read years,
  by share, get the odd places);
- inside each (year, kind) pool the ``hard`` half drawn twice in three (hard, hard, plain, ...);
- CSV: at least CSV_MIN pages carry a row of ``cables-sample.csv``: while fewer do, the last drawn
  page without a row in the (year, kind, half) stratum of the year with the **fewest CSV-backed
  pages so far** (then the most unchosen CSV-backed pages) is replaced by one of those, drawn with
  the same seed (session 16's swap put all 12 into 2009-embassy-hard).
The seven earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s15
import select_holdout_s16

SEED = 20261201  # session 17
YEARS = ("2004", "2005", "2006", "2007", "2008", "2009", "2010")
QUOTA = {"2004": 3, "2005": 5, "2006": 8, "2007": 8, "2008": 9, "2009": 9, "2010": 8}
CSV_MIN = 12
EXCLUDED = (*select_holdout_s15.EXCLUDED, "selection-holdout-s15.tsv", "selection-holdout-s16.tsv")


def fewest_first(chosen, spare, has_row):
    """The strata's order for the CSV swap: the year with the fewest CSV-backed pages so far first,
    then the most unchosen CSV-backed pages (passed to ``select_holdout_s15.with_csv_rows``)."""
    per_year = {y: sum(has_row(c[0]) for c in chosen if c[1] == y) for y in YEARS}
    return lambda s: (per_year[s[0]], -len(spare[s]), s)


def draw(items, taken: set[str], quota: dict[str, int] = QUOTA, seed: int = SEED,
         csv_min: int = CSV_MIN) -> list[tuple[str, str, str, int]]:
    """The draw of the docstring over the pages ``items`` not in ``taken``: (page, year, pool, chars);
    a later session passes its own pool, year quota, seed and CSV minimum."""
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(items, taken, quota, select_holdout_s16.half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    chosen = select_holdout_s15.with_csv_rows(select_holdout_s16.choose(pools, quota, seed), pools, seed, csv_min,
                                              fewest_first)
    return [(rel, year, pool, sizes[rel]) for rel, year, pool in chosen]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(draw(select_holdout.page_items(args.corpus), select_holdout.taken_pages(*EXCLUDED)))


if __name__ == "__main__":
    main()
