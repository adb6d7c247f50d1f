"""``--pdf-sample N``: check the reading-text proxy against what the PDF really shows.

For N pages of the truth file (a seeded draw), the project's default PDF is rendered and its
text extracted with pypdf. Reported per cable: how many of the proxy's words the PDF shows
(as multisets of lower-case letters-and-digits words), how many words the PDF shows beyond the
proxy (running heads, the opener, metadata), and the residue kinds the detectors find in the
PDF's text but not in the proxy (or the reverse). The PDF's text also holds what the edition
puts out of the reader's way (the opener); those words are listed, not counted as residue.
"""

from __future__ import annotations

import random
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from . import ours, residue

_WORD = re.compile(r"[a-z0-9]+")


def _words(value: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", value).lower()))


def _hits(blocks: list[tuple[str, str]], subject: str | None) -> dict[str, list[str]]:
    return residue.audit(blocks, subject)


def run(root: Path, truth: list[dict[str, Any]], n: int, seed: int) -> int:
    pages = sorted(f["page"] for r in truth for f in r["forms"] if f["form"] == "page")
    chosen = sorted(random.Random(seed).sample(pages, min(n, len(pages))))  # noqa: S311 - a draw, not a secret
    print("| cable | proxy words shown in the PDF | PDF words beyond the proxy | residue kinds: PDF only "
          "| proxy only | PDF seconds |")
    print("|---|---|---|---|---|---|")
    total_shown = total_proxy = 0
    examples: list[str] = []
    for rel in chosen:
        page = (root / rel).read_text(encoding="utf-8")
        try:
            cable = ours.from_page(page, rel)
        except ours.Failed as exc:
            print(f"| {rel} | failed: {exc} | | | | |")
            continue
        blocks = [(b.kind, b.text) for b in ours.reading_blocks(cable)]
        proxy = _words(" ".join(t for _k, t in blocks))
        started = time.process_time()
        text = ours.pdf_text(cable)
        seconds = time.process_time() - started
        shown = _words(text)
        covered = sum(min(c, shown[w]) for w, c in proxy.items())
        beyond = sum((shown - proxy).values())
        subject = ours.facts(cable, with_shown=False).get("subject")
        pdf_hits = _hits([("pdf", line) for line in text.split("\n")], subject)
        pdf_kinds, proxy_kinds = set(pdf_hits), set(_hits(blocks, subject))
        for kind in sorted(pdf_kinds - proxy_kinds):
            examples.append(f"{rel.rsplit('/', 1)[-1]} {kind}: {pdf_hits[kind][0]!r}")
        total_shown += covered
        total_proxy += sum(proxy.values())
        name = rel.rsplit("/", 1)[-1].removesuffix(".html")
        pdf_only = ", ".join(sorted(pdf_kinds - proxy_kinds)) or "—"
        proxy_only = ", ".join(sorted(proxy_kinds - pdf_kinds)) or "—"
        print(f"| {name} | {covered}/{sum(proxy.values())} | {beyond} | {pdf_only} | {proxy_only} | {seconds:.1f} |")
    print(f"\nOver the sample: the PDF shows {total_shown} of the proxy's {total_proxy} words "
          f"({100 * total_shown / max(1, total_proxy):.1f} %). Residue kinds found only in the PDF come from what "
          "the PDF shows beyond the reading text (the opener and running heads); the first hit of each:")
    for line in examples:
        print(f"- {line}")
    return 0
