"""Seeded choice of the SESSION-91 HOLDOUT pages: a seventy-seventh set no rule was tuned to.

Run:  python tests/truth/select_holdout_s91.py [--corpus DIR] > tests/truth/selection-holdout-s91.tsv

Why: drawn in the same session as session 90's least-read holdout, this one is drawn in proportion
to the corpus, as the pages a user holds are.

Method: session 41's (``select_holdout_s24.select``, imported whole), with another seed and a pool that
also leaves out ``selection-holdout-s90.tsv`` and every truth id read before this session
(``select_holdout_s18.truth_ids(91)``). The seventy-six earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s24
import select_holdout_s90

SEED = 20270137  # session 91
TOTAL = 40
SESSION = 91
EXCLUDED = (*select_holdout_s90.EXCLUDED, "selection-holdout-s90.tsv")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    select_holdout.write(select_holdout_s24.select(args.corpus, SESSION, EXCLUDED, TOTAL, SEED))


if __name__ == "__main__":
    main()
