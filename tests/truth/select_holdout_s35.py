"""Seeded choice of the SESSION-35 HOLDOUT pages: a twenty-first set no rule was tuned to.

Run:  python tests/truth/select_holdout_s35.py [--corpus DIR] > tests/truth/selection-holdout-s35.tsv

Why: drawn in the same session as session 34's least-read holdout, this one is drawn in proportion
to the corpus, as the pages a user holds are.

Method: session 24's, imported whole (``select_holdout_s24.select``) as sessions 25, 27 and 30 did, with
another seed and a pool that also leaves out the selection files of sessions 30 to 34 and every truth
id read before this session (``select_holdout_s18.truth_ids(35)``); TOTAL (40) places in proportion to
each (year, kind of post) stratum's size in the corpus, hard bodies one in three, CSV as far as the pool
allows. The twenty earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24
import select_holdout_s34

SEED = 20261212  # session 35
TOTAL = 40
SESSION = 35
EXCLUDED = (*select_holdout_s34.EXCLUDED, "selection-holdout-s34.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
