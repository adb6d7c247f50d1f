"""Seeded, stratified choice of the SESSION-36 HOLDOUT pages: a twenty-second set no rule was tuned to.

Run:  python tests/truth/select_holdout_s36.py [--corpus DIR] > tests/truth/selection-holdout-s36.tsv

Why: sessions 34 and 35's holdouts were read, scored and their misses mended on main in session 31's
lead. This one weights the draw as session 34's did, toward what has been read least and toward hard
bodies, to look where the proportional draws seldom reach.

Method: session 34's, imported whole (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``), with
another seed and a pool that also leaves out ``selection-holdout-s34.tsv`` and ``selection-holdout-s35.tsv``
and every truth id read before this session (``select_holdout_s18.truth_ids(36)``). The twenty-one earlier
selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s23
import select_holdout_s34
import select_holdout_s35

SEED = 20261213  # session 36
TOTAL = 40
CSV_MIN = select_holdout_s34.CSV_MIN
SESSION = 36
EXCLUDED = (*select_holdout_s35.EXCLUDED, "selection-holdout-s35.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
