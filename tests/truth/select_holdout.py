"""Seeded, stratified choice of the HOLDOUT pages (session 7): cables no rule was tuned to.

Run:  python tests/truth/select_holdout.py [--corpus DIR] > tests/truth/selection-holdout.tsv
DIR holds ``cable/YYYY/MM/ID.html``; without it the pages are streamed from the shared
tarball. The output does not depend on DIR.

Why: the figures of ``truth.jsonl`` are measured on 409 cables the rules were developed
against, so they may flatter the normalizer. These pages were chosen after that work, none of
them is in ``selection.tsv``, and their records (``holdout.jsonl``) were read by eye like the
truth's; ``scripts/eval_fidelity.py`` reports them in a table of their own.

Method (seed SEED; every pool is sorted before it is sampled):
1. the pool is every page not in ``selection.tsv`` (that file already holds every page of
   2000-2003, so the holdout's years are 2004-2010);
2. per year a quota (QUOTA), split by the kind of sending post read from the page table's
   Origin (KIND_QUOTA: ``partial`` = an old-style partial extract, "This record is a partial
   extract of the original cable", 2004-2006 only; ``consulate``; ``mission`` = US Mission,
   USUN, USEU, UNVIE; ``state`` = Secretary of State; ``embassy`` = the rest of the quota;
   where a year has too few of these, more partial extracts fill its quota: 2004);
3. within a (year, kind) pool the pages are split at the pool's median body length into
   short and long halves and the draw alternates short, long, short, ... so both are held.
Columns: id, page, year, selection (always ``holdout``), pool (``year-kind-length``), chars.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import cabletext  # noqa: E402

SEED = 20261130  # the day this holdout was drawn (session 7)
QUOTA = {"2004": 8, "2005": 9, "2006": 9, "2007": 8, "2008": 10, "2009": 10, "2010": 8}
# kind -> places per year (embassy takes what is left of the year's quota)
KIND_QUOTA = {"partial": 3, "consulate": 2, "mission": 1, "state": 1}
PARTIAL = re.compile(r"This record is a partial extract")
MISSION = re.compile(r"^(US |Mission |USUN|USEU|UNVIE)")
_TABLE = re.compile(r"<table class='cable'>(.*?)</table>", re.S)


def origin(html: str) -> str:
    found = _TABLE.search(html)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", found.group(1), re.S)] \
        if found else []
    return cells[4] if len(cells) > 4 else ""


def kind(html: str, text: str, year: str) -> str:
    where = origin(html)
    if PARTIAL.search(text):
        return "partial" if year in ("2004", "2005", "2006") else "embassy"
    if where.startswith("Consulate"):
        return "consulate"
    if MISSION.match(where):
        return "mission"
    if where.startswith("Secretary of State"):
        return "state"
    return "embassy"


#: the order in which a draw takes its halves, over and over (session 14 takes long twice in three)
ALTERNATE = ("short", "long")


def draw(pool: list[tuple[str, int]], n: int, rng: random.Random,
         pattern: tuple[str, ...] = ALTERNATE) -> list[tuple[str, str]]:
    """n pages of a pool, taking its short and long halves in ``pattern``'s order, repeated
    (alternating by default): (rel, 'short'|'long')."""
    by_len = sorted(pool, key=lambda p: (p[1], p[0]))
    half = len(by_len) // 2
    halves = {"short": sorted(r for r, _ in by_len[:half]), "long": sorted(r for r, _ in by_len[half:])}
    out: list[tuple[str, str]] = []
    for i in range(n):
        which = pattern[i % len(pattern)]
        if not halves[which]:
            which = "long" if which == "short" else "short"
        if not halves[which]:
            break
        rel = rng.choice(halves[which])
        halves[which].remove(rel)
        out.append((rel, which))
    return out


def taken_pages(*names: str) -> set[str]:
    """The pages already listed in these selection files (column 2)."""
    return {ln.split("\t")[1] for name in names
            for ln in (HERE / name).read_text().splitlines()[1:] if ln.strip()}


def page_items(corpus: str | None):
    """(relative path, html) of every page: from an unpacked folder, else the tarball."""
    if corpus:
        root = Path(corpus)
        return ((str(p.relative_to(root)), p.read_text(encoding="utf-8")) for p in root.rglob("*.html"))
    return cabletext.iter_tar_pages()


def pools_of(items, taken: set[str], years, half=None) -> dict[tuple[str, ...], list[tuple[str, int]]]:
    """(year, kind) -> [(page, body length)] of the pages of these years not yet taken; with
    ``half`` (body -> name), (year, kind, half(body)) instead (session 15's hard and plain)."""
    pools: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for rel, html in items:
        year = rel.split("/")[1]
        if year not in years or rel in taken:
            continue
        blocks = cabletext.page_blocks(html)
        text = "\n\n".join(blocks)
        key = (year, kind(html, text, year)) + ((half(blocks[-1] if blocks else ""),) if half else ())
        pools.setdefault(key, []).append((rel, len(blocks[-1]) if blocks else 0))
    return pools


def choose(pools, quota: dict[str, int], kind_quota: dict[str, int], seed: int,
           pattern: tuple[str, ...] = ALTERNATE) -> list[tuple[str, str, str, int]]:
    """The stratified draw: (page, year, pool, chars) per chosen page."""
    rng = random.Random(seed)  # noqa: S311  (a seeded draw, not a secret)
    chosen: list[tuple[str, str, str, int]] = []
    sizes = {rel: n for pool in pools.values() for rel, n in pool}
    for year, year_quota in quota.items():
        left = year_quota
        for k, n in kind_quota.items():
            got = draw(sorted(pools.get((year, k), [])), min(n, left), rng, pattern)
            chosen += [(rel, year, f"{year}-{k}-{half}", sizes[rel]) for rel, half in got]
            left -= len(got)
        got = draw(sorted(pools.get((year, "embassy"), [])), left, rng, pattern)
        chosen += [(rel, year, f"{year}-embassy-{half}", sizes[rel]) for rel, half in got]
        left -= len(got)
        if left > 0:  # 2004: nearly every page is a partial extract; they fill the quota
            done = {c[0] for c in chosen}
            rest = sorted(p for p in pools.get((year, "partial"), []) if p[0] not in done)
            got = draw(rest, left, rng, pattern)
            chosen += [(rel, year, f"{year}-partial-{half}", sizes[rel]) for rel, half in got]
    return chosen


def drawn(excluded: tuple[str, ...], quota: dict[str, int], seed: int, pattern: tuple[str, ...] = ALTERNATE):
    """A later holdout's pools and draw: ``--corpus`` read from the command line, the pages of
    the ``excluded`` selection files left out, ``choose`` with this file's kinds of post."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    pools = pools_of(page_items(args.corpus), taken_pages(*excluded), quota)
    return pools, choose(pools, quota, KIND_QUOTA, seed, pattern)


def write(chosen: list[tuple[str, str, str, int]]) -> None:
    print("id\tpage\tyear\tselection\tpool\tchars")
    for rel, year, pool, n in sorted(chosen, key=lambda c: (c[1], Path(c[0]).stem)):
        print(f"{Path(rel).stem}\t{rel}\t{year}\tholdout\t{pool}\t{n}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    pools = pools_of(page_items(args.corpus), taken_pages("selection.tsv"), QUOTA)
    write(choose(pools, QUOTA, KIND_QUOTA, SEED))

if __name__ == "__main__":
    main()
