"""Seeded, stratified choice of the SESSION-90 HOLDOUT pages: a seventy-sixth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s90.py [--corpus DIR] > tests/truth/selection-holdout-s90.tsv

Why: sessions 88 and 89's holdouts were read and scored in session 55, and all its random editions'
defects mended.
This one weights the draw as session 55's did, toward what has been read least and toward hard bodies,
to look where the proportional draws seldom reach.

Method: session 40's, imported whole (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``), with
another seed and a pool that also leaves out ``selection-holdout-s88.tsv`` and ``selection-holdout-s89.tsv``
and every truth id read before this session (``select_holdout_s18.truth_ids(90)``). The seventy-five earlier
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
import select_holdout_s89

SEED = 20270136  # session 90
TOTAL = 40
CSV_MIN = select_holdout_s36.CSV_MIN
SESSION = 90
EXCLUDED = (*select_holdout_s89.EXCLUDED, "selection-holdout-s89.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
