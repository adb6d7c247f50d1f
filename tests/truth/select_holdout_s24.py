"""Seeded choice of the SESSION-24 HOLDOUT pages: an eleventh set no rule was tuned to.

Run:  python tests/truth/select_holdout_s24.py [--corpus DIR] > tests/truth/selection-holdout-s24.tsv

Why: the ten earlier holdouts (sessions 7, 12-19, 23) have all been read, scored and tuned to, so
none is blind any more. The earlier draws leaned toward the least-read strata; this one leans toward
what an unseen-cable reviewer meets most, so its figures estimate the whole corpus's.

Method (session 18's and 19's pieces, imported):
- the pool: every page of 2000-2010 in none of the ten earlier selection files and with no truth id
  read before this session (``select_holdout_s18.truth_ids(24)``);
- **proportional**: TOTAL (45) places split over the (year, kind of post) strata in proportion to
  the stratum's size in the WHOLE corpus (read or not; ``select_holdout_s16.shares``, largest
  remainder), strata with nothing unread left out;
- **hard bodies one in three**: each stratum's pool split into session 19's ``shape`` / session
  16's ``hard`` / ``plain``, drawn in ``PATTERN``'s order (``select_holdout_s19.take``);
- **CSV as far as the pool allows**: pages without a ``cables-sample.csv`` row swapped for pages
  of the same stratum with one until no stratum has one left (``select_holdout_s15.with_csv_rows``
  with a minimum of TOTAL).
The ten earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s16
import select_holdout_s18
import select_holdout_s23

SEED = 20261208  # session 24
TOTAL = 45
YEARS = ("2000", "2001", "2002", "2003", *select_holdout_s23.YEARS)
EXCLUDED = (*select_holdout_s23.EXCLUDED, "selection-holdout-s23.tsv")
PATTERN = ("hard", "shape", "plain")


def quota(items, taken: set[str], places: int = TOTAL) -> dict[tuple[str, str], int]:
    """(year, kind) -> ``places`` split in proportion to the stratum's corpus size (strata with
    nothing unread get none)."""
    total, seen = select_holdout_s18.strata(items, taken, YEARS)
    return select_holdout_s16.shares({k: total[k] for k in sorted(total) if total[k] > seen[k]}, places)


def select(corpus: str | None, session: int = 24, excluded: tuple[str, ...] = EXCLUDED, total: int = TOTAL,
           seed: int = SEED) -> list[tuple[str, str, str, int]]:
    """The draw of the docstring; a later session passes its own number (truth ids read before it are
    left out), selection files to exclude, size and seed."""
    items = sorted(select_holdout.page_items(corpus))
    done = select_holdout_s18.truth_ids(session)
    taken = select_holdout.taken_pages(*excluded) | {rel for rel, _h in items if Path(rel).stem in done}
    return select_holdout_s23.draw(items, taken, total, seed, total, quota, None, PATTERN, YEARS)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select(args.corpus))


if __name__ == "__main__":
    main()
