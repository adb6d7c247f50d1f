"""Seeded choice of the SESSION-27 HOLDOUT pages: a thirteenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s27.py [--corpus DIR] > tests/truth/selection-holdout-s27.tsv

Why: the twelve earlier holdouts (sessions 7, 12-19, 23, 24, 25) have all been read, scored and
tuned to (session 25's misses were mended on main in sessions 25 and 26), so none is blind any more.

Method: session 24's, imported whole (``select_holdout_s24.select``) as session 25 did, with another
seed and a pool that also leaves out session 25's selection file and every truth id read before this
session (``select_holdout_s18.truth_ids(27)``); TOTAL (40) places as session 25's:
- places split over the (year, kind of post) strata in proportion to each stratum's size in the
  whole corpus (``select_holdout_s24.quota``), strata with nothing unread left out;
- hard bodies one in three (``select_holdout_s24.PATTERN``, session 19's ``take``);
- CSV as far as the pool allows (``select_holdout_s15.with_csv_rows`` with a minimum of TOTAL).
The twelve earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24
import select_holdout_s25

SEED = 20261204  # session 27
TOTAL = select_holdout_s25.TOTAL
SESSION = 27
EXCLUDED = (*select_holdout_s25.EXCLUDED, "selection-holdout-s25.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
