"""One unit of work per source (a page, a CSV row, a text file), run in a worker process.

Each returns plain data: per input form the scored facts (or the failure), the residue
hits, and for pages the paragraph audit. No scoring against the truth happens here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from . import inputs, ours, paragraphs, residue

DTG = re.compile(r"\b\d{6}Z\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*\d{2}(?:\d{2})?\b", re.I)
MAX_HITS = 3
_TABLE = re.compile(r"<table class='cable'>(.*?)</table>", re.S)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)


def page_table(page: str) -> dict[str, str]:
    """The page's metadata table, read here independently of the project's reader."""
    found = _TABLE.search(page)
    cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in _CELL.findall(found.group(1))] if found else []
    keys = ("id", "created", "released", "classification", "origin")
    return dict(zip(keys, cells, strict=False))


def _one_form(make: Any, *, audit_anchors: list[paragraphs.Anchor] | None = None) -> dict[str, Any]:
    """Convert one input and measure it: facts, residue hits, and the paragraph audit."""
    try:
        cable = make()
    except ours.Failed as exc:
        return {"failed": exc.kind, "message": str(exc)}
    facts = ours.facts(cable)
    blocks = ours.reading_blocks(cable)
    hits = residue.audit(((b.kind, b.text, b.part) for b in blocks), facts.get("subject"), ours.preamble_lines(cable))
    out: dict[str, Any] = {
        "facts": facts,
        "residue": {k: v[:MAX_HITS] for k, v in hits.items()},
        "residue_counts": {k: len(v) for k, v in hits.items()},
        "warnings": len(cable.warnings),
    }
    if audit_anchors is not None:
        numbers = paragraphs.counted(audit_anchors)
        ours_numbers = facts["numbered"]  # the anchors cover the whole page, an appended cable too
        remaining = Counter(ours_numbers)
        triples = [(b.kind, b.n, b.text) for b in blocks]
        unmatched = []
        for a in audit_anchors:
            if not a.counts:
                continue
            if remaining[a.n] > 0:
                remaining[a.n] -= 1
                continue
            unmatched.append({"n": a.n, "context": a.context, "where": paragraphs.where_in(a.words, triples, a.n),
                              "words": " ".join(a.words[:6])})
        out["anchors"] = {
            "counted": len(numbers),
            "matched": paragraphs.matched(numbers, ours_numbers),
            "unmatched": unmatched,
            "ours_out_of_sequence": paragraphs.out_of_sequence(ours_numbers),
            "anchors_out_of_sequence": paragraphs.out_of_sequence(numbers),
        }
    return out


def page_task(task: tuple[str, str, bool]) -> dict[str, Any]:
    root, rel, with_browser = task
    page = (Path(root) / rel).read_text(encoding="utf-8")
    pasted = inputs.pasted_text(page)
    found = paragraphs.anchors(inputs.pre_blocks(page)[-1] if inputs.pre_blocks(page) else "")
    out: dict[str, Any] = {
        "source": "page",
        "rel": rel,
        "table": page_table(page),
        "has_dtg": bool(DTG.search(pasted)),
        "anchor_numbers": [a.n for a in found if a.counts],
        "forms": {
            "page": _one_form(lambda: ours.from_page(page, rel), audit_anchors=found),
            "pasted": _one_form(lambda: ours.from_text(pasted, rel + " (pasted)"), audit_anchors=found),
        },
    }
    if with_browser:
        copy = inputs.browser_copy(page)
        out["forms"]["browser"] = _one_form(lambda: ours.from_text(copy, rel + " (browser copy)"))
    return out


def csv_task(raw: Any) -> dict[str, Any]:
    text = (raw.header or "") + "\n\n" + raw.body
    return {
        "source": "csv",
        "row": ours.csv_row_number(raw),
        "table": {"id": raw.metadata.id, "classification": raw.metadata.classification,
                  "origin": raw.metadata.origin, "created": raw.metadata.created},
        "has_dtg": bool(DTG.search(text)),
        "forms": {"csv": _one_form(lambda: ours.from_raw(raw))},
    }


def text_task(task: tuple[str, str]) -> dict[str, Any]:
    form, path = task
    content = Path(path).read_text(encoding="utf-8")
    rel = str(Path(path).relative_to(inputs.shared_corpus()))
    return {
        "source": form,
        "rel": rel,
        "has_dtg": bool(DTG.search(content)),
        "forms": {form: _one_form(lambda: ours.from_text(content, rel)), **(_pre2000_forms(content, rel)
                                                                          if form == "pre2000" else {})},
    }


def _pre2000_forms(content: str, rel: str) -> dict[str, Any]:
    """The pre2000 file as its cablegate page and as that page's pasted text
    (:func:`inputs.pre2000_page`); none where the end of its routing header is not found."""
    page = inputs.pre2000_page(content)
    if page is None:
        return {}
    pasted = inputs.pasted_text(page)
    found = paragraphs.anchors(inputs.pre_blocks(page)[-1])
    return {"pre2000 page": _one_form(lambda: ours.from_page(page, rel + " (page)"), audit_anchors=found),
            "pre2000 pasted": _one_form(lambda: ours.from_text(pasted, rel + " (pasted)"), audit_anchors=found)}


def run(task: tuple[str, Any]) -> dict[str, Any]:
    kind, payload = task
    if kind == "page":
        return page_task(payload)
    if kind == "csv":
        return csv_task(payload)
    return text_task(payload)
