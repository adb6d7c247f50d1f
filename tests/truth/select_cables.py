"""Deterministic, stratified selection of the cables for the truth file (issue 10, item 1).

Run:  python tests/truth/select_cables.py [--corpus DIR] > tests/truth/selection.tsv
DIR holds ``cable/YYYY/MM/ID.html`` (an unpacked copy of ../shared/corpus/cablegate-html.tar.xz);
without it the pages are streamed from the tarball. The output does not depend on DIR.

Method (seed SEED below; every pool is sorted before it is sampled, so the draw is
reproducible):
1. all pages of 2000-2003;
2. per year 2004-2010 a quota (QUOTA); a few of each year's places go to *targeted* pages,
   drawn from pools of hard families found by the regexes in FAMILIES (one draw per family,
   years 2004-2010 only), the rest are a random sample of that year's remaining pages;
3. if fewer than 60 selected pages have a row in cables-sample.csv, a random sample of the
   remaining CSV-backed pages of 2004-2010 is added to reach 60 (pool ``csv-topup``), each
   replacing the last random pick of its year that has no CSV row (quotas kept);
4. supplement (added after the first 401 had been read, because none of the five pages drawn
   for "appended-second-cable" turned out to carry a *different* cable): every page whose
   body holds a row naming another cable id next to a post name (SECOND_ROW below), pool
   ``targeted:second-cable-row``, selection ``targeted``; no sampling, so the first draw is
   unchanged;
5. every pre2000 cable and the seed (added by the truth builder, not listed here).
Columns: id, page, year, selection (random|targeted), pool, in_csv.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cabletext

SEED = 20101128  # the day cablegate's first pages were released
QUOTA = {"2004": 30, "2005": 40, "2006": 45, "2007": 45, "2008": 55, "2009": 60, "2010": 35}
CSV_MIN = 60

# family name -> (regex over the page's text, how many to draw)
FAMILIES: dict[str, tuple[re.Pattern[str], int]] = {
    "cable-dated-wrapper": (re.compile(r"Cable dated:"), 3),
    "database-row-wrapper": (re.compile(r"header ends|<<\d{4,}>>|^id: \d+\s*$", re.M), 4),
    # the body block (the page's last <pre>) carries a routing block after its start
    "appended-second-cable": (re.compile(r"(?<=.{200})\n\s*(VZCZC|FM AMEMBASSY |FM SECSTATE )", re.S), 5),
    "multi-line-ref": (re.compile(r"^REF(S|TEL|TELS)?:?\s.*\n(\s*\n)?\s*¶?B[.)]\s", re.M), 6),
    "person-tag": (re.compile(r"TAGS:?.*\bO[A-Z]{3} ?\("), 3),
    "glued-tags": (re.compile(r"^TAGS:?[ \t]+(?:.*\s)?(?=[A-Z]{8}\b)(?:[A-Z]{4}){2}\b", re.M), 5),
    "visit-trailer-signer": (re.compile(r"Visit [^\n]{0,60}Classified Website[^\n]*\n\s*\S[^\n]{0,30}\s*$"), 5),
    "underlined-heading": (re.compile(r"\n[ \t]*[A-Za-z][^\n]{2,50}\n[ \t]*-{5,}[ \t]*\n"), 5),
}


SECOND_ID = re.compile(r"\b(\d\d[A-Z]{3,}\d{1,6})\b")


def second_row(cid: str, body: str) -> bool:
    """True when the body names another cable id in a row beside a post name."""
    for other in set(SECOND_ID.findall(body)):
        if other != cid and re.search(r"(?m)^\s*(\d+\s+|<<\d+>>\s*|\d+,)?.{0,40}" + other
                                      + r".{0,40}(Embassy|Consulate|Mission|Secretary)", body):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    args = ap.parse_args()
    if args.corpus:
        root = Path(args.corpus)
        items = ((str(p.relative_to(root)), p.read_text(encoding="utf-8"))
                 for p in root.rglob("*.html"))
    else:
        items = cabletext.iter_tar_pages()
    pages: dict[str, str] = {}          # rel path -> year
    fam_hits: dict[str, list[str]] = {f: [] for f in FAMILIES}
    second: list[str] = []
    for rel, html in items:
        year = rel.split("/")[1]
        pages[rel] = year
        if year not in QUOTA:
            continue
        blocks = cabletext.page_blocks(html)
        text = "\n\n".join(blocks)
        if blocks and second_row(Path(rel).stem, blocks[-1]):
            second.append(rel)
        for fam, (rx, _n) in FAMILIES.items():
            if rx.search(blocks[-1] if fam == "appended-second-cable" and blocks else text):
                fam_hits[fam].append(rel)
    csv_ids = {row[2] for row in cabletext.csv_rows()}
    rid = lambda rel: Path(rel).stem  # noqa: E731
    rng = random.Random(SEED)  # noqa: S311  (a seeded draw, not a secret)
    chosen: dict[str, tuple[str, str]] = {}   # rel -> (selection, pool)
    for rel in sorted(pages):
        if pages[rel] in ("2000", "2001", "2002", "2003"):
            chosen[rel] = ("random", "all-2000-2003")
    per_year_targeted = {y: 0 for y in QUOTA}
    for fam, (_rx, n) in FAMILIES.items():
        pool = sorted(r for r in fam_hits[fam] if r not in chosen)
        for rel in rng.sample(pool, min(n, len(pool))):
            chosen[rel] = ("targeted", "targeted:" + fam)
            per_year_targeted[pages[rel]] += 1
    drawn: dict[str, list[str]] = {}
    for year, q in QUOTA.items():
        pool = sorted(r for r, y in pages.items() if y == year and r not in chosen)
        drawn[year] = rng.sample(pool, max(0, q - per_year_targeted[year]))
        for rel in drawn[year]:
            chosen[rel] = ("random", "year-" + year)
    have = sum(1 for r in chosen if rid(r) in csv_ids)
    if have < CSV_MIN:
        # CSV-backed pages take the place of the year's last random picks without a CSV row,
        # so each year keeps its quota
        pool = sorted(r for r in pages if rid(r) in csv_ids and r not in chosen
                      and pages[r] in QUOTA)
        for rel in rng.sample(pool, CSV_MIN - have):
            year = pages[rel]
            out = next(r for r in reversed(drawn[year]) if rid(r) not in csv_ids)
            drawn[year].remove(out)
            del chosen[out]
            chosen[rel] = ("random", "csv-topup")
    for rel in sorted(second):
        if rel not in chosen:
            chosen[rel] = ("targeted", "targeted:second-cable-row")
    print("id\tpage\tyear\tselection\tpool\tin_csv")
    for rel in sorted(chosen, key=lambda r: (pages[r], rid(r))):
        sel, pool = chosen[rel]
        print(f"{rid(rel)}\t{rel}\t{pages[rel]}\t{sel}\t{pool}\t{int(rid(rel) in csv_ids)}")
    print(f"# families: {({f: len(v) for f, v in fam_hits.items()})}", file=sys.stderr)


if __name__ == "__main__":
    main()
