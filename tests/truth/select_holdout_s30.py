"""Seeded choice of the SESSION-30 HOLDOUT pages: a sixteenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s30.py [--corpus DIR] > tests/truth/selection-holdout-s30.tsv

Why: the fifteen earlier holdouts (sessions 7, 12-19, 23, 24, 25, 27, 28, 29) have all been read, scored
and tuned to (their misses were mended on main in session 27's lead), so none is blind any more.

Method: session 24's, imported whole (``select_holdout_s24.select``) as sessions 25 and 27 did, with
another seed and a pool that also leaves out the selection files of sessions 27, 28 and 29 and every
truth id read before this session (``select_holdout_s18.truth_ids(30)``); TOTAL (40) places:
- places split over the (year, kind of post) strata in proportion to each stratum's size in the
  whole corpus (``select_holdout_s24.quota``), strata with nothing unread left out;
- hard bodies one in three (``select_holdout_s24.PATTERN``, session 19's ``take``);
- CSV as far as the pool allows (``select_holdout_s15.with_csv_rows`` with a minimum of TOTAL).
The fifteen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24
import select_holdout_s29

SEED = 20261207  # session 30
TOTAL = 40
SESSION = 30
EXCLUDED = (*select_holdout_s29.EXCLUDED, "selection-holdout-s29.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
