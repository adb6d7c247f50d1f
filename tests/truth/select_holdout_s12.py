"""Seeded, stratified choice of the SESSION-12 HOLDOUT pages: a second set no rule was tuned to.

Run:  python tests/truth/select_holdout_s12.py [--corpus DIR] > tests/truth/selection-holdout-s12.tsv

Why: since the session-7 holdout was read (``selection-holdout.tsv``), every rule was written
with both the truth's pages and that holdout's in view, so both now flatter the normalizer.
These 50 pages are in neither selection file; their records were read by eye before the
normalizer was run on them, and ``scripts/eval_fidelity.py`` scores them in a table of their
own ("Holdout (session 12)").

Method: ``select_holdout.py``'s, imported, with another seed, the pool shrunk by both earlier
selections, and the per-year quota scaled to 50 pages (the kinds of post and the short/long
alternation unchanged; partial extracts fill 2004, whose pages nearly all are one).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout

SEED = 20261201  # the day this holdout was drawn (session 12)
QUOTA = {"2004": 6, "2005": 7, "2006": 7, "2007": 7, "2008": 8, "2009": 8, "2010": 7}
EXCLUDED = ("selection.tsv", "selection-holdout.tsv")


def main() -> None:
    select_holdout.write(select_holdout.drawn(EXCLUDED, QUOTA, SEED)[1])


if __name__ == "__main__":
    main()
