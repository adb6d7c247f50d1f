"""Seeded, stratified choice of the SESSION-88 HOLDOUT pages: a seventy-fourth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s88.py [--corpus DIR] > tests/truth/selection-holdout-s88.tsv

Why: sessions 86 and 87's holdouts were read and scored in session 54, and all its random editions'
defects mended.
This one weights the draw as session 54's did, toward what has been read least and toward hard bodies,
to look where the proportional draws seldom reach.

Method: session 40's, imported whole (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``), with
another seed and a pool that also leaves out ``selection-holdout-s86.tsv`` and ``selection-holdout-s87.tsv``
and every truth id read before this session (``select_holdout_s18.truth_ids(88)``). The seventy-three earlier
selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s23
import select_holdout_s36
import select_holdout_s87

SEED = 20270134  # session 88
TOTAL = 40
CSV_MIN = select_holdout_s36.CSV_MIN
SESSION = 88
EXCLUDED = (*select_holdout_s87.EXCLUDED, "selection-holdout-s87.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
