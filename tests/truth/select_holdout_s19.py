"""Seeded, stratified choice of the SESSION-19 HOLDOUT pages: a ninth set no rule was tuned to.

Run:  python tests/truth/select_holdout_s19.py [--corpus DIR] > tests/truth/selection-holdout-s19.tsv

Why: the session-18 holdout has been read and scored, so none of the nine earlier sets is blind
any more. These 50 pages are in no earlier selection file and carry no id of ``truth.jsonl`` or
``holdout.jsonl``; ``scripts/eval_fidelity.py`` scores them apart ("Holdout (session 19)"), and
their records were read by eye before the normalizer ever ran on them.

What the earlier draws hold, counted first (``python select_holdout_s19.py --count``: all nine
selection files plus every truth id, pages seen / pages in the corpus, by year and kind of post
as ``select_holdout.kind`` names them):
- <=2003, the embassies of 2004-05 and State of 2006-07: nothing left unseen;
- embassies: 2009 120 / 2161 (6 %), 2008 97 / 1347 (7 %), 2006 63 / 602 (10 %), 2010 62 / 547
  (11 %), 2007 78 / 622 (13 %);
- State: 2009 11 / 125 (9 %), 2008 10 / 55 (18 %), 2010 8 / 32 (25 %);
- missions: 2009 7 / 53 (13 %), 2008 9 / 30 (30 %); consulates: 2009 15 / 90 (17 %), 2006 15 / 70
  (21 %), 2008 12 / 49 (24 %); partial extracts: 2005 70 / 415 (17 %), 2006 19 / 63 (30 %),
  2004 64 / 139 (46 %);
- CSV: 117 of the 300 pages with a ``cables-sample.csv`` row had been read (each earlier draw held
  at most 12), so the CSV form has been measured on few rows; 183 are left, 69 of them 2009
  embassy pages.

Method: the pool is every page of ``select_holdout.py``'s kinds of post in none of the nine
selection files and with no truth id, and
- **weighted toward the least read** as session 18 did (``select_holdout_s18.quota``: the 50 places
  split over the (year, kind) strata in proportion to unseen pages x share unread, largest
  remainder);
- **the shapes the reviewer's unseen set names** (issue 10): each (year, kind) pool is split into
  ``shape`` (a multi-line REF list, a person TAGS code ``OVIP (...)``, a signer after a "Visit ...
  Classified Website" trailer, a media ``Cable dated:`` wrapper or database row: ``SHAPES``, the
  regexes of ``select_cables.FAMILIES``; a partial extract with its old-style ``PAGE NN`` /
  ``ACTION``/``INFO`` lines), ``hard`` (``select_holdout_s16.is_hard``) and ``plain``, drawn
  shape, hard, plain, ... (``PATTERN``): hard bodies two in three as before, a shape first;
- **CSV weighted**: at least CSV_MIN (20) pages carry a row, swapped in as session 17 did
  (``select_holdout_s15.with_csv_rows`` with ``select_holdout_s17.fewest_first``).
The nine earlier selection files still reproduce byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_cables
import select_holdout
import select_holdout_s15
import select_holdout_s16
import select_holdout_s17
import select_holdout_s18

SEED = 20261203  # session 19
TOTAL = 50
CSV_MIN = 20
YEARS = select_holdout_s17.YEARS
EXCLUDED = (*select_holdout_s18.EXCLUDED, "selection-holdout-s18.tsv")
PATTERN = ("shape", "hard", "plain")
SHAPES = tuple(select_cables.FAMILIES[name][0] for name in (
    "multi-line-ref", "person-tag", "visit-trailer-signer", "cable-dated-wrapper", "database-row-wrapper"))
_OLD_STYLE = re.compile(r"^\s*(?:\w+ )?PAGE \d\d\s+[A-Z].*\d{6}Z|^\s*ACTION [A-Z]{2,}-\d\d|^\s*INFO\s+LOG-\d\d", re.M)


def half_of(body: str) -> str:
    """``shape`` (a shape issue 10 names), else session 16's ``hard`` or ``plain``."""
    if any(p.search(body) for p in SHAPES) or _OLD_STYLE.search(body):
        return "shape"
    return select_holdout_s16.half_of(body)


def take(pools, year: str, k: str, n: int, rng: random.Random, chosen: list[tuple[str, str, str]],
         pattern: tuple[str, ...] = PATTERN) -> None:
    """Up to n pages of (year, kind), halves in ``pattern``'s order (an empty half: the next one)."""
    for i in range(n):
        order = pattern[i % len(pattern):] + pattern[:i % len(pattern)]
        half = next((h for h in order if pools.get((year, k, h))), None)
        if half is None:
            return
        rel, size = rng.choice(pools[(year, k, half)])
        pools[(year, k, half)].remove((rel, size))
        chosen.append((rel, year, f"{year}-{k}-{half}"))


def count(items, taken: set[str]) -> None:
    """Print what the earlier draws hold per (year, kind): seen / total (the docstring's figures)."""
    rows = {r[2] for r in select_holdout.cabletext.csv_rows()}
    seen: dict[tuple[str, str], list[int]] = {}
    for rel, html in items:
        year = rel.split("/")[1]
        key = (year, select_holdout.kind(html, "\n\n".join(select_holdout.cabletext.page_blocks(html)), year))
        cell = seen.setdefault(key, [0, 0, 0, 0])
        cell[0] += rel in taken
        cell[1] += 1
        cell[2] += rel in taken and Path(rel).stem in rows
        cell[3] += Path(rel).stem in rows
    for key, (s, t, cs, ct) in sorted(seen.items()):
        print(f"{key[0]} {key[1]:10} {s:5} / {t:5} ({100 * s / t:3.0f} %)  csv {cs} / {ct}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    items = sorted(select_holdout.page_items(args.corpus))
    done = select_holdout_s18.truth_ids(19)
    taken = select_holdout.taken_pages(*EXCLUDED) | {rel for rel, _h in items if Path(rel).stem in done}
    if args.count:
        return count(items, taken)
    places = select_holdout_s18.quota(items, taken)
    pools = {k: sorted(v) for k, v in select_holdout.pools_of(items, taken, YEARS, half_of).items()}
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    rng = random.Random(SEED)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str]] = []
    for (year, k), n in places.items():
        take(pools, year, k, n, rng, chosen)
    chosen = select_holdout_s15.with_csv_rows(chosen, pools, SEED, CSV_MIN, select_holdout_s17.fewest_first)
    select_holdout.write([(rel, year, pool, sizes[rel]) for rel, year, pool in chosen])


if __name__ == "__main__":
    main()
