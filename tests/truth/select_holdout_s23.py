"""Seeded, stratified choice of the SESSION-23 HOLDOUT pages: a tenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s23.py [--corpus DIR] > tests/truth/selection-holdout-s23.tsv

Why: the nine earlier holdouts (sessions 7, 12-19) have all been read, scored and tuned to, so none
is blind any more. These pages are in none of the nine earlier selection files and carry no id of
``truth.jsonl`` or ``holdout.jsonl``; ``scripts/eval_fidelity.py`` scores them apart ("Holdout
(session 23)"), and their records were read by eye before the normalizer ever ran on them.

What the earlier draws hold (``python select_holdout_s23.py --count``, session 19's counter): the
least-read strata are still the embassy pages of 2009 and 2008 (under 10 % read), then State of
2009, the embassies of 2006, 2010 and 2007.

Method: session 19's, imported, at a size the session's time allows, in two stages: TOTAL (30)
pages, read, frozen and scored blind; then EXTRA (15) more from the pool the first stage left (seed
EXTRA_SEED, at least EXTRA_CSV_MIN with a CSV row), drawn when time allowed, read and frozen before the
normalizer ran on them. Each stage:
- the pool: every page of ``select_holdout.py``'s kinds of post in none of the nine earlier selection
  files and with no truth id read before this session (``select_holdout_s18.truth_ids(23)``);
- **weighted toward the least read**: the places split over the (year, kind) strata in proportion
  to unseen pages x share unread (``select_holdout_s18.weight``, largest remainder);
- **hard bodies weighted**: each stratum's pool split into session 19's ``shape`` / session 16's
  ``hard`` / ``plain``, drawn hard, shape, plain, hard, ... (``PATTERN``: hard one in two);
- **CSV weighted**: at least CSV_MIN (10) pages carry a ``cables-sample.csv`` row, swapped in as
  session 17 did.
The nine earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s15
import select_holdout_s17
import select_holdout_s18
import select_holdout_s19

SEED = 20261206  # session 23
TOTAL = 30
CSV_MIN = 10
#: the second stage: pages drawn once the first 30 were read, frozen and scored (time allowed more)
EXTRA = 15
EXTRA_CSV_MIN = 3
EXTRA_SEED = SEED + 1
YEARS = select_holdout_s17.YEARS
EXCLUDED = (*select_holdout_s19.EXCLUDED, "selection-holdout-s19.tsv")
PATTERN = ("hard", "shape", "plain", "hard")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    items, taken = pool(args.corpus)
    if args.count:
        return select_holdout_s19.count(items, taken)
    first = draw(items, taken, TOTAL, SEED, CSV_MIN)
    second = draw(items, taken | {rel for rel, _y, _p, _n in first}, EXTRA, EXTRA_SEED, EXTRA_CSV_MIN)
    select_holdout.write(first + second)


def pool(corpus: str | None, session: int = 23, excluded: tuple[str, ...] = EXCLUDED) -> tuple[list, set[str]]:
    """The pages, and those left out of the pool: in ``excluded``'s selection files or with a truth id
    read before ``session`` (a later session passes its own number and files)."""
    items = sorted(select_holdout.page_items(corpus))
    done = select_holdout_s18.truth_ids(session)
    return items, select_holdout.taken_pages(*excluded) | {rel for rel, _h in items if Path(rel).stem in done}


def draw(
    items,
    taken: set[str],
    total: int,
    seed: int,
    csv_min: int,
    quota=select_holdout_s18.quota,
    first=select_holdout_s17.fewest_first,
    pattern: tuple[str, ...] = PATTERN,
    years: tuple[str, ...] = YEARS,
) -> list[tuple[str, str, str, int]]:
    """One stage: ``total`` pages of the pool left by ``taken`` (the method of the docstring); a
    later session passes its own ``quota(items, taken, places)``, CSV order ``first``, ``pattern`` and ``years``."""
    places = quota(items, taken, total)
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(items, taken, years, select_holdout_s19.half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    rng = random.Random(seed)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str]] = []
    for (year, k), n in places.items():
        select_holdout_s19.take(pools, year, k, n, rng, chosen, pattern)
    chosen = select_holdout_s15.with_csv_rows(chosen, pools, seed, csv_min, first)
    return [(rel, year, pool, sizes[rel]) for rel, year, pool in chosen]


if __name__ == "__main__":
    main()
