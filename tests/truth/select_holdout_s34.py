"""Seeded, stratified choice of the SESSION-34 HOLDOUT pages: a twentieth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s34.py [--corpus DIR] > tests/truth/selection-holdout-s34.tsv

Why: the nineteen earlier holdouts have all been read, scored and tuned to (sessions 32 and 33's misses
were mended on main in session 30's lead). This one weights the draw as sessions 28 and 31 did, toward
what has been read least and toward hard bodies, to look where the proportional draws seldom reach.

Method: session 23's, imported (``select_holdout_s23.pool`` and ``select_holdout_s23.draw``; no body
copied) as session 28 did, in ONE stage of TOTAL (40) pages with seed SEED:
- the pool: every page of ``select_holdout.py``'s kinds of post in none of the nineteen earlier selection
  files (session 33's exclusions plus ``selection-holdout-s33.tsv``) and with no truth id read before
  this session (``select_holdout_s18.truth_ids(34)``);
- weighted toward the least read (``select_holdout_s18.quota``), hard bodies one in two
  (``select_holdout_s23.PATTERN``), at least CSV_MIN pages carrying a ``cables-sample.csv`` row.
The nineteen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s23
import select_holdout_s28
import select_holdout_s33

SEED = 20261211  # session 34
TOTAL = 40
CSV_MIN = select_holdout_s28.CSV_MIN  # 13
SESSION = 34
EXCLUDED = (*select_holdout_s33.EXCLUDED, "selection-holdout-s33.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    select_holdout.write(select_holdout_s23.draw(items, taken, TOTAL, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
