"""Seeded, stratified choice of the SESSION-32 HOLDOUT pages: an eighteenth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s32.py [--corpus DIR] > tests/truth/selection-holdout-s32.tsv

Why: the seventeen earlier holdouts (sessions 7, 12-19, 23, 24, 25, 27-31) have all been read, scored
and tuned to (sessions 30 and 31's misses were mended on main in session 30's lead), so none is blind
any more. Session 30 drew in proportion to the corpus and toward the least read; this one goes back to
session 29's method, the years even over year groups, hard bodies weighted.

Method: session 29's, imported (``select_holdout_s29.quota`` over ``select_holdout_s23.pool``, then
``select_holdout_s17.draw``; no body copied), in ONE stage of TOTAL (40) pages with seed SEED: the pool
leaves out the seventeen earlier selection files (session 31's exclusions plus
``selection-holdout-s31.tsv``) and every truth id read before this session
(``select_holdout_s18.truth_ids(32)``); at least CSV_MIN pages carry a ``cables-sample.csv`` row as far
as the pool allows. The seventeen earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s17
import select_holdout_s23
import select_holdout_s29
import select_holdout_s31

SEED = 20261209  # session 32
TOTAL = 40
CSV_MIN = select_holdout_s29.CSV_MIN  # 10
SESSION = 32
EXCLUDED = (*select_holdout_s31.EXCLUDED, "selection-holdout-s31.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    items, taken = select_holdout_s23.pool(args.corpus, SESSION, EXCLUDED)
    quota = select_holdout_s29.quota(items, taken, TOTAL)
    select_holdout.write(select_holdout_s17.draw(items, taken, quota, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
