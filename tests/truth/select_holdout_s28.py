"""Seeded, stratified choice of the SESSION-28 HOLDOUT pages: a fourteenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s28.py [--corpus DIR] > tests/truth/selection-holdout-s28.tsv

Why: the thirteen earlier holdouts (sessions 7, 12-19, 23, 24, 25, 27) have all been read, scored and
tuned to, so none is blind any more. The last three (sessions 24, 25, 27) were drawn in proportion to the
corpus; this one goes back to session 23's weighting, toward what has been read least and toward hard
bodies, to look where the proportional draws seldom reach.

Method: session 23's, imported (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``; no body
copied), in ONE stage of TOTAL (40) pages with seed SEED:
- the pool: every page of ``select_holdout.py``'s kinds of post in none of the thirteen earlier selection
  files (session 27's exclusions plus ``selection-holdout-s27.tsv``) and with no truth id read before
  this session (``select_holdout_s18.truth_ids(28)``);
- **weighted toward the least read**: the places split over the (year, kind) strata in proportion to
  unseen pages x share unread (``select_holdout_s18.quota``, largest remainder);
- **hard bodies one in two**: session 19's ``shape`` / session 16's ``hard`` / ``plain``, drawn in
  ``select_holdout_s23.PATTERN``'s order (hard, shape, plain, hard);
- **CSV weighted**: at least CSV_MIN pages carry a ``cables-sample.csv`` row (session 17's swap), the
  share of session 23's first stage (10 of 30) at this size.
The thirteen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s23
import select_holdout_s27

SEED = 20261205  # session 28
TOTAL = 40
CSV_MIN = round(TOTAL * select_holdout_s23.CSV_MIN / select_holdout_s23.TOTAL)  # 13
SESSION = 28
EXCLUDED = (*select_holdout_s27.EXCLUDED, "selection-holdout-s27.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
