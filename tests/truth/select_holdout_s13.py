"""Seeded, stratified choice of the SESSION-13 HOLDOUT pages: a third set no rule was tuned to.

Run:  python tests/truth/select_holdout_s13.py [--corpus DIR] > tests/truth/selection-holdout-s13.tsv

Why: since the session-12 holdout was read (``selection-holdout-s12.tsv``), rules were written
with the truth's pages and both earlier holdouts in view, so none of them is blind any more.
These 50 pages are in none of the three selection files; their records were read by eye before
the normalizer was run on them, and ``scripts/eval_fidelity.py`` scores them in a table of their
own ("Holdout (session 13)").

Method: ``select_holdout_s12.py``'s (``select_holdout.py``'s draw, imported) with another seed and
the pool shrunk by all three earlier selections: the same year quotas (50 pages), kinds of post
and short/long alternation. Then, so that the CSV form is scored too, at least CSV_MIN of the
pages carry a row of ``cables-sample.csv``: while fewer do, the last drawn page without a row in
the (year, kind, half) stratum that has the most unchosen CSV-backed pages is replaced by one of
those, drawn with the same generator (strata and quotas kept).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cabletext
import select_holdout
import select_holdout_s12

SEED = 20261202  # the day this holdout was drawn (session 13)
QUOTA = select_holdout_s12.QUOTA
EXCLUDED = (*select_holdout_s12.EXCLUDED, "selection-holdout-s12.tsv")
CSV_MIN = 4


def _stratum(rel: str, pools) -> tuple[str, str, str]:
    """(year, kind, half) of a page, its half taken at its pool's median as the draw does."""
    for (year, kind), pool in pools.items():
        by_len = sorted(pool, key=lambda p: (p[1], p[0]))
        half = len(by_len) // 2
        for i, (r, _n) in enumerate(by_len):
            if r == rel:
                return year, kind, "short" if i < half else "long"
    raise KeyError(rel)


def with_csv_rows(chosen, pools, seed: int, csv_min: int = CSV_MIN) -> list[tuple[str, str, str, int]]:
    """The draw with at least ``csv_min`` CSV-backed pages, swapped in within their stratum."""
    rows = {r[2] for r in cabletext.csv_rows()}
    has_row = lambda rel: Path(rel).stem in rows  # noqa: E731
    rng = random.Random(seed)  # noqa: S311  (a seeded draw, not a secret)
    chosen = list(chosen)
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    taken = {c[0] for c in chosen}
    spare: dict[tuple[str, str, str], list[str]] = {}
    for pool in pools.values():
        for rel, _n in sorted(pool):
            if has_row(rel) and rel not in taken:
                spare.setdefault(_stratum(rel, pools), []).append(rel)
    while sum(has_row(c[0]) for c in chosen) < csv_min and spare:
        # the stratum with a replaceable pick and the most spare pages (ties: sorted order)
        strata = [s for s in sorted(spare, key=lambda s: (-len(spare[s]), s))
                  if spare[s] and any(c[2] == f"{s[0]}-{s[1]}-{s[2]}" and not has_row(c[0]) for c in chosen)]
        if not strata:
            break
        s = strata[0]
        label = f"{s[0]}-{s[1]}-{s[2]}"
        i = max(k for k, c in enumerate(chosen) if c[2] == label and not has_row(c[0]))
        new = rng.choice(spare[s])
        spare[s].remove(new)
        chosen[i] = (new, s[0], label, sizes[new])
    return chosen


def main() -> None:
    pools, chosen = select_holdout.drawn(EXCLUDED, QUOTA, SEED)
    select_holdout.write(with_csv_rows(chosen, pools, SEED))


if __name__ == "__main__":
    main()
