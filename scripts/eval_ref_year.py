#!/usr/bin/env python3
"""The year of a cable whose text gives no date (issue 10): what evidence tells it, how often.

A pasted text without its date-time group (a partial extract, a body pasted without its
header) still needs the cable's year: references written without one (``REF: ANKARA 4230``)
are of that year. The ``fields.ref-year`` rules (``convert/normalize/rules/years.py``) read it
from the text. This script asks them, and the other evidence a text may give, of every
cablegate page as a user would paste it (``fidelity.inputs.pasted_text``), whether or not the
page's header carries a date-time group: the rules read only the body, so this is the text
with its date-time group removed. The true year is the cablegate id's (``05PARIS3118`` -> 2005).

Evidence scored (each row: pages it answers, right, accuracy):
- the declassification date of the E.O. line less a usual period (``DECL: 07/05/2013``), as
  the rule before this script took it (periods 10, 5, 15, 20, 25, 30, first in 2001-2010; the
  dates written ``2019/12/31``, which that rule did not read, are read in every row) and
  narrowed by what the text allows: no year before a cable its REF field names with a year
  (``04 SECSTATE 206331``), none after the partial extracts' last year for a partial extract;
- the years the text mentions: the most mentioned, the latest written as a full date
  (``On August 3, 2005``);
- the same, with the text's dates as a tie-break between the periods allowed;
- the rules as shipped, one by one, and the chain (first match).

The pages are split in two by a seeded draw. The variants of the declassification rule each
add one piece of evidence to the one before; on the first half (the choice half) a piece is
adopted if, on the pages where it changes the year, it is right ``--odds`` (3) times as often
as the year it replaces. The chosen variant's accuracy on the other half (held out) is the
figure the rule's warning quotes (``years.MEASURED``; the script says whether the two
agree). Evidence below ``--bar`` on the held-out half gives no year.

    python scripts/eval_ref_year.py [--corpus DIR] [--jobs 2] [--seed 20261130] [--bar 0.90] [--odds 3] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

_YEAR = re.compile(r"(?<![\d/.-])((?:19[6-9]|20[01])\d)(?![\d/])")
_EO_NUMBER = re.compile(r"\b1\d{4}\b")
#: the declassification rule's variants, each the one before it with one more piece of evidence
#: (label, REF years, partial extract, the latest full date)
VARIANTS = (
    ("DECL, periods (the rule before)", False, False, False),
    ("... + REF years", True, False, False),
    ("... + partial extract", True, True, False),
    ("... + the latest full date's year if allowed", True, True, True),
)


def _facts(path: str) -> dict[str, Any]:
    """What the text of one page, pasted, gives: the rules' answers and the evidence."""
    from fidelity.inputs import pasted_text

    from convert.normalize import lines as lines_stage
    from convert.normalize.dtg import century_year
    from convert.normalize.preamble import parse_preamble
    from convert.normalize.routing import parse_routing
    from convert.normalize.rules import Run, years
    from convert.options import ReadOptions
    from convert.readers import Source, load_source

    name = Path(path).stem
    text = pasted_text(Path(path).read_text(encoding="utf-8"))
    raw = next(iter(load_source(Source(name, data=text.encode("utf-8"), form="text"), ReadOptions())))
    run = Run(frozenset())
    header, body = lines_stage.split(raw, run)
    fields, _ = parse_preamble(lines_stage.entries(body, run), run)
    eo = next((f.text for f in fields if f.kind == "eo"), "")
    decl = years.declassified(fields)
    shipped = {rule.name: rule.fn(fields, body) for rule in years.REF_YEAR}
    first = run.first(years.REF_YEAR, fields, body)
    joined = "\n".join(body)
    mentioned = collections.Counter(int(y) for y in _YEAR.findall(joined))
    dated = years.latest_dated(body)
    variants: dict[str, int | None] = {}
    if decl is not None:
        for label, cited, partial, by_date in VARIANTS:
            low, high = years.bounds(fields, body, cited=cited, partial=partial)
            found = years.year_of(decl, low, high, dated if by_date else None)
            variants[label] = found[0] if found else None
    cited_first, _ = years.bounds(fields, body, partial=False)
    number = _EO_NUMBER.search(eo)
    return {
        "id": name,
        "true": century_year(int(name[:2])),
        "dtg": parse_routing(header, run).date is not None,
        "partial": years.bounds(fields, body, cited=False)[1] == years.PARTIAL_LAST,
        "eo": number.group() if number else ("none" if not eo else "no number"),
        "decl": decl,
        "decl_slashed_first": bool(re.search(r"DECL\w*\s*:?\s*(?:19|20)\d\d/", eo, re.I)),
        "cited_first": cited_first if cited_first > years.FIRST_YEAR else None,
        "variants": variants,
        "mentioned": mentioned.most_common(1)[0][0] if mentioned else None,
        "dated": dated,
        "shipped": {k: (v[0] if v else None) for k, v in shipped.items()},
        "chain": first[0] if first else None,
    }


def _score(rows: list[dict[str, Any]], get: Callable[[dict[str, Any]], int | None]) -> tuple[int, int, int]:
    answered = [(get(r), r["true"]) for r in rows]
    kept = [(a, t) for a, t in answered if a is not None]
    return len(rows), len(kept), sum(a == t for a, t in kept)


def _paired(rows: list[dict[str, Any]], new: str, old: str) -> tuple[int, int]:
    """On the pages where two variants give different years: how often each is right."""
    differ = [r for r in rows if r["variants"][new] != r["variants"][old]]
    return sum(r["variants"][new] == r["true"] for r in differ), sum(r["variants"][old] == r["true"] for r in differ)


def _cell(score: tuple[int, int, int]) -> str:
    total, answered, right = score
    if not answered:
        return f"{'-':>22}"
    return f"{answered:>5}/{total:<5} {right:>5} {100 * right / answered:5.1f}%"


def _table(
    title: str, rows_by_column: dict[str, list[dict[str, Any]]], evidence: dict[str, Callable[..., Any]]
) -> None:
    print(f"\n{title}")
    print(f"{'evidence':48}" + "".join(f" {c:>22}" for c in rows_by_column))
    print(f"{'':48}" + "".join(f" {'answered/pages right acc':>22}" for _ in rows_by_column))
    for label, get in evidence.items():
        print(f"{label:48}" + "".join(f" {_cell(_score(rows, get))}" for rows in rows_by_column.values()))


def _counts(facts: list[dict[str, Any]]) -> None:
    partial = collections.Counter(f["true"] for f in facts if f["partial"])
    nodtg = collections.Counter(f["true"] for f in facts if not f["dtg"])
    print(f"pages: {len(facts)}; pasted text without a date-time group: {sum(nodtg.values())}; partial extracts: "
          f"{sum(partial.values())}")
    print("partial extracts by year: " + ", ".join(f"{y}: {n}" for y, n in sorted(partial.items())))
    print("no date-time group by year: " + ", ".join(f"{y}: {n}" for y, n in sorted(nodtg.items())))
    named = collections.Counter(f["eo"] for f in facts).most_common(6)
    print("E.O. named: " + ", ".join(f"{k}: {n}" for k, n in named))
    offsets = collections.Counter(f["decl"] - f["true"] for f in facts if f["decl"] is not None)
    with_decl = sum(offsets.values())
    print(f"declassification year less the true year ({with_decl} pages with a DECL date; "
          f"{sum(f['decl_slashed_first'] for f in facts)} written YYYY/MM/DD): "
          + ", ".join(f"{k}: {n}" for k, n in offsets.most_common(10)))
    cited = [f for f in facts if f["cited_first"] is not None]
    later = sum(f["true"] >= f["cited_first"] for f in cited)
    same = sum(f["true"] == f["cited_first"] for f in cited)
    print(f"REF fields naming a cable with a year: {len(cited)} pages; the cable's year is no earlier than the "
          f"latest on {later}, equal on {same}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20261130, help="seed of the split into choice and held-out halves")
    ap.add_argument("--bar", type=float, default=0.90, help="held-out accuracy below which evidence gives no year")
    ap.add_argument("--odds", type=float, default=3.0,
                    help="a piece of evidence is adopted where it changes the year if it is right that many "
                    "times as often as the year it replaces (and at least 3 times), on the choice half")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (a quick look; no figures)")
    args = ap.parse_args()

    from convert.normalize.rules import years

    paths = [str(p) for p in corpus.pages(args.corpus)]
    if args.limit:
        paths = paths[: args.limit]
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        facts = pool.map(_facts, paths, chunksize=32)
    ids = sorted(f["id"] for f in facts)
    random.Random(args.seed).shuffle(ids)  # noqa: S311 (a reproducible split, not a secret)
    choice = set(ids[: len(ids) // 2])
    first = [f for f in facts if f["id"] in choice]
    held = [f for f in facts if f["id"] not in choice]
    _counts(facts)

    labels = list(next((f["variants"] for f in facts if f["variants"]), {}))
    decl_rules: dict[str, Callable[..., Any]] = {k: (lambda f, k=k: f["variants"].get(k)) for k in labels}
    columns = {
        "choice half": [f for f in first if f["decl"] is not None],
        "held-out half": [f for f in held if f["decl"] is not None],
        "held-out, no DTG": [f for f in held if f["decl"] is not None and not f["dtg"]],
        "held-out, partial": [f for f in held if f["decl"] is not None and f["partial"]],
    }
    _table("Pages whose text gives a declassification date", columns, decl_rules)
    chosen = labels[0]
    print("\neach piece of evidence, where it changes the year on the choice half (then held out):")
    for label in labels[1:]:
        new, old = _paired(columns["choice half"], label, chosen)
        held_new, held_old = _paired(columns["held-out half"], label, chosen)
        adopt = new >= args.odds * max(1, old) and new >= 3
        print(f"  {label}: right {new} times where the year before it was right {old} times "
              f"(held out: {held_new} / {held_old}) -> {'adopted' if adopt else 'not adopted'}")
        if adopt:
            chosen = label
    _, answered, right = _score(columns["held-out half"], decl_rules[chosen])
    accuracy = right / max(1, answered)
    print(f"chosen on the choice half: {chosen}; held out: {100 * accuracy:.1f}% "
          f"({'a guess, marked year-guessed' if accuracy >= args.bar else 'below the bar: no year'}); "
          f"the rule's warning says {years.MEASURED}: "
          f"{'agrees' if f'{round(100 * accuracy)} %' == years.MEASURED else 'STALE: update years.MEASURED'}")

    text_rules: dict[str, Callable[..., Any]] = {
        "the year the text mentions most": lambda f: f["mentioned"],
        "the latest full date's year (On August 3, 2005)": lambda f: f["dated"],
    }
    columns = {
        "choice half": [f for f in first if f["decl"] is None],
        "held-out half": [f for f in held if f["decl"] is None],
        "held-out, no DTG": [f for f in held if f["decl"] is None and not f["dtg"]],
        "held-out, partial": [f for f in held if f["decl"] is None and f["partial"]],
    }
    _table("Pages whose text gives no declassification date (UNCLASSIFIED: E.O. N/A)", columns, text_rules)
    for label, get in text_rules.items():
        _, answered, right = _score(columns["held-out half"], get)
        verdict = "gives a year" if answered and right / answered >= args.bar else "below the bar: no year"
        print(f"{label}: held out {100 * right / max(1, answered):.1f}% -> {verdict}")

    shipped: dict[str, Callable[..., Any]] = {
        f"rule {name}": (lambda f, name=name: f["shipped"][name]) for name in years.REF_YEAR.names()
    }
    shipped["the chain (first match), as shipped"] = lambda f: f["chain"]
    columns = {
        "all pages": facts,
        "held-out half": held,
        "no DTG": [f for f in facts if not f["dtg"]],
        "partial": [f for f in facts if f["partial"]],
    }
    _table("The fields.ref-year rules as shipped (every page)", columns, shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
