#!/usr/bin/env python3
"""How well ``foreign`` is marked (issue 14, item 8): every quoted passage the rule of
``convert/normalize/build/lang.py`` marks over the 6,550 cablegate pages and 300 cables.csv rows,
beside a judgement of each made by reading it in its sentence (``scripts/foreign_judged.tsv``:
input, language, passage, right or wrong, why). Precision first: a wrong ``foreign`` is worse
than none.

Prints, per language: found, right, wrong, not yet judged; then every passage found with its
verdict. ``--misses`` also lists the quoted passages the rule leaves unmarked though a laxer
count (two common words of one language, more than the English ones) would take them: what to
read for the passages it misses.

    python scripts/eval_foreign.py [--corpus DIR] [--jobs 2] [--misses]

A new passage (after a change of the rule) shows as "not judged": read it in its cable, then
add its line to the judgement file.
"""

from __future__ import annotations

import argparse
import collections
import csv
import multiprocessing
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

JUDGED = Path(__file__).resolve().parent / "foreign_judged.tsv"
T = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_QUOTED = re.compile(r'"+([^"“”«»]{2,300}?)"+|“([^"“”«»]{2,300}?)”|«([^"“”«»]{2,300}?)»')
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _raw(kind: str, name: str):  # type: ignore[no-untyped-def]
    from convert.options import ReadOptions
    from convert.readers import Source, cablescsv, load_source

    if kind == "csv":
        path, row = name.rsplit("#", 1)
        with open(path, "rb") as handle:
            return next(r for r in cablescsv.iter_rows(handle, Path(path).name) if not isinstance(r, Exception)
                        and r.source.endswith("#" + row))
    return next(iter(load_source(Source(name, path=name), ReadOptions())))


def _lax(text: str) -> str | None:
    """A laxer count: two words of one language's common words, more than the English ones
    (words that are English too count for both), three words or more."""
    from convert.normalize.build.lang import COMMON, ENGLISH_TOO, LANGUAGES

    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(w in COMMON["en"] or w in ENGLISH_TOO for w in words)
    hits = {lang: sum(w in COMMON[lang] for w in words) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: hits[lang])
    return best if hits[best] >= 2 and hits[best] > english and len(words) >= 3 else None


def check(task: tuple[str, str]) -> tuple[str, list[tuple[str, str]], list[str]]:
    """(input, [(language, passage)] marked, [passages a laxer count would take, unmarked])."""
    from convert.errors import ConvertError
    from convert.pipeline import to_cable

    kind, name = task
    label = name.rsplit("#", 1)[0].rsplit("/", 1)[-1] + ("#" + name.rsplit("#", 1)[1] if kind == "csv" else "")
    try:
        tei = to_cable(_raw(kind, name)).tei
    except ConvertError:
        return label, [], []
    found = [(f.get(XML_LANG, ""), "".join(f.itertext())) for f in tei.iter(T + "foreign")]
    marked = {text for _, text in found}
    misses = []
    for p in tei.iter(T + "p", T + "item"):
        if p.get(XML_LANG):
            continue
        for match in _QUOTED.finditer(" ".join("".join(p.itertext()).split())):
            inner = next(g for g in match.groups() if g is not None).rstrip(",")
            if not any(text in inner for text in marked) and _lax(inner):
                misses.append(inner)
    return label, found, misses


def judged() -> dict[tuple[str, str, str], tuple[str, str]]:
    with JUDGED.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], r[1], r[2]): (r[3], r[4] if len(r) > 4 else "") for r in rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--misses", action="store_true", help="list what a laxer count would also take")
    args = ap.parse_args()
    from eval_tei import csv_tasks

    tasks = [("html", str(f.resolve())) for f in corpus.pages(args.corpus)] + csv_tasks()
    verdicts = judged()
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    lines, missed = [], []
    with multiprocessing.Pool(args.jobs) as pool:
        for label, found, misses in pool.imap(check, tasks, chunksize=16):
            for lang, text in found:
                verdict, why = verdicts.get((label, lang, text), ("not judged", ""))
                table[lang]["found"] += 1
                table[lang][verdict] += 1
                lines.append(f"  {verdict:10} {lang} {label}: {text!r}" + (f" ({why})" if why else ""))
            missed += [f"  {label}: {text!r}" for text in misses]
    print(f"foreign over {len(tasks)} inputs (pages and rows; judged by eye in {JUDGED.name})\n")
    print("| language | found | right | wrong | not judged |\n|---|---:|---:|---:|---:|")
    total: collections.Counter[str] = collections.Counter()
    for lang in sorted(table):
        row = table[lang]
        total.update(row)
        print(f"| {lang} | {row['found']} | {row['right']} | {row['wrong']} | {row['not judged']} |")
    print(f"| all | {total['found']} | {total['right']} | {total['wrong']} | {total['not judged']} |")
    print("\nEvery passage marked:")
    print("\n".join(lines))
    print(f"\nQuoted passages a laxer count would take, left unmarked: {len(missed)}")
    if args.misses:
        print("\n".join(missed))
    return 1 if total["wrong"] or total["not judged"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
