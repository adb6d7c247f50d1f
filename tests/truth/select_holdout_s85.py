"""Seeded choice of the SESSION-85 HOLDOUT pages: a seventy-first set no rule was tuned to.

Run:  python tests/truth/select_holdout_s85.py [--corpus DIR] > tests/truth/selection-holdout-s85.tsv

Why: drawn in the same session as session 84's least-read holdout, this one is drawn in proportion
to the corpus, as the pages a user holds are.

Method: session 41's (``select_holdout_s24.select``, imported whole), with another seed and a pool that
also leaves out ``selection-holdout-s84.tsv`` and every truth id read before this session
(``select_holdout_s18.truth_ids(85)``). The seventy earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24
import select_holdout_s84

SEED = 20270131  # session 85
TOTAL = 40
SESSION = 85
EXCLUDED = (*select_holdout_s84.EXCLUDED, "selection-holdout-s84.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
