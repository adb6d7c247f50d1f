"""Seeded, stratified choice of the SESSION-14 HOLDOUT pages: a fourth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s14.py [--corpus DIR] > tests/truth/selection-holdout-s14.tsv

Why: since the session-13 holdout was read (``selection-holdout-s13.tsv``), rules were written
with the truth's pages and all three earlier holdouts in view, so none of them is blind any more.
These 50 pages are in none of the four selection files; their records were read by eye before
the normalizer was run on them, and ``scripts/eval_fidelity.py`` scores them in a table of their
own ("Holdout (session 14)").

Method: session 13's, imported (``select_holdout.py``'s kinds of post and partial extracts filling
2004, ``select_holdout_s13.with_csv_rows`` for at least CSV_MIN CSV-backed pages), with another
seed and the pool shrunk by all four earlier selections, weighted a little toward where the
rules are least tested:
- the oldest years: every page of 2000-2003 is in ``selection.tsv``, so the oldest left are 2004
  and 2005; they get 9 places each (session 13: 6 and 7), the later years 6-7 (QUOTA);
- long cables: inside each (year, kind) pool the draw takes the halves long, short, long, ...
  (LENGTHS: two long pages in three) instead of alternating them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_holdout
import select_holdout_s13

SEED = 20261203  # the day this holdout was drawn (session 14)
QUOTA = {"2004": 9, "2005": 9, "2006": 7, "2007": 7, "2008": 6, "2009": 6, "2010": 6}
LENGTHS = ("long", "short", "long")
EXCLUDED = (*select_holdout_s13.EXCLUDED, "selection-holdout-s13.tsv")
CSV_MIN = 4


def main() -> None:
    pools, chosen = select_holdout.drawn(EXCLUDED, QUOTA, SEED, LENGTHS)
    select_holdout.write(select_holdout_s13.with_csv_rows(chosen, pools, SEED, CSV_MIN))


if __name__ == "__main__":
    main()
