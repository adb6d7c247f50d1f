"""Seeded, stratified choice of the SESSION-31 HOLDOUT pages: a seventeenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s31.py [--corpus DIR] > tests/truth/selection-holdout-s31.tsv

Why: drawn in the same session as session 30's proportional holdout, this one weights the draw as
session 28 did, toward what has been read least and toward hard bodies, to look where the
proportional draws seldom reach.

Method: session 23's, imported (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``; no body
copied) as session 28 did, in ONE stage of TOTAL (40) pages with seed SEED:
- the pool: every page of ``select_holdout.py``'s kinds of post in none of the sixteen earlier selection
  files (session 30's exclusions plus ``selection-holdout-s30.tsv``) and with no truth id read before
  this session (``select_holdout_s18.truth_ids(31)``);
- weighted toward the least read (``select_holdout_s18.quota``), hard bodies one in two
  (``select_holdout_s23.PATTERN``), at least CSV_MIN pages carrying a ``cables-sample.csv`` row.
The sixteen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s23
import select_holdout_s28
import select_holdout_s30

SEED = 20261208  # session 31
TOTAL = 40
CSV_MIN = select_holdout_s28.CSV_MIN  # 13
SESSION = 31
EXCLUDED = (*select_holdout_s30.EXCLUDED, "selection-holdout-s30.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
