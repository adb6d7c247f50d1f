"""Seeded choice of the SESSION-25 HOLDOUT pages: a twelfth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s25.py [--corpus DIR] > tests/truth/selection-holdout-s25.tsv

Why: the eleven earlier holdouts (sessions 7, 12-19, 23, 24) have all been read, scored and tuned
to, so none is blind any more.

Method: session 24's, imported whole (``select_holdout_s24.select``), with another seed, TOTAL (40)
places, and a pool that also leaves out session 24's selection file and every truth id read before
this session (``select_holdout_s18.truth_ids(25)``):
- places split over the (year, kind of post) strata in proportion to each stratum's size in the
  whole corpus (``select_holdout_s24.quota``), strata with nothing unread left out;
- hard bodies one in three (``select_holdout_s24.PATTERN``, session 19's ``take``);
- CSV as far as the pool allows (``select_holdout_s15.with_csv_rows`` with a minimum of TOTAL).
The eleven earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24

SEED = 20261203  # session 25
TOTAL = 40
SESSION = 25
EXCLUDED = (*select_holdout_s24.EXCLUDED, "selection-holdout-s24.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
