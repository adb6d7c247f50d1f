"""Issue 12 item 10: how much of each cable's reading text the JSON record carries.

    python scripts/json_words.py [--pages 200] [--corpus DIR] [--code CHECKOUT]

For a spread of cablegate pages (every n-th of the archive, unpacked from ../shared unless
``--corpus`` names a folder of pages), each page is converted in this process; the words of
the TEI body's reading text (:func:`convert.textview.reading_text`, the words a reader sees)
are compared with the words of the record's body-bearing part: ``body`` when the record has
one, else ``paragraphs`` (the record before item 10). A paragraph's number counts as its
label's word. Printed: words in the reading text, words missing from the record (a longest
common subsequence, so order counts), records missing any / over 20 %, the worst record.
``--code`` runs another checkout's ``convert`` (``git archive COMMIT | tar -x -C DIR``) for a
before/after comparison on the same pages.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

WORD = re.compile(r"\w+")


def record_words(record: dict[str, Any]) -> list[str]:
    """The words of the record's reading text, in the record's order."""
    words: list[str] = []
    blocks = record["body"] if "body" in record else record["paragraphs"]
    for block in blocks:
        if isinstance(block.get("n"), int):
            words.append(str(block["n"]))
        for key in ("marking", "text"):
            words += WORD.findall(block.get(key) or "")
        for item in block.get("items") or ():
            words += WORD.findall(item.get("label") or "")
            words += WORD.findall(item["text"])
    return words


def missing(reading: list[str], record: list[str]) -> int:
    """Words of ``reading`` not matched, in order, by ``record``."""
    matcher = difflib.SequenceMatcher(None, reading, record, autojunk=False)
    return len(reading) - sum(block.size for block in matcher.get_matching_blocks())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--corpus", help="a folder of cablegate pages (default: unpacked from ../shared)")
    ap.add_argument("--code", help="the checkout whose convert package to run (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve() if args.code else Path(__file__).resolve().parents[1]))
    from convert.api import convert_file
    from convert.model import TEI_NS
    from convert.textview import reading_text
    from convert.writers.json import record

    pages = corpus.pages(args.corpus)
    step = max(1, len(pages) // args.pages)
    chosen = pages[::step][: args.pages]
    total = lost = some = many = 0
    worst = (0.0, "", 0, 0)
    for page in chosen:
        [converted] = convert_file(page, to="tei")
        cable = converted.cable
        body = cable.tei.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
        reading = WORD.findall(reading_text(body)) if body is not None else []
        gone = missing(reading, record_words(record(cable)))
        total += len(reading)
        lost += gone
        some += gone > 0
        many += gone > 0.2 * len(reading)
        if reading and gone / len(reading) > worst[0]:
            worst = (gone / len(reading), page.stem, len(reading) - gone, len(reading))
    print("| code | pages | reading words | missing from the record | records missing any | over 20 % | worst |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {args.code or 'this checkout'} | {len(chosen)} | {total} | {lost} ({100 * lost / max(total, 1):.1f} %) "
          f"| {some} | {many} | {worst[1] or '-'}: {worst[2]} of {worst[3]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
